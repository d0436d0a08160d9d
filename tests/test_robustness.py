"""Bad inputs a user brings, run through the real CLI in a subprocess (the real ONNX encoder).

Every failure must be exit 2 with exactly one line on stderr, ``align: error: ...``, no traceback,
and must leave what is already on disk alone: the inputs, and an old report at ``-o``. Inputs that
are merely unusual (UTF-16, CRLF, HTML with scripts, duplicates, unrelated articles) must work.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from align.errors import OutputError

from conftest import A_PATH, B_PATH, FIX, FakeEncoder

OLD_REPORT = "# an earlier report\nreviewed by hand; must survive a failed run\n"

UNRELATED_1 = """Heavy rain flooded the river valley on Sunday.
Farmers lost most of their wheat harvest to the water.
The regional council opened three emergency shelters in schools.
Volunteers carried sandbags to the old bridge through the night.
Weather forecasters expect more storms later this week.
Insurance companies said claims would take months to settle.
"""
UNRELATED_2 = """The city orchestra announced a new conductor for its autumn season.
She previously led ensembles in Vienna and Prague for a decade.
Ticket sales for the opening concert began on Monday morning.
The programme includes symphonies by Brahms and Dvorak.
Musicians welcomed the appointment at a press conference.
A free open-air performance is planned for the park in September.
"""
HTML_PAGE = """<!doctype html><html><head><title>Strong earthquake hits Myanmar</title>
<style>body { font-family: serif } .SECRETSTYLE { color: red }</style>
<script>var tracker = "SECRETSCRIPT"; document.write("SECRETSCRIPT loaded");</script></head>
<body><h1>Strong earthquake hits Myanmar</h1>
<p>A 7.7-magnitude earthquake struck central Myanmar on Friday, killing more than 1,000 people.</p>
<script type="text/javascript">window.SECRETSCRIPT2 = {"ads": true};</script>
<p>Buildings collapsed in Mandalay, the country's second-largest city. Rescue teams searched the rubble.</p>
<noscript>Please enable JavaScript SECRETNOSCRIPT</noscript>
<p>The tremor was also felt in neighbouring Thailand, where a tower under construction fell in Bangkok.</p>
</body></html>
"""


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(cwd / "cache"), NO_COLOR="1")
    env.pop("CLAIMDIFF_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "align", "compare", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder with every bad input, made once for the module."""
    d = tmp_path_factory.mktemp("robust")
    (d / "cache").mkdir()
    text_a = A_PATH.read_text(encoding="utf-8")
    (d / "a.txt").write_text(text_a, encoding="utf-8")
    (d / "a-copy.txt").write_text(text_a, encoding="utf-8")
    (d / "folder").mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\t\n   \n")
    (d / "paper.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20)
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (d / "latin1.txt").write_bytes("Le ministre a visité Séoul. Il a rencontré ses homologues à Tokyo.\n"
                                   .encode("latin-1"))
    (d / "utf16.txt").write_bytes(text_a.encode("utf-16"))  # with BOM (little-endian here)
    (d / "crlf.txt").write_bytes(text_a.replace("\n", "\r\n").encode("utf-8"))
    line = b"The minister said the talks in Tokyo went well and would continue next week. " * 12 + b"\n\n"
    (d / "huge.txt").write_bytes(line * (10_000_000 // len(line)) + b"x" * (10_000_000 % len(line)))
    (d / "one.txt").write_text("Blinken arrived in Tokyo on Tuesday for talks with Japanese officials.\n")
    (d / "unrelated-1.txt").write_text(UNRELATED_1)
    (d / "unrelated-2.txt").write_text(UNRELATED_2)
    (d / "page.html").write_text(HTML_PAGE)
    (d / "no-text.json").write_text(json.dumps({"outlet": "Wire", "body": "Blinken arrived. Austin too."}))
    (d / "bad.toml").write_text('[spelling\n"Kiev" = \n')
    return d


# name -> (arguments, words the one-line error must contain)
ERRORS = {
    "missing file": (["nope.txt", "a.txt"], ["nope.txt", "no such file"]),
    "a directory": (["folder", "a.txt"], ["folder", "is a directory"]),
    "empty file": (["empty.txt", "a.txt"], ["empty.txt", "is empty"]),
    "whitespace only": (["blank.txt", "a.txt"], ["blank.txt", "is empty"]),
    "PDF bytes": (["paper.pdf", "a.txt"], ["paper.pdf", "binary file", "pdftotext"]),
    "PNG bytes": (["a.txt", "photo.png"], ["photo.png", "binary file"]),
    "Latin-1": (["latin1.txt", "a.txt"], ["latin1.txt", "not UTF-8", "iconv"]),
    "10 MB file": (["huge.txt", "a.txt"], ["huge.txt", "10.0 MB is too large", "limit 2.0 MB"]),
    "one sentence": (["one.txt", "a.txt"], ["one.txt", "has 1 sentence", "at least 2"]),
    "one source": (["a.txt"], ["need at least two articles"]),
    "JSON without text": (["no-text.json", "a.txt"], ["no-text.json", 'no "text" field']),
    "bad --published": (["a.txt", "a-copy.txt", "--published", "B=notadate"], ["notadate", "not a date"]),
    "bad --aliases TOML": (["a.txt", "a-copy.txt", "--aliases", "bad.toml"], ["bad.toml", "not valid TOML"]),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_bad_input_is_one_clear_line_and_damages_nothing(work, case):
    args, words = ERRORS[case]
    report = work / f"old-{case.replace(' ', '_')}.md"
    report.write_text(OLD_REPORT)
    inputs = {p: digest(p) for p in work.iterdir() if p.is_file()}
    r = run(*args, "-o", report.name, cwd=work)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("align: error: "), r.stderr
    for w in words:
        assert w in lines[0]
    assert r.stdout == ""
    assert report.read_text() == OLD_REPORT  # an earlier report at -o is left intact
    assert {p: digest(p) for p in inputs} == inputs  # no input touched
    assert not list(work.glob(".*.tmp"))


def test_output_into_a_missing_directory(work):
    r = run("a.txt", "a-copy.txt", "-o", "no/such/dir/report.md", cwd=work)
    assert r.returncode == 2
    assert r.stderr.splitlines() == ["align: error: no/such/dir/report.md: directory no/such/dir does not exist"]
    assert not (work / "no").exists()


def test_output_onto_an_input_is_refused_and_the_input_kept(work):
    before = (work / "a.txt").read_bytes()
    for out in ("a.txt", "./a.txt", str(work / "a.txt")):
        r = run("a.txt", B_PATH, "-o", out, cwd=work)
        assert r.returncode == 2
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("align: error: ") and "is one of the input" in lines[0]
        assert (work / "a.txt").read_bytes() == before
    # --format all writes STEM.md/.json/.html: an input among them is refused too
    (work / "x.json").write_text(json.dumps({"text": A_PATH.read_text(encoding="utf-8")}))
    before_json = (work / "x.json").read_bytes()
    r = run("x.json", B_PATH, "-f", "all", "-o", "x", cwd=work)
    assert r.returncode == 2 and "is one of the input" in r.stderr
    assert (work / "x.json").read_bytes() == before_json and not (work / "x.md").exists()


def _report(work: Path, *args, name: str) -> tuple[subprocess.CompletedProcess, dict]:
    out = work / f"{name}.json"
    r = run(*args, "-q", "-o", out.name, cwd=work)
    assert r.returncode in (0, 1), r.stderr
    assert r.stderr == ""
    return r, json.loads(out.read_text(encoding="utf-8"))


def test_utf16_with_bom_and_crlf_work(work):
    _, plain = _report(work, "a.txt", B_PATH, name="plain")
    for name in ("utf16.txt", "crlf.txt"):
        r, data = _report(work, name, B_PATH, name=name)
        texts = [s["text"] for s in data["sources"][0]["sentences"]]
        assert texts == [s["text"] for s in plain["sources"][0]["sentences"]]
        assert not any("\r" in t or "\ufeff" in t or "\x00" in t for t in texts)
        assert data["summary"] == plain["summary"]


def test_identical_articles_and_the_same_file_twice(work):
    for args in (("a.txt", "a-copy.txt"), ("a.txt", "a.txt")):
        r, data = _report(work, *args, name="same")
        assert r.returncode == 0  # no differences
        assert "B has the same text as A" in data["notes"]
        assert not data["omissions"] and not data["discrepancies"]


def test_unrelated_articles_say_little_overlap(work):
    r = run("unrelated-1.txt", "unrelated-2.txt", "-q", "-f", "md", cwd=work)
    assert r.returncode == 1 and r.stderr == ""
    assert "little overlap" in r.stdout
    assert "are these articles about the same event?" in r.stdout


def test_html_scripts_and_styles_never_reach_the_report(work):
    r = run("page.html", FIX / "myanmar-quake" / "us-wire.txt", "-q", "-f", "all", "-o", "quake", cwd=work)
    assert r.returncode in (0, 1) and r.stderr == ""
    for ext in ("md", "json", "html"):
        text = (work / f"quake.{ext}").read_text(encoding="utf-8")
        for secret in ("SECRETSCRIPT", "SECRETSTYLE", "SECRETNOSCRIPT", "document.write", "font-family: serif"):
            assert secret not in text, (ext, secret)
    data = json.loads((work / "quake.json").read_text(encoding="utf-8"))
    assert any("Mandalay" in s["text"] for s in data["sources"][0]["sentences"])


# --- atomic writes ----------------------------------------------------------------------------


def test_write_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    from align import output

    target = tmp_path / "report.md"
    target.write_text(OLD_REPORT)

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(OutputError, match="cannot write .No space left on device."):
        output.write_atomic(target, "# new report\n" * 1000)
    assert target.read_text() == OLD_REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temp file left


def test_write_atomic_keeps_the_old_file_when_writing_fails_midway(tmp_path, monkeypatch):
    from align import output

    target = tmp_path / "report.md"
    target.write_text(OLD_REPORT)
    # 1 MB is written to the temp file, then encoding fails on a lone surrogate
    with pytest.raises(UnicodeEncodeError):
        output.write_atomic(target, "x" * 1_000_000 + "\ud800")
    assert target.read_text() == OLD_REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]

    real_fdopen = os.fdopen

    def interrupting_fdopen(*a, **k):
        fh = real_fdopen(*a, **k)

        def write(text):
            fh.buffer.write(b"half a report")
            fh.buffer.flush()
            raise KeyboardInterrupt

        fh.write = write
        return fh

    monkeypatch.setattr(output.os, "fdopen", interrupting_fdopen)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, "# new report\n")
    assert target.read_text() == OLD_REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_cli_reports_a_failed_write_in_one_line(tmp_path, monkeypatch, capsys):
    from align import cli, output, pipeline

    target = tmp_path / "report.md"
    target.write_text(OLD_REPORT)
    monkeypatch.setattr(pipeline, "build_encoder", lambda options: FakeEncoder())

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", disk_full)
    with pytest.raises(SystemExit) as exc:
        cli.main(["compare", str(A_PATH), str(B_PATH), "-q", "-o", str(target)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err == f"align: error: {target}: cannot write (No space left on device)\n"
    assert target.read_text() == OLD_REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_new_report_is_readable_by_others_and_a_replaced_one_keeps_its_mode(tmp_path):
    from align import output

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.md"
        output.write_atomic(fresh, "# report\n")
        assert fresh.stat().st_mode & 0o777 == 0o644  # as open() with umask 022 makes it, not 0600
        kept = tmp_path / "kept.md"
        kept.write_text(OLD_REPORT)
        kept.chmod(0o640)
        output.write_atomic(kept, "# report\n")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
