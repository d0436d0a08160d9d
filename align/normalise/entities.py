"""Places (with aliases), roles (with title variants) and people (with name variants).

Matchers are compiled once per table set. Each finder returns ``Mention``s with offsets inside
the sentence, the canonical ``value`` and, where the surface differs, the ``variant`` kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import tables
from ..types import Mention
from .text import american, fold_accents

_CAP = r"[A-Z][a-zà-ÿ’'\-]*(?:-[A-Za-z][a-z]+)?"


def spell_fold(s: str, extra: dict | None) -> str:
    """Fold British spellings inside a phrase, keeping length-insensitive matching simple."""
    return re.sub(r"[A-Za-z]+", lambda m: _recase(m.group(0), american(m.group(0), extra)), s)


def _recase(word: str, us: str | None) -> str:
    if us is None:
        return word
    if word.isupper():
        return us.upper()
    if word[0].isupper():
        return us[0].upper() + us[1:]
    return us


# --- places -----------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _place_matcher(key: str):
    import json

    extra = json.loads(key) or None
    names: dict[str, tuple[str, str]] = {}  # surface -> (canonical, variant kind)
    for canon, entry in tables.places(extra).items():
        names[canon] = (canon, "")
        for alias in entry.get("aliases", []):
            names[alias] = (canon, "alias")
        for adj in entry.get("adjectives", []):
            names[adj] = (canon, "")
    case_sensitive = sorted((n for n in names if n.replace(".", "").isupper() or len(n) <= 3), key=len, reverse=True)
    insensitive = sorted((n for n in names if n not in case_sensitive), key=len, reverse=True)

    def alt(items):
        return "|".join(re.escape(n).replace(r"\-", "-") for n in items)

    pats = []
    if case_sensitive:
        pats.append(re.compile(rf"(?<![\w.])(?:{alt(case_sensitive)})(?![\w]|\.\w)"))
    if insensitive:
        # case-insensitive inside the name ("Republic Of Korea"), but it must start with a capital:
        # "Turkey", not "turkey"; "China", not "china"
        pats.append(re.compile(rf"(?<![\w])(?=(?-i:[A-Z]))(?:{alt(insensitive)})(?![\w])", re.I))
    lower = {n.lower(): v for n, v in names.items()}
    return pats, names, lower


def find_places(text: str, extra: dict | None = None) -> list[Mention]:
    pats, names, lower = _place_matcher(tables.freeze(extra))
    text_q = text.replace("’", "'")  # same length: offsets hold
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    candidates = []
    for p in pats:
        for m in p.finditer(text_q):
            candidates.append((m.start(), -(m.end() - m.start()), m))
    for _, _, m in sorted(candidates, key=lambda c: (c[1], c[0])):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in taken):
            continue
        surface = text[s:e]
        canon, variant = names.get(m.group(0)) or lower[m.group(0).lower()]
        if surface.endswith("-"):  # "US-Japan": the adjective form with its hyphen
            e -= 1
            surface = surface[:-1]
        taken.append((s, e))
        found.append(Mention("place", surface, s, e, canon, variant=variant))
    found.sort(key=lambda m: m.start)
    return found


def place_note(canon: str, extra: dict | None = None) -> str:
    return tables.places(extra).get(canon, {}).get("note", "")


# --- roles ------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def _role_matcher(key: str):
    import json

    extra = json.loads(key) or None
    surfaces: dict[str, str] = {}
    for canon, entry in tables.titles(extra).items():
        for v in [canon] + list(entry.get("variants", [])):
            surfaces[spell_fold(v, extra).lower()] = canon
    sensitive = []  # single capitalised words ("President", "Speaker", "PM") only as written
    insensitive = []
    for canon, entry in tables.titles(extra).items():
        for v in entry.get("variants", []):
            fv = spell_fold(v, extra)
            (sensitive if (" " not in fv and fv[:1].isupper()) else insensitive).append(fv)
    sensitive = sorted(set(sensitive), key=len, reverse=True)
    insensitive = sorted(set(insensitive) | {c for c in tables.titles(extra)}, key=len, reverse=True)
    pats = [re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(v) for v in insensitive)})(?![\w])", re.I)]
    if sensitive:
        pats.append(re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(v) for v in sensitive)})(?![\w])"))
    return pats, surfaces


def find_roles(text: str, extra: dict | None = None) -> list[Mention]:
    """Roles in ``text``. Spelling is folded first so "Defence Minister" matches "Defense Minister"."""
    folded = spell_fold(text.replace("’", "'"), extra)  # words may change length: map offsets back
    pats, surfaces = _role_matcher(tables.freeze(extra))
    offsets = _offset_map(text, folded)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    cands = sorted(((m.start(), -(m.end() - m.start()), m) for p in pats for m in p.finditer(folded)),
                   key=lambda c: (c[1], c[0]))
    for _, _, m in cands:
        s, e = offsets(m.start()), offsets(m.end())
        if any(s < te and ts < e for ts, te in taken):
            continue
        canon = surfaces[m.group(0).lower()]
        surface = text[s:e]
        variant = "title" if _plain(surface) != canon else ""
        taken.append((s, e))
        out.append(Mention("role", surface, s, e, canon, variant=variant))
    out.sort(key=lambda m: m.start)
    return out


def _plain(s: str) -> str:
    return " ".join(s.lower().split())


def _offset_map(original: str, folded: str):
    """Map offsets in the spelling-folded text back to the original (words may change length)."""
    if len(original) == len(folded):
        return lambda i: i
    o_words = list(re.finditer(r"[A-Za-z]+", original))
    f_words = list(re.finditer(r"[A-Za-z]+", folded))

    def back(i: int) -> int:
        delta = 0
        for ow, fw in zip(o_words, f_words):
            if fw.start() >= i:
                break
            if fw.end() <= i:
                delta = ow.end() - fw.end()
            else:  # inside a word
                return min(ow.start() + (i - fw.start()), ow.end())
        return i + delta

    return back


# --- people -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _institutions() -> frozenset[str]:
    return frozenset(tables.builtin("names")["not_name"]["institutions"].split())


@lru_cache(maxsize=1)
def _not_name() -> frozenset[str]:
    table = tables.builtin("names")["not_name"]
    return frozenset(table["words"].split()) | frozenset(table["landmarks"].split()) | _institutions()


NAME_TOKEN = re.compile(r"[A-Z][a-zà-ÿ]+(?:[-’'][A-Za-z][a-zà-ÿ]+)*|[A-Z][a-z]?-[a-z]+")
POSSESSIVE = re.compile(r"[’']s$")


def name_key(name: str) -> str:
    """Fold case, accents, hyphens and possessives: "Kim Jong-un's" -> "kim jong un"."""
    name = POSSESSIVE.sub("", name)
    return " ".join(fold_accents(name).lower().replace("-", " ").replace("’", "").replace("'", "").split())


def name_candidates(text: str, masked: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Runs of capitalised tokens that could be names, outside already-masked spans (places, roles)."""
    out = []
    run: list[re.Match] = []

    def close():
        if run:
            s, e = run[0].start(), run[-1].end()
            nxt = re.match(r" ([A-Za-z]+)\b", text[e:])
            # "the New Reform party", "People Power Party": an organisation's name, not a person's
            if not (nxt and nxt.group(1).capitalize() in _institutions()):
                out.append((s, e, text[s:e]))
        run.clear()

    for m in NAME_TOKEN.finditer(text):
        tok = POSSESSIVE.sub("", m.group(0))
        bad = tok in _not_name() or any(m.start() < me and ms < m.end() for ms, me in masked)
        if bad:
            close()
            continue
        if run and text[run[-1].end():m.start()] not in (" ",):
            close()
        run.append(m)
        if text[m.end():m.end() + 2] in ("’s", "'s"):
            close()
    close()
    return out
