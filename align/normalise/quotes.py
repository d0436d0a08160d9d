"""Quotations and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"|(?<!\w)‘([^’]{3,}?)’(?!\w)")
SPEECH = (r"(?:said|says|say|saying|told|tells|telling|noted|notes|noting|added|adds|adding|stated|states|wrote|"
          r"writes|warned|warns|warning|called|calls|"
          r"declared|insisted|argued|stressed|urged|described|announced|remarked|reaffirmed|asked|tweeted|"
          r"posted|replied|explained|vowed|promised|cautioned|claimed|acknowledged|admitted|recalled|"
          r"reiterated|emphasi[sz]ed|accused|accuses|according to)")
NEGATION = re.compile(r"\b(?:not|n[’']t|never|no|neither|nor|without|none|nobody|nothing|denied|denies|deny|refused|refuses|rejected|rejects|failed to|fails to|declined to|declines to)\b|\w+n[’']t\b", re.I)


@dataclass(frozen=True)
class QuoteMention:
    text: str  # the quoted words
    start: int
    end: int


def find_quotes(text: str, min_words: int = 2) -> list[QuoteMention]:
    """Quoted words, two or more ("must stop"); one quoted word is a term ("Quad"), not speech."""
    out = []
    for m in QUOTE.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i) is not None)
        words = m.group(g)
        if len(words.split()) < min_words:
            continue
        out.append(QuoteMention(words, m.start(), m.end()))
    return out


def outside_quotes(text: str, quotes: list[QuoteMention]) -> str:
    """The text with its quoted words blanked out (same length, so offsets hold)."""
    for q in quotes:
        text = text[:q.start] + " " * (q.end - q.start) + text[q.end:]
    return text


def speaker_spans(text: str, quotes: list[QuoteMention]) -> list[tuple[int, int]]:
    """Spans of the speech verbs outside the quotes ("said", "told", ...)."""
    return [m.span() for m in re.finditer(rf"\b{SPEECH}\b", outside_quotes(text, quotes))]


def negations(text: str, quotes: list[QuoteMention]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in NEGATION.finditer(text)]
