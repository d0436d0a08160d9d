"""``align batch``: compare many events in one go, one report set per event, on every core.

An *event* is a folder holding two or more articles (.txt, .html, .htm, .json), compared in file
name order (A, B, ...). Each argument is an event folder or a parent folder whose subfolders are
events. Per event, ``<out>/<event>.md``, ``.json`` and ``.html`` are written; ``index.md`` and
``index.json`` list every event with its sources, counts and exit status (0 same, 1 differences,
2 failed, with the one-line error). One failing event never stops the others.

``run_event`` is the unit of work and never raises, so any engine can map it over folders:
a ``ProcessPoolExecutor`` here, or Ray / Dask on a cluster. Each worker process keeps its encoder
(and so the loaded model) between events.
"""

from __future__ import annotations

import json
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Sequence

from .errors import AlignError, InputError, OptionError, OutputError
from .pipeline import Options, build_encoder, compare_files, source_ids

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
FORMATS = ("md", "json", "html")
INDEX_SCHEMA = "claimdiff-batch/1"
STATUS_LABEL = {0: "(no differences)", 1: "(differences)", 2: "(failed)"}

_ENCODERS: dict = {}  # per process: options key -> encoder, so a worker loads the model once


def article_files(folder: str | Path) -> list[Path]:
    """The articles of an event folder, in the order they become sources A, B, ..."""
    folder = Path(folder)
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES)


def find_events(paths: Sequence[str | Path], out_dir: str | Path | None = None) -> list[tuple[str, Path]]:
    """(name, folder) per event. A folder with 2+ articles is an event; otherwise its subfolders are
    events; a folder with neither is kept as an event so that its error shows in the index."""
    skip = Path(out_dir).resolve() if out_dir else None
    folders: list[Path] = []
    for arg in paths:
        p = Path(arg)
        if not p.exists():
            raise InputError(f"{p}: no such folder")
        if not p.is_dir():
            raise InputError(f"{p}: is a file, not a folder",
                             hint="give event folders (2+ articles each) or their parent folder")
        subs = sorted(d for d in p.iterdir() if d.is_dir() and not d.name.startswith((".", "_"))
                      and d.resolve() != skip)
        if len(article_files(p)) >= 2 or not subs:
            folders.append(p)
        else:
            folders += subs
    seen: set[Path] = set()
    used = {"index"}  # index.md/.json belong to the batch: an event folder "index" writes index-2.*
    out = []
    for f in folders:
        key = f.resolve()
        if key in seen:
            continue
        seen.add(key)
        name = base = event_name(f)
        n = 1
        while name in used:  # two folders called "day1" in different parents: day1, day1-2
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        out.append((name, f))
    return out


def event_name(folder: str | Path) -> str:
    """A file-name-safe name for an event's reports: the folder name."""
    name = Path(folder).resolve().name
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "event"


def _encoder(options: Options):
    key = (options.model, options.backend, options.device, options.cache, options.settings)
    if key not in _ENCODERS:
        _ENCODERS[key] = build_encoder(options)  # lazy: the model loads on the first cache miss
    return _ENCODERS[key]


def run_event(folder: str | Path, out_dir: str | Path, options: Options = Options(),
              name: str | None = None, encoder=None) -> dict:
    """Compare the articles of one event folder and write ``<out_dir>/<name>.md/.json/.html``.

    Returns the event's index row (plain JSON types): event, folder, sources, counts, status
    (0 no differences, 1 differences, 2 failed), error (one line, or None), outputs, seconds.
    Never raises for a bad event: the error is in the row. ``encoder``: any object with
    ``encode(texts)`` (tests); by default one per process, built from ``options`` and kept.
    """
    from .output import write_atomic
    from .render import RENDERERS
    from .render.jsonout import baseline_view, summary

    t0 = time.perf_counter()
    folder, out_dir = Path(folder), Path(out_dir)
    name = name or event_name(folder)
    row: dict = {"event": name, "folder": str(folder), "sources": [], "counts": None, "status": 2,
                 "error": None, "outputs": [], "seconds": 0.0}
    try:
        if not folder.is_dir():
            raise InputError(f"{folder}: no such folder")
        files = article_files(folder)
        row["sources"] = [{"id": sid, "file": f.name} for sid, f in zip(source_ids(len(files)), files)]
        if len(files) < 2:
            raise InputError(f"{folder}: holds {len(files)} article file{'' if len(files) == 1 else 's'}; "
                             f"an event needs at least two ({', '.join(ARTICLE_SUFFIXES)})")
        report = compare_files(files, options, encoder=encoder or _encoder(options))
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"{out_dir}: cannot create the output folder ({err.strerror})") from None
        for fmt in FORMATS:
            path = out_dir / f"{name}.{fmt}"
            write_atomic(path, RENDERERS[fmt](report), inputs=files)
            row["outputs"].append(str(path))
        row["counts"] = summary(report)
        if report.baseline:
            view = baseline_view(report)
            row["status"] = 1 if view["lacks"] or view["disagrees"] else 0
        else:
            row["status"] = 1 if report.has_differences else 0
        row["notes"] = list(report.notes)
    except AlignError as err:
        row["error"] = f"{err}" + (f" ({err.hint})" if err.hint else "")
    except Exception as err:  # a bug must not stop the other events; keep it on one line
        row["error"] = f"internal error: {type(err).__name__}: {err}".replace("\n", " ")
    row["seconds"] = round(time.perf_counter() - t0, 3)
    return row


def _failed(name: str, folder: Path, error: str) -> dict:
    return {"event": name, "folder": str(folder), "sources": [], "counts": None, "status": 2,
            "error": error, "outputs": [], "seconds": 0.0}


def _init_worker(threads: int) -> None:
    # N workers on N cores: one compute thread each, unless the user chose otherwise.
    os.environ.setdefault("CLAIMDIFF_THREADS", str(threads))


def run_batch(paths: Sequence[str | Path], out_dir: str | Path = "reports/batch", options: Options = Options(),
              jobs: int | None = None, progress: Callable[[str], None] | None = None) -> tuple[list[dict], int]:
    """Run every event found under ``paths``; write the reports and the index. Returns the index
    rows (in argument order) and the exit code: 2 if any event failed, else 1 if any had
    differences, else 0."""
    if jobs is not None and jobs < 1:
        raise OptionError(f"--jobs {jobs}: must be 1 or more")
    out_dir = Path(out_dir)
    events = find_events(paths, out_dir)
    if not events:
        raise InputError("no event folders found", hint="an event is a folder with 2+ articles")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out_dir}: cannot create the output folder ({err.strerror})") from None
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(events)))
    rows: list[dict | None] = [None] * len(events)
    done = 0

    def report(i: int, row: dict) -> None:
        nonlocal done
        rows[i] = row
        done += 1
        if progress:
            progress(f"[{done}/{len(events)}] {_progress_line(row)}")

    if progress:
        progress(f"{len(events)} event{'s' if len(events) != 1 else ''}, {jobs} job{'s' if jobs != 1 else ''}")
    if jobs == 1:
        for i, (name, folder) in enumerate(events):
            report(i, run_event(folder, out_dir, options, name))
    else:
        import multiprocessing

        # spawn: safe with threads in this process and the same on every platform
        ctx = multiprocessing.get_context("spawn")
        threads = max(1, (os.cpu_count() or 1) // jobs)
        ex = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(threads,))
        try:
            futures = {ex.submit(run_event, folder, out_dir, options, name): i
                       for i, (name, folder) in enumerate(events)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    row = fut.result()
                except Exception as err:  # a worker died (killed, out of memory): the event failed
                    name, folder = events[i]
                    row = _failed(name, folder, f"worker process failed: {type(err).__name__}: {err}")
                report(i, row)
        except KeyboardInterrupt:
            ex.shutdown(wait=False, cancel_futures=True)
            raise
        ex.shutdown()
    final = [r for r in rows if r is not None]
    code = exit_code(final)
    write_index(final, out_dir, code)
    return final, code


def exit_code(rows: Sequence[dict]) -> int:
    if any(r["status"] == 2 for r in rows):
        return 2
    return 1 if any(r["status"] == 1 for r in rows) else 0


def _progress_line(row: dict) -> str:
    if row["error"]:
        return f"{row['event']}: failed: {row['error']}"
    from .render.common import plural

    c = row["counts"]
    return (f"{row['event']}: {plural(len(row['sources']), 'source')}, {plural(c['claims'], 'claim')}, "
            f"{plural(c['discrepancies'], 'discrepancy', 'discrepancies')}, "
            f"{plural(c['omissions'], 'one-source sentence')} ({row['seconds']:.1f} s)")


def write_index(rows: Sequence[dict], out_dir: str | Path, code: int | None = None) -> None:
    """``index.json`` (machine-readable) and ``index.md`` (for people) in ``out_dir``."""
    from .output import write_atomic

    out_dir = Path(out_dir)
    code = exit_code(rows) if code is None else code
    data = {
        "schema": INDEX_SCHEMA,
        "exit_status": code,
        "summary": {"events": len(rows), "failed": sum(r["status"] == 2 for r in rows),
                    "with_differences": sum(r["status"] == 1 for r in rows),
                    "without_differences": sum(r["status"] == 0 for r in rows)},
        "events": list(rows),
    }
    write_atomic(out_dir / "index.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    write_atomic(out_dir / "index.md", index_markdown(rows, code))


def index_markdown(rows: Sequence[dict], code: int) -> str:
    def cell(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    failed = sum(r["status"] == 2 for r in rows)
    diff = sum(r["status"] == 1 for r in rows)
    L = ["# claimdiff batch", "",
         f"{len(rows)} events: {diff} with differences, {len(rows) - failed - diff} without, {failed} failed "
         f"(exit status {code}).", "",
         "| event | sources | claims | agree | partial | discrepancies | one-source | status | reports |",
         "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        sources = ", ".join(f"{s['id']}: {s['file']}" for s in r["sources"]) or "-"
        status = f"{r['status']} {STATUS_LABEL[r['status']]}"
        if r["error"]:
            L.append(f"| {cell(r['event'])} | {cell(sources)} | - | - | - | - | - | {status} | {cell(r['error'])} |")
            continue
        c = r["counts"]
        links = " ".join(f"[{f}]({r['event']}.{f})" for f in FORMATS)
        L.append(f"| {cell(r['event'])} | {cell(sources)} | {c['claims']} | {c['agreements']} | {c['partial']} | "
                 f"{c['discrepancies']} | {c['omissions']} | {status} | {links} |")
    return "\n".join(L) + "\n"

