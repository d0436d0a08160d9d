"""The reviewed reports of the known pair: regenerate and fail on any change.

Refresh deliberately with `make golden` (pytest --update-golden) after reading the diff."""

import pytest

from align.pipeline import Options, compare_files
from align.render import render_html, render_json, render_markdown

from conftest import A_PATH, B_PATH, C_PATH, ROOT

pytestmark = pytest.mark.model

CASES = {
    "known-pair": [A_PATH, B_PATH],
    "asia-tour-three": [A_PATH, B_PATH, C_PATH],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_reports(name, real_encoder, request):
    paths = [p.relative_to(ROOT) for p in CASES[name]]
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)  # report paths are relative to the repository, as `make demo` writes them
    try:
        report = compare_files([str(p) for p in paths], Options(), encoder=real_encoder)
    finally:
        os.chdir(cwd)
    for ext, render in (("md", render_markdown), ("json", render_json), ("html", render_html)):
        golden = ROOT / "reports" / f"{name}.{ext}"
        text = render(report)
        if request.config.getoption("--update-golden"):
            golden.write_text(text, encoding="utf-8")
            continue
        assert golden.exists(), f"{golden} missing: run make golden"
        assert text == golden.read_text(encoding="utf-8"), f"{golden.name} changed: review, then make golden"


def test_same_inputs_same_bytes(real_encoder):
    one = render_json(compare_files([A_PATH, B_PATH], Options(), encoder=real_encoder))
    two = render_json(compare_files([A_PATH, B_PATH], Options(), encoder=real_encoder))
    assert one == two
