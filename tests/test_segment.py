import pytest

from align.ingest import parse_text, read_article
from align.segment import segment

from conftest import A_PATH, B_PATH


def sentences(text):
    return [s.text for s in segment(parse_text(text, "A", "x.txt"))]


def test_known_pair_counts():
    assert len(segment(read_article(A_PATH, "A"))) == 21
    assert len(segment(read_article(B_PATH, "B"))) == 19


@pytest.mark.parametrize("text, expected", [
    ("U.S. Secretary of Defense Lloyd Austin joined Blinken. He met Kishi.",
     ["U.S. Secretary of Defense Lloyd Austin joined Blinken.", "He met Kishi."]),
    ("The U.S. and Japan agreed. Talks went on.", ["The U.S. and Japan agreed.", "Talks went on."]),
    # a unit's letter is no initial
    ("Fans queued in temperatures of 28C. Gates opened late.", ["Fans queued in temperatures of 28C.", "Gates opened late."]),
    ("Winds reached 225km/h. The storm weakened.", ["Winds reached 225km/h.", "The storm weakened."]),
    ("Its leader, J. Smith, spoke. Others left.", ["Its leader, J. Smith, spoke.", "Others left."]),
    ("Supreme Leader Kim Jong-un’s sister spoke. She warned Seoul.",
     ["Supreme Leader Kim Jong-un’s sister spoke.", "She warned Seoul."]),
    ("“We are united,” Blinken said. “We will act.”", ["“We are united,” Blinken said.", "“We will act.”"]),
    ("Sen. Gen. Min Aung Hlaing appealed for aid. Rescuers dug.",
     ["Sen. Gen. Min Aung Hlaing appealed for aid.", "Rescuers dug."]),
    ("Mr. Zelensky met Mr. Biden on Dec. 21 in Washington. They spoke.",
     ["Mr. Zelensky met Mr. Biden on Dec. 21 in Washington.", "They spoke."]),
    ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
])
def test_splitting(text, expected):
    assert sentences("Headline words here\n\n" + text) == expected


def test_bullets_are_sentences():
    text = "A headline for this\n\nThey agreed on:\n\n  • Advancing a pact.\n  • Affirming ties.\n"
    art = parse_text(text, "A", "x.txt")
    got = [(s.kind, s.text) for s in segment(art)]
    assert got == [("paragraph", "They agreed on:"), ("bullet", "Advancing a pact."), ("bullet", "Affirming ties.")]
