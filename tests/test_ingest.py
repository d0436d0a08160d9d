import json
from datetime import date

import pytest

from align.errors import InputError
from align.ingest import parse_text, read_article
from align.segment import segment

from conftest import A_PATH, B_PATH, C_PATH, FIX


def test_known_a_drops_junk_keeps_credit_and_finds_date():
    a = read_article(A_PATH, "A")
    assert a.title == "US Secretaries of State and Defence Begin Asia Tour in Tokyo"
    assert a.published == date(2021, 3, 17)
    assert a.published_from == "text"
    assert a.credits == ("SOURCE: KAZUHIRO NOGI/AP VIA NPR",)
    assert a.dropped == ("!-- Google tag (gtag.js) -->", "March 17, 2021",
                         "US Secretaries of State and Defence Begin Asia Tour in Tokyo")
    texts = [s.text for s in segment(a)]
    assert not any("gtag" in t or "Google tag" in t for t in texts)
    assert not any(t.startswith("SOURCE:") for t in texts)
    assert texts.count("US Secretaries of State and Defence Begin Asia Tour in Tokyo") == 0
    assert [s.kind for s in segment(a)][:3] == ["paragraph", "caption", "paragraph"]


def test_offsets_point_into_the_file():
    a = read_article(A_PATH, "A")
    raw = A_PATH.read_text(encoding="utf-8")
    for s in segment(a):
        assert raw[s.start:s.end] == s.text


def test_known_b_captions_and_credits():
    b = read_article(B_PATH, "B")
    assert b.published is None and b.title is None
    assert b.credits == ("(© Kazuhiro Nogi/AP Images)", "(© Kazuhiro Nogi/AP Images)")
    sents = segment(b)
    assert sents[0].text == "Lloyd Austin bumps elbows with Nobuo Kishi as Antony Blinken and Toshimitsu Motegi watch"
    assert sents[0].kind == sents[1].kind == "caption"
    assert sents[1].text.endswith("March 16 in Tokyo.")
    assert [s.kind for s in sents].count("bullet") == 3


def test_wire_dateline_without_year():
    c = read_article(C_PATH, "C")
    assert c.published is None
    assert c.dropped == ("TOKYO, March 16 (Wire) -",)
    assert segment(c)[0].text.startswith("Secretary of State Antony Blinken and Defense Secretary")


def test_html_visible_text_only():
    art = read_article(FIX / "kyiv-visit" / "us-outlet.html", "B")
    body = " ".join(s.text for s in segment(art))
    assert art.published == date(2022, 12, 21) and art.published_from == "metadata"
    assert "Subscribe" not in body and "function" not in body and "{" not in body
    assert any(s.kind == "caption" for s in segment(art))
    assert any("Photo:" in c for c in art.credits)


def test_json_article_metadata():
    art = read_article(FIX / "myanmar-quake" / "uk-paper.json", "A")
    data = json.loads((FIX / "myanmar-quake" / "uk-paper.json").read_text())
    assert art.published == date(2025, 3, 29)
    assert art.outlet == data["outlet"] and art.url == data["url"]


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\t\n", "is empty"),
    (b"%PDF-1.7\n\x00\x01binary", "is a binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "is a binary file"),
    ("Caf\u00e9 au lait. Another sentence here.".encode("latin-1"), "is not UTF-8 (byte 0xe9 at offset 3)"),
])
def test_bad_inputs(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_article(p, "A")


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt", "A")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path, "A")


def test_json_without_text(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('{"outlet": "X"}')
    with pytest.raises(InputError, match='JSON has no "text" field'):
        read_article(p, "A")


@pytest.mark.parametrize("text, kind", [("42", "a number"), ("null", "null"), ('["One. Two."]', "a list"),
                                        ('{"a": 1}', "an object")])
def test_json_text_that_is_no_string(tmp_path, text, kind):
    p = tmp_path / "a.json"
    p.write_text('{"text": %s}' % text)
    with pytest.raises(InputError, match=f'JSON "text" is {kind}, not a string'):
        read_article(p, "A")


def test_json_list_is_not_an_article(tmp_path):
    p = tmp_path / "a.json"
    p.write_text('[{"text": "One. Two."}]')
    with pytest.raises(InputError, match="JSON is a list, not one article object"):
        read_article(p, "A")


def test_utf16_and_crlf_are_read(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Blinken met Motegi.\r\nAustin met Kishi.\r\n".encode("utf-16"))
    art = read_article(p, "A")
    assert [s.text for s in segment(art)] == ["Blinken met Motegi.", "Austin met Kishi."]


def test_huge_file_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"Word salad. " * 900_000)
    with pytest.raises(InputError, match="too large"):
        read_article(p, "A")


@pytest.mark.parametrize("credit", ["(AP Photo/Evan Vucci)", "(CP Photo/Mark Chen, Pool)", "Jose Jordan/AFP via Getty Images",
                                    "SOURCE: Manu Fernandez/AP"])
def test_agency_photo_credits_are_credits(credit):
    from align.ingest import parse_text

    text = (f"Lammy meets Wang\n\nDavid Lammy shakes hands with Wang Yi in Beijing on Friday.\n{credit}\n\n"
            "David Lammy pressed China over its support for Russia. He met Wang Yi.\n")
    art = parse_text(text, "A", "a.txt")
    assert art.credits == (credit,)
    assert [s.kind for s in segment(art)] == ["caption", "paragraph", "paragraph"]


def test_agency_credit_at_the_end_of_a_caption_line():
    from align.ingest import parse_text

    text = ("Lammy meets Wang\n\nDavid Lammy shakes hands with Wang Yi in Beijing on Friday. (AP Photo/Ng Han Guan)\n\n"
            "David Lammy pressed China over its support for Russia. He met Wang Yi.\n")
    art = parse_text(text, "A", "a.txt")
    assert art.credits == ("(AP Photo/Ng Han Guan)",)
    assert segment(art)[0].text == "David Lammy shakes hands with Wang Yi in Beijing on Friday."


def test_british_photograph_credit_ending_a_caption():
    from align.ingest import parse_text

    text = ("Lumora Founder Jailed For Fraud\n\nDaniel Ashcombe arrives at Southwark Crown Court. (Photograph: Jane Doe/PA)\n\n"
            "Daniel Ashcombe was jailed on Friday. He had denied fraud.\n")
    art = parse_text(text, "A", "a.txt")
    assert art.credits == ("(Photograph: Jane Doe/PA)",)
    assert segment(art)[0].text == "Daniel Ashcombe arrives at Southwark Crown Court."


def test_html_outlet_from_the_page_title():
    art = read_article(FIX / "kyiv-visit" / "us-outlet.html", "B")
    assert art.outlet == "The American Ledger"
    assert art.title.startswith("Zelenskyy meets Biden at White House")


def test_a_byline_is_page_furniture():
    a = read_article(FIX / "rocket-launch" / "us-site.txt", "A")
    assert a.dropped[:2] == ("By Rebecca Hale, Science Correspondent, The Meridian Post", "April 22, 2026")
    assert not any(s.text.startswith("By ") for s in segment(a))


@pytest.mark.parametrize("line", ["By Tuesday, the fires had spread to three villages.",
                                  "By Tuesday evening the fires had spread to three villages",
                                  "By Mr Smith's count, 40 people died."])
def test_a_paragraph_opening_with_by_is_no_byline(line):
    a = parse_text(f"Fires spread across the hills on Monday.\n\n{line}\n", "A", "a.txt")
    assert [s.text for s in segment(a)][-1] == line
