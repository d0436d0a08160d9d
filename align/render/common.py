"""Helpers shared by the Markdown, text and HTML renderers."""

from __future__ import annotations

from collections import Counter

from ..normalise.text import plain
from ..types import Report

STATUS_MARK = {"reports": "✓", "differs": "≠", "silent": "·"}


def source_label(report: Report, sid: str) -> str:
    a = next(x for x in report.articles if x.id == sid)
    name = a.outlet or a.path.rsplit("/", 1)[-1]  # the title has a column of its own
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
        if n.sentence not in where.setdefault(key, []):
            where[key].append(n.sentence)
    rows = sorted(counts, key=lambda k: (k[2], -counts[k], k[0].lower(), k[1]))
    return [(f, t, k, counts[(f, t, k)], where[(f, t, k)]) for f, t, k in rows]


def shorten(text: str, width: int = 160) -> str:
    """At most ``width`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def score_note(settings=None) -> str:
    """What the score column means, with the weights that made it."""
    from ..settings import DEFAULT

    settings = settings or DEFAULT
    top = settings.w_cosine + settings.w_lexical + settings.w_shared
    return (f"Score: how alike a claim's sentences are across sources, {settings.w_cosine:g} × embedding "
            f"cosine + {settings.w_lexical:g} × shared words + {settings.w_shared:g} × shared facts "
            f"(from 0 to {top:g}).")


VERDICT_LABEL = {"agreement": "agree", "partial": "partly agree", "discrepancy": "disagree"}


def verdict_label(claim) -> str:
    """A claim's verdict in an editor's words (the JSON keeps the verdict names)."""
    if claim.verdict == "exclusive":
        return "only in " + ", ".join(claim.sources)
    return VERDICT_LABEL.get(claim.verdict, claim.verdict)


def first_shown(report: Report, claim) -> str:
    """The sentence that stands for a claim in a table: the first one a discrepancy names, else the first."""
    named = [sid for d in report.discrepancies if d.claim == claim.id for sid in d.sentences]
    return report.sentence(named[0] if named else claim.sentence_ids[0]).text


def only_labels(report: Report, claim, src: str) -> list[str]:
    """A claim's facts only ``src`` has, as the source wrote them: "Burma (Myanmar)", "60 years"."""
    out = []
    for item in claim.only_in.get(src, ()):
        kind, _, value = item.partition(": ")
        texts = sorted({m.text for sid in claim.sentences[src] for m in report.facts[sid].mentions
                        if m.kind == kind and m.value == value})
        shown = texts[0] if texts else value
        if kind not in ("number",) and texts and plain(shown) != plain(value):
            shown = f"{shown} ({value})"
        out.append(f"{kind}: {shown}")
    return out


def credits(article) -> list[str]:
    """Photo credits, each once, in order."""
    return list(dict.fromkeys(article.credits))


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"
