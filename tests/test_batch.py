"""``align batch``: event discovery, per-event reports, the index, exit codes, failures kept apart.

The in-process tests use ``FakeEncoder``; the end-to-end test runs the real CLI with ``--jobs 2``
(two worker processes, real model) on copies of the fixture events plus one broken event.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from align.batch import exit_code, find_events, run_batch, run_event
from align.errors import InputError
from align.pipeline import Options

from conftest import FIX, ROOT

EVENTS = {"asia-tour": 3, "kyiv-visit": 2, "myanmar-quake": 2}


@pytest.fixture
def events_dir(tmp_path):
    """tmp/events/{asia-tour,kyiv-visit,myanmar-quake} copied from fixtures, plus a broken event
    (one readable article and one binary file)."""
    root = tmp_path / "events"
    for name in EVENTS:
        shutil.copytree(FIX / name, root / name)
    broken = root / "broken"
    broken.mkdir()
    shutil.copy(FIX / "asia-tour" / "wire-tokyo-seoul-brief.txt", broken / "a.txt")
    (broken / "b.txt").write_bytes(b"%PDF-1.4\x00\x01binary")
    return root


def test_find_events_parent_and_event_folders(events_dir, tmp_path):
    found = find_events([events_dir])
    assert [n for n, _ in found] == ["asia-tour", "broken", "kyiv-visit", "myanmar-quake"]
    # an event folder given directly is one event, whatever its subfolders
    assert [n for n, _ in find_events([events_dir / "kyiv-visit"])] == ["kyiv-visit"]
    # the same folder twice counts once; two folders with one name get distinct report names
    other = tmp_path / "other" / "kyiv-visit"
    shutil.copytree(FIX / "kyiv-visit", other)
    names = [n for n, _ in find_events([events_dir / "kyiv-visit", events_dir / "kyiv-visit", other])]
    assert names == ["kyiv-visit", "kyiv-visit-2"]
    # the output folder inside a parent is not an event; neither is a folder named like the index
    (events_dir / "out").mkdir()
    (events_dir / "index").mkdir()
    names = [n for n, _ in find_events([events_dir], out_dir=events_dir / "out")]
    assert "out" not in names and "index-2" in names and "index" not in names


def test_find_events_rejects_files_and_missing(tmp_path):
    with pytest.raises(InputError):
        find_events([tmp_path / "nope"])
    f = tmp_path / "a.txt"
    f.write_text("x")
    with pytest.raises(InputError):
        find_events([f])


def test_run_event_writes_three_reports(events_dir, tmp_path, fake_encoder):
    out = tmp_path / "out"
    row = run_event(events_dir / "kyiv-visit", out, Options(cache=False), encoder=fake_encoder)
    assert row["error"] is None, row["error"]
    assert row["event"] == "kyiv-visit" and row["status"] in (0, 1)
    assert [s["file"] for s in row["sources"]] == ["bbc-style.txt", "us-outlet.html"]
    assert {Path(p).name for p in row["outputs"]} == {"kyiv-visit.md", "kyiv-visit.json", "kyiv-visit.html"}
    data = json.loads((out / "kyiv-visit.json").read_text())
    assert data["summary"] == row["counts"]
    json.dumps(row)  # plain JSON types: a distributed engine can ship it back


def test_run_event_never_raises(tmp_path, fake_encoder):
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(FIX / "kyiv-visit" / "bbc-style.txt", one)
    row = run_event(one, tmp_path / "out", Options(cache=False), encoder=fake_encoder)
    assert row["status"] == 2 and "at least two" in row["error"] and "\n" not in row["error"]
    row = run_event(tmp_path / "missing", tmp_path / "out", Options(cache=False), encoder=fake_encoder)
    assert row["status"] == 2 and "no such folder" in row["error"]
    assert not (tmp_path / "out" / "one.md").exists()


def test_run_batch_in_process_index(events_dir, tmp_path, fake_encoder, monkeypatch):
    import align.batch as batch

    monkeypatch.setattr(batch, "_encoder", lambda options: fake_encoder)
    out = tmp_path / "out"
    lines = []
    rows, code = run_batch([events_dir], out, Options(cache=False), jobs=1, progress=lines.append)
    assert code == 2  # the broken event
    assert [r["event"] for r in rows] == ["asia-tour", "broken", "kyiv-visit", "myanmar-quake"]
    index = json.loads((out / "index.json").read_text())
    assert index["exit_status"] == 2 and index["summary"]["failed"] == 1
    assert (out / "index.md").read_text().count("\n| ") == 5  # header + 4 events
    assert len([x for x in lines if x.startswith("[")]) == 4
    # without the broken event: differences (1) or none (0), never 2
    shutil.rmtree(events_dir / "broken")
    _, code = run_batch([events_dir], out, Options(cache=False), jobs=1)
    assert code == exit_code(json.loads((out / "index.json").read_text())["events"]) in (0, 1)


def test_exit_code_rules():
    assert exit_code([{"status": 0}, {"status": 1}, {"status": 2}]) == 2
    assert exit_code([{"status": 0}, {"status": 1}]) == 1
    assert exit_code([{"status": 0}]) == 0


@pytest.mark.model
def test_cli_batch_two_jobs(events_dir, tmp_path):
    out = tmp_path / "reports"
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(tmp_path / "cache"), NO_COLOR="1")
    proc = subprocess.run([sys.executable, "-m", "align", "batch", str(events_dir), "-o", str(out), "--jobs", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr  # one event failed; the others still ran
    index = json.loads((out / "index.json").read_text())
    rows = {r["event"]: r for r in index["events"]}
    assert set(rows) == set(EVENTS) | {"broken"}
    assert rows["broken"]["status"] == 2 and "binary" in rows["broken"]["error"]
    for name, n in EVENTS.items():
        r = rows[name]
        assert r["error"] is None and r["status"] in (0, 1) and len(r["sources"]) == n
        for ext in ("md", "json", "html"):
            assert (out / f"{name}.{ext}").stat().st_size > 0
        report = json.loads((out / f"{name}.json").read_text())
        assert len(report["sources"]) == n and report["summary"] == r["counts"]
    assert "broken" in (out / "index.md").read_text()
    assert "[5/4]" not in proc.stderr and "[4/4]" in proc.stderr  # progress lines on stderr
    # --quiet: nothing on stderr; an event folder given directly works too
    proc = subprocess.run([sys.executable, "-m", "align", "batch", str(events_dir / "kyiv-visit"), "-o", str(out),
                           "--jobs", "2", "--quiet"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1) and proc.stderr == ""
