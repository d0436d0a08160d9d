"""Stage 6: compare the facts of each claim across sources.

Input: claims (groups of sentence ids), the facts of every sentence, the link evidence.
Output: claims with a verdict and a per-source status, typed discrepancies, and the facts each
source has that the others in the claim lack. Every check works on normalised values, so a
difference that normalisation explains (Defence/Defense, Burma/Myanmar) never becomes a discrepancy.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections import Counter
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

from rapidfuzz import fuzz

from . import tables
from .normalise import quote_key
from .normalise.entities import _not_name, titles_conflict
from .normalise.numbers import base_unit, count_noun_words, money_codes, quantity, same_quantity
from .normalise.text import STOPWORDS, american, fold_accents, plain, stem
from .settings import DEFAULT, Settings
from .types import Claim, Discrepancy, Facts, Mention, Sentence, sid_order

START_CUE = re.compile(r"\b(opening day|first day|began|begins|begun|started|starts|kicked off|set off|opened)\b", re.I)
PARTIAL_KINDS = ("person", "place", "number", "date")
WORDS = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Side:
    source: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[tuple[str, Mention], ...]  # (sentence id, mention)

    def of(self, kind: str) -> list[tuple[str, Mention]]:
        return self._by_kind().get(kind, [])

    def values(self, kind: str) -> set[str]:
        return {m.value for _, m in self.of(kind) if m.value}

    def _by_kind(self) -> dict[str, list[tuple[str, Mention]]]:
        cached = self.__dict__.get("_kinds")
        if cached is None:
            cached = {}
            for sid, m in self.mentions:
                cached.setdefault(m.kind, []).append((sid, m))
            object.__setattr__(self, "_kinds", cached)  # a cache on a frozen value: same answers
        return cached


def _interval(value: str) -> tuple[str, str]:
    """ISO day, interval, month or year as a closed range of ISO day strings."""
    if "/" in value:
        a, b = value.split("/")
        return a, b
    if len(value) == 4:
        return f"{value}-01-01", f"{value}-12-31"
    if len(value) == 7:
        return f"{value}-01", f"{value}-{monthrange(int(value[:4]), int(value[5:]))[1]:02d}"
    return value, value


def _overlap(x: str, y: str) -> bool:
    a1, a2 = _interval(x)
    b1, b2 = _interval(y)
    return a1 <= b2 and b1 <= a2


def _is_day(value: str) -> bool:
    """One calendar day ("2027-02-07"), not a span, a month or a year."""
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _far_apart(x: str, y: str, days: int) -> bool:
    """A day against a month or year (or a span), more than ``days`` apart: two events, not one
    dated two ways ("said on Thursday" / "struck in August 2023")."""
    if (len(x) == 10) == (len(y) == 10):
        return False  # like with like: "in 2015" / "in 2017" may well be one event
    (a1, a2), (b1, b2) = (map(date.fromisoformat, _interval(v)) for v in (x, y))
    return max((b1 - a2).days, (a1 - b2).days) > days


def _sids(side: Side, kind: str, values: set[str]) -> list[str]:
    return sorted({sid for sid, m in side.of(kind) if m.value in values}, key=sid_order)


def _shown(m: Mention) -> str:
    return m.text if plain(m.text) == plain(m.value) else f"{m.text} ({m.value})"


def _proper(tokens, first: int, names: frozenset[str]) -> bool:
    """One to three capitalised words outside any mention: a name the tables do not know ("Magway"
    where the other source says "Sagaing"). Opening a sentence, a capital proves nothing ("He",
    "Officials"): there the words must be written with a capital mid-sentence somewhere in the run."""
    return (0 < len(tokens) <= 3
            and all(t[1] is None and t[2][:1].isupper() and t[2][1:].islower() for t in tokens)
            and (first > 0 or all(t[2] in names for t in tokens)))


def _quoted(q: Mention) -> str:
    """Quoted words as shown: without the comma or full stop the sentence put inside the marks."""
    return f"“{q.text.strip().rstrip(',.;:')}”"


def _misquote(src_a: str, sa: str, qa: Mention, src_b: str, sb: str, qb: Mention):
    return ("quote", {src_a: _quoted(qa), src_b: _quoted(qb)}, {src_a: [sa], src_b: [sb]},
            f"{qa.detail or 'the speaker'} is quoted with different words")


def _surface(side: Side, kind: str, values: set[str]) -> str:
    """How the source wrote the differing values, with the normalised value where it differs."""
    out = []
    for v in sorted(values):
        texts = sorted({m.text for _, m in side.of(kind) if m.value == v})
        shown = texts[0] if texts else v
        read = _figure(v) if kind == "number" else v
        out.append(shown if plain(shown) in (plain(v), plain(read)) else f"{shown} ({read})")
    return "; ".join(out)


def _figure(value: str) -> str:
    """A normalised figure as an editor reads it: "3,200 investor" -> "3,200 investors"."""
    num, _, unit = value.partition(" ")
    if not unit.isalpha() or unit.isupper() or num in ("1", "1.0") or unit in ("people", "police", "staff", "personnel"):
        return value
    return f"{num} {_plural(unit)}"


def _value_parts(shown: str) -> list[str]:
    """The normalised values inside a shown value: "Wednesday (2021-03-17)" -> ["2021-03-17"]."""
    return [p.rsplit(" (", 1)[1][:-1] if p.endswith(")") and " (" in p else p for p in shown.split("; ")]


def _value_key(shown: str) -> str:
    return "; ".join(sorted(_value_parts(shown)))


# a capitalised word (or two) after a preposition of place: "in Aldaia", "near Paiporta"
# (with the particles of French, Dutch, Spanish, Italian names: "at Charles de Gaulle airport")
LOCATIVE = re.compile(r"(?<=[a-z,] )(?:in|at|near|outside)\s+([A-Z][a-zà-ÿ]+(?:(?:[ -](?:de|du|des|la|le|van|von|ten|del|di|da))*"
                      r"[ -][A-Z][a-zà-ÿ]+)?)\b(?!['’]s)"
                      r"|\b([A-Z][a-zà-ÿ]+) (?:[Aa]irport|[Ss]tation)\b"  # "at London's Heathrow Airport"
                      r"|(?<=[a-z,] )(?:in|at|near|outside) the ([A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?) "
                      r"(?:[Pp]alace|[Cc]astle|[Cc]athedral|[Ss]tadium|[Hh]otel|[Hh]ospital|[Ss]quare|[Tt]unnel|[Bb]ridge)\b"
                      # "in the Miraflores district"
                      r"|(?<=[a-z,] )(?:in|at|near) the ([A-Z][a-zà-ÿ]+(?: [A-Z][a-zà-ÿ]+)?) "
                      r"(?:district|neighbou?rhood|suburb|quarter|area)\b")

LOCATOR = re.compile(r",\s+(?:near|outside|(?:just\s+)?(?:north|south|east|west)\s+of)\s+$")


def _one_person(x: str, y: str, first_fuzz: int = DEFAULT.first_name_fuzz) -> bool:
    """One person spelt two ways: the same surname, and first names alike ("Giorgos" / "George",
    "Vladimir" / "Volodymyr") or one an initial of the other. "Laura" / "Claire Benning" are two."""
    wx, wy = fold_accents(x).lower().split(), fold_accents(y).lower().split()
    if not wx or not wy or wx[-1] != wy[-1]:
        return False
    if len(wx) == 1 or len(wy) == 1:
        return True
    fx, fy = wx[0].rstrip("."), wy[0].rstrip(".")
    if fx[0] == fy[0] and (len(fx) == 1 or len(fy) == 1):
        return True
    return _alike_initials(fx[0], fy[0]) and fuzz.ratio(fx, fy) >= first_fuzz


@lru_cache(maxsize=1024)
def _alike_initials(x: str, y: str) -> bool:
    """Can two first names beginning with these letters be one name spelt two ways?"""
    return x == y or any(x in c and y in c for c in tables.builtin("names")["first_initials"]["alike"])


def _around(text: str, start: int, end: int, width: int = DEFAULT.context_words) -> set[str]:
    """The ``width`` content words either side of ``text[start:end]``."""
    before = [w for w in _words(text[:start]) if w not in STOPWORDS][-width:]
    after = [w for w in _words(text[end:]) if w not in STOPWORDS][:width]
    return set(before) | set(after)


def _near_same_words(x: str, px: str, y: str, py: str, shared: int = DEFAULT.context_shared) -> bool:
    """Do the words ``px`` (in ``x``) and ``py`` (in ``y``) stand amid two shared content words?"""
    i, j = x.find(px), y.find(py)
    return len(_around(x, i, i + len(px)) & _around(y, j, j + len(py))) >= shared


AUXILIARY = frozenset("be been being have has had do does did is are was were will would could should can "
                      "may might must also yet ever even to get got that it he she they we there".split())
# "not", "never", "n't", and verbs that negate the one after them ("denied that it had received",
# "declined to say", "refused to", "failed to"), as _words stems them
PASSIVE = frozenset("be been being is are was were".split())
NEGATIVE_PREFIX = ("un", "non")  # "unvaccinated"; not "in", "dis": "inform", "disclose"
HEDGES = frozenset(("seldom", "rar", "scarc"))  # seldom, rarely, scarcely as _words stems them
NOT = re.compile(r"^(?:not|never|no|deni|declin|refus|fail)$|n['’]t$")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """Stems ("receiv", "testifi"); function words as they are, so they stay known ("the")."""
    out = []
    for w in WORDS.findall(fold_accents(text)):  # "Máxima" is one word
        w = re.sub(r"'s$", "", w.lower().replace("’", "'"))  # "committee's"
        out.append(w if w in STOPWORDS else stem(american(w) or w).rstrip("e"))  # "favoured": "favor"
    return tuple(out)


@dataclass(frozen=True)
class _Polarity:
    """One sentence read for negation: its stems, and at each position whether a negator stands in
    the three words before, the first ``window`` content words after and the three before."""
    words: tuple[str, ...]
    negator: tuple[bool, ...]  # "not", "never", "denied"; "declined", "refused", "failed" before "to"
    negated: tuple[bool, ...]
    negated_far: tuple[bool, ...]  # a negator in the five words before: "not expected to be finished"
    after: tuple[frozenset[str], ...]
    before: tuple[frozenset[str], ...]
    first_after: tuple[str, ...]
    subject: tuple[str, ...]  # the nearest content word before, negators aside: "the satellite was (not) insured"
    passive: tuple[bool, ...]  # a verb after "been", "was", ...: "the slopes had been closed"
    before_far: tuple[frozenset[str], ...]  # the ``window`` content words before, negators aside


@lru_cache(maxsize=1)
def _verb_table() -> tuple[dict[tuple[str, ...], tuple[tuple[str, ...], bool]], int]:
    """verbs.toml read as stems: each written form -> (what it stands for, whether it is one of the
    verbs that deny a group and so must not stand before "to"), and the longest form's length."""
    data = tables.builtin("verbs")
    table: dict[tuple[str, ...], tuple[tuple[str, ...], bool]] = {}
    for group, forms in data["same"].items():
        for form in forms:
            table[_words(form)] = ((group,), False)
    for group, forms in data["opposite"].items():
        for form in forms:
            table[_words(form)] = (("not", group), True)
    for form in data["negators"]["phrases"]:
        table[_words(form)] = (("not",), False)
    return table, max(map(len, table))


@lru_cache(maxsize=4096)
def _verbs(text: str) -> tuple[str, ...]:
    """``_words``, with a verb that says what another says written as its group ("went off" and
    "sounded": "sound"), and one that denies a group as "not" and the group ("refused": "not accept")."""
    words = _words(text)
    table, longest = _verb_table()
    out: list[str] = []
    k = 0
    while k < len(words):
        for n in range(min(longest, len(words) - k), 0, -1):
            hit = table.get(words[k:k + n])
            if hit and not (hit[1] and words[k + n:k + n + 1] == ("to",)):
                out.extend(hit[0])
                k += n
                break
        else:
            out.append(words[k])
            k += 1
    return tuple(out)


@lru_cache(maxsize=4096)
def _has_negator(text: str) -> bool:
    return any(NOT.search(w) for w in _verbs(text))


@lru_cache(maxsize=4096)
def _polarity(text: str, window: int) -> _Polarity:
    w = _verbs(text)
    content = [k for k, x in enumerate(w) if x not in STOPWORDS]
    after, before, first, subject, far_before = [], [], [], [], []
    for k in range(len(w)):
        later = [w[c] for c in content if c > k][:window]
        after.append(frozenset(later))
        first.append(later[0] if later else "")
        earlier = [w[c] for c in content if c < k and not NOT.search(w[c])]
        before.append(frozenset(earlier[-3:]))
        far_before.append(frozenset(earlier[-window:]))
        subject.append(earlier[-1] if earlier else "")
    # passive: "be", "was", ... right before the verb, negators aside ("was not postponed")
    passive = tuple(next((x in PASSIVE for x in reversed(w[max(0, k - 3):k]) if not NOT.search(x)), False)
                    for k in range(len(w)))
    neg = tuple(bool(NOT.search(x)) and (x not in ("declin", "refus", "fail") or w[k + 1:k + 2] == ("to",))
                for k, x in enumerate(w))
    # "seldom produce much ash": a hedge negates nothing on its own, but a verb after it is no
    # affirmation against "not expected to produce"
    hedged = tuple(n or x in HEDGES for n, x in zip(neg, w))
    negated = tuple(any(hedged[max(0, k - 3):k]) for k in range(len(w)))
    far = tuple(any(hedged[max(0, k - 5):k]) for k in range(len(w)))
    return _Polarity(w, neg, negated, far, tuple(after), tuple(before), tuple(first), tuple(subject), passive,
                     tuple(far_before))


def _passive_shares(n: _Polarity, i: int, j: int, a: _Polarity, k: int) -> int:
    """One verb active, the other passive: what follows the active one stands before the passive
    one ("had not postponed any inspection" / "the inspection ... was postponed"). The words around
    the active verb shared with the ``window`` words before the passive one; for two passive verbs,
    the words before each."""
    if a.passive[k] and not n.passive[j]:
        return len((n.after[j] | n.before[i]) & a.before_far[k])
    if n.passive[j] and not a.passive[k]:
        return len(n.before_far[i] & (a.after[k] | a.before[k]))
    if n.passive[j] and a.passive[k]:  # both: what they are said of stands before each
        return len(n.before_far[i] & a.before_far[k])  # ("bonds ... will (not) be written down")
    return 0


def _negated_in_one(x: str, y: str, window: int = DEFAULT.negation_window, shared: int = DEFAULT.negation_shared) -> str:
    """Does one sentence negate what the other affirms? The same verb negated in one and affirmed in
    the other, amid ``shared`` shared content words of the ``window`` after and the three before:
    "said it had not been warned by the Jucar river authority" / "said it had been warned by the
    Jucar river basin authority"; "Network Rail denied that it had received" / "Network Rail
    confirmed it had received". Or another verb, where the words after share ``shared`` and the
    subject is the same: "Spain did not receive a formal exemption from the target" / "Spain won an
    exemption from the target"; "chose not to give evidence in his own defence" / "testified in his
    own defense"."""
    if not _has_negator(x) and not _has_negator(y):
        return ""
    px, py = _polarity(x, window), _polarity(y, window)
    for side, n, a in (("x", px, py), ("y", py, px)):
        wn, wa = n.words, a.words
        for i, w in enumerate(wn):
            if not n.negator[i]:
                continue
            # the verb negated: the next word but auxiliaries ("not", "declined to"); after "denied
            # that" a subject may come first ("denied that the company had ever received"): two
            # content words of the six after
            if w != "deni":
                j = i + 1
                while j < len(wn) and wn[j] in AUXILIARY:
                    j += 1
                verbs = [j] if j < len(wn) and wn[j] not in STOPWORDS else []
            else:
                verbs = [k for k in range(i + 1, min(i + 7, len(wn)))
                         if wn[k] not in STOPWORDS and wn[k] not in AUXILIARY][:2]
            for j in verbs:
                if any(v == wn[j] and a.negated[k] for k, v in enumerate(wa)) \
                        or any(v[:len(v) - len(wn[j])] in NEGATIVE_PREFIX and v.endswith(wn[j]) for v in wa):
                    continue  # the other negates that verb too ("never lent" in both; "had not been
                    # vaccinated" / "was unvaccinated")
                for k, v in enumerate(wa):
                    if v in STOPWORDS or a.negated[k] or v in HEDGES:
                        continue
                    later = len(n.after[j] & a.after[k])
                    if v == wn[j] and (later + len(n.before[i] & a.before[k]) >= shared
                                       or n.subject[i] and n.subject[i] == a.subject[k]
                                       or _passive_shares(n, i, j, a, k) >= shared):
                        return side
                    if v != wn[j] and v not in wn and w != "no" and not a.negated_far[k] and later >= shared \
                            and n.before[i] & a.before[k] and a.first_after[k] in n.after[j]:
                        return side  # ... and the object after the verbs is the same ("exemption");
                        # not after "no", which negates a noun ("with no party affiliation")
    return ""


def _figures_why(unit: str, written: list[str]) -> str:
    """ "different death tolls", "different numbers of agreements", "different sums in USD"."""
    if unit.lower() in money_codes():
        return f"different sums in {unit.upper()}"
    if unit == "%":
        return "different percentages"
    if unit == "people":
        return "different counts of people"
    if len(written) > 1:
        return f"different figures (in {' and '.join(_plural(w) for w in written)})"
    if unit in count_noun_words():
        return f"different {unit} figures"
    return f"different numbers of {_plural(unit)}" if unit else "different figures"


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def _listed(sources: list[str]) -> str:
    return sources[0] if len(sources) == 1 else ", ".join(sources[:-1]) + " and " + sources[-1]


class Comparer:
    def __init__(self, sentences: dict[str, Sentence], facts: dict[str, Facts], pair_score,
                 settings: Settings = DEFAULT, published: dict[str, str] | None = None,
                 extra: dict | None = None) -> None:
        self.sentences = sentences
        # roles one office also is ("secretary of state" is the US "foreign minister")
        self.also = {canon: set(entry.get("also", ())) for canon, entry in tables.titles(extra).items()}
        self.published = published or {}  # source -> ISO publication day, where known
        self.facts = facts
        self.pair_score = pair_score  # (sid, sid) -> (score, cosine, lexical)
        self.settings = settings
        self.extra = extra
        self._token_cache: dict[tuple[str, str], list] = {}
        self._diff_cache: dict[tuple[str, str, str], tuple | None] = {}
        self._values_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        self._by_source: dict[str, set[str]] = {}
        self._quotes_of: dict[str, list[str]] = {}
        self._unknown: dict[str, set[str]] = {}
        self._proper_words: frozenset[str] | None = None
        self._texts: dict[str, str] = {}

    def _capitalised(self) -> frozenset[str]:
        """Words of the run written with a capital after a sentence's first word: proper nouns."""
        if self._proper_words is None:
            self._proper_words = frozenset(w.group(0) for s in self.sentences.values()
                                    for w in list(WORDS.finditer(s.text))[1:] if w.group(0)[:1].isupper())
        return self._proper_words

    def _article_values(self, source: str) -> set[str]:
        """The values of PARTIAL_KINDS one source states anywhere in its article."""
        if source not in self._by_source:
            self._by_source[source] = {m.value for sid, s in self.sentences.items() if s.source == source
                                       for m in self.facts[sid].mentions if m.kind in PARTIAL_KINDS and m.value
                                       and not (m.kind == "number" and m.detail == "conversion")}
        return self._by_source[source]

    def side(self, source: str, sids: list[str]) -> Side:
        sents = tuple(self.sentences[s] for s in sids)
        # a figure restating the one before it in other units ("(10 miles)") is no figure of its own
        mentions = tuple((s, m) for s in sids for m in self.facts[s].mentions
                         if not (m.kind == "number" and m.detail == "conversion"))
        return Side(source, sents, mentions)

    # --- checks between two sides -------------------------------------------------------------
    def check_pair(self, a: Side, b: Side) -> list[tuple[str, dict, dict, str]]:
        """Differences between two sources' versions of one claim: (kind, values, sentences, why)."""
        if [s.text for s in a.sentences] == [s.text for s in b.sentences] \
                and [(m.kind, m.value, m.detail) for _, m in a.mentions] == [(m.kind, m.value, m.detail) for _, m in b.mentions]:
            return []  # the same words read the same way (a wire story run twice): nothing differs
        found = []
        for check in (self._dates, self._start_dates, self._numbers, self._titles, self._names,
                      self._attribution, self._quotes, self._places, self._negation):
            found.extend(check(a, b))
        return found

    def _dates(self, a: Side, b: Side):
        da, db = a.values("date"), b.values("date")
        if not da or not db:
            return self._weekdays(a, b)
        only_a = {x for x in da if not any(_overlap(x, y) for y in db)}
        only_b = {y for y in db if not any(_overlap(x, y) for x in da)}
        # days against days first: "raised the level on Sunday, after snow fell last week" against
        # "had raised it Saturday": last week holds Saturday, but the two days still differ
        days_a, days_b = {x for x in da if _is_day(x)}, {y for y in db if _is_day(y)}
        if days_a and days_b and not (only_a and only_b) and days_a.isdisjoint(days_b):
            only_a, only_b = days_a, days_b
        if only_a and only_b and not self._own_days(a, b, only_a, only_b) \
                and not all(_far_apart(x, y, self.settings.date_event_gap) for x in only_a for y in only_b):
            return [("date", {a.source: _surface(a, "date", only_a), b.source: _surface(b, "date", only_b)},
                     {a.source: _sids(a, "date", only_a), b.source: _sids(b, "date", only_b)},
                     "the sources give different dates for this claim")]
        return []

    def _own_days(self, a: Side, b: Side, da: set[str], db: set[str]) -> bool:
        """Do the two sides' dates differ only in each giving the day it was published ("said on
        Saturday" in Saturday's paper, "on Sunday" in Sunday's)? That is when each reported."""
        pa, pb = self.published.get(a.source), self.published.get(b.source)
        return bool(pa and pb and pa != pb and da - db == {pa} and db - da == {pb})

    @staticmethod
    def _weekdays(a: Side, b: Side):
        """Without a publication date or a year, weekdays and month-days stay unresolved: compare
        them as written (weekday names; month and day)."""
        def names(side: Side) -> dict[str, list[str]]:
            out: dict[str, list[str]] = {}
            for sid, m in side.of("date"):
                if m.value:
                    continue
                if m.detail.startswith("weekday"):
                    out.setdefault(m.text.split()[-1].capitalize(), []).append(sid)
                elif m.detail.startswith("no year: "):
                    out.setdefault(f"{m.text} ({m.detail[len('no year: '):]})", []).append(sid)
            return out
        wa, wb = names(a), names(b)
        key = lambda s: s.rsplit("(", 1)[-1]  # noqa: E731 - compare "--03-16", not "March 16"
        # like with like: without a year, "Tuesday" and "March 16" may well be the same day
        kind = lambda x: "month-day" if x.endswith(")") else "weekday"  # noqa: E731
        both = {kind(x) for x in wa} & {kind(x) for x in wb}
        wa = {x: v for x, v in wa.items() if kind(x) in both}
        wb = {x: v for x, v in wb.items() if kind(x) in both}
        if wa and wb and {key(x) for x in wa}.isdisjoint({key(x) for x in wb}):
            return [("date", {a.source: ", ".join(sorted(wa)), b.source: ", ".join(sorted(wb))},
                     {a.source: sorted({s for v in wa.values() for s in v}, key=sid_order),
                      b.source: sorted({s for v in wb.values() for s in v}, key=sid_order)},
                     "the sources name different days (no year or publication date to resolve them)")]
        return []

    def _start_dates(self, a: Side, b: Side):
        """ "opened on Tuesday (16th)" against "travel March 15–18": the start days differ."""
        out = []
        for x, y in ((a, b), (b, a)):
            starts = {m.value for sid, m in x.of("date")
                      if m.value and "/" not in m.value and START_CUE.search(self.sentences[sid].text)}
            spans = {m.value for _, m in y.of("date") if "/" in m.value}
            for s in sorted(starts):
                for span in sorted(spans):
                    first = span.split("/")[0]
                    if _overlap(s, span) and first != s:
                        out.append(("date", {x.source: "began " + _surface(x, "date", {s}),
                                             y.source: _surface(y, "date", {span})},
                                    {x.source: _sids(x, "date", {s}), y.source: _sids(y, "date", {span})},
                                    f"when it began: {x.source} says it started on {s}, "
                                    f"{y.source} gives a span that starts on {first}"))
        return out[:1]

    def _numbers(self, a: Side, b: Side):
        out = []
        units_a: dict[str, set[str]] = {}
        units_b: dict[str, set[str]] = {}
        for side, units in ((a, units_a), (b, units_b)):
            for _, m in side.of("number"):
                unit = base_unit(m.value)  # kilometres and miles are compared as metres
                if unit:
                    units.setdefault(unit, set()).add(m.value)
        # one figure in units of one base (the same figure counting people under two nouns, "1,740
        # patients" / "1,740 people", agrees)
        def same(x: str, y: str) -> bool:
            return same_quantity(x, y) or x.split(" ", 1)[0] == y.split(" ", 1)[0]

        for unit in sorted(set(units_a) & set(units_b)):
            # figures each side has that the other lacks: a changed figure beside an unchanged one
            va = {x for x in units_a[unit] if not any(same(x, y) for y in units_b[unit])}
            vb = {y for y in units_b[unit] if not any(same(x, y) for x in units_a[unit])}
            if va and vb and not self._close(va, vb, a, b) and not self._sum_of_parts(va, vb, a, b):
                why = _figures_why(unit, sorted({v.split(" ", 1)[1] for v in va | vb}))
                ia, ib = _sids(a, "number", va), _sids(b, "number", vb)
                da = {m.value for sid in ia for m in self.facts[sid].of("date") if m.value}
                db = {m.value for sid in ib for m in self.facts[sid].of("date") if m.value}
                later = max((a.source, b.source), key=lambda s: self.published.get(s) or "")
                if self._own_days(a, b, da, db):  # each figure as of the day its source reported
                    why += (f", each as of the day its source was published ({a.source} "
                            f"{self.published[a.source]}, {b.source} {self.published[b.source]}): "
                            f"{later}'s figure may be an update")
                elif self.published.get(a.source) and self.published.get(b.source) \
                        and self.published[a.source] != self.published[b.source]:
                    why += (f"; the sources were published on different days ({a.source} "
                            f"{self.published[a.source]}, {b.source} {self.published[b.source]}): "
                            f"{later}'s figure may be an update")
                out.append(("number", {a.source: _surface(a, "number", va), b.source: _surface(b, "number", vb)},
                            {a.source: ia, b.source: ib}, why))
        return out

    @staticmethod
    def _sum_of_parts(va: set[str], vb: set[str], a: Side, b: Side) -> bool:
        """One side's figure is the sum of two the other side gives in the same sentence: "32
        planes and helicopters" against "14 planes and 18 helicopters"."""
        def num(v: str) -> float:
            return float(v.split(" ")[0].replace(",", ""))

        for mine, own, side, theirs in ((va, a, b, vb), (vb, b, a, va)):
            given = {num(m.value) for _, m in own.of("number")}
            for x in mine:
                for sid in {s for s, m in side.of("number") if m.value in theirs}:
                    # parts the side of ``x`` does not give itself: "1,700 dead" is no part of "5,100 hurt"
                    parts = [num(m.value) for m in (mm for s, mm in side.of("number") if s == sid)
                             if num(m.value) not in given]
                    if any(abs(p + q - num(x)) < 1e-9 for i, p in enumerate(parts) for q in parts[i + 1:]):
                        return True
        return False

    @staticmethod
    def _close(va: set[str], vb: set[str], a: Side, b: Side) -> bool:
        """Approximate figures ("more than 60", "about 1,600") within 10% are not a discrepancy."""
        def num(v: str) -> float:
            q = quantity(v)
            return q[1] if q else float(v.split(" ")[0].replace(",", ""))
        approx = any(m.detail == "approx" for _, m in a.of("number") + b.of("number") if m.value in va | vb)
        if not approx:
            return False
        return any(abs(num(x) - num(y)) <= 0.1 * max(num(x), num(y)) for x in va for y in vb)

    def _roles_by_person(self, side: Side) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for _, m in side.of("role"):
            if m.detail:
                # a title the table does not list keeps the organisation its "of" names, so that
                # "president of the Ethiopian Athletics Federation" can meet "Ethiopian federation chief"
                of_org = m.qualifier and re.search(
                    rf"\bof\s+(?:the\s+)?{re.escape(m.qualifier)}$", m.text)
                out.setdefault(m.detail, set()).add(f"{m.value} of {m.qualifier}" if of_org else m.value)
        return out

    def _offices(self, roles: set[str]) -> set[str]:
        return roles.union(*(self.also.get(r, set()) for r in roles))

    def _titles(self, a: Side, b: Side):
        ra, rb = self._roles_by_person(a), self._roles_by_person(b)
        # one holder spelt two ways ("Giorgos Kefalas", "George Kefalas") holds both sides' roles
        as_a = {p: p for p in ra}
        for person in sorted(set(rb) - set(ra)):
            same = [p for p in ra if self._spelt_twice("person", p, person) and p not in rb and as_a.get(p) == p]
            if len(same) == 1:
                ra[person] = ra.pop(same[0])
                as_a[person] = same[0]
        out = []
        for person in sorted(set(ra) & set(rb)):
            if not self._roles_agree(ra[person], rb[person]):
                pa = as_a.get(person, person)
                out.append(("title", {a.source: f"{pa}: " + ", ".join(sorted(ra[person])),
                                      b.source: f"{person}: " + ", ".join(sorted(rb[person]))},
                            {a.source: self._role_sids(a, pa), b.source: self._role_sids(b, person)},
                            f"{person} is given different roles"))
        if not out:  # the same holder, or none named, with another title in otherwise equal words
            swap = self._diff_swap(a, b, "role")
            if swap:
                out.append(("title",) + swap + ("a different title in the same words",))
        return out

    def _roles_agree(self, xs: set[str], ys: set[str]) -> bool:
        """Can one person hold both sides' roles? Two from the titles table agree when they are
        one office; a job title the table does not list agrees unless it contradicts the other
        (``titles_conflict``: "deputy chief inspector" / "chief inspector")."""
        known_x, known_y = {r for r in xs if r in self.also}, {r for r in ys if r in self.also}
        if known_x and known_y and not self._offices(known_x).isdisjoint(self._offices(known_y)):
            return True
        return any(not titles_conflict(x, y) for x in xs for y in ys if x not in known_x or y not in known_y)

    @staticmethod
    def _role_sids(side: Side, person: str) -> list[str]:
        return sorted({sid for sid, m in side.of("role") if m.detail == person}, key=sid_order)

    def _names(self, a: Side, b: Side):
        """One person for another; never one person spelt two ways ("Giorgos" / "George Kefalas")."""
        # one person for another in otherwise equal words: the surest sign, and it says where
        swap = self._diff_swap(a, b, "person")
        if swap:
            return [("name",) + swap + ("a different person in the same words",)]
        out = self._role_holders(a, b)
        if not out:  # claim-wide holders can hide a swap: look sentence pair by sentence pair
            pairs = [(sa, sb) for sa in a.sentences for sb in b.sentences
                     if self.pair_score(sa.id, sb.id)[1] >= self.settings.frame_cosine]
            for sa, sb in pairs:
                out = self._role_holders(self.side(a.source, [sa.id]), self.side(b.source, [sb.id]))
                if out:
                    break
        if out:
            return out
        # one person swapped for another in otherwise matching sentences
        swap = self._swap(a, b, "person")
        if swap:
            out.append(("name",) + swap + ("a different person in the same claim",))
        return out

    def _role_holders(self, a: Side, b: Side):
        """A role (with its country) held by one person in A and another in B."""
        out = []
        ha: dict[str, set[str]] = {}
        hb: dict[str, set[str]] = {}
        for side, holders in ((a, ha), (b, hb)):
            for _, m in side.of("role"):
                if m.detail:  # the role with its country: Japan's foreign minister is not Korea's
                    holders.setdefault((m.value, m.qualifier), set()).add(m.detail)
        for (role, country) in list(ha):
            if not country:  # a role without a country matches the same role with one, if unique
                known = [k for k in hb if k[0] == role and k[1]]
                if len(known) == 1 and (role, "") not in hb:
                    ha[known[0]] = ha.pop((role, country)) | ha.get(known[0], set())
        for (role, country) in list(hb):
            if not country:
                known = [k for k in ha if k[0] == role and k[1]]
                if len(known) == 1 and (role, "") not in ha:
                    hb[known[0]] = hb.pop((role, country)) | hb.get(known[0], set())
        for key in sorted(set(ha) & set(hb)):
            role = key[0]
            if ha[key].isdisjoint(hb[key]) and len(ha[key]) == 1 and len(hb[key]) == 1:
                pa, pb = next(iter(ha[key])), next(iter(hb[key]))
                in_a = {m.value for s in self._role_sids(a, pa) for m in self.facts[s].of("person")}
                in_b = {m.value for s in self._role_sids(b, pb) for m in self.facts[s].of("person")}
                if pb in in_a and pa in in_b:
                    continue  # both people in both sentences: the roles swapped, reported as title
                if self._spelt_twice("person", pa, pb):
                    continue
                out.append(("name", {a.source: f"{role}: {pa}", b.source: f"{role}: {pb}"},
                            {a.source: self._role_sids(a, pa), b.source: self._role_sids(b, pb)},
                            f"the {role} is named differently"))
        return out

    def _swap(self, a: Side, b: Side, kind: str):
        """Exactly one value of ``kind`` on each side that the other lacks, in sentences that
        otherwise say the same words: a substitution, not an addition."""
        all_a, all_b = a.values(kind), b.values(kind)
        # a claim of one sentence a side tells one thing, however unlike the names make the two
        one_to_one = len(a.sentences) == len(b.sentences) == 1
        for sa in a.sentences:
            for sb in b.sentences:
                va, vb = self.facts[sa.id].values(kind), self.facts[sb.id].values(kind)
                cosine = lambda: self.pair_score(sa.id, sb.id)[1]  # noqa: E731 - only where asked
                candidates = (
                    # the values the other side's claim lacks, in otherwise the same words
                    (va - all_b, vb - all_a, lambda x, y: self._same_frame(sa, sb, kind)),
                    # two sentences that tell the same thing, each naming one its whole article never
                    # does, amid the same words ("Salomé Pradas, the regional minister responsible for
                    # emergencies, said" / "Susana Camarero, the regional official in charge of emergencies, said")
                    # (a place written as a name: "British travellers" / "American citizens" are
                    # each government's own audience, not one place put for another)
                    (self._named(sa, kind) - self._article_values(b.source),
                     self._named(sb, kind) - self._article_values(a.source),
                     lambda x, y: (one_to_one or cosine() >= self.settings.frame_cosine)
                     and self._same_setting(sa, kind, x, sb, y)),
                    # two sentences telling the very same thing (cosine ``swap_cosine``), one name each
                    # where the other has its own, amid ``swap_context`` shared words, whatever else either
                    # article says ("a crown that belonged to Empress Eugénie, the wife of Napoleon III" /
                    # "a crown that had belonged to Empress Marie-Louise, the second wife of Napoleon
                    # Bonaparte", though the first article names Marie-Louise elsewhere)
                    (va - vb, vb - va,
                     lambda x, y: cosine() >= self.settings.swap_cosine
                     and self._same_setting(sa, kind, x, sb, y, self.settings.swap_context)),
                )
                for xa, xb, fits in candidates:
                    if len(xa) == 1 and len(xb) == 1:
                        x, y = next(iter(xa)), next(iter(xb))
                        if fits(x, y) and self._may_replace(kind, sa, x, sb, y):
                            return ({a.source: _surface(a, kind, xa), b.source: _surface(b, kind, xb)},
                                    {a.source: [sa.id], b.source: [sb.id]})
        return None

    def _named(self, s: Sentence, kind: str) -> set[str]:
        """The values of ``kind`` a sentence names; for places, not those written as adjectives."""
        return {m.value for m in self.facts[s.id].of(kind) if m.value and (kind != "place" or m.detail != "adjective")}

    def _may_replace(self, kind: str, sa: Sentence, x: str, sb: Sentence, y: str) -> bool:
        """Can ``y`` (in ``sb``) stand in ``x``'s place (in ``sa``)? Not one person spelt two ways,
        not two people each saying their own words (two residents quoted), and a place only for a
        place written in like form."""
        return not self._spelt_twice(kind, x, y) and not self._own_words(kind, sa, x, sb, y) \
            and self._written_alike(sa, kind, x) == self._written_alike(sb, kind, y)

    def _own_words(self, kind: str, sa: Sentence, x: str, sb: Sentence, y: str) -> bool:
        """Are ``x`` and ``y`` people quoted in unlike words: two witnesses, not one swapped?"""
        if kind != "person":
            return False
        qa = [q.value for q in self.facts[sa.id].of("quote") if q.detail == x]
        qb = [q.value for q in self.facts[sb.id].of("quote") if q.detail == y]
        return bool(qa and qb) and not any(self._alike(u, v) for u in qa for v in qb)

    def _written_alike(self, s: Sentence, kind: str, value: str) -> bool:
        """Is a place written as where something is, not as a word joined to another ("near
        Sagaing", not "British-built")?"""
        return kind != "place" or any(s.text[m.end:m.end + 1] != "-" for m in self.facts[s.id].of(kind)
                                      if m.value == value)

    def _spelt_twice(self, kind: str, x: str, y: str) -> bool:
        """Two people's names that are one person spelt two ways ("Giorgos" / "George Kefalas")."""
        return kind == "person" and _one_person(x, y, self.settings.first_name_fuzz)

    def _same_setting(self, sa: Sentence, kind: str, va: str, sb: Sentence, vb: str, shared: int | None = None) -> bool:
        """Do the mentions stand amid the same words: the four words either side of each share
        two content words (and, for a place, one of the two beside it)?"""
        def around(s: Sentence, value: str, width: int) -> set[str]:
            return set().union(*(_around(s.text, m.start, m.end, width)
                                 for m in self.facts[s.id].of(kind) if m.value == value))
        # a place: a shared word right beside each ("the EU's General Court in Luxembourg" is no
        # "European headquarters are in Dublin", for all the "EU" and "courts" further off)
        if kind == "place" and not around(sa, va, 2) & around(sb, vb, 2):
            return False
        return len(around(sa, va, self.settings.context_words) & around(sb, vb, self.settings.context_words)) \
            >= (shared or self.settings.context_shared)

    def _unknown_places(self, s: Sentence) -> set[str]:
        """Capitalised words after "in", "at", "near" that no table knows and no other mention
        covers: "the Bonaire shopping centre in Aldaia"."""
        if s.id not in self._unknown:
            self._unknown[s.id] = self._find_unknown_places(s)
        return self._unknown[s.id]

    def _find_unknown_places(self, s: Sentence) -> set[str]:
        covered = [(m.start, m.end) for m in self.facts[s.id].mentions]
        out = set()
        for m in LOCATIVE.finditer(s.text):
            g = next(k for k in (1, 2, 3, 4) if m.group(k))
            if not any(cs < m.end(g) and m.start(g) < ce for cs, ce in covered) \
                    and not set(m.group(g).split()) & _not_name():
                out.add(m.group(g))
        return out

    def _article_text(self, source: str) -> str:
        if source not in self._texts:
            self._texts[source] = fold_accents(" ".join(s.text for s in self.sentences.values() if s.source == source))
        return self._texts[source]

    def _unknown_place_swap(self, a: Side, b: Side):
        """One place on each side that no table knows, or one unknown against one known, in two
        sentences that tell the same thing: "in Aldaia" / "in Alfafar", "a conference in Madrid" /
        "a conference in San Diego"; places both sentences name ("at his home in Aubervilliers")
        are set aside. Where the other article names one of the two elsewhere, three shared words
        around them, not two ("Prosecutors in Piacenza have opened an investigation" / "Prosecutors
        in Cremona opened a criminal investigation", while the other article has "the fire
        commander for Piacenza province")."""
        st = self.settings
        for sa in a.sentences:
            for sb in b.sentences:
                if self.pair_score(sa.id, sb.id)[1] < st.unknown_place_cosine:
                    continue
                if not (self._unknown_places(sa) or self._unknown_places(sb)):
                    continue  # two known places: the table's swap has judged them
                # the unknown places alone ("Ashburn, Virginia" / "Columbus, Ohio"), then with the known
                for known in (False, True):
                    xa, xb = self._places_named(sa, known), self._places_named(sb, known)
                    both = set(xa) & set(xb)
                    xa = {k: v for k, v in xa.items() if k not in both}
                    xb = {k: v for k, v in xb.items() if k not in both}
                    if len(xa) != 1 or len(xb) != 1:
                        continue
                    ((ka, pa),), ((kb, pb),) = xa.items(), xb.items()
                    elsewhere = self._named_in(ka, pa, b.source) or self._named_in(kb, pb, a.source)
                    if _near_same_words(sa.text, pa, sb.text, pb, st.swap_context if elsewhere else st.context_shared):
                        return ({a.source: pa, b.source: pb}, {a.source: [sa.id], b.source: [sb.id]})
        return None

    def _places_named(self, s: Sentence, known: bool) -> dict[str, str]:
        """The places a sentence names that no table knows (by their words), and with ``known``
        those a table knows (by value): key -> as written."""
        found = [(s.text.find(p), fold_accents(p), p) for p in self._unknown_places(s)]
        found += [(m.start, m.value, m.text) for m in self.facts[s.id].of("place") if known and m.detail != "adjective"]
        out: dict[str, str] = {}
        for start, key, written in sorted(found):
            # not a place that locates the one before it: "in Kreischa, near Dresden"
            if not (out and LOCATOR.search(s.text[:start])):
                out.setdefault(key, written)
        return out

    def _named_in(self, key: str, written: str, source: str) -> bool:
        """Does the other article name this place anywhere, in these words or under its value?"""
        return fold_accents(written) in self._article_text(source) or key in self._article_values(source)

    def _diff_swap(self, a: Side, b: Side, kind: str):
        """The same substitution found word by word, for values the claim holds elsewhere too
        ("controlled by Japan" -> "controlled by South Korea" beside "the defense of Japan")."""
        for sa in a.sentences:
            for sb in b.sentences:
                got = self._diff(sa, sb, kind)
                if got:
                    (ma, show_a), (mb, show_b) = got
                    if kind == "role" and (ma is None or mb is None or ma.detail != mb.detail):
                        continue  # a title change keeps its holder; another holder is a name change
                    if kind == "role" and not self._offices({ma.value}).isdisjoint(self._offices({mb.value})):
                        continue  # one office under two names
                    if self._spelt_twice(kind, _value_parts(show_a)[0], _value_parts(show_b)[0]):
                        continue
                    return ({a.source: show_a, b.source: show_b}, {a.source: [sa.id], b.source: [sb.id]})
        return None

    def _tokens(self, s: Sentence, kind: str) -> list[tuple[str, Mention | None, str]]:
        """Words of a sentence, each mention of ``kind`` one token of its value:
        (token to compare, the mention, the surface). Words inside mentions of other kinds get an
        empty surface, so an unknown proper noun is never one of them."""
        key = (s.id, kind)
        if key in self._token_cache:
            return self._token_cache[key]
        mine = sorted(self.facts[s.id].of(kind), key=lambda m: m.start)
        covered = bytearray(len(s.text))
        for m in self.facts[s.id].mentions:
            if m.kind != kind:
                covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        out: list[tuple[str, Mention | None, str]] = []
        i = 0
        for w in WORDS.finditer(s.text):
            while i < len(mine) and mine[i].end <= w.start():
                i += 1
            if i < len(mine) and mine[i].start < w.end():
                m = mine[i]
                if not out or out[-1][1] is not m:
                    out.append(("\0" + m.value, m, m.text))
                continue
            out.append((w.group(0).lower(), None, "" if covered[w.start()] else w.group(0)))
        self._token_cache[key] = out
        return out

    def _diff(self, sa: Sentence, sb: Sentence, kind: str):
        """Word diff of two sentences that read alike: the first place where one has a mention of
        ``kind`` and the other a different one (for places and people, or an unknown proper noun)."""
        key = (sa.id, sb.id, kind)
        if key not in self._diff_cache:
            self._diff_cache[key] = self._first_change(sa, sb, kind)
        return self._diff_cache[key]

    def _values_key(self, sid: str, kind: str) -> tuple[str, ...]:
        key = (sid, kind)
        if key not in self._values_cache:
            self._values_cache[key] = tuple(sorted(m.value for m in self.facts[sid].of(kind)))
        return self._values_cache[key]

    def _first_change(self, sa: Sentence, sb: Sentence, kind: str):
        if sa.text == sb.text or self._values_key(sa.id, kind) == self._values_key(sb.id, kind):
            return None  # the same values (or none): nothing was put in another's place
        if self.pair_score(sa.id, sb.id)[2] < self.settings.frame_lexical:
            return None  # too few words in common to read alike: skip the word diff
        ta, tb = self._tokens(sa, kind), self._tokens(sb, kind)
        wa, wb = [t[0] for t in ta], [t[0] for t in tb]
        if fuzz.ratio(wa, wb) < self.settings.frame_fuzz:  # same words? (rapidfuzz's ratio, as _same_frame)
            return None
        sm = SequenceMatcher(None, wa, wb, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "replace":
                continue
            xa, xb = ta[i1:i2], tb[j1:j2]
            ma, mb = [t for t in xa if t[1]], [t for t in xb if t[1]]
            if len(ma) == 1 and len(mb) == 1 and ma[0][1].value != mb[0][1].value:
                return (ma[0][1], _shown(ma[0][1])), (mb[0][1], _shown(mb[0][1]))
            if kind not in ("place", "person"):
                continue
            for mine, theirs, first in ((xa, xb, j1), (xb, xa, i1)):
                if len(mine) == 1 and mine[0][1] and _proper(theirs, first, self._capitalised()):
                    one = (mine[0][1], _shown(mine[0][1]))
                    unknown = (None, " ".join(t[2] for t in theirs))
                    return (one, unknown) if mine is xa else (unknown, one)
        return None

    def _same_frame(self, sa: Sentence, sb: Sentence, kind: str) -> bool:
        """Do two sentences match word for word once the mentions of ``kind`` are masked?"""
        def masked(s: Sentence) -> list[str]:
            t = s.text
            for m in sorted(self.facts[s.id].of(kind), key=lambda m: -m.start):
                t = t[:m.start] + " " + t[m.end:]
            return re.findall(r"[a-z0-9]+", t.lower())
        wa, wb = masked(sa), masked(sb)
        if not wa or not wb:
            return False
        return fuzz.ratio(wa, wb) >= self.settings.frame_fuzz

    def _places(self, a: Side, b: Side):
        swap = self._swap(a, b, "place") or self._diff_swap(a, b, "place") or self._unknown_place_swap(a, b)
        return [("place",) + swap + ("a different place in the same claim",)] if swap else []

    def _quote_pairs(self, a: Side, b: Side):
        for sa, qa in a.of("quote"):
            for sb, qb in b.of("quote"):
                short, long_ = sorted((qa.value, qb.value), key=len)
                # a few quoted words are common ("as an equal"): they decide only between two
                # sentences that tell the same thing
                if len(short.split()) < self.settings.quote_min_words \
                        and self.pair_score(sa, sb)[1] < self.settings.frame_cosine:
                    continue
                yield sa, qa, sb, qb, fuzz.partial_ratio(short, long_)

    def _attribution(self, a: Side, b: Side):
        out = []
        ra, rb = self._roles_by_person(a), self._roles_by_person(b)
        for sa, qa, sb, qb, ratio in self._quote_pairs(a, b):
            if ratio >= self.settings.attribution_fuzz and qa.detail and qb.detail and qa.detail != qb.detail:
                role_a, role_b = ra.get(qa.detail, set()), rb.get(qb.detail, set())
                if role_a and role_b and self._roles_agree(role_a, role_b):
                    # the same words from the same role ("defence barrister" / "Defense lawyer"):
                    # one person named two ways, not the words given to someone else
                    out.append(("name", {a.source: f"{', '.join(sorted(role_a))}: {qa.detail}",
                                         b.source: f"{', '.join(sorted(role_b))}: {qb.detail}"},
                                {a.source: [sa], b.source: [sb]}, f"the speaker of {_quoted(qa)} is named differently"))
                    break
                out.append(("attribution", {a.source: f"{qa.detail}: {_quoted(qa)}",
                                            b.source: f"{qb.detail}: {_quoted(qb)}"},
                            {a.source: [sa], b.source: [sb]}, "the same words are attributed to different people"))
                break
        if not out:
            out = self._reported_attribution(a, b, ra, rb) or self._reported_attribution(b, a, rb, ra)
        if not out:  # "X said" against "Y said" in sentences that otherwise match
            for sa in a.sentences:
                for sb in b.sentences:
                    spk_a = {m.detail for m in self.facts[sa.id].of("quote") if m.detail}
                    spk_b = {m.detail for m in self.facts[sb.id].of("quote") if m.detail}
                    if spk_a and spk_b and spk_a.isdisjoint(spk_b) and self._same_frame(sa, sb, "person"):
                        out.append(("attribution", {a.source: ", ".join(sorted(spk_a)), b.source: ", ".join(sorted(spk_b))},
                                    {a.source: [sa.id], b.source: [sb.id]}, "the quote is attributed to different people"))
                        return out
        return out

    def _reported_attribution(self, a: Side, b: Side, ra: dict[str, set[str]], rb: dict[str, set[str]]) -> list:
        """Words one source quotes, the other reports without quotation marks, each from another
        person: "'Air monitoring has not detected anything at levels of concern,' said Rachel
        Dunaway" / "Leon Batiste, the fire marshal, said air monitoring had not detected anything
        at levels of concern". ``ra``, ``rb``: each side's roles by holder."""
        for sa, qa in a.of("quote"):
            if not qa.detail or len(qa.value.split()) < self.settings.quote_min_words:
                continue
            for sb in b.sentences:
                speaker = self.facts[sb.id].reported
                if not speaker or speaker == qa.detail or _one_person(qa.detail, speaker, self.settings.first_name_fuzz) \
                        or self._roles_agree(ra.get(qa.detail, set()), rb.get(speaker, set())) \
                        or self._same_setting(self.sentences[sa], "person", qa.detail, sb, speaker):
                    continue  # one person, or one post under two names ("Dr Teresa Okafor, director
                    # of the FDA's Office of Neuroscience" / "Dr. Paul Reinholt, director of ..."): a name
                if fuzz.partial_ratio(qa.value, quote_key(sb.text, self.extra)) >= self.settings.attribution_fuzz:
                    return [("attribution", {a.source: f"{qa.detail}: {_quoted(qa)}", b.source: f"{speaker} (in reported speech)"},
                             {a.source: [sa], b.source: [sb.id]}, "the same words are attributed to different people")]
        return []

    def _quotes(self, a: Side, b: Side):
        for sa, qa, sb, qb, ratio in self._quote_pairs(a, b):
            short, long_ = sorted((qa.value, qb.value), key=len)
            excerpt = f" {short} " in f" {long_} "  # quoting less of the same words is not a misquote
            same_speaker = qa.detail == qb.detail and (
                qa.detail or self._same_frame(self.sentences[sa], self.sentences[sb], "quote"))
            if same_speaker and ratio >= self.settings.quote_diff and not excerpt:
                return [_misquote(a.source, sa, qa, b.source, sb, qb)]
        # short quotes too far apart for the fuzzy match, in words that otherwise read alike
        for sa in a.sentences:
            for sb in b.sentences:
                got = self._diff(sa, sb, "quote")
                if not got or got[0][0] is None or got[1][0] is None:
                    continue
                qa, qb = got[0][0], got[1][0]
                short, long_ = sorted((qa.value, qb.value), key=len)
                if qa.detail == qb.detail and f" {short} " not in f" {long_} ":
                    return [_misquote(a.source, sa.id, qa, b.source, sb.id, qb)]
        # two sentences telling the same thing, each quoting the same speaker, in other words:
        # "must stop" against "a matter of deep concern"
        for sa in a.sentences:
            for sb in b.sentences:
                if self.pair_score(sa.id, sb.id)[1] < self.settings.quote_cosine:
                    continue
                qa_all, qb_all = self.facts[sa.id].of("quote"), self.facts[sb.id].of("quote")
                if not qa_all or not qb_all:
                    continue
                # no quote of one sentence is like any of the other's (the same words, or a part of
                # them: "for as long as it takes" / "as long as it takes"), and the longest of each,
                # compared, is given nowhere in the other article: not two quotes of one speech that
                # each article gives in another place
                qa, qb = max(qa_all, key=lambda q: len(q.value)), max(qb_all, key=lambda q: len(q.value))
                if qa.detail and qa.detail == qb.detail \
                        and not any(self._alike(x.value, y.value) for x in qa_all for y in qb_all) \
                        and not any(self._alike(qa.value, y) for y in self._article_quotes(b.source)) \
                        and not any(self._alike(x, qb.value) for x in self._article_quotes(a.source)):
                    return [_misquote(a.source, sa.id, qa, b.source, sb.id, qb)]
        return []

    def _article_quotes(self, source: str) -> list[str]:
        """The quoted words one source gives anywhere in its article."""
        if source not in self._quotes_of:
            self._quotes_of[source] = [m.value for sid, f in self.facts.items() if self.sentences[sid].source == source
                                       for m in f.mentions if m.kind == "quote"]
        return self._quotes_of[source]

    def _alike(self, x: str, y: str) -> bool:
        """Two quotes with the same words, or one a part of the other."""
        short, long_ = sorted((x, y), key=len)
        return f" {short} " in f" {long_} " or fuzz.ratio(x, y) >= self.settings.quote_diff \
            or fuzz.partial_ratio(short, long_) >= self.settings.quote_fuzz

    def _negation(self, a: Side, b: Side):
        def show(c: Counter, default: str = "affirmative") -> str:
            return ", ".join(sorted(c)) or default
        for sa in a.sentences:
            for sb in b.sentences:
                score, cos, _ = self.pair_score(sa.id, sb.id)
                if cos < self.settings.negation_min_cosine:
                    continue
                na = Counter(m.value for m in self.facts[sa.id].of("negation"))
                nb = Counter(m.value for m in self.facts[sb.id].of("negation"))
                # the same words but for a negation (an odd number more on one side), or one verb
                # negated in one and affirmed in the other, whatever else either negates
                why = "one source negates what the other affirms"
                if sum(na.values()) % 2 != sum(nb.values()) % 2 and self._same_frame(sa, sb, "negation"):
                    values = {a.source: show(na), b.source: show(nb)}
                else:
                    # the side that negates the verb the other affirms, whatever else either
                    # negates ("not yet known" beside "activated as designed" is no "not")
                    side = _negated_in_one(sa.text, sb.text, self.settings.negation_window, self.settings.negation_shared)
                    if not side:
                        continue
                    # shown in its own words: "not postponed any inspection"
                    values = {a.source: self._negated_words(sa, sb), b.source: "affirmative"} if side == "x" \
                        else {a.source: "affirmative", b.source: self._negated_words(sb, sa)}
                    neg, aff = (a.source, b.source) if side == "x" else (b.source, a.source)
                    why = f"{neg} negates what {aff} affirms"
                return [("negation", values, {a.source: [sa.id], b.source: [sb.id]}, why)]
        return []

    def _negated_words(self, s: Sentence, other: Sentence) -> str:
        """The negation of ``s`` with the three words after it that share most with ``other``:
        "not postponed any inspection"; "negated" where a verb itself denies ("refused the offer")."""
        theirs = set(_words(other.text)) - STOPWORDS
        best: tuple[int, str] | None = None
        for m in self.facts[s.id].of("negation"):
            after = re.match(r"(?:\s+[\w’'-]+){1,3}", s.text[m.end:])
            aux = re.search(r"\b(?:will|would|could|should|can|may|might|must|did|does|do|had|has|have|was|were|"
                            r"is|are)\s+$", s.text[:m.start], re.I)  # "will not be written down"
            words = s.text[aux.start() if aux else m.start:m.end + (after.end() if after else 0)].split()
            while len(words) > 1 and words[-1].lower() in STOPWORDS:
                words.pop()  # "not been warned", not "not been warned by"
            phrase = " ".join(words)
            shared = len(set(_words(phrase)) & theirs)
            if best is None or shared > best[0]:  # the first of equals
                best = (shared, phrase)
        return best[1] if best else "negated"

    # --- one claim ------------------------------------------------------------------------------
    def compare(self, claim_id: str, by_source: dict[str, list[str]], all_sources: list[str],
                score: float) -> tuple[Claim, list[Discrepancy]]:
        present = [s for s in all_sources if by_source.get(s)]
        sides = {s: self.side(s, by_source[s]) for s in present}
        raw: dict[str, dict] = {}
        for x, y in combinations(present, 2):
            for kind, values, sids, why in self.check_pair(sides[x], sides[y]):
                slot = raw.setdefault(kind, {"values": {}, "sentences": {}, "why": why})
                for src, v in values.items():
                    slot["values"].setdefault(src, v)
                for src, ids in sids.items():
                    slot["sentences"].setdefault(src, ids)
        if "attribution" in raw and "name" in raw:
            raw.pop("name")  # a swapped speaker is one attribution difference, not also a name one
        if "negation" in raw and "quote" in raw and raw["negation"]["sentences"] == raw["quote"]["sentences"]:
            raw.pop("quote")  # "acknowledged ... 'almost complete'" / "denied ... 'routine observations'"
        discrepancies = []
        differing: set[str] = set()
        for kind in sorted(raw):
            slot = raw[kind]
            values = slot["values"]
            keys = {src: _value_key(v) for src, v in values.items()}
            top = Counter(keys.values()).most_common()
            why = slot["why"]
            if len(top) > 1 and top[0][1] > top[1][1]:
                # "Wednesday (2021-03-17)" and "March 17 (2021-03-17)" agree: the odd one out differs
                odd = {s for s, k in keys.items() if k != top[0][0]}
                differing |= odd
                agree = [s for s in sorted(keys) if s not in odd]
                why += (f": {_listed(agree)} say {top[0][0]}; "
                        + "; ".join(f"{s} says {keys[s]}" for s in sorted(odd)))
            else:
                differing |= set(values)
            ids = tuple(sorted({i for ids in slot["sentences"].values() for i in ids}, key=sid_order))
            discrepancies.append(Discrepancy(kind, claim_id, ids, dict(sorted(values.items())), why))
        # a value already shown as differing is not listed again as one only a source mentions
        in_dispute: dict[str, set[str]] = {}
        for d in discrepancies:
            for src, v in d.values.items():
                in_dispute.setdefault(src, set()).update(_value_parts(v))
                if d.kind == "attribution":  # "Wang Yi: “partners, not rivals”", "Wang Yi, Han Zheng"
                    in_dispute[src].update(v.split(": “")[0].split(", "))
        only_in = {}
        if len(present) > 1:
            for s in present:
                # what the other sources say anywhere in their articles: "only A mentions" is a
                # fact they lack, not one they state in another paragraph
                others = set().union(*(self._article_values(o) for o in present if o != s))
                # a figure the others give too, counting something named otherwise ("deaths", "toll"),
                # is not a fact they lack
                figures = {v.split(" ")[0] for o in present if o != s for v in sides[o].values("number")}
                mine = {f"{k}: {v}" for k in PARTIAL_KINDS for v in sides[s].values(k) - others
                        if not (k == "date" and any(_overlap(v, w) for w in others if re.match(r"\d{4}", w)))
                        and not (k == "number" and (v.split(" ")[0] in figures
                                                    or any(same_quantity(v, w) for w in others)))
                        and not {v, _figure(v) if k == "number" else v} & in_dispute.get(s, set())}
                if mine:
                    only_in[s] = tuple(sorted(mine))
        if len(present) == 1:
            verdict = "exclusive"
        elif discrepancies:
            verdict = "discrepancy"
        elif only_in:
            verdict = "partial"
        else:
            verdict = "agreement"
        status = {s: ("silent" if s not in present else "differs" if s in differing else "reports")
                  for s in all_sources}
        claim = Claim(claim_id, {s: tuple(by_source.get(s, ())) for s in all_sources}, round(score, 4),
                      verdict, status, only_in)
        return claim, discrepancies
