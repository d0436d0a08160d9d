"""Commands that embed nothing must start fast: no torch, onnxruntime or sentence-transformers import.

Each check runs the real CLI entry in a fresh child interpreter and looks at ``sys.modules`` after
the command has finished (the command's exit is caught, so the check still runs).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("torch", "onnxruntime", "sentence_transformers")

CHILD = """
import json, sys
from align.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit as e:
    code = e.code
else:
    code = 0
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy})
print("\\n@@" + json.dumps({{"code": code, "heavy": heavy}}))
""".format(heavy=repr(set(HEAVY)))


def _run(argv: list[str]) -> tuple[dict, str]:
    proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(argv)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    marker = proc.stdout.rfind("\n@@")
    assert marker >= 0, f"child crashed: {proc.stderr[-2000:]}"
    return json.loads(proc.stdout[marker + 3:]), proc.stdout[:marker]


@pytest.mark.parametrize("argv", [
    ["--help"],
    ["compare", "--help"],
    ["batch", "--help"],
    ["normalize", "Pentagon chief Austin met on Tuesday", "--published", "2021-03-17"],
], ids=["help", "compare-help", "batch-help", "normalize"])
def test_no_heavy_imports(argv):
    result, out = _run(argv)
    assert result["code"] == 0, out
    assert result["heavy"] == [], f"`align {' '.join(argv)}` imported {result['heavy']}"


def test_normalize_output_is_real():
    """Guard against a vacuous pass: the command did its work in that child."""
    _, out = _run(["normalize", "Pentagon chief Austin met on Tuesday", "--published", "2021-03-17"])
    assert "secretary of defense" in out and "2021-03-16" in out


def test_importtime_of_help_has_no_backend():
    """The same seen through ``-X importtime`` with the console script's module path."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "align", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "align.cli" in imported
    assert not {m for m in imported if m.split(".")[0] in HEAVY}
