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
        values = "; ".join(f"{src}: {v}" for src, v in sorted(d.get("values", {}).items()))
        kinds.setdefault(key, []).append(f"{d['kind']}: {values}" if values else d["kind"])
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


def _renamed(data: dict, mapping: dict[str, str]) -> dict:
    """The report with source ids renamed (A -> B, ...) in every sentence id it holds."""
    import re

    text = json.dumps(data)
    pattern = re.compile(r'"(' + "|".join(sorted(mapping, key=len, reverse=True)) + r')(\d*)"')
    return json.loads(pattern.sub(lambda m: f'"{mapping[m.group(1)]}{m.group(2)}"', text))


def source_check(old: dict, new: dict) -> tuple[dict, list[str]]:
    """Match the old report's sources to today's by their text: the same articles in another order
    are renamed to today's ids; different articles are named in warnings."""
    def hashes(data: dict) -> dict[str, str]:
        return {s["id"]: s.get("sha256", "") for s in data.get("sources", [])}

    ho, hn = hashes(old), hashes(new)
    if ho == hn or not all(ho.values()):
        return old, []
    by_hash = {h: sid for sid, h in hn.items()}
    if sorted(ho.values()) == sorted(hn.values()):
        return _renamed(old, {sid: by_hash[h] for sid, h in ho.items()}), []
    warnings = [f"source {sid} is not the article the reviewed report compared" for sid in sorted(hn)
                if hn[sid] != ho.get(sid)]
    return old, warnings


def changes(old: dict, new: dict) -> list[str]:
    """Readable lines, one per changed verdict; empty when nothing changed."""
    old, _ = source_check(old, new)
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
