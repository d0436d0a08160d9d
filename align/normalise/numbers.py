"""Numbers with the thing they count: "$1.85 billion", "at least 1,644 people", "7.7 magnitude"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from .. import tables
from .text import american

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# "thirty-seven": a ten and a unit joined by a hyphen (listed first, so the regex takes it whole)
COMPOUND = {f"{t}-{u}": tv + uv for t, tv in TENS.items() for u, uv in UNITS.items()}
WORDS = {**COMPOUND, **UNITS, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, **TENS,
         "hundred": 100, "dozen": 12, "dozens": 24}
CURRENCY_SIGNS = {"$": "usd", "£": "gbp", "€": "eur"}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "tn": 1e12, "m": 1e6, "k": 1e3}
NUMBER = re.compile(
    r"(?<![\w.+/-])(?P<cur>[$£€])?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"(?:" + "|".join(WORDS) + r"))(?P<pct>\s?%|\s?per ?cent|\s?percent)?"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|tn|m|k)\b)?"
    # a unit joined to the figure: "30-storey", "7.7-magnitude", "12-year-old", "10km"
    r"(?:-(?P<joined>[A-Za-z]+)(?:-[A-Za-z]+)*|(?P<short>km|kg|mi|ft|cm|mm|mph|kph|lb|lbs|sq ?km)\b)?"
    r"(?![\w+]|[-–]\w|\.\d)", re.I)
# a year, a time or a hyphenated name ("COVID-19", "2+2") is not a count
NOT_COUNT = re.compile(r"(?:[A-Za-z]-\d|\d\+\d)")
FUNCTION_WORDS = frozenset(("per", "to", "and", "or", "in", "on", "at", "a", "the", "with", "as", "by", "from"))
QUALIFIER = re.compile(r"(?:more than|over|at least|nearly|almost|about|around|some|up to|fewer than|less than|roughly)\s*$", re.I)
# a clock time is not a count: "12:50", "06:20 GMT", "10.30am"
CLOCK = re.compile(r"(?<![\d:.])\d{1,2}(?::\d{2}(?::\d{2})?|\.\d{2}\s*[ap]\.?m\b\.?)(?![\d:])"
                   r"|(?<![\d:.,])\d{1,2}\s*[ap]\.?m\b\.?"  # "2 p.m.", "10pm"
                   r"|(?<![\d:.,])\d{1,2}(?= in the (?:morning|afternoon|evening)\b| o['’]clock\b)"
                   r"|(?<=dialed )\d{3}\b|(?<=dialled )\d{3}\b|(?<=called )(?:911|999|112)\b", re.I)  # a phone number
# what is left of a distance or a time: "7 kilometers (4 miles) left", "two laps to go" (not "12
# people left the building")
COUNTDOWN = frozenset(("lap", "minute", "hour", "second", "day", "week", "month", "year", "mile", "kilometer"))
REMAINING = re.compile(r"\s*(?:[A-Za-z-]+\s*)?(?:\([^)]*\)\s*)?(?:left|remaining|to go)(?![\w-])")
UNIT = re.compile(r"^\s*(?:(?:of|[\w-]+ly)\s+)?(?P<unit>[A-Za-z][A-Za-z-]+)")


@dataclass(frozen=True)
class NumberMention:
    text: str
    start: int
    end: int
    value: float
    unit: str
    approx: bool
    conversion: bool = False  # "(10 miles)" right after "16km": the same figure in other units


def find_numbers(text: str, date_spans: list[tuple[int, int]] = ()) -> list[NumberMention]:
    out: list[NumberMention] = []
    skip = list(date_spans) + [t.span() for t in CLOCK.finditer(text)]  # "12:50 local time" is no count
    for m in NUMBER.finditer(text):
        s, e = m.span()
        if s < len(text) and text[s].isspace():
            s += 1
        if any(s < de and ds < e for ds, de in skip):
            continue
        around = text[max(0, s - 2):e + 2]
        if NOT_COUNT.search(around) or text[max(0, s - 9):s] == "Group of ":  # "the Group of 20"
            continue
        name = re.search(r"([A-Z][A-Za-z]*)[\s-]$", text[max(0, s - 20):s])
        if name and name.group(1) in _identifiers() and not m.group("cur"):
            continue  # "Interstate 75", "Gate 14": a name, not a count
        raw = m.group("num")
        low = raw.lower()
        if low in WORDS:
            if low in ("one",) and not m.group("scale"):
                continue  # "one of", "one day": rarely a reported count
            if raw.islower() and re.search(r"[A-Z]\w*\s+$", text[:s]) and re.match(r"\s+[A-Z]", text[e:]):
                continue  # a word of a name between capitals: "Huis ten Bosch"
            value = float(WORDS[low])
            if _refers_back(text[:s], value, m.group("scale")):
                continue
        else:
            value = float(raw.replace(",", ""))
            if re.fullmatch(r"(1[89]|20)\d\d", raw) and not m.group("cur") and not m.group("scale"):
                continue  # a year
        metres = False
        if m.group("scale"):
            scale = m.group("scale").lower()
            if m.group("scale") == "m" and not m.group("cur") \
                    and re.match(r"(?:\s+(?:high|tall|long|deep|wide|into|above|below|across|up|down|away)\b)", text[e:]):
                metres = True  # "walls up to 8m high", "as high as 50m into the air": metres, not millions
            elif scale in ("m", "k") and not m.group("cur"):
                continue
            else:
                value *= SCALE[scale]
        unit = "%" if m.group("pct") else "meter" if metres else ""
        if m.group("cur"):
            unit = CURRENCY_SIGNS[m.group("cur")]
        joined = m.group("joined") or m.group("short")
        if m.group("joined") and m.group("joined").lower() in _table()["joined"]["not_counts"]:
            continue  # "two-way trade"
        if not unit and joined:
            low_unit = joined.lower().replace(" ", "")
            unit = _short_units().get(low_unit) or singular(american(low_unit) or low_unit)
            unit = _currency(unit, m.group("scale"), text[e:]) or unit  # "a 70,000-euro bonus"
        if not unit:
            u = UNIT.match(text[e:])
            unit = singular(u.group("unit").lower()) if u else ""
            noun = re.match(r"\s+([a-z]+)\b", text[e + u.end():]) if u else None  # the word after it
            if u and unit.endswith("ed") and len(unit) > 4 and unit not in _people_nouns():
                # "1,400 planned operations", "two armed men": the noun after the participle
                if noun and noun.group(1) not in FUNCTION_WORDS:
                    unit = singular(noun.group(1))
            if u and "-" in unit:  # "32 water-dropping planes": the noun after the compound adjective
                unit = singular(noun.group(1)) if noun else unit
            if u and unit not in _people_nouns():  # "120 rescue workers": the people the noun names
                if noun and singular(noun.group(1)) in _people_nouns():
                    unit = singular(noun.group(1))
            unit = american(unit) or unit  # "kilometres" and "kilometers", "storeys" and "stories"
            unit = _table()["same_noun"].get(unit, unit)  # "five homes" counts houses
            if unit in FUNCTION_WORDS:
                unit = ""
            unit = _phrase_unit(text[e:]) or _currency(unit, m.group("scale"), text[e:]) or unit
            if unit in CURRENCY_SIGNS.values() and re.match(r"\s+[a-z]+\s+cents?\b", text[e:], re.I):
                value /= 100  # "45 euro cents": €0.45
            if unit in ("was", "were", "are", "is", "have", "has", "had", "other", "more"):
                # "more than 80 were injured", "58 others were injured": the count noun after
                after = re.match(r"\s+(?:others?\s+|more\s+)?(?:were|was|are|is|have been|had been|have|had)?\s*"
                                 r"(injured|killed|dead|wounded|missing|hurt|arrested|evacuated|rescued|hospitali[sz]ed)\b",
                                 text[e:])
                unit = american(after.group(1)) or after.group(1) if after else ("" if unit != "other" else unit)
        if not unit:  # "108 of the 200 members": the part counts what the whole counts
            whole = re.match(r"\s+of\s+(?:the|its|their|all)?\s*[\d,]+\s+([a-z]+)\b", text[e:])
            if whole:
                unit = american(singular(whole.group(1))) or singular(whole.group(1))
        lead = _lead_noun(text[:s])
        if lead:  # "magnitude 7.7 quake": the noun written before the figure names it
            unit = lead
        if not unit:
            previous = out[-1].end if out else 0
            unit = _unit_before(text[previous:s])
        if unit and REMAINING.match(text[e:]) and (unit in COUNTDOWN or quantity(f"1 {unit}")):
            unit += " left"  # "with 7 kilometers (4 miles) left" counts down: no "after 35km"
        approx = bool(QUALIFIER.search(text[max(0, s - 14):s]))
        # "491 millimeters (19.3 inches)", "113 billion pounds ($147 billion)": a figure opening
        # a bracket right after another figure (and its unit) restates it
        conversion = bool(out) and bool(re.fullmatch(r"\s*(?:[A-Za-z/.-]+\s*){0,3}\(\s*", text[out[-1].end:s]))
        out.append(NumberMention(text[s:e], s, e, value, unit, approx, conversion))
    return out


def _phrase_unit(right: str) -> str:
    """A unit written as a phrase after the figure: "491 litres per square metre" -> millimeter."""
    words = [american(w) or w for w in (singular(w) for w in re.findall(r"[a-z]+", right.lower())[:4])]
    said = " ".join(words)
    return next((unit for phrase, unit in _table()["phrase_units"].items()
                 if said == phrase or said.startswith(phrase + " ")), "")


def _currency(word: str, scale: str | None, right: str) -> str:
    """Money written as a word after the figure: "20 million euros", "113 billion pounds"."""
    if word == "pound":
        return "gbp" if scale or re.match(r"\s*pounds?\s+sterling", right, re.I) else ""
    return _table()["currency_words"].get(word, "")


def same_quantity(x: str, y: str) -> bool:
    """Two formatted values ("30 kilometer", "19 mile") in units of one base that agree within
    the slack of a conversion and rounding. Equal strings are equal; other units never are."""
    if x == y:
        return True
    qx, qy = quantity(x), quantity(y)
    if qx is None or qy is None or qx[0] != qy[0] or x.split(" ", 1)[1:] == y.split(" ", 1)[1:]:
        return False
    return abs(qx[1] - qy[1]) <= _table()["convert"]["same_converted"] * max(qx[1], qy[1])


def quantity(value: str) -> tuple[str, float] | None:
    """(base unit, amount in it) of a formatted value with a convertible unit, else None."""
    num, _, unit = value.partition(" ")
    conv = _table()["convert"].get(unit)
    if not isinstance(conv, list):
        return None
    try:
        return conv[0], float(num.replace(",", "")) * conv[1]
    except ValueError:
        return None


def base_unit(value: str) -> str:
    """The unit figures are compared in: the base of a convertible unit, "people" for nouns that
    count people, else the unit itself."""
    q = quantity(value)
    if q:
        return q[0]
    unit = value.split(" ", 1)[1] if " " in value else ""
    return "people" if unit in _people_nouns() else unit


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    return frozenset(_table()["people_nouns"]["words"])


def _refers_back(left: str, value: float, scale: str | None) -> bool:
    """"the two secretaries", "the four ministers": a small count after a determiner names
    people or things the story has already counted, not a figure of its own."""
    back = _table()["back_reference"]
    words = left.split()
    return bool(words) and not scale and value <= back["max_value"] and words[-1].lower() in back["before"]


@lru_cache(maxsize=1)
def _table() -> dict:
    return tables.builtin("numbers")


def _short_units() -> dict[str, str]:
    return _table()["units"]


def _lead_noun(left: str) -> str:
    m = re.search(r"([A-Za-z]+)\s+$", left)
    return m.group(1).lower() if m and m.group(1).lower() in _lead_nouns() else ""


@lru_cache(maxsize=1)
def _lead_nouns() -> frozenset[str]:
    return frozenset(_table()["count_nouns"]["lead"])


@lru_cache(maxsize=1)
def _count_nouns() -> tuple[re.Pattern, int]:
    data = _table()["count_nouns"]
    nouns = sorted(data["before"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in nouns) + r")\b", re.I), int(data["window_words"])


@lru_cache(maxsize=1)
def _identifiers() -> frozenset[str]:
    return frozenset(_table()["identifiers"]["before"])


def _unit_before(left: str) -> str:
    """The count noun nearest before a bare figure, within a few words: "death toll rose to 1,644"."""
    pattern, window = _count_nouns()
    words = left.split()
    tail = " ".join(words[-window:])
    found = list(pattern.finditer(tail))
    # the head noun stands for the phrase: "death toll" and "toll" count the same thing
    return singular(found[-1].group(1).lower().split()[-1]) if found else ""


def singular(word: str) -> str:
    """years -> year, people -> people, injured -> injured, inches -> inch: enough to match units
    across sources."""
    if word in ("feet", "foot"):
        return "foot"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes")) and len(word) > 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def format_value(value: float, unit: str) -> str:
    v = int(value) if value == int(value) else value
    return f"{v:,} {unit}".strip() if unit not in money_codes() else f"{v:,} {unit.upper()}"


@lru_cache(maxsize=1)
def count_noun_words() -> frozenset[str]:
    """The count nouns of numbers.toml ("toll", "magnitude"), singular: they name a figure."""
    data = _table()["count_nouns"]
    return frozenset(singular(n.split()[-1].lower()) for n in list(data["before"]) + list(data["lead"]))


@lru_cache(maxsize=1)
def money_codes() -> frozenset[str]:
    """Currency codes a figure may carry: from "$", "£", "€" and from money written as words."""
    return frozenset(_table()["currency_words"].values()) | frozenset(CURRENCY_SIGNS.values())
