"""Property tests: random articles and random edits of them never break the pipeline's invariants.

Fast: the FakeEncoder (hashed bag of words) stands in for the model.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.errors import InputError
from align.ingest import parse_text
from align.pipeline import Options, compare_articles
from align.render import render_json, report_dict

from conftest import FakeEncoder

WORDS = ["the", "minister", "said", "talks", "were", "held", "in", "on", "with", "troops", "border",
         "security", "alliance", "trade", "officials", "agreed", "rejected", "not", "never", "two",
         "three", "15", "1,200", "percent", "killed", "injured", "visit", "first", "meeting", "Tuesday",
         "March", "16", "2021", "Defense", "Secretary", "Pentagon", "chief", "U.S.", "Mr.", "Dr."]
NAMES = ["Antony Blinken", "Lloyd Austin", "Blinken", "Austin", "Zelensky", "Zelenskyy", "Moon Jae-in",
         "Kim Yo Jong", "Toshimitsu Motegi", "Nobuo Kishi"]
PLACES = ["Tokyo", "Seoul", "South Korea", "Republic of Korea", "Kyiv", "Kiev", "Myanmar", "Burma",
          "Mandalay", "Washington", "Pyongyang"]
INNER = ["", "", "", ",", ";", ":", " -", " —"]
END = [".", ".", ".", "!", "?", "...", ".”", "?\"", ".)"]
OPEN = ["", "", "", "“", "\"", "("]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(PLACES))


@st.composite
def sentence(draw) -> str:
    toks = draw(st.lists(token, min_size=3, max_size=14))
    parts = [t + draw(st.sampled_from(INNER)) for t in toks]
    text = " ".join(parts)
    text = draw(st.sampled_from(OPEN)) + text[0].upper() + text[1:]
    return text.rstrip(",;: -—") + draw(st.sampled_from(END))


@st.composite
def article(draw) -> list[str]:
    return draw(st.lists(sentence(), min_size=1, max_size=10))


def layout(draw, sentences: list[str]) -> str:
    """Join sentences into paragraphs with random breaks (and sometimes CR/LF or indentation)."""
    out = []
    for i, s in enumerate(sentences):
        if i:
            out.append(draw(st.sampled_from([" ", " ", " ", "\n\n", "\n", "  "])))
        out.append(s)
    return "".join(out)


def edit(draw, sents: list[str]) -> list[str]:
    sents = list(sents)
    for _ in range(draw(st.integers(0, 3))):
        op = draw(st.sampled_from(["delete", "swap", "replace", "duplicate"]))
        i = draw(st.integers(0, len(sents) - 1))
        if op == "delete" and len(sents) > 1:
            del sents[i]
        elif op == "swap":
            j = draw(st.integers(0, len(sents) - 1))
            sents[i], sents[j] = sents[j], sents[i]
        elif op == "replace":
            words = sents[i].split(" ")
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(token)
            sents[i] = " ".join(words)
        elif op == "duplicate":
            sents.insert(i, sents[i])
    return sents


@st.composite
def pair(draw) -> tuple[str, str]:
    a = draw(article())
    b = edit(draw, a)
    return layout(draw, a), layout(draw, b)


def run(text_a: str, text_b: str):
    a = parse_text(text_a, "A", "a.txt")
    b = parse_text(text_b, "B", "b.txt")
    return compare_articles([a, b], Options(), encoder=FakeEncoder())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair())
def test_random_articles_and_edits_keep_the_invariants(texts):
    text_a, text_b = texts
    try:
        report = run(text_a, text_b)
    except InputError as err:  # too short: fewer than two sentences in a source
        assert "sentence" in str(err)
        return

    ids = [s.id for s in report.sentences]
    assert len(ids) == len(set(ids))
    for s in report.sentences:  # offsets point into the article text
        art = next(a for a in report.articles if a.id == s.source)
        assert art.text[s.start:s.end] == s.text

    in_claims = Counter(sid for c in report.claims for sid in c.sentence_ids)
    assert in_claims == Counter(ids), "every sentence is in exactly one claim"

    data = report_dict(report)
    placed = Counter(sid for al in data["alignments"] for sid in al["sentences"])
    placed.update(o["sentence"] for o in data["omissions"])
    assert placed == Counter(ids), "every sentence is in exactly one alignment or omission"

    first = render_json(report)
    assert render_json(report) == first
    assert render_json(run(text_a, text_b)) == first


def test_identical_random_text_agrees_everywhere():
    text = "Antony Blinken met Toshimitsu Motegi in Tokyo on Tuesday. They agreed on security. " \
           "Lloyd Austin said two ships were sent."
    report = run(text, text)
    assert not report.exclusives and not report.discrepancies
    assert "B has the same text as A" in report.notes
