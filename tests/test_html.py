"""The HTML report without a browser: article text is escaped, nothing is loaded from outside,
and the summary counts carry the JSON summary. Uses the fake encoder (fast)."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from align.pipeline import Options, compare_files
from align.render import render_html, report_dict

# Strings that must reach the reader as text, exactly as written.
HOSTILE = ('<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"quotes" & ampersands')

ARTICLE_A = f"""Ministers meet in Tokyo for security talks

TOKYO, March 16 - Foreign ministers met in Tokyo on Tuesday for security talks about the region.
A protester held a sign reading {HOSTILE[0]} outside the ministry building in Tokyo.
The ministers said their alliance remains strong and promised "quotes" & ampersands in the statement.
Officials will travel to Seoul on Thursday for further talks with South Korean officials.
"""

ARTICLE_B = f"""Tokyo talks focus on security

Foreign ministers held security talks in Tokyo on Tuesday about the region.
A banner showing {HOSTILE[1]} was seen near the ministry building in Tokyo.
The ministers called the alliance strong in a statement with "quotes" & ampersands.
The delegation goes on to Seoul on Friday for talks with South Korean officials.
"""


class _Page(HTMLParser):
    """Every element with its attributes, and the text a reader sees (entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag):]

    def handle_data(self, data):
        if not ({"script", "style"} & set(self._in)):
            self.text.append(data)


def write_hostile_pair(directory: Path) -> tuple[Path, Path]:
    a, b = directory / "hostile-a.txt", directory / "hostile-b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def _hostile_html(tmp_path: Path, encoder) -> tuple[str, object]:
    report = compare_files(list(write_hostile_pair(tmp_path)), Options(), encoder=encoder)
    return render_html(report), report


def test_article_markup_is_escaped(tmp_path, fake_encoder):
    html, report = _hostile_html(tmp_path, fake_encoder)
    texts = " ".join(s.text for s in report.sentences)
    for needle in HOSTILE:
        assert needle in texts, f"fixture sentence lost by ingest/segment: {needle}"
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert escape("<script>alert(1)</script>") in html
    unmarked = re.sub(r"</?(?:mark|span)\b[^>]*>", "", html)  # our highlights may sit inside the text
    assert escape("<img src=x onerror=alert(2)>") in unmarked
    assert "&quot;quotes&quot; &amp; ampersands" in html
    # Parsed as a browser would: one script element (the report's own), no image, no event
    # handler attribute anywhere, and the hostile strings are there as text.
    page = _Page(html)
    assert [t for t, _ in page.tags if t == "script"] == ["script"]
    assert not [t for t, _ in page.tags if t in ("img", "iframe", "object", "embed", "svg", "math")]
    assert not [(t, a) for t, attrs in page.tags for a in attrs if a.lower().startswith("on")]
    shown = "".join(page.text)
    for needle in HOSTILE:
        assert needle in shown, needle


def test_no_external_resources(tmp_path, fake_encoder):
    html, _ = _hostile_html(tmp_path, fake_encoder)
    assert "http://" not in html and "https://" not in html
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"<(iframe|object|embed|img|video|audio|source)\b", html, re.I)
    assert not re.search(r"@import|url\(", html, re.I)
    for tag, attrs in _Page(html).tags:
        for name in ("src", "srcset", "action", "formaction", "data", "poster", "background"):
            assert name not in attrs, (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), (tag, attrs)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp, "Content-Security-Policy meta missing"
    assert "default-src 'none'" in csp.group(1)
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_counts_match_json_summary(tmp_path, fake_encoder):
    html, report = _hostile_html(tmp_path, fake_encoder)
    summary = report_dict(report)["summary"]
    for key in ("agreements", "partial", "discrepancies", "omissions", "claims"):
        m = re.search(rf'id="count-{key}" data-count="(\d+)">(\d+)<', html)
        assert m, f"#count-{key} missing"
        assert int(m.group(1)) == int(m.group(2)) == summary[key]
    assert len(re.findall(r'<section class="claim"', html)) == summary["claims"]
    assert 'id="shown"' in html
