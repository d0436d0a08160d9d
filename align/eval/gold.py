"""Load hand-made gold (fixtures/gold/*.json, see FORMAT.md) and map its snippets to sentence ids."""

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
