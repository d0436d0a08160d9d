"""The terminal summary: compact and coloured with rich when the output is a terminal."""

from __future__ import annotations

import io

from ..types import Report
from .common import first_shown, plural, published_label, source_label, shorten
from .jsonout import summary


def render_text(report: Report, color: bool = False, width: int = 100) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, color_system="standard" if color else None, width=width,
                  highlight=False, soft_wrap=False)
    s = summary(report)
    for a in report.articles:
        con.print(f"[bold]{escape(source_label(report, a.id))}[/]  {published_label(report, a.id)}")
    con.print(f"{plural(s['claims'], 'claim')}: [green]{s['agreements']} agree[/], [yellow]{s['partial']} partly agree[/], "
              f"[red]{plural(s['discrepancies'], 'discrepancy', 'discrepancies')}[/], "
              f"[cyan]{plural(s['omissions'], 'one-source sentence')}[/]")
    if report.baseline:
        from .jsonout import baseline_view

        view = baseline_view(report)
        con.print(f"[bold]baseline {view['id']}[/]: lacks {plural(len(view['lacks']), 'claim')} others report, "
                  f"disagrees on {plural(len(view['disagrees']), 'point')}")
    for note in report.notes:
        con.print(f"[dim]note: {escape(note)}[/]")
    if report.discrepancies:
        con.print("\n[bold red]Discrepancies[/]")
        for d in report.discrepancies:
            values = "  vs  ".join(f"{src}: {v}" for src, v in d.values.items())
            con.print(f"  [red]{d.kind:<11}[/] {d.claim:<4} {escape(shorten(values, width - 20))}")
    ids = [a.id for a in report.articles]
    table = Table(title="Coverage", show_lines=False, box=None, pad_edge=False)
    table.add_column("claim")
    for src in ids:
        table.add_column(src, justify="center")
    table.add_column("first sentence")
    marks = {"reports": "[green]✓[/]", "differs": "[red]≠[/]", "silent": "[dim]·[/]"}
    for c in report.claims:
        first = first_shown(report, c)
        table.add_row(c.id, *[marks[c.status[src]] for src in ids], escape(shorten(first, 60)))
    con.print()
    con.print(table)
    return buf.getvalue()
