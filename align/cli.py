"""The ``align`` command. It parses options, calls the library and renders; nothing else.

Exit codes follow diff: 0 no differences, 1 differences found, 2 trouble.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .errors import AlignError, OptionError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="claimdiff: compare how different outlets report the same event.")


class Format(str, Enum):
    text = "text"
    md = "md"
    json = "json"
    html = "html"
    all = "all"


EXT = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}


def _published(values: list[str]) -> dict:
    from .normalise.dates import parse_user_date

    out = {}
    for v in values:
        if "=" not in v:
            raise OptionError(f"--published {v!r}: expected SOURCE=YYYY-MM-DD, e.g. B=2021-03-17")
        sid, _, when = v.partition("=")
        d = parse_user_date(when.strip())
        if d is None:
            raise OptionError(f"--published {v!r}: {when!r} is not a date (use YYYY-MM-DD)")
        out[sid.strip().upper()] = d
    return out


class _EmbedBar:
    """A rich progress bar on stderr while embedding, shown only for many sentences."""

    def __init__(self, minimum: int) -> None:
        self.minimum = minimum
        self.progress = None
        self.task = None

    def update(self, done: int, total: int) -> None:
        if total < self.minimum:
            return
        if self.progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

            self.progress = Progress("embedding", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                     console=Console(stderr=True), transient=True)
            self.progress.start()
            self.task = self.progress.add_task("embed", total=total)
        self.progress.update(self.task, completed=done)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@app.command(short_help="Compare two or more articles about one event.")
def compare(
    files: List[Path] = typer.Argument(..., metavar="ARTICLE...", help="Two to thirty articles (.txt, .html, .json) about one event."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="text (default on a terminal), md, json, html, or all (with -o STEM)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="PATH", help="Write here ('-' for stdout). With --format all: a path stem."),
    published: List[str] = typer.Option([], "--published", metavar="ID=DATE", help="Publication date of a source: B=2021-03-17. Repeatable."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", metavar="FILE", help="TOML file extending the alias, title and spelling tables."),
    model: str = typer.Option("all-MiniLM-L6-v2", "--model", metavar="NAME", help="Embedding model: the default, or any sentence-transformers name or path."),
    backend: str = typer.Option("auto", "--backend", metavar="auto|onnx|torch", help="auto (onnx for the default model), onnx, or torch."),
    device: Optional[str] = typer.Option(None, "--device", metavar="DEVICE", help="torch device, e.g. cuda (torch backend)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", metavar="ID", help="Compare every source against this one (e.g. A)."),
    against: Optional[Path] = typer.Option(None, "--against", metavar="REPORT.json", help="A reviewed JSON report: exit 1 only if verdicts changed."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
) -> int:
    """Compare articles: agreements, omissions and typed discrepancies.

    Example: align compare fixtures/asia-tour/000-*.txt fixtures/asia-tour/003-*.txt -f md -o report.md
    """
    from . import pipeline, regress
    from .output import check_target, write_atomic
    from .render import RENDERERS, render_text

    fmt = format.value if format else None
    if fmt is None:
        if output and output != "-":
            fmt = EXT.get(Path(output).suffix.lower(), "md")
        else:
            fmt = "text" if sys.stdout.isatty() else "md"
    if fmt == "all" and (not output or output == "-"):
        raise OptionError("--format all needs -o PATH_STEM (writes STEM.md, STEM.json and STEM.html)")
    stem = output[:-len(Path(output).suffix)] if fmt == "all" and Path(output).suffix in EXT else output
    targets = [f"{stem}.{f}" for f in ("md", "json", "html")] if fmt == "all" else \
        [output] if output and output != "-" else []
    for target in targets:  # refuse a bad -o before the slow part, not after it
        check_target(target, files)
    opts = pipeline.Options(published=_published(published), aliases=str(aliases) if aliases else None,
                            model=model, backend=backend, device=device, cache=not no_cache,
                            baseline=baseline.upper() if baseline else None)
    old = regress.load(against) if against else None
    progress = None if quiet else (lambda msg: print(msg, file=sys.stderr))
    bar = None if quiet or not sys.stderr.isatty() else _EmbedBar(opts.settings.progress_min)
    try:
        report = pipeline.compare_files([str(f) for f in files], opts, progress=progress,
                                        embed_progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()

    if fmt == "all":
        for f in ("md", "json", "html"):
            write_atomic(f"{stem}.{f}", RENDERERS[f](report), inputs=files)
    else:
        render = RENDERERS[fmt]
        text = render_text(report, color=sys.stdout.isatty() and not os.environ.get("NO_COLOR")) \
            if fmt == "text" and not output else render(report)
        if output and output != "-":
            write_atomic(output, text, inputs=files)
        else:
            sys.stdout.write(text)
    if old is not None:
        from .render import report_dict

        today = report_dict(report)
        for warning in regress.source_check(old, today)[1]:
            print(f"align: warning: {warning}", file=sys.stderr)
        lines = regress.changes(old, today)
        for line in lines:
            print(line, file=sys.stderr)
        if not quiet:
            print(f"{len(lines)} verdict change(s) against {against}", file=sys.stderr)
        return 1 if lines else 0
    if not quiet and (fmt != "text" or output):
        from .render.jsonout import summary

        s = summary(report)
        from .render.common import plural

        print(f"{plural(s['claims'], 'claim')}: {s['agreements']} agree, {s['partial']} partly agree, "
              f"{s['discrepancy_claims']} disagree ({plural(s['discrepancies'], 'discrepancy', 'discrepancies')}), "
              f"{plural(s['omissions'], 'one-source sentence')}", file=sys.stderr)
    if report.baseline:
        from .render.jsonout import baseline_view

        view = baseline_view(report)
        return 1 if view["lacks"] or view["disagrees"] else 0
    return 1 if report.has_differences else 0


@app.command()
def normalize(
    text: str = typer.Argument(..., help="A sentence."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD, for weekdays."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", help="TOML file extending the tables."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> int:
    """Show what the normaliser makes of a sentence.

    Example: align normalize "Pentagon chief Austin met on Tuesday" --published 2021-03-17
    """
    import json

    from . import tables
    from .normalise import DateContext, Normaliser
    from .normalise.dates import parse_user_date
    from .types import Sentence

    when = None
    if published:
        when = parse_user_date(published)
        if when is None:
            raise OptionError(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    if not text.strip():
        raise OptionError("nothing to normalise: the text is empty")
    norm = Normaliser(tables.load_user(aliases) or None)
    norm.learn_names([text])
    facts = norm.facts(Sentence("S1", "S", 1, text, 0, len(text), "paragraph"),
                       DateContext(when, when.year if when else None))
    rows = [{"kind": m.kind, "text": m.text, "value": m.value, "detail": m.detail, "variant": m.variant}
            for m in facts.mentions]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for r in rows:
            extra = f"  [{r['detail']}]" if r["detail"] else ""
            var = f"  ({r['variant']})" if r["variant"] else ""
            print(f"{r['kind']:<9} {r['text']!r:<32} -> {r['value']}{extra}{var}")
    return 0


@app.command(short_help="Compare many events, one folder each, and write an index.")
def batch(
    folders: List[Path] = typer.Argument(..., help="Event folders (2+ articles each), or folders whose subfolders are events."),
    output: Path = typer.Option(Path("reports/batch"), "--output", "-o", help="Folder for <event>.md/.json/.html and index.md/.json."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Events compared in parallel (default: all cores)."),
    aliases: Optional[Path] = typer.Option(None, "--aliases", metavar="FILE", help="TOML file extending the alias, title and spelling tables."),
    model: str = typer.Option("all-MiniLM-L6-v2", "--model", metavar="NAME", help="Embedding model, as for compare."),
    backend: str = typer.Option("auto", "--backend", metavar="auto|onnx|torch", help="auto, onnx or torch."),
    device: Optional[str] = typer.Option(None, "--device", metavar="DEVICE", help="torch device, e.g. cuda (torch backend)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not read or write the embedding cache."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> int:
    """Compare many events: one report set per event folder, plus an index.

    Exit status: 2 if any event failed, else 1 if any had differences, else 0.
    Example: align batch fixtures/asia-tour fixtures/kyiv-visit -o reports/batch --jobs 2
    """
    from . import pipeline
    from .batch import run_batch

    opts = pipeline.Options(aliases=str(aliases) if aliases else None, model=model, backend=backend,
                            device=device, cache=not no_cache)
    progress = None if quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    rows, code = run_batch(folders, output, opts, jobs=jobs, progress=progress)
    if not quiet:
        failed = sum(r["status"] == 2 for r in rows)
        print(f"{len(rows)} events, {failed} failed; index: {output / 'index.md'}", file=sys.stderr)
    return code


@app.command("eval", short_help="Measure accuracy: gold events, perturbations, public pairs.")
def evaluate(
    held_out: bool = typer.Option(False, "--held-out", help="Use the held-out seeds 10000-10199: final figures only, never for tuning."),
    cases: int = typer.Option(200, "--cases", help="Perturbation cases to run (the first N seeds of the range, 1-200)."),
    as_json: bool = typer.Option(False, "--json", help="Print the full result as JSON (with per-case details)."),
    no_public: bool = typer.Option(False, "--no-public", help="Skip the public paraphrase sets (MSRP, STS-B in ../shared)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
    per_event: bool = typer.Option(False, "--per-event", help="Give every gold event its own column (a wide table)."),
) -> int:
    """Measure accuracy on the gold events, the perturbation benchmark and public paraphrase sets.

    Example: align eval --cases 50 --no-public
    """
    import json

    from .eval import run as evaluation

    progress = None if quiet else (lambda msg: print(msg, file=sys.stderr))
    result = evaluation.run(held_out=held_out, cases=cases, public=not no_public, progress=progress)
    sys.stdout.write(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n" if as_json
                     else evaluation.format_table(result, per_event=per_event))
    return 0


def _click_modules() -> list:
    """click itself and the copy typer may vendor (typer 0.29 ships ``typer._click``): usage errors
    come from whichever one typer uses."""
    import click

    mods = [click.exceptions]
    try:
        import typer._click.exceptions as vendored  # type: ignore[import-not-found]

        mods.append(vendored)
    except ImportError:
        pass
    return mods


def main(argv: list[str] | None = None) -> None:
    mods = _click_modules()
    exits = tuple(getattr(m, "Exit") for m in mods if hasattr(m, "Exit"))
    usage = tuple(m.ClickException for m in mods)
    aborts = tuple(getattr(m, "Abort") for m in mods if hasattr(m, "Abort"))
    try:
        rv = app(args=argv, standalone_mode=False, prog_name="align")
    except AlignError as err:
        hint = f" ({err.hint})" if err.hint else ""
        print(f"align: error: {err}{hint}", file=sys.stderr)
        sys.exit(2)
    except exits as e:
        sys.exit(e.exit_code)
    except usage as err:
        err.show()
        sys.exit(2)
    except (KeyboardInterrupt, *aborts):
        print("align: interrupted", file=sys.stderr)
        sys.exit(2)
    except Exception as err:  # a bug: one line, unless the user asks for the traceback
        if os.environ.get("CLAIMDIFF_DEBUG"):
            raise
        print(f"align: internal error: {type(err).__name__}: {err} (set CLAIMDIFF_DEBUG=1 for a traceback)",
              file=sys.stderr)
        sys.exit(2)
    sys.exit(rv if isinstance(rv, int) else 0)
