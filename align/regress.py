"""``--against``: compare today's verdicts with a reviewed earlier JSON report."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError


def _key(sentences) -> str:
    return " ".join(sorted(sentences))


def verdicts(data: dict) -> dict[str, str]:
    """Claim (keyed by its sentence ids, stable across runs) -> verdict, plus discrepancy kinds."""
    out = {}
    for a in data.get("alignments", []):
        out[_key(a["sentences"])] = a["verdict"]
    for o in data.get("omissions", []):
        out[_key([o["sentence"]])] = "omission from " + ",".join(o["missing_from"])
    kinds: dict[str, list[str]] = {}
    for d in data.get("discrepancies", []):
        claim = next((a for a in data.get("alignments", []) if set(d["sentences"]) <= set(a["sentences"])), None)
        key = _key(claim["sentences"]) if claim else _key(d["sentences"])
        kinds.setdefault(key, []).append(d["kind"])
    for key, ks in kinds.items():
        if key in out:
            out[key] += " (" + ", ".join(sorted(ks)) + ")"
    return out


def load(path: str | Path) -> dict:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such report") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError(f"{p}: is not a claimdiff JSON report") from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("claimdiff/"):
        raise InputError(f"{p}: is not a claimdiff JSON report (no schema field)")
    return data


def changes(old: dict, new: dict) -> list[str]:
    """Readable lines, one per changed verdict; empty when nothing changed."""
    vo, vn = verdicts(old), verdicts(new)
    lines = []
    for key in sorted(set(vo) | set(vn)):
        a, b = vo.get(key), vn.get(key)
        if a == b:
            continue
        if a is None:
            lines.append(f"new      [{key}]: {b}")
        elif b is None:
            lines.append(f"gone     [{key}]: was {a}")
        else:
            lines.append(f"changed  [{key}]: {a} -> {b}")
    return lines
