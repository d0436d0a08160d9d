"""Perturbation benchmark: a real fixture article against a copy of it with known changes.

Each case is made from one seed with ``random.Random(seed)``, so the same seed always gives the
same case. A case takes a base article (one of ``BASES``), copies its sentences and applies
k = 1-3 changes to different sentences:

- discrepancies (each expects a discrepancy of its kind on the changed sentence's pair):
  date (a day, weekday or month moved), number (a figure changed by 25-50 %), title (a person's
  role swapped for another role), name (a person swapped for another person of the article),
  attribution (the speaker of a quoted sentence replaced), negation (a verb negated), place
  ("in Tokyo" -> "in Osaka"), quote (words inside a quotation changed);
- variants (each must produce no discrepancy): spelling (British <-> American, from
  ``align/data/breame.json`` and ``spelling.toml``), alias (``places.toml``: South Korea <-> Republic of Korea,
  Burma <-> Myanmar, ...), title variant (``titles.toml``: Defence Secretary <-> Secretary of
  Defence, ...), weekday -> the equal calendar date (given the base's publication date),
  paraphrase (rule-based rewrites with the same facts, clause moved to the end), sentence order
  shuffled (paragraphs permuted), a sentence split in two at ", and " / "; ";
- deletion: a sentence removed (expects an omission of the base's sentence).

A change is applied only where its pattern is present; changes never touch text inside quotation
marks except the quote change. The expected outcome is a ``Gold`` (the same record as the
hand-made gold): every kept sentence is a group with its copy (two copies after a split),
deleted sentences are omissions, each discrepancy change is a discrepancy of its kind on that
pair, and variant changes are listed as variants. Weekday resolutions made here (tense from
the clause before the weekday) are independent of the pipeline's own date code.

Seeds. Development seeds are 0-199 (``DEV_SEEDS``): look at them, debug with them. The held-out
seeds 10000-10199 (``HELD_OUT_SEEDS``) are for final figures only and are run only when asked
explicitly (``align eval --held-out``, ``run(held_out=True)``); never tune anything on them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .. import tables
from ..ingest import parse_text, read_article
from ..segment import segment
from ..types import Article, Sentence
from .gold import Gold

ROOT = Path(__file__).resolve().parents[2]
DEV_SEEDS = range(0, 200)
HELD_OUT_SEEDS = range(10000, 10200)

# Real fixture articles, British and American style. Paths relative to the repository root.
BASES = (
    "fixtures/asia-tour/000-asia-tour-begins-in-tokyo.txt",
    "fixtures/asia-tour/003-blinken-first-trip-tokyo-seoul.txt",
    "fixtures/asia-tour/wire-tokyo-seoul-brief.txt",
    "fixtures/kyiv-visit/bbc-style.txt",
    "fixtures/kyiv-visit/us-outlet.html",
    "fixtures/myanmar-quake/uk-paper.json",
    "fixtures/myanmar-quake/us-wire.txt",
)

DISCREPANCY_KINDS = ("date", "number", "title", "name", "place", "attribution", "negation", "quote")
VARIANT_KINDS = ("spelling", "alias", "title-variant", "weekday-date", "paraphrase", "shuffle", "split")
CATEGORY_WEIGHTS = (("discrepancy", 0.5), ("variant", 0.4), ("deletion", 0.1))

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH_ABBR = {"Jan.": 1, "Feb.": 2, "Aug.": 8, "Sept.": 9, "Sep.": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_RE = "|".join(MONTHS) + "|" + "|".join(re.escape(m) for m in MONTH_ABBR)

# People named in the fixture articles: (full name, short form used alone, other spellings, gender).
# A swap replaces a mention by another person of the same article, same form and gender (so "Mr",
# "his" and "she" still fit).
PEOPLE = (
    ("Antony Blinken", "Blinken", (), "m"),
    ("Lloyd Austin", "Austin", (), "m"),
    ("Toshimitsu Motegi", "Motegi", (), "m"),
    ("Nobuo Kishi", "Kishi", (), "m"),
    ("Yoshihide Suga", "Suga", (), "m"),
    ("Kim Yo Jong", "Kim", (), "f"),
    ("Kim Jong-un", "Kim", ("Kim Jong Un",), "m"),
    ("Chung Eui-yong", "Chung", (), "m"),
    ("Suh Wook", "Suh", (), "m"),
    ("Joe Biden", "Biden", (), "m"),
    ("Volodymyr Zelensky", "Zelensky", ("Volodymyr Zelenskyy", "Zelenskyy"), "m"),
    ("Vladimir Putin", "Putin", (), "m"),
    ("Nancy Pelosi", "Pelosi", (), "f"),
    ("Kamala Harris", "Harris", (), "f"),
    ("Dmitry Peskov", "Peskov", (), "m"),
    ("Anatoly Antonov", "Antonov", (), "m"),
    ("Min Aung Hlaing", "Min Aung Hlaing", (), "m"),
    ("Zaw Min Tun", "Zaw Min Tun", (), "m"),
    ("Donald Trump", "Trump", (), "m"),
    ("Anutin Charnvirakul", "Anutin", (), "m"),
    ("Paetongtarn Shinawatra", "Paetongtarn", (), "f"),
    ("Aung San Suu Kyi", "Suu Kyi", (), "f"),
)

# Roles swapped for a different role (title discrepancy), longest first. Only before a name.
ROLE_SWAPS = (
    ("Deputy Prime Minister", "Foreign Minister"),
    ("Secretary of Defense", "Secretary of State"),
    ("Secretary of Defence", "Secretary of State"),
    ("Secretary of State", "Secretary of Defense"),
    ("Minister of Defense", "Minister of Foreign Affairs"),
    ("Minister of Defence", "Minister of Foreign Affairs"),
    ("Defense Secretary", "Secretary of State"),
    ("Defence Secretary", "Secretary of State"),
    ("Defense Minister", "Foreign Minister"),
    ("Defence Minister", "Foreign Minister"),
    ("Foreign Minister", "Defense Minister"),
    ("foreign minister", "defense minister"),
    ("Prime Minister", "Foreign Minister"),
    ("Vice-President", "House Speaker"),
    ("Vice President", "House Speaker"),
    ("House Speaker", "Vice President"),
    ("Supreme Leader", "President"),
    ("President", "Vice President"),
)
# Title variants from titles.toml that read as a drop-in replacement before a name.
TITLE_VARIANTS_OK = frozenset({
    "Secretary of Defense", "Defense Secretary", "Pentagon chief", "Defense Minister", "Minister of Defense",
    "Foreign Minister", "Minister of Foreign Affairs", "Prime Minister", "premier", "Vice President",
    "Vice-President", "Speaker of the House", "House Speaker", "spokesperson", "spokesman", "junta leader",
    "junta chief",
})
# Names of one place from places.toml that can stand in for each other in running text.
ALIASES_OK = frozenset({
    "United States", "US", "U.S.", "South Korea", "Republic of Korea", "Myanmar", "Burma",
    "Senkaku Islands", "Diaoyu Islands", "Kyiv", "Kiev", "Naypyidaw", "Naypyitaw", "Nay Pyi Taw",
    "Yangon", "Rangoon", "United Kingdom", "UK", "Kolkata", "Calcutta",
})
# Places moved to another place of the same kind (a mix of names the tables know and do not).
PLACE_SWAPS = {
    "Tokyo": ("Osaka", "Seoul"), "Seoul": ("Busan", "Tokyo"), "Washington": ("New York",),
    "Kyiv": ("Lviv",), "Bakhmut": ("Kharkiv",), "Poland": ("Romania",), "Maryland": ("Virginia",),
    "Mandalay": ("Yangon", "Sagaing"), "Sagaing": ("Magway", "Mandalay"), "Naypyitaw": ("Yangon",),
    "Nay Pyi Taw": ("Yangon",), "Bangkok": ("Chiang Mai", "Pattaya"), "Thailand": ("Laos", "Vietnam"),
    "Yunnan": ("Sichuan",), "New Delhi": ("Mumbai",), "Hong Kong": ("Macau",), "Taiwan": ("the Philippines",),
    "Tibet": ("Inner Mongolia",), "India": ("Indonesia",), "Australia": ("New Zealand",),
    "Japan": ("South Korea",), "China": ("Russia",), "Ukraine": ("Moldova",),
}
PLACE_CONTEXT = "in|to|at|near|from|via|through|across|of"

# Rule-based paraphrases that keep every fact (outside quotes only).
PARAPHRASES = (
    (r"\bmet with\b", "held talks with"),
    (r"\bmet (?=[A-Z])", "held talks with "),
    (r"\bsaid\b", "stated"),
    (r"\bpledged to\b", "vowed to"),
    (r"\bvowed to\b", "pledged to"),
    (r"\bannounced\b", "unveiled"),
    (r"\bdiscussed\b", "talked about"),
    (r"\bwarned\b", "cautioned"),
    (r"\bhighlighted\b", "underlined"),
    (r"\bclimbed to\b", "rose to"),
    (r"\bhas risen to\b", "has climbed to"),
    (r"\bstruck\b", "hit"),
    (r"\btoppled\b", "brought down"),
    (r"\bbrought down\b", "toppled"),
    (r"\bexpressed concern\b", "voiced concern"),
    (r"\bjoined\b", "accompanied"),
    (r"\bdeclared (?=an? )", "announced "),
    (r"\bdetected\b", "found"),
    (r"\bbegan\b", "started"),
    (r"\bseized power\b", "took power"),
    (r"\bmore than\b", "over"),
    (r"\bmade a surprise visit\b", "paid a surprise visit"),
    (r"\bmade a rare appeal\b", "issued a rare appeal"),
)
INTRO = re.compile(r"^((?:In|On|During|After|Before|Following|At) [^,“”\"]{2,60}), (.+[^”’\"'])\.$")

# Negations: auxiliaries, then past-tense verbs with their base form.
NEG_AUX = re.compile(r"\b(will|would|is|are|was|were|can|could|has|have|had)\b(?! not\b|n[’']t)")
NEG_VERBS = {
    "met": "meet", "agreed": "agree", "pledged": "pledge", "announced": "announce", "visited": "visit",
    "declared": "declare", "collapsed": "collapse", "warned": "warn", "discussed": "discuss",
    "joined": "join", "highlighted": "highlight", "expressed": "express", "stressed": "stress",
    "travelled": "travel", "traveled": "travel", "arrived": "arrive", "presented": "present",
    "struck": "strike", "toppled": "topple", "reaffirmed": "reaffirm", "accused": "accuse",
    "criticised": "criticise", "criticized": "criticize", "defended": "defend", "called": "call",
    "committed": "commit", "tweeted": "tweet", "thanked": "thank", "flew": "fly", "sent": "send",
    "followed": "follow", "detected": "detect", "suggested": "suggest", "vowed": "vow",
    "emphasised": "emphasise", "emphasized": "emphasize", "bolstered": "bolster",
    "underscored": "underscore", "held": "hold", "wrote": "write", "climbed": "climb",
    "welcomed": "welcome", "killed": "kill", "dug": "dig", "signalled": "signal", "signaled": "signal",
}
NEG_NOT_AFTER = frozenset("has have had was were is are be been being of the a an with by for to and "
                          "from in on at as their its his her our your my who which that".split())
# "Anatoly Antonov, Russia's ambassador, said": swapping him changes who holds the role (a name discrepancy).
ROLE_WORD = re.compile(r"\b(?:ambassador|minister|secretary|president|spokes\w+|chief|leader|envoy|general|speaker)\b", re.I)
# Speech verbs that mark a quote's speaker.
SPEECH = r"(?:said|says|told|tells|noted|added|wrote|tweeted|warned|called|stated|declared|insisted|urged|announced)"
# Words swapped inside quotations (a misquote: the quote kind).
QUOTE_WORDS = {
    "peace": "stability", "security": "safety", "prosperity": "growth", "democracy": "freedom",
    "coercion": "pressure", "aggression": "force", "strengthen": "boost", "vital": "key",
    "serious": "grave", "international": "global", "global": "international", "rules": "laws",
    "shared": "common", "cornerstone": "foundation", "cruel": "brutal", "investment": "contribution",
    "charity": "aid", "helping": "assisting", "aggravation": "escalation", "conflict": "war",
    "war": "conflict", "odds": "expectations", "advice": "warning", "gunpowder": "smoke",
    "sleep": "rest", "provocative": "aggressive", "flexible": "open", "country": "nation",
    "spoken": "talked", "region": "area", "stink": "fuss", "resilience": "strength",
    "unwavering": "firm", "commitment": "pledge", "challenges": "threats", "united": "joined",
    "free": "fair", "open": "free", "human": "civil", "alive": "standing", "kicking": "fighting",
    "regional": "local", "stability": "order", "capabilities": "strengths", "threat": "danger",
    "priorities": "goals", "health": "medical", "important": "vital", "importance": "value",
    "law": "order", "countries": "nations", "support": "backing", "legitimate": "lawful",
    "targets": "objectives", "measures": "steps", "attitude": "approach", "political": "diplomatic",
    "economic": "financial", "military": "armed", "technological": "technical", "behaviour": "conduct",
    "behavior": "conduct", "autonomy": "freedom", "erode": "undermine", "abuse": "violate",
}
# American words whose British form is not a safe swap in every sense of the word.
SPELLING_REVERSE_SKIP = frozenset({
    "draft", "drafts", "check", "checks", "checked", "story", "stories", "tire", "tires", "tired",
    "curb", "curbs", "meter", "meters", "practice", "practices", "license", "ax", "gray", "mold",
    "plow", "program", "programs", "inquiry", "inquiries", "disk", "disks", "annex", "install",
})
FUTURE_CUE = re.compile(r"\b(will|shall|must|'ll|’ll|is to|are to|is set to|are set to|is expected to|"
                        r"are expected to|is due to|are due to|is scheduled to|are scheduled to|"
                        r"is going to|are going to|plans? to)\b", re.I)
CLAUSE_START = re.compile(r"(?:;|\bwhich\b|\bwhere\b|\bwho\b|\bwhen\b|\bbut\b|\bwhile\b)")


@dataclass(frozen=True)
class Change:
    kind: str  # a DISCREPANCY_KINDS or VARIANT_KINDS entry, or "deletion"
    category: str  # "discrepancy" | "variant" | "deletion"
    sentence: str  # base sentence id ("" for shuffle)
    before: str  # the changed words as the base has them
    after: str  # ... and as the counterpart has them
    dates: tuple[tuple[str, str, str], ...] = ()  # (side "A"/"B", expression, ISO value) to check


@dataclass
class Case:
    seed: int
    base: Article
    counterpart: Article
    changes: tuple[Change, ...]
    gold: Gold
    units: dict[str, tuple[str, ...]] = field(default_factory=dict)  # base sid -> counterpart sids

    @property
    def articles(self) -> list[Article]:
        return [self.base, self.counterpart]


# --- helpers ------------------------------------------------------------------------------------

def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words; an opening quote that never closes runs to the end of the sentence."""
    return [m.span() for m in re.finditer(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|(?<!\w)‘[^’]*’(?!\w)", text)]


def outside(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> bool:
    spans = quote_spans(text) if spans is None else spans
    return not any(s < end and start < e for s, e in spans)


def _sub_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _british(base_text: str) -> bool:
    """Is the article written in British spelling? (more British than American table words)"""
    table, _ = tables.spelling()
    us = set(table.values())
    words = re.findall(r"[a-z]+", base_text.lower())
    gb = sum(1 for w in words if w in table)
    am = sum(1 for w in words if w in us and w not in table)
    return gb > am


def _british_dates(base_text: str) -> bool:
    return bool(re.search(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)})\b", base_text))


def _styled(role: str, british: bool) -> str:
    return role.replace("Defense", "Defence").replace("defense", "defence") if british else role


@lru_cache(maxsize=None)
def _reverse_spelling() -> dict[str, str]:
    table, _ = tables.spelling()
    out: dict[str, str] = {}
    for gb, us in sorted(table.items()):
        if us != gb and us not in table and us not in SPELLING_REVERSE_SKIP:
            out.setdefault(us, gb)
    return out


def _recase(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _people_in(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    return [p for p in PEOPLE if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
                                     for n in (p[0], p[1]) + p[2])]


def _person_mentions(text: str, people) -> list[tuple[int, int, tuple, str]]:
    """(start, end, person, form) of each person mention; form is "full" or "short".
    Full names are found first, so the "Kim" inside "Kim Jong-un" is not a second mention."""
    found = []
    taken: list[tuple[int, int]] = []
    for form in ("full", "short"):
        for p in people:
            names = [p[0]] + [a for a in p[2] if " " in a] if form == "full" else \
                [p[1]] + [a for a in p[2] if " " not in a]
            for n in names:
                for m in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text):
                    if not any(m.start() < e and s < m.end() for s, e in taken):
                        taken.append(m.span())
                        found.append((m.start(), m.end(), p, form))
    found.sort()
    return found


def _other_person(rng: random.Random, person, article_people, text: str, form: str) -> str | None:
    present = {p[0] for p in _people_in(text)}
    options = [p for p in article_people if p[0] != person[0] and p[0] not in present
               and p[1] != person[1] and p[3] == person[3]]
    if not options:
        return None
    other = rng.choice(options)
    return other[0] if form == "full" else other[1]


# --- the changes --------------------------------------------------------------------------------
# Each takes (sentence text, rng, context) and returns (new texts, before, after, dates) or None.

@dataclass(frozen=True)
class Ctx:
    published: date | None
    british: bool
    british_dates: bool
    people: tuple
    text: str  # the whole base text


def _weekday_value(text: str, at: int, wd: int, published: date | None) -> str | None:
    """The date a weekday stands for: future tense looks ahead, past looks back. None where it is
    ambiguous (the publication weekday itself) or there is no publication date."""
    if published is None or wd == published.weekday():
        return None
    before = text[:at]
    cuts = [m.end() for m in CLAUSE_START.finditer(before)]
    clause = before[cuts[-1]:] if cuts else before
    if FUTURE_CUE.search(clause):
        d = published + timedelta(days=(wd - published.weekday()) % 7)
    else:
        d = published - timedelta(days=(published.weekday() - wd) % 7)
    return d.isoformat()


def _fmt_day(d: date, british: bool) -> str:
    return f"{d.day} {MONTHS[d.month - 1]}" if british else f"{MONTHS[d.month - 1]} {d.day}"


WEEKDAY_RE = re.compile(rf"(?<!\w)(?P<pre>(?:last|next|this|early|late on|on|by|beginning|from|since|until)\s+)?"
                        rf"(?P<wd>{'|'.join(WEEKDAYS)})\b(?P<post>[’']s\b|,\s+(?:{_MONTH_RE})|\s+(?:morning|afternoon|evening|night)\b)?")
ABS_US = re.compile(rf"(?<!\d[–-])\b(?P<m>{_MONTH_RE})\s+(?P<d>[12]\d|3[01]|0?[1-9])\b(?![–-]\d|:)")
ABS_GB = re.compile(rf"(?<![–-])\b(?P<d>[12]\d|3[01]|0?[1-9])\s+(?P<m>{'|'.join(MONTHS)})\b")
MONTH_ONLY = re.compile(rf"\b(?P<pre>in|since|from|until|by|of)\s+(?P<m>{'|'.join(MONTHS)})\b(?!\s+\d)")


def _weekdays(text: str):
    spans = quote_spans(text)
    for m in WEEKDAY_RE.finditer(text):
        if outside(text, m.start("wd"), m.end("wd"), spans):
            yield m


def change_date(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    options = []
    for m in _weekdays(text):
        pre = (m.group("pre") or "").strip()
        if pre in ("last", "next", "this") or (m.group("post") or "").startswith(","):
            continue
        options.append(("weekday", m))
    for m in ABS_US.finditer(text):
        if outside(text, m.start(), m.end(), spans) and not re.search(rf"(?:{'|'.join(WEEKDAYS)}),\s*$", text[:m.start()]):
            options.append(("us", m))
    for m in ABS_GB.finditer(text):
        if outside(text, m.start(), m.end(), spans) and not re.match(r"[–-]\d", text[m.end():m.end() + 2]):
            options.append(("gb", m))
    for m in MONTH_ONLY.finditer(text):
        if outside(text, m.start(), m.end(), spans):
            options.append(("month", m))
    if not options:
        return None
    how, m = rng.choice(options)
    year = ctx.published.year if ctx.published else None
    if how == "weekday":
        wd = WEEKDAYS.index(m.group("wd"))
        new = rng.choice([i for i in range(7) if i != wd])
        s, e = m.span("wd")
        out = _sub_at(text, s, e, WEEKDAYS[new])
        value = _weekday_value(out, s, new, ctx.published)
        dates = (("B", WEEKDAYS[new], value),) if value else ()
        return [out], m.group("wd"), WEEKDAYS[new], dates
    if how == "month":
        old = MONTHS.index(m.group("m"))
        new = rng.choice([i for i in range(12) if i != old])
        s, e = m.span("m")
        return [_sub_at(text, s, e, MONTHS[new])], m.group("m"), MONTHS[new], ()
    month_tok = m.group("m")
    month = MONTH_ABBR.get(month_tok) or MONTHS.index(month_tok) + 1
    day = int(m.group("d"))
    choices = [day + k for k in (-4, -3, -2, -1, 1, 2, 3, 4, 5) if 1 <= day + k <= 28]
    new = rng.choice(choices)
    s, e = m.span("d")
    out = _sub_at(text, s, e, str(new))
    expr = f"{month_tok} {new}" if how == "us" else f"{new} {month_tok}"
    dates = (("B", expr, date(year, month, new).isoformat()),) if year else ()
    return [out], m.group(0), expr, dates


NUMBER_RE = re.compile(r"(?<![\w.,:+/–-])(?P<cur>\$)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
                       r"(?P<unit>\s?(?:bn|tn|m|km|billion|million|trillion)\b)?(?![\w:+/]|[.,]\d)")


def change_number(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    options = []
    for m in NUMBER_RE.finditer(text):
        raw = m.group("n")
        if not outside(text, m.start(), m.end(), spans):
            continue
        if re.fullmatch(r"(1[89]|20)\d\d", raw) and not m.group("cur"):
            continue  # a year
        before, after = text[:m.start()], text[m.end():]
        if re.search(rf"(?:{_MONTH_RE})\s*$", before) or re.match(rf"\s+(?:{'|'.join(MONTHS)})\b", after):
            continue  # the day of a date
        if re.match(r"\s*(?:[a-z]+\s*)?\([^)]*\d", after) or (before.rfind("(") > before.rfind(")")):
            continue  # a figure with its conversion in brackets, or the conversion itself
        options.append(m)
    if not options:
        return None
    m = rng.choice(options)
    raw = m.group("n")
    value = float(raw.replace(",", ""))
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    new = value
    for factor in rng.sample((0.6, 0.75, 1.3, 1.5), 4):
        new = round(value * factor, decimals)
        if decimals == 0:
            new = int(new)
        if new != value and new > 0:
            break
    if new == value:
        new = int(value) + 1 if decimals == 0 else round(value + 10 ** -decimals, decimals)
    if decimals == 0 and new >= 100:  # keep the precision of the original: 850 -> 1,100, not 1,105
        digits = max(2, len(raw.replace(",", "").rstrip("0")))
        rounded = int(round(new, digits - len(str(new))))
        new = rounded if rounded != value else new
    if decimals:
        txt = f"{new:.{decimals}f}"
    elif "," in raw or new >= 1000:
        txt = f"{new:,}"
    else:
        txt = str(new)
    s, e = m.span("n")
    return [_sub_at(text, s, e, txt)], m.group(0).strip(), (m.group("cur") or "") + txt + (m.group("unit") or ""), ()


def change_title(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    taken: list[tuple[int, int]] = []
    options = []
    for old, new in ROLE_SWAPS:
        for m in re.finditer(rf"(?<![\w-]){re.escape(old)}(?= [A-Z])", text):
            if any(m.start() < e and s < m.end() for s, e in taken) or not outside(text, *m.span(), spans):
                continue
            if old == "President" and re.search(r"(?:Vice[- ]|Deputy )$", text[:m.start()]):
                continue
            if old == "Prime Minister" and text[:m.start()].endswith("Deputy "):
                continue
            taken.append(m.span())
            options.append((m, _styled(new, ctx.british or "Defence" in old)))
    if not options:
        return None
    m, new = rng.choice(options)
    return [_sub_at(text, m.start(), m.end(), new)], m.group(0), new, ()


def change_name(text: str, rng: random.Random, ctx: Ctx):
    if quote_spans(text):
        return None  # a swap in a quoted sentence is an attribution change, made by change_attribution
    mentions = _person_mentions(text, ctx.people)
    if not mentions:
        return None
    s, e, person, form = rng.choice(mentions)
    other = _other_person(rng, person, ctx.people, text, form)
    if other is None:
        return None
    out = _sub_at(text, s, e, other)
    # a later short mention of the same person goes with the swap
    if form == "full":
        tail = out[s + len(other):]
        tail = re.sub(rf"(?<![\w-]){re.escape(person[1])}(?![\w-])",
                      next(p for p in ctx.people if other in (p[0],) + p[2])[1], tail)
        out = out[:s + len(other)] + tail
    return [out], text[s:e], other, ()


def change_attribution(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    if not spans:
        return None
    options = []
    for s, e, person, form in _person_mentions(text, ctx.people):
        if not outside(text, s, e, spans):
            continue
        before, after = text[:s], text[e:]
        if any(re.search(rf"(?<![\w-]){re.escape(role)}\s*$", before) for role, _ in ROLE_SWAPS) or \
                re.search(r"(?:spokesman|spokeswoman|spokesperson|chief|Gen\.)\s*$", before):
            continue  # "Secretary of State Antony Blinken said": a role change, not a speaker change
        speaks = (re.match(rf"(?:[’']s)?\s*(?:\w+\s+){{0,2}}{SPEECH}\b", after)
                  or (re.match(rf",[^,“”\"]{{3,60}},\s*{SPEECH}\b", after) and not ROLE_WORD.search(after.split(",")[1]))
                  or re.match(r"\s*[“\"]", after)
                  or re.search(r"\b(?:said|says|added|noted)\s+(?:Mr\s+|Ms\s+)?$", before))
        if speaks:
            options.append((s, e, person, form))
    if not options:
        return None
    s, e, person, form = rng.choice(options)
    other = _other_person(rng, person, ctx.people, text, form)
    if other is None:
        return None
    return [_sub_at(text, s, e, other)], text[s:e], other, ()


def change_negation(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    options = []
    for m in NEG_AUX.finditer(text):
        if outside(text, *m.span(), spans) and re.match(r" [a-z]", text[m.end():m.end() + 2]):
            word = m.group(1)
            new = "cannot" if word == "can" else f"{word} not"
            options.append((m.start(), m.end(), new))
    for m in re.finditer(r"\b([a-z]+)\b", text):
        w = m.group(1)
        if w not in NEG_VERBS or not outside(text, *m.span(), spans) or text[m.start() - 1:m.start()] == "-":
            continue
        prev = re.search(r"(\w+)\W*$", text[:m.start()])
        if prev is None or prev.group(1).lower() in NEG_NOT_AFTER:
            continue
        if w == "held" and not re.match(r" (?:talks|a )", text[m.end():]):
            continue
        if w in ("called", "sent", "held", "killed") and re.match(r" (?:by|in|to)\b", text[m.end():]):
            continue
        options.append((m.start(), m.end(), f"did not {NEG_VERBS[w]}"))
    if not options:
        return None
    s, e, new = min(options)  # the first verb: the main claim of most news sentences
    return [_sub_at(text, s, e, new)], text[s:e], new, ()


def change_place(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    options = []
    for place, subs in sorted(PLACE_SWAPS.items()):
        for m in re.finditer(rf"(?<![\w-]){re.escape(place)}(?![\w’'-])", text):
            if not outside(text, *m.span(), spans):
                continue
            if not re.search(rf"(?:\b(?:{PLACE_CONTEXT})\s+(?:the\s+(?:city|capital)\s+of\s+)?|the capital,\s+)$",
                             text[:m.start()], re.I):
                continue
            subs = tuple(x for x in subs if x.removeprefix("the ") not in text)
            if subs:
                options.append((m, place, subs))
    if not options:
        return None
    m, place, subs = rng.choice(options)
    new = rng.choice(subs)
    return [_sub_at(text, m.start(), m.end(), new)], place, new, ()


def change_quote(text: str, rng: random.Random, ctx: Ctx):
    options = []
    for s, e in quote_spans(text):
        words = [m for m in re.finditer(r"[A-Za-z]+", text[s:e]) if m.group(0).lower() in QUOTE_WORDS]
        if len(re.findall(r"\w+", text[s:e])) >= 4 and words:
            options.append((s, words))
    if not options:
        return None
    s, words = rng.choice(options)
    picked = sorted(rng.sample(words, min(2, len(words))), key=lambda m: -m.start())
    out = text
    for w in picked:
        new = _recase(w.group(0), QUOTE_WORDS[w.group(0).lower()])
        out = _sub_at(out, s + w.start(), s + w.end(), new)
    before = ", ".join(w.group(0) for w in reversed(picked))
    after = ", ".join(_recase(w.group(0), QUOTE_WORDS[w.group(0).lower()]) for w in reversed(picked))
    return [out], before, after, ()


def change_spelling(text: str, rng: random.Random, ctx: Ctx):
    table, _ = tables.spelling()
    reverse = _reverse_spelling()
    spans = quote_spans(text)
    subs = []
    for m in re.finditer(r"[A-Za-z]+", text):
        w = m.group(0)
        low = w.lower()
        if low in table and table[low] != low:
            subs.append((m.start(), m.end(), _recase(w, table[low])))
        elif low in reverse:
            subs.append((m.start(), m.end(), _recase(w, reverse[low])))
    subs = [x for x in subs if outside(text, x[0], x[1], spans)] or subs
    if not subs:
        return None
    out = text
    for s, e, new in sorted(subs, reverse=True):
        out = _sub_at(out, s, e, new)
    return [out], ", ".join(text[s:e] for s, e, _ in subs), ", ".join(n for _, _, n in subs), ()


@lru_cache(maxsize=None)
def _alias_names() -> dict[str, tuple[str, ...]]:
    """Readable name -> the other readable names of the same place (places.toml)."""
    out: dict[str, tuple[str, ...]] = {}
    for canon, entry in tables.places().items():
        names = [n for n in [canon] + list(entry.get("aliases", [])) if n in ALIASES_OK]
        for n in names:
            others = tuple(x for x in names if x != n)
            if others:
                out[n] = others
    return out


THE_NAMES = frozenset({"United States", "US", "U.S.", "Republic of Korea", "United Kingdom", "UK",
                       "Senkaku Islands", "Diaoyu Islands"})


def change_alias(text: str, rng: random.Random, ctx: Ctx):
    if re.search(r"\b(?:known as|formerly|also called)\b", text):
        return None  # "known as the Diaoyu Islands by China": the name itself is the claim
    names = _alias_names()
    found = []
    for n in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w.–-]){re.escape(n)}(?![\w–-]|\.\w)", text):
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), n))
    if not found:
        return None
    s0, e0, name = rng.choice(found)
    group = {name, *names[name]}
    if len({n for _, _, n in found if n in group}) > 1:
        return None  # "Myanmar (formerly Burma)": both names in one sentence
    new = "United States" if name in ("US", "U.S.") else rng.choice(names[name])
    out = text
    for s, e, n in sorted(found, reverse=True):
        if n != name:
            continue
        pre = out[:s]
        if re.search(r"\b[Tt]he $", pre) and new not in THE_NAMES:
            out = pre[:-4] + (_cap(new) if pre[-4] == "T" else new) + out[e:]
        elif new in THE_NAMES and name not in THE_NAMES and not re.search(r"\b[Tt]he $", pre):
            out = pre + ("The " if not pre.strip() else "the ") + new + out[e:]
        else:
            out = pre + new + out[e:]
    return [out], name, new, ()


@lru_cache(maxsize=None)
def _title_names() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for canon, entry in tables.titles().items():
        names = [v for v in entry.get("variants", []) if v in TITLE_VARIANTS_OK]
        for n in names:
            others = tuple(x for x in names if x != n)
            if others:
                out[n] = others
    return out


def change_title_variant(text: str, rng: random.Random, ctx: Ctx):
    names = _title_names()
    spans = quote_spans(text)
    found = []
    for n in sorted(names, key=len, reverse=True):
        for surface in {n, _styled(n, True)}:
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text, re.I):
                if any(m.start() < e and s < m.end() for s, e, _ in found) or not outside(text, *m.span(), spans):
                    continue
                if re.search(r"(?:Deputy|Vice[- ])\s*$", text[:m.start()]):
                    continue
                found.append((m.start(), m.end(), n))
    if not found:
        return None
    s, e, name = rng.choice(found)
    surface = text[s:e]
    british = ctx.british or "efence" in surface
    new = _styled(rng.choice(names[name]), british)
    follows_name = re.match(r" [A-Z]", text[e:e + 2]) is not None
    if surface[:1].isupper() or (follows_name and new not in ("spokesperson", "spokesman")):
        new = _cap(new)
    elif surface.islower():
        new = new.lower()
    return [_sub_at(text, s, e, new)], surface, new, ()


def change_weekday_date(text: str, rng: random.Random, ctx: Ctx):
    if ctx.published is None:
        return None
    options = []
    for m in _weekdays(text):
        pre = (m.group("pre") or "").strip()
        if pre in ("last", "next", "this", "early") or m.group("post"):
            continue
        value = _weekday_value(text, m.start("wd"), WEEKDAYS.index(m.group("wd")), ctx.published)
        if value:
            options.append((m, value))
    if not options:
        return None
    m, value = rng.choice(options)
    d = date.fromisoformat(value)
    expr = _fmt_day(d, ctx.british_dates)
    s, e = m.span("wd")
    return [_sub_at(text, s, e, expr)], m.group("wd"), expr, (("A", m.group("wd"), value), ("B", expr, value))


def change_paraphrase(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    out = text
    done = []
    intro = INTRO.match(text)
    if intro and not spans and len(intro.group(2).split()) <= 30 and rng.random() < 0.5:
        head, rest = intro.group(1), intro.group(2)
        out = f"{_cap(rest)} {head[0].lower()}{head[1:]}."
        done.append(f"moved '{head},' to the end")
    rules = [(p, r) for p, r in PARAPHRASES if any(outside(out, *m.span()) for m in re.finditer(p, out))]
    for p, r in rng.sample(rules, min(len(rules), rng.choice((1, 2)))):
        q = quote_spans(out)
        hits = [m for m in re.finditer(p, out) if outside(out, *m.span(), q)]
        if not hits:
            continue
        m = hits[0]
        new = _recase(m.group(0), r) if m.group(0)[:1].isupper() else r
        out = _sub_at(out, m.start(), m.end(), new)
        done.append(f"{m.group(0).strip()} -> {new.strip()}")
    if out == text:
        return None
    return [out], text, "; ".join(done), ()


CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|must|met|said|held|took|made|"
                         r"left|told|wrote|flew|sent|struck|hit|[a-z]{3,}ed)\b")
SPLIT_OPENERS = re.compile(r"(?:the|they|he|she|it|we|this|these|its|their|his|her|[A-Z][a-z]+)\b")


def change_split(text: str, rng: random.Random, ctx: Ctx):
    spans = quote_spans(text)
    options = []
    for m in re.finditer(r", and |; ", text):
        if not outside(text, *m.span(), spans):
            continue
        head, tail = text[:m.start()], text[m.end():]
        if len(head.split()) < 5 or len(tail.split()) < 5 or not SPLIT_OPENERS.match(tail):
            continue
        if not (CLAUSE_VERB.search(head) and CLAUSE_VERB.search(tail)):
            continue  # "Antony Blinken, center, and Defense Secretary Austin": not two clauses
        if " ".join(head.split()[-12:]).count(",") >= 2:
            continue  # a list: "climate change, clean energy, ..., and the restoration"
        options.append((head, tail))
    if not options:
        return None
    head, tail = rng.choice(options)
    first = head.rstrip(",;") + "."
    second = _cap(tail)
    return [first, second], text, f"{first} | {second}", ()


def change_delete(text: str, rng: random.Random, ctx: Ctx):
    return [], text, "", ()


CHANGES = {
    "date": change_date, "number": change_number, "title": change_title, "name": change_name,
    "place": change_place, "attribution": change_attribution, "negation": change_negation,
    "quote": change_quote, "spelling": change_spelling, "alias": change_alias,
    "title-variant": change_title_variant, "weekday-date": change_weekday_date,
    "paraphrase": change_paraphrase, "split": change_split, "deletion": change_delete,
}
CATEGORY = {**{k: "discrepancy" for k in DISCREPANCY_KINDS}, **{k: "variant" for k in VARIANT_KINDS},
            "deletion": "deletion"}


# --- building a case ----------------------------------------------------------------------------

@lru_cache(maxsize=None)
def load_base(path: str) -> tuple[Article, tuple[Sentence, ...]]:
    """A base article as source A (the path kept relative) and its sentences."""
    read = read_article(ROOT / path, "A")
    art = replace(read, path=path)
    return art, tuple(segment(art))


@lru_cache(maxsize=None)
def _applicable(path: str) -> dict[str, tuple[str, ...]]:
    """For each change kind, the base sentences where its pattern is present."""
    base, sentences = load_base(path)
    ctx = _context(base, sentences)
    out = {}
    for kind, fn in CHANGES.items():
        ids = tuple(s.id for s in sentences if fn(s.text, random.Random(0), ctx) is not None)
        if kind == "deletion":
            ids = ids if len(ids) >= 4 else ()
        out[kind] = ids
    return out


def _context(base: Article, sentences) -> Ctx:
    body = " ".join(s.text for s in sentences)
    people = tuple(_people_in(body))
    return Ctx(base.published, _british(body), _british_dates(base.text), people, body)


def _blocks(base: Article, sentences) -> list[tuple[str, list[str]]]:
    """(block kind, base sentence ids) in article order."""
    out = []
    for b in base.blocks:
        ids = [s.id for s in sentences if b.start <= s.start < b.end]
        if ids:
            out.append((b.kind, ids))
    return out


def make_case(seed: int, bases: tuple[str, ...] = BASES) -> Case:
    rng = random.Random(seed)
    path = rng.choice(bases)
    base, sentences = load_base(path)
    by_id = {s.id: s for s in sentences}
    ctx = _context(base, sentences)
    k = rng.randint(1, 3)

    where = _applicable(path)
    n_blocks = len(_blocks(base, sentences))
    applied: dict[str, tuple[list[str], Change]] = {}
    changes: list[Change] = []
    shuffle = False
    attempts = 0
    while len(changes) < k and attempts < 60:
        attempts += 1
        r = rng.random()
        acc = 0.0
        category = CATEGORY_WEIGHTS[-1][0]
        for name, w in CATEGORY_WEIGHTS:
            acc += w
            if r < acc:
                category = name
                break
        kinds = [kind for kind, cat in CATEGORY.items() if cat == category
                 and any(sid not in applied for sid in where.get(kind, ()))]
        if category == "variant" and not shuffle and n_blocks >= 3:
            kinds.append("shuffle")
        if not kinds:
            continue
        kind = rng.choice(sorted(kinds))
        if kind == "shuffle":
            shuffle = True
            changes.append(Change("shuffle", "variant", "", "paragraph order", "shuffled"))
            continue
        sid = rng.choice([sid for sid in where[kind] if sid not in applied])
        got = CHANGES[kind](by_id[sid].text, rng, ctx)
        if got is None:
            continue
        texts, before, after, dates = got
        change = Change(kind, CATEGORY[kind], sid, before, after, tuple(dates))
        applied[sid] = (texts, change)
        changes.append(change)

    # the counterpart's text: the base's blocks, one line each, with the changed sentences
    blocks = _blocks(base, sentences)
    if shuffle:
        order = list(range(len(blocks)))
        while order == sorted(order):
            rng.shuffle(order)
        blocks = [blocks[i] for i in order]
    lines: list[str] = []
    captions: list[str] = []
    spans: list[tuple[int, int, str]] = []  # (start, end, base sid) of every unit in the text
    partial = base.dateline_day
    header = f"{MONTHS[partial[0] - 1]} {partial[1]}\n\n" if partial and not base.published else ""
    pos = len(header)
    for kind, ids in blocks:
        parts: list[str] = []
        offset = pos + (2 if kind == "bullet" else 0)
        for sid in ids:
            texts = applied[sid][0] if sid in applied else [by_id[sid].text]
            for t in texts:
                if parts:
                    offset += 1
                spans.append((offset, offset + len(t), sid))
                parts.append(t)
                offset += len(t)
        if not parts:
            continue
        line = ("• " if kind == "bullet" else "") + " ".join(parts)
        if kind == "caption":
            captions.append(line)
        lines.append(line)
        pos += len(line) + 2
    text = header + "\n\n".join(lines) + "\n"
    meta = {"title": base.title or "(untitled counterpart)", "captions": captions}
    if base.published:
        meta["published"] = base.published.isoformat()
    cp = parse_text(text, "B", f"perturb:{seed}", meta=meta)
    cp_sents = segment(cp)
    cp_text = {cs.id: cs.text for cs in cp_sents}

    units: dict[str, list[str]] = {}
    for cs in cp_sents:
        for s, e, sid in spans:
            if s < cs.end and cs.start < e:
                units.setdefault(sid, []).append(cs.id)
    groups = [{"A": [sid], "B": units[sid]} for sid in by_id if sid in units]
    omissions = [(sid, ("B",)) for sid in by_id if sid not in units]
    discrepancies = []
    variants = []
    checks = []
    for c in changes:
        cp_ids = units.get(c.sentence, [])
        if c.category == "discrepancy" and cp_ids:
            target = cp_ids[0]
            if len(cp_ids) > 1:  # the segmenter split the changed sentence: the part with the change
                target = next((i for i in cp_ids if c.after.split(",")[0] in cp_text[i]), cp_ids[0])
            discrepancies.append({"kind": c.kind, "sentences": {"A": c.sentence, "B": target},
                                  "values": {"A": c.before, "B": c.after}, "note": f"seed {seed}"})
        elif c.category == "variant" and cp_ids:
            variants.extend((i, c.before, c.after, c.kind) for i in cp_ids)
        for side, expr, value in c.dates:
            ids = [c.sentence] if side == "A" else cp_ids
            for sid in ids:
                if expr in (by_id[sid].text if side == "A" else cp_text[sid]):
                    checks.append((sid, expr, value))
                    break
    gold = Gold(event=f"perturb-{seed}", paths={"A": path, "B": cp.path},
                published={"A": base.published.isoformat() if base.published else None,
                           "B": cp.published.isoformat() if cp.published else None},
                groups=groups, omissions=omissions, dates=checks, discrepancies=discrepancies,
                variants=variants)
    return Case(seed, base, cp, tuple(changes), gold, {k: tuple(v) for k, v in units.items()})


def seeds(held_out: bool = False, cases: int = 200) -> range:
    pool = HELD_OUT_SEEDS if held_out else DEV_SEEDS
    if not 0 < cases <= len(pool):
        from ..errors import OptionError

        raise OptionError(f"--cases {cases}: choose 1 to {len(pool)}")
    return pool[:cases]
