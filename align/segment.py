"""Stage 2: split an article's blocks into sentences with character offsets into ``Article.text``.

A sentence ends at . ! ? (with any closing quotes or brackets after it) followed by space and a
capital, digit or opening quote, unless the word before the stop is an abbreviation ("U.S.",
"Mr.", "Gen.", "Dec.") or an initial ("J."). Captions and bullets are one sentence each unless
they clearly hold several.
"""

from __future__ import annotations

import re

from .types import Article, Sentence

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm cmdr st jr sr rev hon pres
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vol fig p pp vs etc inc ltd co corp dept univ est approx
u.s u.k u.n e.u d.c a.m p.m e.g i.e u.s.a p.r.c d.p.r.k
""".split())
END = re.compile(r"[.!?]+[”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9•])")


def split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end]."""
    spans = []
    cur = start
    chunk = text[start:end]
    for m in END.finditer(chunk):
        stop = start + m.end()
        if chunk[m.start()] == ".":
            word = re.search(r"(?<![\w])([A-Za-z.]+)$", chunk[:m.start()])  # "28C." is no initial
            raw = (word.group(1) if word else "").strip(".")
            w = raw.lower()
            # an initial is one capital ("J. Smith"), not a unit's letter ("225km/h.")
            if w in ABBREVIATIONS or (len(raw) == 1 and raw.isupper()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                # "U.S. Secretary": keep going unless the next word starts a new sentence after a
                # quote or the abbreviation is a month/title before a name (never a sentence end)
                continue
        spans.append((cur, stop))
        cur = stop
        while cur < end and text[cur].isspace():
            cur += 1
    if cur < end:
        spans.append((cur, end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def segment(article: Article) -> list[Sentence]:
    out: list[Sentence] = []
    for block in article.blocks:
        for s, e in split_block(article.text, block.start, block.end):
            sentence_text = article.text[s:e]
            if not re.search(r"[A-Za-z]{2}", sentence_text):
                continue  # stray punctuation or a lone number
            n = len(out) + 1
            out.append(Sentence(f"{article.id}{n}", article.id, n, sentence_text, s, e, block.kind))
    return out
