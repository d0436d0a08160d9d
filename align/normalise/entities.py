"""Places (with aliases), roles (with title variants) and people (with name variants).

Matchers are compiled once per table set. Each finder returns ``Mention``s with offsets inside
the sentence, the canonical ``value`` and, where the surface differs, the ``variant`` kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import tables
from ..types import Mention
from .text import STOPWORDS, american, fold_accents

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
        for adj in entry.get("adjectives", []):  # "Japan's" is the name, "Japanese" an adjective
            names[adj] = (canon, "" if adj.endswith(("'s", "’s", "-")) else "adjective")
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
        # "British", "Japan's": the place as an adjective (detail), no variant of its name
        found.append(Mention("place", surface, s, e, canon, variant=variant if variant != "adjective" else "",
                             detail="adjective" if variant == "adjective" else ""))
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
            surfaces[_role_key(spell_fold(v, extra))] = canon
    sensitive = []  # single capitalised words ("President", "Speaker", "PM") only as written
    insensitive = []
    for canon, entry in tables.titles(extra).items():
        for v in entry.get("variants", []):
            fv = spell_fold(v, extra)
            (sensitive if (" " not in fv and "-" not in fv and fv[:1].isupper()) else insensitive).append(fv)
    sensitive = sorted(set(sensitive), key=len, reverse=True)
    # words of a title joined by a space or a hyphen alike ("vice president", "vice-president"):
    # find_roles reads hyphens between words as spaces
    insensitive = sorted({v.replace("-", " ") for v in insensitive} | {c for c in tables.titles(extra)},
                         key=len, reverse=True)
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
    spaced = re.sub(r"(?<=\w)-(?=\w)", " ", folded)  # "vice-president": the same length, as "vice president"
    cands = sorted(((m.start(), -(m.end() - m.start()), m) for i, p in enumerate(pats)
                    for m in p.finditer(spaced if i == 0 else folded)), key=lambda c: (c[1], c[0]))
    for _, _, m in cands:
        s, e = offsets(m.start()), offsets(m.end())
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _of_organisation(text[e:], extra):
            continue  # "president of the Ethiopian Athletics Federation": the federation's, read beside the name
        canon = surfaces[_role_key(m.group(0))]
        surface = text[s:e]
        variant = "title" if _plain(surface) != canon else ""
        taken.append((s, e))
        out.append(Mention("role", surface, s, e, canon, variant=variant))
    out.sort(key=lambda m: m.start)
    return out


def _of_organisation(right: str, extra: dict | None) -> bool:
    """Does ``right`` open with "of (the)" and an organisation's name, capitalised words ending on
    an institution's noun that name no place ("of the Ethiopian Athletics Federation"; not "of the
    Russian Federation" or "of France")?"""
    m = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w’'&-]*\s+){0,4}([A-Z][\w’'-]*))", right)
    if not m or m.group(2) not in _institutions():
        return False
    # a place that is the whole name ("the Russian Federation"), not one inside it ("Kenyan")
    return not any(p.start == 0 and p.end == len(m.group(1)) for p in find_places(m.group(1), extra))


def _role_key(s: str) -> str:
    """A title as looked up: lower case, hyphens and runs of spaces as one space."""
    return " ".join(re.split(r"[\s-]+", s.lower()))


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
def _landmarks() -> frozenset[str]:
    return frozenset(tables.builtin("names")["not_name"]["landmarks"].split())


@lru_cache(maxsize=1)
def _not_name() -> frozenset[str]:
    table = tables.builtin("names")["not_name"]
    return frozenset(table["words"].split()) | _months() | _landmarks() | _institutions()


@lru_cache(maxsize=1)
def _org_name() -> re.Pattern:
    """An institution's noun, "of", "for" or "on", then capitalised words (group 1), joined by
    "and", "&", "of", "for", "on" or "the"."""
    nouns = "|".join(sorted(_institutions() - {"Minister", "Ministers", "Secretary", "Commissioner", "Director",
                                                "Spokesman", "Spokeswoman"}))
    word = r"[A-Z][\w’'-]*"
    return re.compile(rf"\b(?:{nouns})\s+(?:of|for|on)\s+(?:the\s+)?({word}(?:\s+(?:(?:and|&|of|for|on|the)\s+)?{word})*)")


def _org_spans(text: str) -> list[tuple[int, int]]:
    """The words of organisations' names after their noun, up to a title ("the Bank of England",
    not "England Governor Andrew Bailey") and at most three capitalised words (a name may follow
    a title the tables do not know)."""
    out = []
    for o in _org_name().finditer(text):
        end, words = o.start(1), 0
        for w in re.finditer(r"\S+", o.group(1)):
            if w.group(0).lower() in _title_heads() or words == 3:
                break
            end = o.start(1) + w.end()
            words += w.group(0)[0].isupper()
        if end > o.start(1):
            out.append((o.start(1), end))
    return out


@lru_cache(maxsize=1)
def _regnal_titles() -> frozenset[str]:
    return frozenset(tables.builtin("names")["regnal_titles"]["words"].split())


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(tables.builtin("names")["not_name"]["months"].split())


# a capital, accented ones too ("Étienne", "Łukasz", "Šimon"), then lower-case letters
# ... and a second capital inside ("DeSantis", "McDonald", "MacArthur")
# ... and parts after a hyphen or an apostrophe ("Jong-un", "Syafi'i"; not "'s", "'ll"), or
# after a capital and an apostrophe ("O'Brien")
NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-ÞŁŚŠŽŹŻČĆŘ][a-zß-öø-ÿā-ž]+(?:[A-Z][a-zß-öø-ÿā-ž]+)?"
                        r"(?:-[A-Za-z][a-zß-öø-ÿā-ž]+|[’'](?!(?:s|t|ll|re|ve|d|m)\b)[A-Za-z][a-zß-öø-ÿā-ž]*)*"
                        r"|[A-Z][’'][A-Z][a-zß-öø-ÿā-ž]+|[A-Z][a-z]?-[a-z]+")
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
            # "the New Reform party", "People Power Party": an organisation's name, not a person's;
            # "Hillsborough County's": a place's; "the Department of Civil Protection" too
            of = re.search(r"\b([A-Za-z]+) of (?:the )?$", text[:s])
            if of and (of.group(1) in _institutions() or of.group(1).lower() in _title_heads()):
                # "the Department of Civil Protection", "the mayor of Muxía": no person
                run.clear()
                return
            # ... and one joined to more capitalised words that end on such a noun: "the Chemical
            # Safety and Hazard Investigation Board"
            # (not a title: "Antony Blinken and Japanese Minister of Defence Nobuo Kishi")
            # (and the noun ends the name: not "Donald Trump and Democratic Party leaders")
            joined = re.match(r" (?:and|&) (?:[A-Z][a-z]+ ){0,3}([A-Z][a-z]+)"
                              r"(?=\s*(?:[,.;:()]|$)|\s+(?:said|says|was|is|has|had|will|would|which|that)\b)", text[e:])
            if joined and joined.group(1) in _institutions() and joined.group(1).lower() not in _title_heads() \
                    and not joined.group(1).startswith("Spokes"):
                run.clear()
                return
            if not (nxt and nxt.group(1).capitalize() in _institutions() | _landmarks()):
                # a monarch's name and number after a royal title: "King Felipe VI" is one person,
                # Felipe VI (without the title, "Napoleon III" stays a name the run may resolve)
                regnal = re.match(r" [IVX]{1,5}\b(?![’'-])", text[e:])
                before = re.search(r"(\w+)\s+$", text[:s])
                if regnal and len(run) == 1 and before and before.group(1) in _regnal_titles():
                    e += regnal.end()
                out.append((s, e, text[s:e]))
        run.clear()

    # "the Institute for Snow and Avalanche Research": the words of an organisation's name
    masked = list(masked) + _org_spans(text)
    for m in NAME_TOKEN.finditer(text):
        tok = POSSESSIVE.sub("", m.group(0))
        inside = any(m.start() < me and ms < m.end() for ms, me in masked)
        bad = tok in _not_name() or tok.lower() in _title_heads() or inside
        if bad and tok in _months() and not inside and not re.match(r"\s*\d", text[m.end():]) \
                and (run and text[run[-1].end():m.start()] == " "
                     or len(tok) <= 4 and NAME_TOKEN.match(text, m.end() + 1) and text[m.end():m.end() + 1] == " "):
            bad = False  # "Lee Jun Seok", "Theresa May"; an abbreviation before a name: "Jan Vondráček"
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


# --- job titles the table does not list ---------------------------------------------------------

@lru_cache(maxsize=1)
def _generic() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    g = tables.builtin("titles")["generic"]
    return frozenset(g["heads"]), frozenset(g["ranks"]), frozenset(g["modifiers"])


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """Words of a job title that are never part of a name: "Prosecutor Laure Besnard"."""
    heads, ranks, _ = _generic()
    return heads | ranks


_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][\wÀ-ÿ&.’'-]*|,")
_DETERMINER = frozenset("the a an its his her their".split())
_OPENS_CLAUSE = re.compile(r"\s*(?:,|;|\.|$|\s(?:said|says|told|tells|wrote|writes|added|adds|who|which|has|had|"
                           r"is|was|will|would|and)\b)")


def _title_words(words: list[str]) -> bool:
    """Words that can make a job title: no function words but "of" (and "the" after it), no
    speech verbs, no figures; one of them a head ("director", "chief", ...)."""
    heads = _generic()[0]
    if any(POSSESSIVE.search(w) or (len(w) > 1 and w.isupper()) for w in words):
        return False  # "Nimbus's", "RMT": the organisation, not the title
    low = [w.lower() for w in words]
    if not any(w in heads for w in low):
        return False
    for k, w in enumerate(low):
        if w == "of" and 0 < k < len(low) - 1:
            continue
        if w == "the" and k > 0 and low[k - 1] == "of":
            continue
        if w in STOPWORDS or not w[0].isalpha():
            return False
    return low[-1] not in ("of", "the")


def generic_roles(text: str, people: list[Mention], taken: list[tuple[int, int]]) -> list[Mention]:
    """Job titles beside a person's name that the titles table does not list: "Helen Carrick,
    the branch's deputy chief inspector, said", "Launch director Etienne Roussel told", "Nimbus's
    head of infrastructure, Tom Okafor, said". ``taken``: spans already read (known roles, places).
    Each is a role Mention whose detail is the holder and whose qualifier is the organisation
    named with it ("Northern's managing director"), where there is one."""
    out: list[Mention] = []

    def add(s: int, e: int, org: str, holder: str) -> None:
        if any(s < te and ts < e for ts, te in taken) or any(s < m.end and m.start < e for m in out):
            return
        value, named = generic_value(text[s:e])
        out.append(Mention("role", text[s:e], s, e, value, detail=holder, qualifier=org or named))

    for p in people:
        # after the name: ", the chief inspector of rail accidents," / ", ESA's director of ..., said"
        m = re.match(r",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:((?:[A-Z][\w&.-]*\s+){0,2}[\w&.-]+)['’]s\s+)?",
                     text[p.end:])
        # after the name, a verb of office: ", who heads the Department of Civil Protection,"
        led = re.match(r",\s+who\s+(?:heads|led|leads|runs|ran|chairs|chaired)\s+(?:the\s+)?"
                       r"((?:[A-Z][\w&.-]*|of|and|for|the)(?:\s+(?:[A-Z][\w&.-]*|of|and|for|the))*)", text[p.end:])
        if led and led.group(1)[:1].isupper():
            # the organisation's name ends on a capitalised word: "... Management and the" is not it
            org_end = led.start(1) + len(re.sub(r"(?:\s+(?:of|and|for|the))+$", "", led.group(1)))
            s, e = p.end + led.start(1), p.end + org_end
            if not any(s < te and ts < e for ts, te in taken):
                org = text[s:e].strip()
                out.append(Mention("role", text[p.end + led.start():e].lstrip(", "), p.end + led.start() + 2, e,
                                   f"head of {american(org.lower()) or org.lower()}", detail=p.value, qualifier=org))
                continue
        if m:
            start = p.end + m.end()
            for end in (t.end() for t in _TOKEN.finditer(text, start)):
                if text[start:end].count(" ") > 6 or text[end - 1] == ",":
                    break
                words = text[start:end].split()
                if _OPENS_CLAUSE.match(text[end:]) and _title_words(words):
                    add(start, end, (m.group(1) or "").strip(), p.value)
                    break
        # before the name: "Launch director Etienne Roussel", "the launch director, Pascal Girard,"
        left = text[:p.start]
        toks = [t for t in _TOKEN.finditer(left)]
        if toks and toks[-1].group(0) == ",":
            toks = toks[:-1]
        best = None
        for k in range(1, min(len(toks), 6) + 1):
            span = toks[-k:]
            words = [t.group(0) for t in span]
            if not _title_words(words) or words[-1].lower() not in _generic()[0] and "of" not in words:
                continue
            if any(span[0].start() < te and ts < span[-1].end() for ts, te in taken):
                break  # "Paris police chief": the place is no part of the title
            prev = toks[-k - 1].group(0) if len(toks) > k else ""
            org = ""
            if prev.lower() in _DETERMINER or prev == "," or not prev:
                pass
            elif prev in STOPWORDS and words[0][:1].isupper():
                pass  # a title as a name's honorific: "commanded by Captain Helen Rowe"
            elif POSSESSIVE.search(prev):
                org = POSSESSIVE.sub("", prev)
            elif prev[:1].isupper() and prev.lower() not in STOPWORDS:
                org = prev  # "RMT leader Dave Corrigan"
            else:
                continue
            best = (span[0].start(), span[-1].end(), org)
        if best and re.fullmatch(r",?\s+", text[best[1]:p.start]):
            add(best[0], best[1], best[2], p.value)
    out.sort(key=lambda m: m.start)
    return out


def generic_value(phrase: str) -> tuple[str, str]:
    """(title, organisation) as compared: lower case, spelling folded ("programmes" -> "programs");
    an "of" phrase of capitalised words names the organisation: "director of the Serious Fraud
    Office" -> ("director", "Serious Fraud Office")."""
    words, org = phrase.split(), ""
    if "of" in words:
        k = words.index("of")
        tail = words[k + 1:]
        tail = tail[1:] if tail[:1] == ["the"] else tail
        if tail and all(w[:1].isupper() for w in tail):
            words, org = words[:k], " ".join(tail)
    return " ".join(american(w.lower(), None) or w.lower() for w in words), org


def title_parts(role: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(ranks, heads, field) of a title: "deputy chief inspector of rail accidents" ->
    ({deputy}, {chief, inspector}, {rail, accidents})."""
    heads, ranks, modifiers = _generic()
    low = [w for w in generic_value(role)[0].split() if w not in ("of", "the")]
    return (frozenset(w for w in low if w in ranks), frozenset(w for w in low if w in heads),
            frozenset(w for w in low if w not in ranks and w not in heads and w not in modifiers))


def titles_conflict(x: str, y: str) -> bool:
    """Do two titles of one person contradict? A rank on one that the other lacks, on the same
    head (deputy chief inspector / chief inspector); or two fields that share no word, however
    spelt (director of space transportation / director of Earth observation programs; but
    transport secretary / transportation chief agree), or under other heads a field word the
    other lacks (chief operating officer / director of flight operations); or a field on one side
    only, under another head (chief executive / safety director)."""
    rx, hx, fx = title_parts(x)
    ry, hy, fy = title_parts(y)
    if rx != ry and hx & hy:
        return True
    def like(a: str, b: str) -> bool:
        return a.startswith(b[:5]) or b.startswith(a[:5])

    # a field that names the other title's organisation is that organisation, not a field:
    # "Ethiopian federation chief" / "president of the Ethiopian Athletics Federation"
    ox, oy = (set(american(w.lower(), None) or w.lower() for w in generic_value(t)[1].split()) for t in (x, y))
    fx = frozenset(w for w in fx if not any(like(w, o) for o in oy))
    fy = frozenset(w for w in fy if not any(like(w, o) for o in ox))

    if fx and fy:
        if not hx & hy:  # under other heads every field word must have its like on the other side:
            # "chief operating officer" / "director of flight operations" are two posts
            return not all(any(like(a, b) for b in fy) for a in fx) or not all(any(like(a, b) for a in fx) for b in fy)
        return not any(like(a, b) for a in fx for b in fy)
    # a field on one side only, under another head: "chief executive" / "safety director"
    return bool(fx or fy) and not hx & hy
