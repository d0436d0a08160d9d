"""Date expressions: find them with our own patterns, resolve weekdays and relative phrases
against the publication date and the verb's tense, and hand dateparser the phrases it reads well.

dateparser's ``search_dates`` reads "March 15–18" as 2018 and "The talks may resume" as May
(measured on the known pair), so search is ours. Month-name dates are built directly from the parts our patterns
capture (year, month, day); dateparser parses "N days/weeks ago" phrases against the publication
date. That keeps its 0.2 s import out of most runs.

Values are ISO: a day ``2021-03-16``, an interval ``2021-03-15/2021-03-18``, a month ``2021-03``
or a year ``2050``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# "May" alone is too often a verb: month names need a day or a year next to them, and the
# three-letter forms need their full stop ("Dec.") or a day.
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = (r"(?:" + _FULL_MONTH +
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DASH = r"\s*(?:[-–—]|to|until|through|and)\s*"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(rf"\b{_YEAR}-[01]\d-[0-3]\d\b")),
    ("range_md", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("range_dm", re.compile(rf"\b(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("md", re.compile(rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<m>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*[-–—]\s*\d)(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("dm", re.compile(rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?!\w)(?:,?\s+(?P<y>{_YEAR})\b)?")),
    ("my", re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|of|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-)\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})\b")),
    ("month", re.compile(rf"\b(?P<rel>(?i:in|since|until|by|from|during|early|late|mid-|last|next|this|since early|in early|in late|scheduled for|planned for|due in|set for|as early as|as late as|as soon as))\s+(?P<m>{_FULL_MONTH})\b(?!\s+\d)"
                         r"(?:,?\s+(?P<year_rel>last|next|this|that|the same) year\b)?")),
    ("quarter", re.compile(rf"\b(?:in|during|for)\s+the\s+(?P<q>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<y>{_YEAR}))?\b")),
    ("weekday_range", re.compile(rf"\b(?:(?P<rel>on|from|between)\s+)?(?P<wd>{_WD})\s+(?:and|to|through|until|-|–)\s+(?P<wd2>{_WD})\b")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>(?i:last|next|this|on|early|late|by|until|before|from))\s+)?(?P<wd>{_WD})(?:'s)?\b(?:\s+(?P<part>morning|afternoon|evening|night))?")),
    ("relative", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening|last week|next week|this week|earlier this week|over the weekend|this weekend|last weekend|next weekend|"
                            r"last month|next month|this month|last year|next year|this year|"
                            r"(?P<n>\d+|a|one|two|three|four|five|six|seven|ten) (?P<unit>days?|weeks?) ago)\b", re.I)),
    ("year_of", re.compile(rf"\b(?:the|its|their|his|her)\s+(?P<y>{_YEAR})\s+(?=[a-z])")),  # "the 2011 killing", not "a 2018 pact"
    ("year", re.compile(rf"\b(?i:by|in|since|until|before|after|from|during)\s+(?:the end of\s+|at least\s+)?(?P<y>{_YEAR})\b(?!\s*[-–]\s*\w+\s+(?:pact|agreement|accord|deal|summit))")),
]

FUTURE = re.compile(r"\b(will|shall|'ll|is to|are to|is set to|are set to|is expected to|are expected to|"
                    r"plans? to|is planning to|are planning to|is due to|are due to|is scheduled to|"
                    r"are scheduled to|is going to|are going to|upcoming|next|must|needs to|has to|have to|"
                    r"is expected|are expected|would|could|might|"
                    r"(?<!was )(?<!were )(?<!been )(?:scheduled|set|due|expected) to)\b", re.I)
PAST = re.compile(r"\b(?:was|were|had|did|began|came|went|took|met|struck|hit|saw|held|brought|caught|fought|found|"
                  r"got|gave|left|kept|made|sent|spent|stood|won|lost|ran|rose|fell|broke|built|bought|chose|"
                  r"drove|flew|led|paid|sold|shot|stole|swept|threw|tore|\w{3,}ed)\b", re.I)
PRESENT = re.compile(r"\b(?:ends|begins|starts|opens|closes|runs|expires|lasts|falls)\b", re.I)
NEAR_AHEAD_DAYS = 31
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None  # None: found but cannot be resolved (no reference date)
    how: str  # "absolute" | "year from publication" | "year from co-source" | "weekday, past" | ...


@dataclass(frozen=True)
class DateContext:
    published: date | None = None  # the article's own date: anchor for weekdays and relative phrases
    year: int | None = None  # year for dates written without one
    year_from: str = "publication"  # "publication" | "co-source"
    that_year: int | None = None  # the year the sentence before names: "In July that year"


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # 0.24 s: imported only when a date span needs parsing

    return dateparser


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "February 30": not a date
        return None


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _iso(d: date) -> str:
    return d.isoformat()


def _interval(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def find_dates(text: str, ctx: DateContext = DateContext()) -> list[DateMention]:
    """All date expressions in ``text``, longest first where two overlap, in text order."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if kind in ("weekday", "weekday_range") \
                    and (m.group("rel") or "").lower() in ("on", "by", "until", "before", "from", "between"):
                s = m.start("wd")  # "on Tuesday": the span is the weekday, the preposition is context
            if kind == "year_of":
                s, e = m.span("y")  # "the 2011 killing": the year
            if any(s < te and ts < e for ts, te in taken):
                continue
            value, how = _resolve(kind, m, text, ctx)
            if value is False:
                continue
            taken.append((s, e))
            out.append(DateMention(text[s:e], s, e, value, how))
    out.sort(key=lambda d: d.start)
    return out


def _year(m: re.Match, ctx: DateContext) -> tuple[int | None, str]:
    if m.groupdict().get("y"):
        return int(m.group("y")), "absolute"
    if ctx.year is not None:
        return ctx.year, f"year from {ctx.year_from}"
    return None, "no year"


def _resolve(kind: str, m: re.Match, text: str, ctx: DateContext):
    """Return (value, how); value False means "not a date after all"."""
    if kind == "iso":
        return m.group(0), "absolute"
    if kind in ("range_md", "range_dm"):
        year, how = _year(m, ctx)
        if year is None:
            return None, how
        month = _month(m.group("m"))
        d1, d2 = int(re.sub(r"\D", "", m.group("d1"))), int(re.sub(r"\D", "", m.group("d2")))
        if d2 <= d1:
            return False, ""
        try:
            return _interval(date(year, month, d1), date(year, month, d2)), how
        except ValueError:
            return False, ""
    if kind in ("md", "dm"):
        year, how = _year(m, ctx)
        if m.group("m").lower().rstrip(".") == "may" and kind == "md" and not m.group("y") and not m.group("wd"):
            # "may 5" is rare as a verb+number, but "May 5" capitalised is a date: require the capital
            if not m.group("m")[0].isupper():
                return False, ""
        d = _day(year, _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))) if year else None
        if year is None:
            month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
            try:
                date(2000, month, day)
            except ValueError:
                return False, ""
            # no year anywhere: keep month and day so two undated sources can still be compared
            return None, f"no year: --{month:02d}-{day:02d}"
        if d is None:
            return False, ""
        if not m.group("y") and ctx.published is not None:
            d, how = _nearer_year(d, m, text, ctx.published, how)
        return _iso(d), how
    if kind == "my":
        return f"{int(m.group('y')):04d}-{_month(m.group('m')):02d}", "absolute"
    if kind in ("year", "year_of"):
        return m.group("y"), "absolute"
    if kind == "month":
        if ctx.published is None:
            return None, "month without a publication date"
        month, rel, base = _month(m.group("m")), m.group("rel").lower(), ctx.published
        year_rel = (m.group("year_rel") or "").lower()
        if year_rel in ("that", "the same"):
            if ctx.that_year is not None:
                return f"{ctx.that_year:04d}-{month:02d}", "month, the year before named"
            year_rel = ""
        if year_rel or re.search(r"\bthis year\b", text, re.I):
            # "since January last year", "probably in November" in a sentence about "this year"
            year = base.year + {"last": -1, "next": 1}.get(year_rel, 0)
            return f"{year:04d}-{month:02d}", f"month, {year_rel or 'this'} year"
        if rel in ("next", "last"):
            ahead = rel == "next"
        elif rel in ("until", "by", "scheduled for", "planned for", "due in", "set for"):
            # a deadline or a plan lies ahead, but one that "had been due in March" may have
            # passed: the nearer of the two ("had been scheduled for June" in March: ahead)
            ahead = not re.search(r"\b(?:had been|was|were)\s+$", text[:m.start()]) \
                or (month - base.month) % 12 < (base.month - month) % 12
        elif rel == "since":
            ahead = False
        elif _future(text, m.start()):
            ahead = True
        elif (month - base.month) % 12 == 1:
            ahead = True  # next month, whatever the tense: "left for further talks in November" in October
        elif PAST.search(_clause(text, m.start())):
            ahead = False
        else:  # no tense to go by ("who take control in January"): the nearer of the two
            ahead = (month - base.month) % 12 < (base.month - month) % 12
        if ahead:
            year = base.year if month >= base.month else base.year + 1
        else:
            year = base.year if month <= base.month else base.year - 1
        if rel == "last" and month == base.month:
            year -= 1
        return f"{year:04d}-{month:02d}", "month, " + ("future" if ahead else "past") + " tense"
    if kind == "quarter":
        q = ["first", "second", "third", "fourth"].index(m.group("q").lower())
        if m.group("y"):
            year, how = int(m.group("y")), "absolute"
        elif ctx.published is None:
            return None, "quarter without a publication date"
        else:  # the quarter of the publication year, or of the year before if it has not begun
            year = ctx.published.year - (3 * q + 1 > ctx.published.month and not _future(text, m.start()))
            how = "quarter"
        end = date(year, 3 * q + 3, 1) + timedelta(days=31)
        return _interval(date(year, 3 * q + 1, 1), end.replace(day=1) - timedelta(days=1)), how
    if kind == "weekday_range":  # "closed Monday and Tuesday": from the first, read as a weekday, on
        first, how = _resolve("weekday", m, text, ctx)
        if not first:
            return first, how
        start = date.fromisoformat(first)
        days = (WEEKDAYS.index(m.group("wd2").lower()) - start.weekday()) % 7
        return (_interval(start, start + timedelta(days=days)), how) if days else (first, how)
    if kind == "weekday":
        if ctx.published is None:
            return None, "weekday without a publication date"
        target = WEEKDAYS.index(m.group("wd").lower())
        rel = (m.group("rel") or "").lower()
        base = ctx.published
        # days to the next such weekday, and since the last (0 on that very day)
        ahead, back = (target - base.weekday()) % 7, (base.weekday() - target) % 7
        if rel == "last":
            return _iso(base - timedelta(days=back or 7)), "weekday, last"
        if rel == "next":
            return _iso(base + timedelta(days=ahead or 7)), "weekday, next"
        before = text[:m.start()].split()
        declared = before and before[-1].lower() in ("declared", "proclaimed", "designated") \
            and re.match(r"\s+(?:a|an|as)\b", text[m.end():])
        if not rel and before and (before[-1].lower() in ("beginning", "starting", "effective") or declared):
            # the start of a period just declared ("three days of mourning beginning Friday",
            # "declared Friday a day of mourning"): the nearer of the two, whatever the tense of
            # the declaring verb
            if ahead <= back:
                return _iso(base + timedelta(days=ahead)), "weekday, start of a period"
            return _iso(base - timedelta(days=back)), "weekday, start of a period"
        if text[m.end("wd"):m.end("wd") + 2] in ("'s", "’s") and rel == "before":
            rel = ""  # "before Wednesday's final": the day of an event, its tense decides
        # "had closed on Friday": the past perfect, unless a future marker comes after it
        clause = _clause(text, m.start())
        had = [h.start() for h in re.finditer(r"\bhad\b", clause)]
        will = [f.start() for f in FUTURE.finditer(clause)]
        past_perfect = bool(had) and (not will or had[-1] > will[-1])
        # "By Friday evening, savers had withdrawn": a deadline opening the sentence, the past
        # perfect after it
        past_perfect = past_perfect or rel in ("by", "until", "before") and not clause.strip() \
            and bool(re.search(r"\bhad\b", text[m.end():])) and not FUTURE.search(text[m.end():])
        # "said Saturday would be a day of mourning": the weekday is the subject of a future;
        # "From Monday, pupils ... will be barred": the start of what will be
        will = will or re.match(r"\s+(?:will|would|is to|is set to|is due to)\b", text[m.end():]) \
            or rel == "from" and FUTURE.search(text[m.end():])
        # "It was not until Thursday that ...": a past event, not a deadline
        not_until = rel == "until" and re.search(r"\b(?:was|were)(?:\s+not|n['’]t)\s+$", text[:m.start()])
        # "brought the blaze under control by Tuesday afternoon" the day after: a deadline met in
        # the past tense is the nearer such day ("they signed it by Friday" on a Wednesday: ahead)
        met = rel in ("by", "before") and not will and PAST.search(clause) and back < ahead
        if (rel in ("by", "until", "before") and not past_perfect and not not_until and not met) \
                or (will and not past_perfect):  # a deadline lies ahead
            return _iso(base + timedelta(days=ahead)), "weekday, future tense"
        return _iso(base - timedelta(days=back)), "weekday, past tense"
    if kind == "relative":
        if ctx.published is None:
            return None, "relative without a publication date"
        return _relative(m, ctx.published), "relative"
    return False, ""


def _nearer_year(d: date, m: re.Match, text: str, published: date, how: str) -> tuple[date, str]:
    """A month and day without a year, given the publication's year: "last year" / "next year"
    after it move it; so does the tense, when the day would otherwise lie on the wrong side of the
    publication date ("declared martial law on Dec. 3" in a June paper: last December)."""
    after = text[m.end():m.end() + 12].lower()
    shift = -1 if after.lstrip(" ,").startswith("last year") else 1 if after.lstrip(" ,").startswith("next year") else 0
    if not shift:
        # "report by 31 October", "due Aug. 14": a deadline lies ahead whatever the verb's tense
        clause = _clause(text, m.start())
        future = bool(FUTURE.search(clause)) or bool(re.search(r"\b(?:by|until|before|due)\s+$", text[:m.start()]))
        # "the season officially ends Nov. 30": the present tense of a fixed day, not a past one
        present = PRESENT.search(clause) and not PAST.search(clause)
        # a day up to a month ahead stays ahead whatever the tense: "called a new strike for
        # Oct. 28" in a paper of 19 October (7 days put it a year back; 21 to 45 scored alike)
        if d > published + timedelta(days=NEAR_AHEAD_DAYS) and not future and not present:
            shift = -1
        elif d < published - timedelta(days=7) and future:
            shift = 1
    if not shift:
        return d, how
    moved = _day(d.year + shift, d.month, d.day)
    return (moved, how + (", the year before" if shift < 0 else ", the year after")) if moved else (d, how)


def _clause(text: str, at: int) -> str:
    """The text from the start of the clause holding position ``at`` up to it."""
    clause_start = max(text.rfind(sep, 0, at) for sep in (". ", "; ", "“", '"', ", while", ", but", ", and"))
    return text[max(clause_start, 0):at]


def _future(text: str, at: int) -> bool:
    """Is the clause holding position ``at`` in the future tense?"""
    return bool(FUTURE.search(_clause(text, at)))


def _relative(m: re.Match, base: date) -> str:
    rel = m.group("rel").lower()
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return _iso(base)
    if rel in ("yesterday", "last night"):
        return _iso(base - timedelta(days=1))
    if rel == "tomorrow":
        return _iso(base + timedelta(days=1))
    monday = base - timedelta(days=base.weekday())
    if rel.endswith("weekend"):
        saturday = monday + timedelta(days=5)  # this week's weekend
        if rel == "next weekend":
            saturday += timedelta(days=7)
        elif rel == "last weekend" or (rel == "over the weekend" and base.weekday() < 5):
            saturday -= timedelta(days=7)  # said on a weekday, "over the weekend" is the last one
        return _interval(saturday, saturday + timedelta(days=1))
    if rel in ("this week", "earlier this week"):
        return _interval(monday, monday + timedelta(days=6))
    if rel == "last week":
        return _interval(monday - timedelta(days=7), monday - timedelta(days=1))
    if rel == "next week":
        return _interval(monday + timedelta(days=7), monday + timedelta(days=13))
    if rel in ("this month", "last month", "next month"):
        month = base.month + {"this month": 0, "last month": -1, "next month": 1}[rel]
        year = base.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    if rel in ("this year", "last year", "next year"):
        return str(base.year + {"this year": 0, "last year": -1, "next year": 1}[rel])
    # "two days ago", "a week ago": dateparser reads these against the publication date
    from datetime import datetime

    n = m.group("n").lower()
    phrase = f"{NUMBER_WORDS.get(n, n)} {m.group('unit')} ago"
    parsed = _dateparser().parse(phrase, languages=["en"],
                                 settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day)})
    return _iso(parsed.date())


# --- whole-line dates (datelines) -------------------------------------------------------------

_DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:(?:on\s+)?{_WD},?\s+)?"
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))(?:,?\s+(?P<y>{_YEAR}))?"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*[A-Z]{2,4})?)?\s*$",
    re.I,
)
_ISO_LINE = re.compile(rf"^(?:(?:published|updated)\s*:?\s*)?({_YEAR})-([01]\d)-([0-3]\d)(?:[T ][\d:.]+Z?)?\s*$", re.I)


def dateline(line: str) -> date | tuple[int, int] | None:
    """A line that is only a date: the date, or (month, day) when it has no year."""
    m = _ISO_LINE.match(line.strip())
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    m = _DATELINE.match(line.strip())
    if not m:
        return None
    month = _month(m.group("m1") or m.group("m2"))
    day = int(re.sub(r"\D", "", m.group("d1") or m.group("d2")))
    try:
        if m.group("y"):
            return date(int(m.group("y")), month, day)
        date(2000, month, day)
    except ValueError:
        return None
    return (month, day)


_WIRE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .,'’-]{{1,40}}?),\s+(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?"
    r"\s*(?:\([^)]{1,30}\))?\s*[-–—]+\s*"
)


def wire_dateline(line: str) -> tuple[date | tuple[int, int], int] | None:
    """ "TOKYO, March 16 (Reuters) - ..." : the date and the length of the prefix."""
    m = _WIRE.match(line)
    if not m:
        return None
    month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    try:
        date(int(m.group("y") or 2000), month, day)
    except ValueError:
        return None
    found = date(int(m.group("y")), month, day) if m.group("y") else (month, day)
    return found, m.end()


def parse_iso_prefix(value: str) -> date | None:
    """ "2022-12-21T22:10:00Z" or "2022-12-21" -> date; anything else -> None."""
    m = re.match(rf"\s*({_YEAR})-([01]\d)-([0-3]\d)", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_user_date(value: str) -> date | None:
    """A --published value: ISO first, then any unambiguous day dateparser reads."""
    d = parse_iso_prefix(value)
    if d is not None and re.fullmatch(r"\s*\d{4}-\d\d-\d\d\s*", value):
        return d
    if re.search(r"[A-Za-z]", value or "") and dateline(value) and isinstance(dateline(value), date):
        return dateline(value)
    return None
