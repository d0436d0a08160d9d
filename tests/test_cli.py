"""Usage mistakes get click's usage message and exit 2, never an "internal error"."""

import pytest

from align.cli import main


@pytest.mark.parametrize("argv, message", [
    (["compare", "--nope"], "No such option: --nope"),
    (["compare"], "Missing argument"),
    (["compare", "a.txt", "b.txt", "-f", "pdf"], "'pdf' is not one of"),
    (["nonsense"], "No such command"),
])
def test_usage_errors(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert message in err
    assert "internal error" not in err and "Traceback" not in err


def test_help_exits_0(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    assert "compare" in capsys.readouterr().out
