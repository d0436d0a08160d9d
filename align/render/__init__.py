"""Renderers: pure functions ``Report -> str``. JSON is canonical; Markdown and HTML read the same data."""

from .html import render_html
from .jsonout import SCHEMA, render_json, report_dict
from .markdown import render_markdown
from .text import render_text

__all__ = ["SCHEMA", "render_json", "report_dict", "render_markdown", "render_html", "render_text", "RENDERERS"]

RENDERERS = {"json": render_json, "md": render_markdown, "html": render_html, "text": render_text}
