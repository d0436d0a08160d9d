"""The records that flow between stages. Stages pass ids, not copies of text, where they can."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Block:
    """A span of an article's text that holds claims (a paragraph, caption or bullet)."""

    start: int
    end: int
    kind: str  # "paragraph" | "caption" | "bullet" | "standfirst"


@dataclass(frozen=True)
class Article:
    """One ingested article. Offsets of blocks and sentences index ``text``."""

    id: str  # "A", "B", ... in argument order
    path: str
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_from: str = "none"  # "text" | "metadata" | "option" | "co-source" | "none"
    published_note: str = ""
    dateline_day: tuple[int, int] | None = None  # (month, day) of a dateline without a year
    credits: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()  # junk lines removed (tracking snippets, repeated headline, datelines)


def sid_order(sid: str) -> tuple[str, int]:
    """Sort key for sentence ids: A2 before A10, all of A before B."""
    head = sid.rstrip("0123456789")
    return head, int(sid[len(head):] or 0)


@dataclass(frozen=True)
class Sentence:
    id: str  # source id + running number from 1: "A7"
    source: str
    index: int
    text: str
    start: int  # offsets into Article.text
    end: int
    kind: str  # block kind the sentence came from


@dataclass(frozen=True)
class Mention:
    """A fact found in a sentence: the raw text with its normalised value.

    kind: date | number | person | role | place | org | quote | negation | spelling
    ``value`` is the canonical form compared across sources. ``detail`` carries a second value
    where a kind needs one (the person a role belongs to, the speaker of a quote).
    """

    kind: str
    text: str
    start: int  # offsets inside the sentence text
    end: int
    value: str
    detail: str = ""
    variant: str = ""  # "spelling" | "alias" | "title" | "name" | "date" when text differs from value
    qualifier: str = ""  # for a role: the country it belongs to ("Japanese foreign minister" -> Japan)


@dataclass(frozen=True)
class Facts:
    sentence: str  # sentence id
    mentions: tuple[Mention, ...]
    # who the sentence says speaks where it quotes no words: "Leon Batiste, the fire marshal, said
    # air monitoring had not detected anything", or a body by its name: "NHS England said" (a
    # quote's speaker is its mention's detail)
    reported: str = ""

    def values(self, kind: str) -> set[str]:
        return {m.value for m in self.mentions if m.kind == kind}

    def of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]


@dataclass(frozen=True)
class Link:
    """Two sentences of different sources that say the same thing, with the evidence."""

    a: str
    b: str
    score: float
    cosine: float
    lexical: float
    shared: float
    rare: bool = False  # linked by a fact each article states only in this sentence
    placed: bool = False  # linked as the sentences told between two linked neighbours


@dataclass(frozen=True)
class Discrepancy:
    kind: str  # date | number | title | name | place | attribution | negation | quote
    claim: str
    sentences: tuple[str, ...]
    values: dict[str, str]  # source id -> value as that source states it
    explanation: str


@dataclass(frozen=True)
class Normalisation:
    sentence: str
    text: str  # "from"
    value: str  # "to"
    kind: str


@dataclass(frozen=True)
class Claim:
    """Sentences from one or more sources that say the same thing."""

    id: str  # "K1"
    sentences: dict[str, tuple[str, ...]]  # source id -> sentence ids (every source present)
    score: float  # mean link score inside the claim (0 for a single-source claim)
    verdict: str  # "agreement" | "discrepancy" | "partial" | "exclusive"
    status: dict[str, str]  # source id -> "reports" | "differs" | "silent"
    only_in: dict[str, tuple[str, ...]] = field(default_factory=dict)  # source -> facts others lack

    @property
    def sources(self) -> list[str]:
        return [s for s, ids in self.sentences.items() if ids]

    @property
    def sentence_ids(self) -> list[str]:
        return [sid for ids in self.sentences.values() for sid in ids]


@dataclass(frozen=True)
class Report:
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    facts: dict[str, Facts]  # sentence id -> facts
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    normalisations: tuple[Normalisation, ...]
    model: str
    backend: str
    baseline: str | None = None
    notes: tuple[str, ...] = ()

    def sentence(self, sid: str) -> Sentence:
        return self._by_id[sid]

    @property
    def _by_id(self) -> dict[str, Sentence]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = {s.id: s for s in self.sentences}
            object.__setattr__(self, "_cache", cache)
        return cache

    @property
    def alignments(self) -> list[Claim]:
        return [c for c in self.claims if len(c.sources) > 1]

    @property
    def exclusives(self) -> list[Claim]:
        return [c for c in self.claims if len(c.sources) == 1]

    @property
    def has_differences(self) -> bool:
        return bool(self.discrepancies) or bool(self.exclusives)
