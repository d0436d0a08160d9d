"""Helpers shared by the Markdown, text and HTML renderers."""

from __future__ import annotations

from collections import Counter

from ..types import Report

STATUS_MARK = {"reports": "✓", "differs": "≠", "silent": "·"}


def source_label(report: Report, sid: str) -> str:
    a = next(x for x in report.articles if x.id == sid)
    name = a.outlet or a.title or a.path.rsplit("/", 1)[-1]
    return f"{sid}: {name}"


def published_label(report: Report, sid: str) -> str:
    a = next(x for x in report.articles if x.id == sid)
    if a.published is None:
        return "no date"
    how = {"text": "", "metadata": " (metadata)", "option": " (--published)", "co-source": " (year from co-source)"}
    return a.published.isoformat() + how.get(a.published_from, "")


def normalisation_table(report: Report) -> list[tuple[str, str, str, int, list[str]]]:
    """Distinct (from, to, kind) with how often and where, most frequent first."""
    counts: Counter[tuple[str, str, str]] = Counter()
    where: dict[tuple[str, str, str], list[str]] = {}
    for n in report.normalisations:
        key = (n.text, n.value, n.kind)
        counts[key] += 1
        where.setdefault(key, []).append(n.sentence)
    rows = sorted(counts, key=lambda k: (k[2], -counts[k], k[0].lower(), k[1]))
    return [(f, t, k, counts[(f, t, k)], where[(f, t, k)]) for f, t, k in rows]


def shorten(text: str, width: int = 160) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
