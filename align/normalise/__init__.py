"""Stage 5: find and normalise the facts of each sentence.

``Normaliser.facts(sentence, ctx)`` -> ``Facts``: dates (ISO), numbers (value + unit), places
(canonical name, aliases folded), roles (canonical role, with the person it belongs to), people
(canonical name across the whole run), quotes (words + speaker), negations and spelling variants.
People are resolved across all articles of a run, so ``learn_names`` sees every sentence first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..settings import DEFAULT, Settings
from ..types import Facts, Mention, Sentence
from . import dates as datemod
from .dates import DateContext
from .entities import (POSSESSIVE, _not_name, find_places, find_roles, generic_roles, name_candidates, name_key,
                       spell_fold)
from .numbers import find_numbers, format_value
from .quotes import SPEECH, find_quotes, negations, outside_quotes, speaker_spans
from .text import WORD, american, plain

__all__ = ["Normaliser", "DateContext"]

OF_PHRASE = re.compile(r"\bof\s+(?:[\w’'-]+\s+){0,3}$")
# the words before a name that make it a place: "in", "near", "residents of", "villages of", and
# the rest of a list they open ("residents of Varnavas, Kapandriti, Grammatiko and |Agios Stefanos")
PLACE_LIST = re.compile(r"(?:\b(?:in|near|outside|around)|\b(?:residents|villages|towns|areas|districts|suburbs)\s+of)"
                        r"\s+(?:[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?,\s+)*(?:[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?,?\s+and\s+)?$")
SPEAKER_WINDOW = 60  # characters between a speech verb and the name of its speaker
# a speech verb joined to an earlier verb: "... and said", "... and afterward called"
AND_THEN = re.compile(r"\s(?:and|but)(?:\s+(?:then|later|afterwards?|also|\w+ly))?\s+$")
# One name only, beside a speech verb: "said Nurhayati, a teacher", "Nurhayati, a 34-year-old
# teacher from Bulukumba, told local television". Not a name opening the sentence before its verb
# ("Officials said"), which reads as one.
MONONYM_AFTER = re.compile(r"^\s+([A-Z][a-z]{2,})\b(?=\s*(?:[,.;]|$))")
MONONYM_BEFORE = re.compile(r"\b([A-Z][a-z]{2,}),\s+(?:a|an|the)\s[^,;“”\"]{1,80},\s*$")
# a speaker's description between commas, however long: "Marisol Treviño, the Harris County judge
# and the county's most senior elected official, said"
APPOSITION = re.compile(r",[^,;:“”\"]{1,120},\s*")
# "she said", "said he", "He called ...": the speaker is a pronoun
PRONOUN_SPEAKS = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{SPEECH}\b|\b{SPEECH}\s+(?:he|she)\b|^(?:He|She)\b")
OPENING_CHARS = 40  # a sentence's subject: a person named within its first words
# "Austin, the defense chief", "Karen Whitlock, 51, Lumora's former finance director"
APPOSITIVE = re.compile(r"^(?:\s+of\s+the\s+(?:[\w-]+\s+){0,4}[Pp]arty)?,\s+(?:\d{1,3},\s+)?(?:(?:the|a|an)\s+)?(?:(?:[\w’'-]+\s+)?[\w’'-]+['’]s\s+)?"
                        r"(?:(?:former|then|acting|interim|new)\s+)?(?:[A-Z][\w.’'-]*\s+){0,2}$")


@dataclass
class _Person:
    display: str
    key: str
    count: int


@dataclass
class Normaliser:
    extra: dict | None = None
    settings: Settings = DEFAULT
    people: list[_Person] = field(default_factory=list)

    # --- people registry over the whole run ---------------------------------------------------
    def _places_roles(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """Places and roles of a sentence, found once: ``learn_names`` and ``facts`` both need them."""
        if text not in self._found:
            self._found[text] = (find_places(text, self.extra), find_roles(text, self.extra))
        return self._found[text]

    def _masks(self, text: str) -> list[tuple[int, int]]:
        places, roles = self._places_roles(text)
        spans = [(m.start, m.end) for m in places + roles]
        spans += [(d.start, d.end) for d in datemod.find_dates(text)]
        return spans

    def learn_names(self, texts: list[str]) -> None:
        """Collect full names (two or more tokens) and cluster their variants with rapidfuzz."""
        from rapidfuzz import fuzz

        counts: Counter[str] = Counter()
        surfaces: dict[str, Counter[str]] = {}
        places: set[str] = set()
        for text in texts:
            for s, e, cand in name_candidates(text, self._masks(text)):
                if len(cand.split()) < 2:
                    continue
                k = name_key(cand)
                if PLACE_LIST.search(text[max(0, s - 120):s]) and not POSSESSIVE.search(cand):
                    # "residents of Varnavas, Kapandriti and Agios Stefanos", "ashore near Cedar
                    # Key": a place, here and wherever the run names it ("Cedar Key Mayor ...")
                    places.add(k)
                    continue
                counts[k] += 1
                surfaces.setdefault(k, Counter())[POSSESSIVE.sub("", cand)] += 1
        for k in places:
            counts.pop(k, None)
        clusters: list[_Person] = []
        for k in sorted(counts, key=lambda k: (-counts[k], k)):
            for p in clusters:
                if fuzz.token_sort_ratio(k, p.key) >= self.settings.name_fuzz:
                    p.count += counts[k]
                    surfaces[p.key] += surfaces[k]
                    self._alias[k] = p.key
                    break
            else:
                clusters.append(_Person(display="", key=k, count=counts[k]))
                self._alias[k] = k
        for p in clusters:
            p.display = sorted(surfaces[p.key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        self.people = clusters
        self._by_key = {p.key: p for p in clusters}
        # the first and last names of every spelling: "Mr Dürr" is Lukas Duerr, spelt Dürr here
        self._ends = {p.key: set() for p in clusters}
        for k, key in self._alias.items():
            self._ends[key] |= {k.split()[0], k.split()[-1]}

    def __post_init__(self) -> None:
        self._alias: dict[str, str] = {}
        self._by_key: dict[str, _Person] = {}
        self._ends: dict[str, set[str]] = {}
        self._found: dict[str, tuple[list[Mention], list[Mention]]] = {}

    def _person(self, surface: str, recent: list[str], bound: dict[str, str]) -> tuple[str, str] | None:
        """(canonical display, variant) for a name as written, or None if it is not a known person.
        ``bound``: whom each bare surname of this article was first read as."""
        from rapidfuzz import fuzz

        k = name_key(surface)
        if k in self._alias:
            p = self._by_key[self._alias[k]]
            variant = "name" if POSSESSIVE.sub("", surface) != p.display and name_key(p.display) != k else ""
            if not variant and POSSESSIVE.sub("", surface) != p.display and len(k.split()) > 1:
                variant = "name"
            return p.display, variant
        tokens = k.split()
        if len(tokens) != 1:
            return None
        tok = tokens[0]
        matches = [p for p in self.people if tok in self._ends[p.key]]
        if not matches:
            matches = [p for p in self.people
                       if fuzz.ratio(tok, p.key.split()[-1]) >= self.settings.name_fuzz and len(tok) >= 5]
        if not matches:
            return None
        names = [p.display for p in matches]
        if len(matches) > 1 and bound.get(tok) in names:
            return bound[tok], ""  # "Mr Lee" stays the Lee it first was in this article
        if len(matches) > 1:
            # one of the last three full names in this article that fits; else the one named most
            # ("Mr Lee" many sentences after "Lee Jun Seok" is still Lee Jae Myung)
            last = [r for r in list(dict.fromkeys(reversed(recent)))[:3] if r in names]
            matches.sort(key=lambda p: (-p.count, p.key))
            names = last[:1] or [matches[0].display]
        bound.setdefault(tok, names[0])
        return names[0], ""

    # --- one sentence ---------------------------------------------------------------------------
    def facts(self, sentence: Sentence, ctx: DateContext = DateContext(), recent: list[str] | None = None,
              previous: Facts | None = None, bound: dict[str, str] | None = None) -> Facts:
        """``recent``: full names seen so far in the article (updated here); ``previous``: the facts
        of the article's sentence before, whose speaker or subject "he" or "she" may be; ``bound``:
        whom each bare surname of the article was first read as (updated here)."""
        text = sentence.text
        recent = recent if recent is not None else []
        bound = bound if bound is not None else {}
        mentions: list[Mention] = []

        years = [m.value[:4] for m in (previous.of("date") if previous else ()) if m.value[:4].isdigit()]
        if years:  # "In 2018, ... . In July that year, ...": the year the sentence before names
            ctx = replace(ctx, that_year=int(years[-1]))
        found_dates = datemod.find_dates(text, ctx)
        for d in found_dates:
            variant = "date" if d.how != "absolute" and d.value else ""
            mentions.append(Mention("date", d.text, d.start, d.end, d.value or "", detail=d.how, variant=variant))
        date_spans = [(d.start, d.end) for d in found_dates]

        for n in find_numbers(text, date_spans):
            mentions.append(Mention("number", n.text, n.start, n.end, format_value(n.value, n.unit),
                                    detail="conversion" if n.conversion else "approx" if n.approx else ""))

        places, roles = self._places_roles(text)
        mentions += places
        masked = [(m.start, m.end) for m in places + roles] + date_spans
        people: list[Mention] = []
        for s, e, cand in name_candidates(text, masked):
            got = self._person(cand, recent, bound)
            if got is None and len(cand.split()) > 1:
                # "Meanwhile Blinken": try the last token alone
                last = cand.split()[-1]
                got = self._person(last, recent, bound)
                if got:
                    s = e - len(last)
                    cand = text[s:e]
            if got is None:
                continue
            display, variant = got
            surface = POSSESSIVE.sub("", cand)
            people.append(Mention("person", surface, s, s + len(surface), display, variant=variant))
            if len(cand.split()) > 1:
                recent.append(display)
        people += self._coordinated(text, masked, people)
        people.sort(key=lambda m: m.start)
        mentions += people

        last: tuple[int, str] = (-1, "")  # where the previous role's holder ends, and its country
        for r in roles:
            holder = self._holder(text, r, people)
            end = _holder_end(r, holder, people)
            country = self._role_country(text, r, end if holder else -1, places)
            if not country and last[1] and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", text[last[0]:r.start]):
                country = last[1]  # "Japanese Defense Minister Kishi and Foreign Minister Motegi"
            last = (end, country)
            mentions.append(Mention("role", r.text, r.start, r.end, r.value, detail=holder, variant=r.variant,
                                    qualifier=country))

        # job titles the table does not list, beside a name: "Launch director Etienne Roussel"
        mentions += generic_roles(text, people, masked + [(p.start, p.end) for p in people])

        quotes = find_quotes(text)
        speaker = self._speaker(text, quotes, people, roles) if quotes else ""
        if quotes and not speaker and previous is not None and PRONOUN_SPEAKS.search(outside_quotes(text, quotes)):
            # "He called the scheme “greed dressed up as innovation”" after "Mr Justice Pellham told ..."
            speaker = next((m.detail for m in previous.mentions if m.kind == "quote" and m.detail),
                           next((m.value for m in previous.mentions if m.kind == "person"), ""))
        if quotes and not speaker:
            speaker = _mononym_speaker(text, quotes, masked)
        for q in quotes:
            mentions.append(Mention("quote", q.text, q.start, q.end, quote_key(q.text, self.extra), detail=speaker))
        for s, e, cue in negations(text, quotes):
            mentions.append(Mention("negation", cue, s, e, cue.lower()))

        for m in WORD.finditer(text):
            us = american(m.group(0), self.extra)
            if us and us != m.group(0).lower():
                mentions.append(Mention("spelling", m.group(0), m.start(), m.end(), us, variant="spelling"))

        mentions.sort(key=lambda m: (m.start, m.end, m.kind, m.value))
        reported = "" if quotes else _reported_speaker(text, people) or _reporting_body(text, masked)
        return Facts(sentence.id, tuple(mentions), reported)

    @staticmethod
    def _coordinated(text: str, masked: list[tuple[int, int]], people: list[Mention]) -> list[Mention]:
        """An unknown single name joined to a known person ("Blinken and Biden", "Kishi, Suga")
        is a person too, though the run never gives its full name."""
        out = []
        known = [(p.start, p.end) for p in people]
        for s, e, cand in name_candidates(text, masked + known):
            if " " in cand or s == 0:
                continue
            joined = any(re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", text[pe:s]) or
                         re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", text[e:ps]) for ps, pe in known)
            if joined:
                surface = POSSESSIVE.sub("", cand)
                out.append(Mention("person", surface, s, s + len(surface), surface))
        return out

    @staticmethod
    def _holder(text: str, role: Mention, people: list[Mention]) -> str:
        """The person a role belongs to: "Defense Minister Nobuo Kishi", "Austin, the defense chief"."""
        after = [p for p in people if p.start >= role.end and p.start - role.end <= 2]
        if after:
            return after[0].value
        before = [p for p in people if p.end <= role.start and APPOSITIVE.match(text[p.end:role.start])]
        if before:
            return before[-1].value
        # "The mayor of Muxía, Carlos Piñeiro, said"
        of = re.match(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,2}[A-Z][\w’'-]*,\s+", text[role.end:])
        if of:
            nxt = [p for p in people if p.start == role.end + of.end()]
            if nxt:
                return nxt[0].value
        if text[max(0, role.start - 3):role.start].lower() == "as ":
            comma = text.find(",", role.end)
            nxt = [p for p in people if comma != -1 and 0 <= p.start - comma <= 2]
            if nxt:
                return nxt[0].value
        return ""

    @staticmethod
    def _role_country(text: str, role: Mention, holder_end: int, places: list[Mention]) -> str:
        """ "Japanese foreign minister", "Japan's Defense Minister", "Defense Minister Kishi of Japan"
        (``holder_end``: where the holder's name ends, -1 without a holder)."""
        before = [p for p in places if 0 <= role.start - p.end <= 1]
        if before:
            return before[-1].value
        if holder_end >= 0:
            end = holder_end
            m = re.match(r"\s+of\s+(?:the\s+)?", text[end:])
            if m:
                after = [p for p in places if p.start == end + m.end()]
                if after:
                    return after[0].value
        return ""

    @staticmethod
    def _speaker(text: str, quotes, people: list[Mention], roles: list[Mention] = ()) -> str:
        verbs = speaker_spans(text, quotes)
        inside = [(q.start, q.end) for q in quotes]
        # titles read as one word: the "of" in "Secretary of State Marco Rubio" opens no phrase
        plain_text = text
        for r in roles:
            plain_text = plain_text[:r.start] + "T" * (r.end - r.start) + plain_text[r.end:]
        # people outside the quotes, and not inside an "of ..." phrase ("the sister of leader Kim")
        # ... unless a title stands right before the name: "Bank of England Governor Andrew Bailey"
        candidates = [p for p in people if not any(s <= p.start < e for s, e in inside)
                      and (not OF_PHRASE.search(plain_text[max(0, p.start - 40):p.start])
                           or plain_text[max(0, p.start - 2):p.start] == "T ")]
        for vs, ve in verbs:
            # ... or further, with a description between commas: "Marisol Treviño, the Harris
            # County judge and the county's most senior elected official, said"
            before = [p for p in candidates if p.end <= vs and (vs - p.end <= SPEAKER_WINDOW
                                                                 or APPOSITION.fullmatch(text[p.end:vs]))]
            after = [p for p in candidates if p.start >= ve and p.start - ve <= SPEAKER_WINDOW]
            if text[vs:ve].endswith("ing") and text[:vs].rstrip().endswith(",") \
                    and candidates and candidates[0].end <= vs:
                # "Rubio congratulated Lee in a statement, saying ...": the subject speaks
                return candidates[0].value
            if len(before) > 1 and re.fullmatch(r"\s+and\s+", text[before[-1].end:vs]):
                # "Tammy Bruce congratulated Mr Lee and said ...": Lee is the object
                return before[-2].value
            earlier = [p for p in candidates if p.end <= vs]
            if len(earlier) > 1 and AND_THEN.search(text[earlier[-1].end:vs]):
                # "Zelenskyy met with Trump on the sidelines ... and afterward called their talks
                # ...": the verb shares the subject of the clause it is joined to
                return earlier[0].value
            if before and (not after or vs - before[-1].end <= after[0].start - ve
                           or re.fullmatch(r"[\s,]*", text[before[-1].end:vs])
                           # "Hale, the Technology Secretary, said she had asked Nimbus": the
                           # clause after the verb has its own subject, the speaker is before
                           or re.match(r"\s+(?:that\s+)?(?:he|she|they|it|we|I)\b", text[ve:])):
                # "The judge, Mr Justice Pellham, said Ashcombe had ...": the one right before speaks
                return before[-1].value
            if after:
                return after[0].value
        for q in quotes:  # Blinken “reaffirmed ...”: a name right before the quote, no verb outside it
            right_before = [p for p in candidates if 0 <= q.start - p.end <= 2]
            if right_before:
                return right_before[-1].value
        # no speech verb: the person the sentence opens with ("Min Aung Hlaing also made a rare
        # appeal ..., inviting “any country”"), before any quote
        opening = [p for p in candidates if p.start <= OPENING_CHARS and p.end <= quotes[0].start
                   and not re.search(r"[,;:]", text[:p.start])]
        if not opening:
            return ""
        after = [p for p in candidates if p.start >= opening[0].end]
        if after and re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[opening[0].end:after[0].start]):
            return ""  # "Both Blinken and Austin ... discussed “...”": no one speaker
        return opening[0].value


def _reported_speaker(text: str, people: list[Mention]) -> str:
    """Who speaks in a sentence that quotes no words: the person right before a speech verb, or
    before a description between commas ("Leon Batiste, the Harris County fire marshal, said air
    monitoring had not detected anything"; not "Calder" in "Greg Hollis, Calder's vice president,
    said"), or right after it at the clause's end ("..., said Leon Batiste."). Not a person named
    in what is said ("said it was sending a team led by Marcus Bell")."""
    for vs, ve in speaker_spans(text, []):
        for p in reversed([p for p in people if p.end <= vs]):
            if re.fullmatch(r"\s*", text[p.end:vs]) or APPOSITION.fullmatch(text[p.end:vs]):
                return p.value
        for p in people:
            if p.start >= ve and re.fullmatch(r"\s*", text[ve:p.start]) and re.match(r"\s*(?:[,.;]|$)", text[p.end:]):
                return p.value
    return ""


# an organisation that says something: "NHS England said", "A Department for Transport
# spokesperson said", "The State Department said"
REPORTING_BODY = re.compile(r"(?:^|[,;]\s+|\b(?:The|the|A|a|An|an)\s+)((?:[A-Z][\w&’'.-]*\s+(?:(?:for|of|and|&)\s+)?){1,5})"
                            r"(?:spokes(?:man|woman|person)\s+)?(?:said|says|told|announced|confirmed)\b")


def _reporting_body(text: str, masked: list[tuple[int, int]]) -> str:
    """The organisation a sentence quoting no words reports as speaking, by its name as written;
    not a title or a place already read there ("The Prime Minister said": no body)."""
    m = REPORTING_BODY.search(text)
    if not m or any(m.start(1) < e and s < m.end(1) for s, e in masked):
        return ""
    words = m.group(1).split()
    while words and words[0] in ("The", "A", "An"):
        words = words[1:]
    # one word opening the sentence is as likely a common noun ("Passengers said"), unless an acronym
    if not words or len(words) == 1 and (m.start(1) == 0 and not words[0].isupper() or words[0] in _not_name()):
        return ""
    return " ".join(words)


def _mononym_speaker(text: str, quotes, masked: list[tuple[int, int]]) -> str:
    """A speaker known by one name, as many Indonesians are ("said Nurhayati, a 34-year-old
    teacher"): a capitalised word right after a speech verb, or before it with a description
    between commas; no word the name tables rule out, nothing already read as a place or a title."""
    inside = [(q.start, q.end) for q in quotes]
    for vs, ve in speaker_spans(text, quotes):
        for m, at in ((MONONYM_AFTER.match(text[ve:]), ve), (MONONYM_BEFORE.search(text[:vs]), 0)):
            if not m:
                continue
            s, e = at + m.start(1), at + m.end(1)
            if m.group(1) in _not_name() or any(a < e and s < b for a, b in masked + inside):
                continue
            return m.group(1)
    return ""


def _holder_end(role: Mention, holder: str, people: list[Mention]) -> int:
    """Where the name of a role's holder ends ("Defense Minister Nobuo Kishi|"), or the role's end."""
    return max((p.end for p in people if p.value == holder and p.start >= role.end), default=role.end)


def quote_key(words: str, extra: dict | None = None) -> str:
    """Quoted words compared across sources: spelling folded, place aliases read as their canonical
    name ("the US" and "the United States" quote the same words), punctuation and case dropped."""
    for m in reversed(find_places(words, extra)):
        if m.variant == "alias":
            words = words[:m.start] + m.value + words[m.end:]
    return plain(spell_fold(words, extra))
