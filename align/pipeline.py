"""The whole run: files in, ``Report`` out. ``compare_files`` is the library entry point the CLI wraps."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from . import alignment, tables
from .compare import Comparer
from .embed import DEFAULT_MODEL, CachedEncoder, Encoder, make_encoder
from .errors import InputError, OptionError
from .ingest import read_article
from .normalise import DateContext, Normaliser
from .normalise.text import content_words
from .segment import segment
from .settings import DEFAULT, Settings
from .types import Article, Claim, Facts, Normalisation, Report, Sentence

MAX_SOURCES = 30
# Alignment holds a few n x n matrices over all sentences: 5,000 needs about 0.5 GB, while a 2 MB
# article (22,000 sentences) needed 10 GB and minutes. Far above any real set of news articles.
MAX_SENTENCES = 5000


@dataclass(frozen=True)
class Options:
    published: dict[str, date] = field(default_factory=dict)  # source id -> date (--published)
    aliases: str | None = None  # user TOML file extending the tables
    model: str = DEFAULT_MODEL
    backend: str = "auto"
    device: str | None = None
    cache: bool = True
    baseline: str | None = None
    settings: Settings = DEFAULT


def source_ids(n: int) -> list[str]:
    """A, B, ..., Z, AA, AB, ...: source ids in argument order."""
    out = []
    for i in range(n):
        s, k = "", i
        while True:
            s = chr(ord("A") + k % 26) + s
            k = k // 26 - 1
            if k < 0:
                break
        out.append(s)
    return out


def build_encoder(options: Options) -> Encoder:
    backend = options.backend
    if backend == "auto":
        backend = "onnx" if options.model == DEFAULT_MODEL and options.device in (None, "cpu") else "torch"

    def factory() -> Encoder:
        return make_encoder(options.model, backend, options.device, options.settings)

    if not options.cache:
        return factory()
    name = options.model if backend == "torch" or options.model != DEFAULT_MODEL else f"{DEFAULT_MODEL}-int8"
    return CachedEncoder(factory, name=name, backend=backend)


def read_sources(paths: Sequence[str | Path], options: Options) -> list[Article]:
    if len(paths) < 2:
        raise InputError("need at least two articles to compare", hint="align compare A.txt B.txt [C.txt ...]")
    if len(paths) > MAX_SOURCES:
        raise InputError(f"{len(paths)} articles given; the limit is {MAX_SOURCES}")
    ids = source_ids(len(paths))
    unknown = sorted(set(options.published) - set(ids))
    if unknown:
        raise OptionError(f"--published names source {unknown[0]}, but the sources are {', '.join(ids)}")
    extra = tables.load_user(options.aliases)
    articles = [read_article(p, i, options.settings, extra) for p, i in zip(paths, ids)]
    articles = [replace(a, published=options.published[a.id], published_from="option")
                if a.id in options.published else a for a in articles]
    return resolve_years(articles)


def resolve_years(articles: list[Article]) -> list[Article]:
    """A source without a year takes the event's year from co-sources that have a full date."""
    dated = [a for a in articles if a.published]
    if not dated:
        return articles
    year = Counter(a.published.year for a in dated).most_common(1)[0][0]
    donor = next(a for a in dated if a.published.year == year)
    out = []
    for a in articles:
        if a.published is None:
            md = a.dateline_day
            if md:
                a = replace(a, published=date(year, *md), published_from="co-source",
                            published_note=f"dateline has no year; {year} taken from {donor.id} "
                                           f"(published {donor.published.isoformat()})")
            else:
                a = replace(a, published_note=f"no publication date; dates without a year take {year} "
                                              f"from {donor.id} (published {donor.published.isoformat()})")
        out.append(a)
    return out


def date_context(article: Article, articles: list[Article]) -> DateContext:
    if article.published:
        return DateContext(article.published, article.published.year, "publication")
    years = Counter(a.published.year for a in articles if a.published)
    if years:
        return DateContext(None, years.most_common(1)[0][0], "co-source")
    return DateContext()


def analyse(articles: list[Article], options: Options, extra: dict | None = None
            ) -> tuple[list[Sentence], dict[str, Facts]]:
    """Segment every article and find the facts of every sentence. ``extra``: the user's tables,
    when the caller has already read them (else they are read from ``options.aliases``)."""
    if extra is None:
        extra = tables.load_user(options.aliases)
    sentences: list[Sentence] = []
    for a in articles:
        found = segment(a)
        if len(found) < options.settings.min_sentences:
            raise InputError(f"{a.path}: has {len(found)} sentence{'s' if len(found) != 1 else ''}; "
                             f"need at least {options.settings.min_sentences} to compare")
        sentences += found
    if len(sentences) > MAX_SENTENCES:
        sizes = Counter(s.source for s in sentences)
        big = max(articles, key=lambda a: sizes[a.id])
        raise InputError(f"{len(sentences)} sentences in all (the limit is {MAX_SENTENCES}); "
                         f"{big.path} alone has {sizes[big.id]}",
                         hint="claimdiff compares news articles: cut long documents down or compare fewer sources")
    norm = Normaliser(extra or None, options.settings)
    norm.learn_names([s.text for s in sentences])
    facts: dict[str, Facts] = {}
    for a in articles:
        ctx = date_context(a, articles)
        recent: list[str] = []
        bound: dict[str, str] = {}
        previous = None
        for s in sentences:
            if s.source == a.id:
                facts[s.id] = previous = norm.facts(s, ctx, recent, previous, bound)
    return sentences, facts


def compare_files(paths: Sequence[str | Path], options: Options = Options(), encoder: Encoder | None = None,
                  progress: Callable[[str], None] | None = None,
                  embed_progress: Callable[[int, int], None] | None = None) -> Report:
    articles = read_sources(paths, options)
    return compare_articles(articles, options, encoder, progress, embed_progress)


def compare_articles(articles: list[Article], options: Options = Options(), encoder: Encoder | None = None,
                     progress: Callable[[str], None] | None = None,
                     embed_progress: Callable[[int, int], None] | None = None) -> Report:
    """``progress`` gets one-line messages; ``embed_progress(done, total)`` is called as the
    sentences are embedded (in chunks of ``settings.progress_chunk``) for a progress bar."""
    settings = options.settings
    if options.baseline and options.baseline not in [a.id for a in articles]:
        raise OptionError(f"--baseline {options.baseline}: no such source; the sources are "
                          f"{', '.join(a.id for a in articles)}")
    extra = tables.load_user(options.aliases) or None
    sentences, facts = analyse(articles, options, extra)
    if progress:
        distinct = len({s.text for s in sentences})
        progress(f"embedding {len(sentences)} sentences"
                 + (f" ({distinct} distinct)" if distinct < len(sentences) else ""))
    encoder = encoder or build_encoder(options)
    texts = [s.text for s in sentences]
    if embed_progress is None:
        vectors = encoder.encode(texts)
    else:
        step = settings.progress_chunk
        parts = []
        for i in range(0, len(texts), step):
            parts.append(encoder.encode(texts[i:i + step]))
            embed_progress(min(i + step, len(texts)), len(texts))
        vectors = np.concatenate(parts)
    # each distinct text's content words once; and the same without capitalised words, for words
    # each article uses once ("torn", "sweatshirt")
    read = {t: (content_words(t, extra), content_words(re.sub(r"\b[A-Z]\w*", " ", t), extra)) for t in dict.fromkeys(texts)}
    words = [read[t][0] for t in texts]
    common = [read[t][1] for t in texts]
    fact_list = [facts[s.id] for s in sentences]
    ev = alignment.evidence(sentences, vectors, words, fact_list, settings, common)
    found = alignment.links(sentences, ev, settings)
    groups = alignment.group(sentences, found, ev, settings)

    index = {s.id: i for i, s in enumerate(sentences)}
    by_id = {s.id: s for s in sentences}

    def pair_score(x: str, y: str) -> tuple[float, float, float]:
        i, j = index[x], index[y]
        return float(ev.score[i, j]), float(ev.cosine[i, j]), float(ev.lexical[i, j])

    published = {a.id: a.published.isoformat() for a in articles if a.published}
    comparer = Comparer(by_id, facts, pair_score, settings, published, extra)
    all_sources = [a.id for a in articles]
    claims: list[Claim] = []
    discrepancies = []
    for n, g in enumerate(groups, 1):
        by_source: dict[str, list[str]] = {}
        for i in g:
            by_source.setdefault(sentences[i].source, []).append(sentences[i].id)
        cross = [(i, j) for i in g for j in g if i < j and ev.cross[i, j]]
        score = float(np.mean([ev.score[i, j] for i, j in cross])) if cross else 0.0
        claim, found_d = comparer.compare(f"K{n}", by_source, all_sources, score)
        claims.append(claim)
        discrepancies += found_d

    normalisations = tuple(
        Normalisation(s.id, m.text, m.value, m.variant)
        for s in sentences for m in facts[s.id].mentions if m.variant and m.value)
    notes = list(overlap_notes(articles, claims, settings))
    model = getattr(encoder, "name", options.model)
    return Report(tuple(articles), tuple(sentences), facts, tuple(claims), tuple(discrepancies),
                  normalisations, model=model, backend=getattr(encoder, "backend", options.backend),
                  baseline=options.baseline, notes=tuple(notes))


def overlap_notes(articles: list[Article], claims: list[Claim], settings: Settings):
    for a in articles:
        if a.published_note:
            yield f"{a.id}: {a.published_note}"
    total = {a.id: 0 for a in articles}
    aligned = {a.id: 0 for a in articles}
    for c in claims:
        for s, ids in c.sentences.items():
            total[s] += len(ids)
            if len(c.sources) > 1:
                aligned[s] += len(ids)
    for a in articles:
        share = aligned[a.id] / max(total[a.id], 1)
        if share < settings.overlap_warning:
            yield (f"little overlap: only {aligned[a.id]} of {total[a.id]} sentences of {a.id} match another "
                   f"source; are these articles about the same event?")
    texts = {}
    for a in articles:
        key = re.sub(r"\s+", " ", a.text).strip()
        if key in texts:
            yield f"{a.id} has the same text as {texts[key]}"
        texts.setdefault(key, a.id)
