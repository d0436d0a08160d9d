"""Stage 4: align sentences across sources.

Input: sentences of all sources, their embeddings (rows L2-normalised) and their facts.
Output: ``Link``s between sentences of different sources and ``groups`` (lists of sentence
indices) that become claims. Everything is matrix work: one cosine matrix for the whole run,
one TF-IDF matrix for content words and one for facts; Python only walks the candidate links.

Evidence (see Settings for the weights and why):
- cosine: the embedding similarity;
- lexical: TF-IDF cosine of spelling-folded content words;
- shared: TF-IDF cosine of normalised facts (people, places, roles, dates, numbers), so
  "Republic of Korea" and "South Korea" or "Pentagon chief" and "Defense Secretary" count as shared;
- rare: a fact both articles state once, in these two sentences;
- contained: one sentence's content words lie in a longer one of another source (a sentence
  split in two), or of its own article (a standfirst restated in the body);
- copies: a pair with a near-copy (cosine >= twin_cosine) takes no second, weaker partner;
- placed: two sentences with no partner in each other's source, right after (or before) a linked
  pair and sharing a fact, link from a lower score: what each article tells at that point;
- far apart: mutual best partners at distant places in their articles need a higher score or
  shared facts;
- witnesses: two sentences quoting two speakers, with no person or role in common, each in words
  of their own, are two testimonies, not a pair of mutual best partners (a one-sided partner near
  its place still links: one statement credited to two people).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .settings import DEFAULT, Settings
from .types import Facts, Link, Sentence

FACT_KINDS = ("person", "place", "role", "date", "number", "quote")
RARE_KINDS = ("person", "place", "date", "number")


@dataclass(frozen=True)
class Evidence:
    cosine: np.ndarray
    lexical: np.ndarray
    shared: np.ndarray
    score: np.ndarray
    cross: np.ndarray  # True where the two sentences come from different sources
    rare: np.ndarray  # True where two sentences share a fact (or two words) each one's article states only there
    quoted: np.ndarray  # True where two sentences of different sources quote the same words
    contained: np.ndarray  # True where one sentence's content words lie (almost) all in the other's
    restates: np.ndarray  # [i, j] True where i says again, in fewer words, what j of its own source says
    witnesses: np.ndarray  # True where two sentences quote two people, each in words of their own


def _incidence(bags: list[frozenset[str]] | list[set[str]]) -> np.ndarray:
    """One row per bag, one column per distinct item (sorted): 1.0 where the bag holds the item."""
    vocab = {w: i for i, w in enumerate(sorted({w for b in bags for w in b}))}
    x = np.zeros((len(bags), len(vocab)), dtype=np.float32)
    for r, bag in enumerate(bags):
        x[r, [vocab[w] for w in bag]] = 1.0
    return x


def _tfidf_cosine(x: np.ndarray) -> np.ndarray:
    """Cosine of the rows of an incidence matrix, items weighted by inverse document frequency."""
    x = x * (np.log((1 + len(x)) / (1 + x.sum(axis=0))) + 1.0)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return x @ x.T


def fact_bag(facts: Facts, adjectives: bool = True) -> set[str]:
    """``adjectives=False``: leave out places written as adjectives ("British", "European"), which
    are said of too much to be rare evidence."""
    bag = set()
    for m in facts.mentions:
        if m.kind in FACT_KINDS and m.value and (adjectives or m.detail != "adjective"):
            bag.add(f"{m.kind}:{m.value}")
            if m.kind == "date" and "/" in m.value:  # an interval shares with the days it holds
                bag.add(f"date:{m.value.split('/')[0]}")
    return bag


def evidence(sentences: list[Sentence], vectors: np.ndarray, words: list[frozenset[str]],
             facts: list[Facts], settings: Settings = DEFAULT,
             common_words: list[frozenset[str]] | None = None) -> Evidence:
    """``common_words``: each sentence's content words but capitalised ones (names are rare facts
    already, and held to a higher cosine there); defaults to ``words``."""
    cos = np.clip(vectors @ vectors.T, 0.0, 1.0)
    word_rows = _incidence(words)
    lex = _tfidf_cosine(word_rows)
    bags = [fact_bag(f) for f in facts]
    shared = _tfidf_cosine(_incidence(bags))
    score = settings.w_cosine * cos + settings.w_lexical * lex + settings.w_shared * shared
    src = np.array([s.source for s in sentences])
    cross = src[:, None] != src[None, :]
    share = _inside(word_rows, settings)
    part = share >= settings.contained_share
    rare = _rare_shared([fact_bag(f, adjectives=False) for f in facts], src, cos, settings) \
        | _rare_words(_incidence(common_words) if common_words is not None else word_rows, src, settings.rare_words)
    quoted = _same_quote(facts, src, settings)
    return Evidence(cos, lex, shared, np.where(cross, score, 0.0), cross, rare, quoted, (part | part.T) & cross,
                    (share >= settings.restated_share) & ~cross, _witnesses(facts, src) & ~quoted)


def _witnesses(facts: list[Facts], src: np.ndarray) -> np.ndarray:
    """[i, j]: sentences of different sources whose quotes or reported speech have named speakers
    (people or bodies), with no person (by surname) and no role in common: two residents each
    telling their own story ("said Tammy Greer, who lives a mile from the prison" / "said Betty
    Lawson, 72"), each government's word to its own travellers ("A Department for Transport
    spokesperson said" / "The State Department said"), not one statement. The
    caller leaves out pairs that quote alike words; one role under two names ("Adtrace CEO Camille
    Fournier" / "Julien Marchetti, Adtrace's chief executive") is a name to compare, not two
    witnesses."""
    speakers = [{m.detail for m in f.mentions if m.kind == "quote" and m.detail} | ({f.reported} if f.reported else set())
                for f in facts]
    surnames = _incidence([{p.split()[-1].lower() for p in sp | f.values("person")} for f, sp in zip(facts, speakers)])
    roles = _incidence([f.values("role") for f in facts])
    speaking = np.array([bool(sp) for sp in speakers])
    common = (surnames @ surnames.T > 0) | (roles @ roles.T > 0)
    return speaking[:, None] & speaking[None, :] & (src[:, None] != src[None, :]) & ~common


def _rare_words(x: np.ndarray, src: np.ndarray, need: int) -> np.ndarray:
    """[i, j]: sentences of different sources sharing ``need`` content words that each article
    uses in that one sentence only ("torn grey sweatshirt")."""
    once = np.zeros_like(x, dtype=bool)
    for s in dict.fromkeys(src):
        rows = src == s
        counts = x[rows].sum(axis=0)
        once[rows] = (x[rows] > 0) & (counts == 1)[None, :]
    o = once.astype(np.float32)
    both = o @ o.T
    return (both >= need) & (src[:, None] != src[None, :])


def _same_quote(facts: list[Facts], src: np.ndarray, settings: Settings) -> np.ndarray:
    """Pairs of sentences (different sources) quoting the same words, at least ``quote_min_words``
    of them, one quote holding the other ("greed dressed up as innovation" / "This was greed
    dressed up as innovation"): two reports of one statement, whoever they credit it to."""
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    quotes = [{m.value for m in f.mentions if m.kind == "quote" and len(m.value.split()) >= settings.quote_min_words}
              for f in facts]
    distinct = sorted(set().union(*quotes))
    if not distinct:
        return np.zeros((len(facts), len(facts)), dtype=bool)
    # distinct quotes alike (partial_ratio compares the shorter within the longer), then sentences
    alike = cdist(distinct, distinct, scorer=fuzz.partial_ratio, score_cutoff=settings.quote_fuzz) > 0
    col = {q: i for i, q in enumerate(distinct)}
    has = np.zeros((len(facts), len(distinct)), dtype=np.float32)
    for r, qs in enumerate(quotes):
        has[r, [col[q] for q in qs]] = 1.0
    same = (has @ alike.astype(np.float32) @ has.T) > 0
    return same & (src[:, None] != src[None, :])


def _inside(x: np.ndarray, settings: Settings) -> np.ndarray:
    """[i, j]: the share of i's content words (rows of the incidence matrix ``x``) that are in j,
    where i has at least ``contained_min_words`` and j more (else 0). Half of a sentence another
    source split in two ("..., and the fighting is expected to ...") lies in the whole."""
    size = x.sum(axis=1)
    share = (x @ x.T) / np.maximum(size[:, None], 1.0) + 1e-6
    ok = (size[:, None] >= settings.contained_min_words) & (size[None, :] > size[:, None])
    return np.where(ok, share, 0.0)


def _rare_shared(bags: list[set[str]], src: np.ndarray, cos: np.ndarray, settings: Settings = DEFAULT) -> np.ndarray:
    """Pairs of sentences (different sources) sharing a person, place, number or date that each
    source states in that one sentence only: "Burma" in one sentence of each article. A person
    counts only from ``rare_name_cosine``: a name recurs as background where a figure does not
    (a king's visit and the king's message)."""
    where: dict[tuple[str, str], list[int]] = {}
    for i, bag in enumerate(bags):
        for fact in bag:
            if fact.split(":", 1)[0] in RARE_KINDS:
                where.setdefault((src[i], fact), []).append(i)
    single: dict[str, list[int]] = {}
    for (source, fact), idx in where.items():
        if len(idx) == 1:
            single.setdefault(fact, []).append(idx[0])
    rare = np.zeros((len(bags), len(bags)), dtype=bool)
    for fact, idx in single.items():
        named = fact.split(":", 1)[0] == "person"
        for i in idx:
            for j in idx:
                if src[i] != src[j] and (not named or cos[i, j] >= settings.rare_name_cosine):
                    rare[i, j] = True
    return rare


def links(sentences: list[Sentence], ev: Evidence, settings: Settings = DEFAULT) -> list[Link]:
    """Candidate links, source pair by source pair: mutual best partners above ``link_floor``
    (from ``mutual_far_floor`` or with shared facts if far apart, and not two witnesses);
    a one-sided best partner (1:n) above ``one_sided_floor`` whose relative place in its article
    is within ``position_window`` of the other's; or any pair above ``link_strong``."""
    src = np.array([s.source for s in sentences])
    sources = list(dict.fromkeys(src))
    score, cos = ev.score, ev.cosine
    pos = np.zeros(len(sentences))
    for a in sources:
        idx = np.flatnonzero(src == a)
        pos[idx] = np.arange(len(idx)) / max(len(idx) - 1, 1)
    out: list[Link] = []
    for ai, a in enumerate(sources):
        ia = np.flatnonzero(src == a)
        for b in sources[ai + 1:]:
            ib = np.flatnonzero(src == b)
            sub = score[np.ix_(ia, ib)]
            ok = (cos[np.ix_(ia, ib)] >= settings.cosine_floor) & (sub >= settings.link_floor)
            row_best = sub == sub.max(axis=1, keepdims=True)
            col_best = sub == sub.max(axis=0, keepdims=True)
            # relative place in each article (0 = first sentence, 1 = last)
            near = np.abs(pos[ia][:, None] - pos[ib][None, :]) <= settings.position_window
            # ... or, anywhere, the sentence next to the other's best partner: one claim split over two
            # adjacent sentences ("impeached him in December, and the court removed him on April 4" /
            # "Parliament impeached him on 14 December." "The court upheld that decision on 11 April.")
            best_c, best_r = sub.argmax(axis=1), sub.argmax(axis=0)
            rows, cols = np.indices(sub.shape)
            ratio = settings.beside_ratio
            beside = (col_best & (np.abs(cols - best_c[:, None]) == 1) & (sub >= ratio * sub.max(axis=1, keepdims=True))) \
                | (row_best & (np.abs(rows - best_r[None, :]) == 1) & (sub >= ratio * sub.max(axis=0, keepdims=True)))
            one_sided = (row_best | col_best) & (near | beside) & (sub >= settings.one_sided_floor)
            # a fact both articles state once, in these two sentences, is evidence of its own
            rare = (ev.rare[np.ix_(ia, ib)] | ev.quoted[np.ix_(ia, ib)]) & (sub >= settings.rare_fact_floor) \
                & (cos[np.ix_(ia, ib)] >= settings.cosine_floor)
            # half of a sentence the other source split in two: its words lie in the whole
            part = ev.contained[np.ix_(ia, ib)] & (row_best | col_best) & (cos[np.ix_(ia, ib)] >= settings.cosine_floor)
            # mutual best partners far apart in their articles link only from a higher score
            mutual = row_best & col_best & (near | (sub >= settings.mutual_far_floor)
                                            | (ev.shared[np.ix_(ia, ib)] >= settings.mutual_far_shared))
            # ... and two speakers each in words of their own are two witnesses, no pair of mutual
            # best partners; from the one-sided floor, near their places, they still link: one
            # statement credited to two people ("Salomé Pradas, the regional minister responsible
            # for emergencies, said" / "Susana Camarero, the regional official in charge of
            # emergencies, said"), which the comparison reports
            mutual &= ~ev.witnesses[np.ix_(ia, ib)]
            keep = (ok & (mutual | one_sided | (sub >= settings.link_strong))) | rare | part
            # a sentence with a near-copy in the other source is accounted for: it takes no second
            # partner that only resembles it (a caption restating the paragraph it illustrates)
            twin = cos[np.ix_(ia, ib)] >= settings.twin_cosine
            copied = (~row_best & twin.any(axis=1, keepdims=True)) | (~col_best & twin.any(axis=0, keepdims=True))
            keep &= ~copied | (row_best & col_best) | part
            gap = _between_neighbours(keep, sub, cos[np.ix_(ia, ib)], ev.shared[np.ix_(ia, ib)] > 0, settings)
            keep |= gap
            for r, c in zip(*np.nonzero(keep)):
                i, j = int(ia[r]), int(ib[c])
                out.append(Link(sentences[i].id, sentences[j].id, round(float(score[i, j]), 4),
                                round(float(cos[i, j]), 4), round(float(ev.lexical[i, j]), 4),
                                round(float(ev.shared[i, j]), 4), rare=bool(ev.rare[i, j] or ev.quoted[i, j]),
                                placed=bool(gap[r, c])))
    return out


def _between_neighbours(keep: np.ndarray, sub: np.ndarray, cos: np.ndarray, share_fact: np.ndarray,
                        settings: Settings) -> np.ndarray:
    """[r, c]: r and c have no partner in each other's source, the sentences just before them
    (or just after) are linked, and they share a fact: what each article tells at that point in
    the story, as in sentence alignment of translations. Taken from a lower score (``placed_floor``)."""
    free = ~keep.any(axis=1)[:, None] & ~keep.any(axis=0)[None, :]
    anchored = np.zeros_like(keep)
    anchored[1:, 1:] |= keep[:-1, :-1]
    anchored[:-1, :-1] |= keep[1:, 1:]
    return free & anchored & share_fact & (sub >= settings.placed_floor) & (cos >= settings.placed_cosine)


def group(sentences: list[Sentence], found: list[Link], ev: Evidence, settings: Settings = DEFAULT) -> list[list[int]]:
    """Merge linked sentences into claims, strongest links first (average linkage): two groups
    merge only if the mean score over their cross-source pairs stays at or above ``claim_cohesion``.
    Returns groups of sentence indices, singletons included, in document order."""
    index = {s.id: i for i, s in enumerate(sentences)}
    parent = list(range(len(sentences)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in sorted(found, key=lambda l: (-l.score, l.a, l.b)):
        ra, rb = root(index[link.a]), root(index[link.b])
        if ra == rb:
            continue
        ga, gb = members[ra], members[rb]
        block = ev.score[np.ix_(ga, gb)]
        mask = ev.cross[np.ix_(ga, gb)]
        # a sentence joining by a fact only it states, or as the part of a sentence split in two
        lone = (link.rare or link.placed or bool(ev.contained[index[link.a], index[link.b]])) and min(len(ga), len(gb)) == 1 \
            or len(ga) == len(gb) == 1  # two sentences alone: their link is all the evidence there is
        if mask.any() and float(block[mask].mean()) < settings.claim_cohesion and not lone:
            continue
        parent[rb] = ra
        members[ra] = ga + gb
        del members[rb]
    # a sentence left alone that its own article says again at more length (a standfirst and
    # its paragraph) goes with the claim of that longer sentence, if other sources report it
    src = [s.source for s in sentences]
    for i in range(len(sentences)):
        r = root(i)
        if len(members[r]) > 1:
            continue
        for j in np.flatnonzero(ev.restates[i]):
            rj = root(int(j))
            if len({src[k] for k in members[rj]}) > 1:
                parent[r] = rj
                members[rj] = members[rj] + members.pop(r)
                break
    groups = [sorted(g) for g in members.values()]
    groups.sort(key=lambda g: g[0])
    return groups
