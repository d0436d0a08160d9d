"""Load hand-made gold (fixtures/gold/*.json, see FORMAT.md) and map its snippets to sentence ids.

``problems(path)`` checks a gold file against FORMAT.md's rules using the segmenter only (no
alignment, no model), so gold can be written and checked without seeing the tool's output:
``python -m align.eval.gold fixtures/gold/<event>.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import Sentence


@dataclass(frozen=True)
class Gold:
    event: str
    paths: dict[str, str]
    published: dict[str, str | None]
    groups: list[dict[str, list[str]]]  # source -> sentence ids
    omissions: list[tuple[str, tuple[str, ...]]]  # sentence id, missing_from
    dates: list[tuple[str, str, str]]  # sentence id, expression, value
    discrepancies: list[dict]  # kind, sentences {source: id}, values
    variants: list[tuple[str, str, str, str]]  # sentence id, from, to, kind

    def pairs(self) -> set[frozenset[str]]:
        """Cross-source sentence pairs that the gold says correspond."""
        out = set()
        for g in self.groups:
            ids = [(s, i) for s, lst in g.items() for i in lst]
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    if ids[x][0] != ids[y][0]:
                        out.add(frozenset((ids[x][1], ids[y][1])))
        return out


def load(path: str | Path, root: str | Path, sentences: list[Sentence] | None = None) -> Gold:
    """Read a gold file; ``sentences`` (from segmenting the sources) resolve snippets to ids."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    sources = data["sources"]
    paths = {s["id"]: str(Path(root) / s["path"]) for s in sources}
    by_source: dict[str, list[Sentence]] = {}
    for s in sentences or []:
        by_source.setdefault(s.source, []).append(s)

    def sid(source: str, snippet: str) -> str:
        hits = [s.id for s in by_source.get(source, []) if snippet in s.text]
        if len(hits) != 1:
            raise InputError(f"{path}: snippet {snippet!r} of {source} matches {len(hits)} sentences")
        return hits[0]

    groups = [{src: [sid(src, sn) for sn in sns] for src, sns in g.items()} for g in data["groups"]]
    omissions = [(sid(o["source"], o["sentence"]), tuple(o["missing_from"])) for o in data["omissions"]]
    dates = [(sid(d["source"], d["sentence"]), d["expression"], d["value"]) for d in data.get("dates", [])]
    discs = [{"kind": d["kind"], "sentences": {src: sid(src, sn) for src, sn in d["sentences"].items()},
              "values": d.get("values", {}), "note": d.get("note", "")} for d in data.get("discrepancies", [])]
    variants = [(sid(v["source"], v["sentence"]), v["from"], v["to"], v["kind"]) for v in data.get("variants", [])]
    return Gold(data["event"], paths, {s["id"]: s.get("published") for s in sources}, groups, omissions,
                dates, discs, variants)


KINDS = ("date", "number", "title", "name", "place", "attribution", "negation", "quote")
VARIANT_KINDS = ("spelling", "alias", "title", "name", "date")


def problems(path: str | Path, root: str | Path) -> list[str]:
    """Every way the gold file breaks FORMAT.md's rules, one line each (empty: it is sound)."""
    from ..pipeline import Options, read_sources
    from ..segment import segment

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    ids = [s["id"] for s in data["sources"]]
    articles = read_sources([str(Path(root) / s["path"]) for s in data["sources"]], Options())
    sentences = {a.id: segment(a) for a in articles}
    out: list[str] = []

    def sid(source: str, snippet: str, where: str) -> str | None:
        if source not in sentences:
            out.append(f"{where}: no source {source!r}")
            return None
        hits = [s.id for s in sentences[source] if snippet in s.text]
        if len(hits) != 1:
            out.append(f"{where}: snippet {snippet!r} of {source} is in {len(hits)} sentences"
                       + (f" ({', '.join(hits)})" if hits else ""))
            return None
        return hits[0]

    placed: dict[str, list[str]] = {}
    for n, g in enumerate(data["groups"], 1):
        if len(g) < 2:
            out.append(f"group {n}: holds one source only (that is an omission)")
        for src, snippets in g.items():
            for sn in snippets:
                if (i := sid(src, sn, f"group {n}")):
                    placed.setdefault(i, []).append(f"group {n}")
    for n, o in enumerate(data["omissions"], 1):
        if (i := sid(o["source"], o["sentence"], f"omission {n}")):
            placed.setdefault(i, []).append(f"omission {n}")
            if sorted(o["missing_from"]) != sorted(x for x in ids if x != o["source"]):
                out.append(f"omission {n}: missing_from should name every other source")
    for src in ids:
        for s in sentences.get(src, []):
            where = placed.get(s.id, [])
            if len(where) != 1:
                out.append(f"{s.id} ({s.text[:50]!r}...) is in {len(where)} places" + (f": {', '.join(where)}" if where else ""))
    for n, d in enumerate(data.get("dates", []), 1):
        if (i := sid(d["source"], d["sentence"], f"date {n}")):
            text = next(s.text for s in sentences[d["source"]] if s.id == i)
            if d["expression"] not in text:
                out.append(f"date {n}: expression {d['expression']!r} is not in {i}")
    for n, d in enumerate(data.get("discrepancies", []), 1):
        if d["kind"] not in KINDS:
            out.append(f"discrepancy {n}: kind {d['kind']!r} is not one of {', '.join(KINDS)}")
        if len(d["sentences"]) < 2:
            out.append(f"discrepancy {n}: needs sentences of two sources")
        for src, sn in d["sentences"].items():
            sid(src, sn, f"discrepancy {n}")
    for n, v in enumerate(data.get("variants", []), 1):
        if v["kind"] not in VARIANT_KINDS:
            out.append(f"variant {n}: kind {v['kind']!r} is not one of {', '.join(VARIANT_KINDS)}")
        if (i := sid(v["source"], v["sentence"], f"variant {n}")):
            text = next(s.text for s in sentences[v["source"]] if s.id == i)
            if v["from"] not in text:
                out.append(f"variant {n}: {v['from']!r} is not in {i}")
    return out


if __name__ == "__main__":
    import sys

    root = Path(__file__).resolve().parents[2]
    bad = 0
    for arg in sys.argv[1:]:
        found = problems(arg, root)
        for line in found:
            print(f"{arg}: {line}")
        bad += len(found)
    if not bad:
        print("gold is sound")
    sys.exit(1 if bad else 0)
