"""Words: tokenising, British->American spelling folding, content words for lexical overlap."""

from __future__ import annotations

import re
import unicodedata

from .. import tables

WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
STOPWORDS = frozenset("""
a an the and or but nor so yet of in on at to for from by with without about into onto over under
after before during between among through against as than then that this these those there here
is are was were be been being am has have had having do does did doing will would shall should can
could may might must it its it's they them their theirs he him his she her hers we us our ours you
your i me my mine who whom whose which what when where why how also too very just only not no
more most other such own same both each few all any some said says say told tell according while
which within including include includes new one two also its itself themselves himself herself
""".split())


def plain(s: str) -> str:
    """Lower-case words and digits only: "Tuesday (2021-03-16)" and "tuesday 2021 03 16" read alike."""
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


# letters no accent folding reaches, written as English writes them: "Þórðarson" -> "Thordarson"
_LETTERS = str.maketrans({"Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o",
                          "Ł": "L", "ł": "l", "ß": "ss", "Œ": "Oe", "œ": "oe"})


def fold_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s.translate(_LETTERS)) if not unicodedata.combining(c))


def american(word: str, extra: dict | None = None) -> str | None:
    """The American spelling of a British word, or None when the word has no variant."""
    table, rules = tables.spelling(extra)
    low = word.lower()
    if low in table:
        return table[low]
    for british, us in rules:
        if low.endswith(british) and len(low) > len(british) + 2:
            return low[: -len(british)] + us
    return None


def fold(word: str, extra: dict | None = None) -> str:
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    return american(low, extra) or low


def content_words(text: str, extra: dict | None = None) -> frozenset[str]:
    """Lower-cased, spelling-folded, crudely stemmed content words (no stopwords)."""
    out = set()
    for m in WORD.finditer(text):
        w = fold(m.group(0), extra)
        if w in STOPWORDS or len(w) < 2:
            continue
        out.add(stem(w))
    return frozenset(out)


def stem(w: str) -> str:
    """A light suffix stripper: enough to match met/meets, talks/talk, pledged/pledge."""
    for suf in ("ings", "ing", "edly", "ed", "es", "s", "ly"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w
