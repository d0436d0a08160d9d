"""Stage 1: read an article (.txt, .html/.htm, .json), drop page junk, keep credits apart, find its date.

Input: a path. Output: an ``Article`` whose ``blocks`` mark the spans of ``text`` that hold claims.
For plain text, ``text`` is the file itself (CRLF folded to LF), so offsets point into the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from . import tables
from .errors import InputError
from .normalise import dates as datemod
from .settings import DEFAULT, Settings
from .types import Article, Block

BULLET = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|[-–—](?=\s))\s*")
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF")


def read_article(path: str | Path, source_id: str, settings: Settings = DEFAULT,
                 extra_tables: dict | None = None) -> Article:
    """Read and clean one article. Raises ``InputError`` with a one-line reason."""
    p = Path(path)
    text, meta = load_text(p, settings)
    kind = "html" if p.suffix.lower() in (".html", ".htm") else "text"
    return parse_text(text, source_id, str(path), meta=meta, kind=kind, extra_tables=extra_tables,
                      settings=settings)


def load_text(p: Path, settings: Settings = DEFAULT) -> tuple[str, dict]:
    """Decode the file; for HTML and JSON return the article text and the metadata found."""
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not an article", hint="give one file per source")
    size = p.stat().st_size
    if size > settings.max_bytes:
        raise InputError(f"{p}: {size / 1e6:.1f} MB is too large for one article "
                         f"(limit {settings.max_bytes / 1e6:.1f} MB)")
    raw = p.read_bytes()
    text = decode(raw, p)
    if not text.strip():
        raise InputError(f"{p}: is empty")
    suffix = p.suffix.lower()
    meta: dict = {}
    if suffix == ".json":
        text, meta = from_json(text, p)
    elif suffix in (".html", ".htm"):
        text, meta = from_html(text)
        if not text.strip():
            raise InputError(f"{p}: HTML page has no visible text")
    return text, meta


def decode(raw: bytes, p: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{p}: has a UTF-16 mark but is not valid UTF-16") from None
    else:
        if raw.startswith(BINARY_MAGIC) or b"\x00" in raw[:4096]:
            raise InputError(f"{p}: is a binary file, not text",
                             hint="convert PDFs or images to text first, e.g. with pdftotext")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise InputError(f"{p}: is not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start})",
                             hint=f"convert it, e.g. iconv -f latin1 -t utf-8 {p}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


JSON_SHAPE = 'expected {"text": ..., "outlet": ..., "published": ..., "url": ...}'


def from_json(text: str, p: Path) -> tuple[str, dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{p}: is not valid JSON ({err.msg.removesuffix(' at')} at line {err.lineno}, "
                         f"column {err.colno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{p}: JSON is a {type(data).__name__}, not one article object",
                         hint=JSON_SHAPE)
    if "text" not in data:
        raise InputError(f'{p}: JSON has no "text" field',
                         hint=JSON_SHAPE)
    if not isinstance(data["text"], str):
        kind = {type(None): "null", int: "number", float: "number", bool: "true or false", list: "list",
                dict: "object"}.get(type(data["text"]), type(data["text"]).__name__)
        raise InputError(f'{p}: JSON "text" is {"a " if kind in ("list", "number") else "an " if kind == "object" else ""}'
                         f'{kind}, not a string', hint=JSON_SHAPE)
    if not data["text"].strip():
        raise InputError(f'{p}: JSON "text" is empty')
    meta = {k: str(data[k]) for k in ("outlet", "published", "url", "title") if data.get(k)}
    return data["text"].replace("\r\n", "\n"), meta


class _Visible(HTMLParser):
    """Collect visible text as lines, one per block element; skip scripts, styles and page chrome."""

    SKIP = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside",
            "form", "button", "iframe", "select"}
    BLOCK = {"p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
             "figcaption", "figure", "blockquote", "tr", "header", "main", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict = {}
        self.in_title = False
        self.in_h1 = False
        self.h1: list[str] = []
        self.title: list[str] = []
        self.caption_depth = 0
        self.captions: list[str] = []

    def flush(self) -> None:
        line = " ".join("".join(self.current).split())
        if line:
            if self.caption_depth:
                self.captions.append(line)
            self.lines.append(("• " if self.stack and self.stack[-1] == "li" else "") + line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in ("article:published_time", "datepublished", "date", "pubdate",
                       "og:published_time", "dc.date"):
                self.meta.setdefault("published", a.get("content", ""))
            elif key in ("og:site_name", "publisher"):
                self.meta.setdefault("outlet", a.get("content", ""))
            elif key == "og:url":
                self.meta.setdefault("url", a.get("content", ""))
            return
        if tag == "time" and a.get("datetime"):
            self.meta.setdefault("published", a["datetime"])
        if tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
            return
        if tag in self.BLOCK:
            self.flush()
        if tag == "figcaption":
            self.caption_depth += 1
        if tag == "h1":
            self.in_h1 = True
        if tag not in ("br", "img", "hr", "input", "link", "meta"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in self.BLOCK:
            self.flush()
        if tag == "figcaption":
            self.caption_depth = max(0, self.caption_depth - 1)
        if tag == "h1":
            self.in_h1 = False
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1.append(data)
        self.current.append(data)


def from_html(html: str) -> tuple[str, dict]:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    parser.flush()
    meta = {k: v for k, v in parser.meta.items() if v}
    page_title = " ".join("".join(parser.title).split())
    title = " ".join("".join(parser.h1).split()) or page_title
    if title:
        meta["title"] = title
    # "Headline | The American Ledger": the page title names the outlet after the last bar or dash
    outlet = re.search(r"\s[|–—]\s([^|–—]{2,60})$", page_title)
    if outlet and "outlet" not in meta:
        meta["outlet"] = outlet.group(1).strip()
    meta["captions"] = parser.captions
    return "\n\n".join(parser.lines), meta


def _match_any(patterns: list[re.Pattern], line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def parse_text(text: str, source_id: str, path: str, *, meta: dict | None = None, kind: str = "text",
               extra_tables: dict | None = None, settings: Settings = DEFAULT) -> Article:
    """Split text into lines and classify each: junk, title, dateline, credit, caption, bullet, paragraph."""
    meta = meta or {}
    page = tables.page(extra_tables)
    captions = set(meta.get("captions", ()))
    junk, credit_lines, credit_inline = page["junk"], page["credit_lines"], page["credit_inline"]

    lines: list[tuple[int, int]] = []  # (start, end) of each non-empty stripped line
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1

    blocks: list[Block] = []
    dropped: list[str] = []
    credits: list[str] = []
    title = meta.get("title")
    published = datemod.parse_iso_prefix(meta.get("published", ""))
    published_from = "metadata" if published else "none"
    partial: tuple[int, int] | None = None
    seen_title = False

    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        line_is_caption = line in captions
        credit_line = line
        inline_credit = None
        for pat in credit_inline:
            inline_credit = pat.search(line)
            if inline_credit:
                break
        if _match_any(junk, line):
            dropped.append(line)
            continue
        if _match_any(credit_lines, line):
            credits.append(line)
            if blocks and blocks[-1].end == (lines[i - 1][1] if i else -1) and blocks[-1].kind == "paragraph":
                blocks[-1] = replace(blocks[-1], kind="caption")  # the line it credits is a caption
            continue
        if title is not None and line == title:
            if seen_title or kind == "html" or meta.get("title"):
                dropped.append(line)
                continue
        if title is None and not blocks and not inline_credit and not line_is_caption \
                and _looks_like_title(line, settings):
            title = line
            seen_title = True
            continue
        if line == title:
            dropped.append(line)
            continue
        found = datemod.dateline(line)
        if found is not None:
            dropped.append(line)
            if isinstance(found, date) and published is None:
                published, published_from = found, "text"
            elif isinstance(found, tuple) and published is None and partial is None:
                partial = found
            continue
        # a wire dateline opening the first paragraph: "TOKYO, March 16 (Reuters) - ..."
        if not blocks:
            lead = datemod.wire_dateline(line)
            if lead is not None:
                found, length = lead
                dropped.append(line[:length].strip())
                if isinstance(found, date) and published is None:
                    published, published_from = found, "text"
                elif isinstance(found, tuple) and published is None:
                    partial = found
                s += length
                line = text[s:e]
        block_kind = "paragraph"
        m = BULLET.match(line)
        if m:
            s += m.end()
            block_kind = "bullet"
        if inline_credit:
            credits.append(inline_credit.group(0).strip())
            e -= len(credit_line) - inline_credit.start()  # the credit sits at the end of the line
            block_kind = "caption"
        if line_is_caption:
            block_kind = "caption"
        if e > s:
            blocks.append(Block(s, e, block_kind))

    published_note = ""
    if published is None and partial is not None:
        published_note = "dateline has no year"
    art = Article(id=source_id, path=path, text=text, blocks=tuple(blocks), title=title,
                  outlet=meta.get("outlet"), url=meta.get("url"), published=published,
                  published_from=published_from, published_note=published_note,
                  credits=tuple(credits), dropped=tuple(dropped),
                  dateline_day=partial if published is None else None)
    return art


def _looks_like_title(line: str, settings: Settings) -> bool:
    return (len(line) <= settings.title_max_chars and not line.rstrip().endswith((".", "?", "!", ":", "”", '"'))
            and len(line.split()) >= 3 and not BULLET.match(line))
