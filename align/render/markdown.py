"""Markdown report for people: discrepancies first, then omissions, then agreements."""

from __future__ import annotations

from ..types import Report
from .common import (STATUS_MARK, normalisation_table, only_labels, plural, published_label, score_note,
                     source_label, shorten, verdict_label, credits)
from .jsonout import summary


def _md(s: str) -> str:
    """Escape what Markdown would read as markup in article text."""
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_") \
            .replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`").replace("[", "\\[")


def _baseline(report: Report) -> list[str]:
    """--baseline: the reference source's view, first thing an editor reads."""
    from .jsonout import baseline_view

    view = baseline_view(report)
    b = view["id"]
    L = ["", f"## Against the baseline {_md(source_label(report, b))}", ""]
    L.append(f"Others report {plural(len(view['lacks']), 'claim')} that {b} lacks; "
             f"{b} disagrees with them on {plural(len(view['disagrees']), 'point')}.")
    L.append("")
    for d in view["disagrees"]:
        values = "; ".join(f"{src}: {v}" for src, v in d["values"].items())
        L.append(f"- {d['claim']} ({d['kind']}): {_md(values)}")
    for item in view["lacks"]:
        first = report.sentence(item["sentences"][0]).text
        L.append(f"- {item['claim']} missing (reported by {', '.join(item['sources'])}): {_md(shorten(first, 200))}")
    return L


def render_markdown(report: Report) -> str:
    s = summary(report)
    ids = [a.id for a in report.articles]
    L: list[str] = []
    L.append("# claimdiff report")
    L.append("")
    L.append("| source | title | published | sentences | photo credits |")
    L.append("|---|---|---|---|---|")
    for a in report.articles:
        n = sum(1 for x in report.sentences if x.source == a.id)
        L.append(f"| {_md(source_label(report, a.id))} | {_md(a.title or '(none)')} | {published_label(report, a.id)} | {n} "
                 f"| {_md('; '.join(credits(a))) or '(none)'} |")
    L.append("")
    L.append(f"**{plural(s['claims'], 'claim')}**: {s['agreements']} agree, {s['partial']} partly agree "
             f"(one side adds facts), {s['discrepancy_claims']} disagree "
             f"({plural(s['discrepancies'], 'discrepancy', 'discrepancies')}); "
             f"{plural(s['omissions'], 'sentence')} reported by one source only.")
    if report.baseline:
        L.extend(_baseline(report))
    for note in report.notes:
        L.append(f"\n> Note: {_md(note)}")
    L.append("")

    L.append("## Discrepancies")
    L.append("")
    if not report.discrepancies:
        L.append("None found.")
        L.append("")
    for d in report.discrepancies:
        L.append(f"### {d.claim} · {d.kind}")
        L.append("")
        L.append(f"{_md(d.explanation[:1].upper() + d.explanation[1:])}.")
        L.append("")
        for src, value in d.values.items():
            L.append(f"- **{src}** says: {_md(value)}")
            for sid in d.sentences:
                if report.sentence(sid).source == src:
                    L.append(f"  - {sid}: “{_md(report.sentence(sid).text)}”")
        L.append("")

    L.append("## Omissions")
    L.append("")
    for src in ids:
        only = [c for c in report.exclusives if c.sources == [src]]
        L.append(f"### Only in {_md(source_label(report, src))} ({sum(len(c.sentence_ids) for c in only)})")
        L.append("")
        for c in only:
            for sid in c.sentence_ids:
                L.append(f"- {sid}: {_md(report.sentence(sid).text)}")
        if not only:
            L.append("Nothing.")
        L.append("")

    L.append("## Claims reported by more than one source")
    L.append("")
    L.append(score_note() + " Claims one source alone reports are under Omissions, so ids here skip them.")
    L.append("")
    header = "| claim | verdict | score | " + " | ".join(ids) + " |"
    L.append(header)
    L.append("|---|---|---|" + "---|" * len(ids))
    for c in report.alignments:
        cells = []
        for src in ids:
            mark = STATUS_MARK[c.status[src]]
            cells.append(f"{mark} {', '.join(c.sentences[src])}".strip())
        L.append(f"| {c.id} | {verdict_label(c)} | {c.score:.2f} | " + " | ".join(cells) + " |")
    L.append("")
    for c in report.alignments:
        L.append(f"### {c.id} · {verdict_label(c)}")
        L.append("")
        for src in ids:
            for sid in c.sentences[src]:
                L.append(f"- **{sid}**: {_md(report.sentence(sid).text)}")
        for src in c.only_in:
            L.append(f"- only {src} mentions: {_md(', '.join(only_labels(report, c, src)))}")
        L.append("")

    L.append("## Normalisations (differences that are not discrepancies)")
    L.append("")
    L.append("| written | read as | kind | times | sentences |")
    L.append("|---|---|---|---|---|")
    for f, t, k, n, where in normalisation_table(report):
        shown = ", ".join(where[:6]) + (" …" if len(where) > 6 else "")
        L.append(f"| {_md(f)} | {_md(t)} | {k} | {n} | {shown} |")
    L.append("")
    L.append(f"_Model: {report.model} ({report.backend}). Legend: ✓ reports, ≠ reports differently, · silent._")
    return "\n".join(L) + "\n"
