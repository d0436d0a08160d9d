"""Writing reports safely: atomic (temp file + rename), never over an input, clear errors."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError


def check_target(path: str | Path, inputs: list[str | Path] = ()) -> Path:
    """Refuse a report path that cannot be written; the CLI calls this before doing any work."""
    p = Path(path)
    if any(_same(p, Path(i)) for i in inputs):
        raise OutputError(f"{p}: is one of the input articles; refusing to overwrite it")
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{p}: directory {parent} does not exist")
    if p.is_dir():
        raise OutputError(f"{p}: is a directory")
    return p


def write_atomic(path: str | Path, text: str, inputs: list[str | Path] = ()) -> None:
    p = check_target(path, inputs)
    parent = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600): give it the mode a plain open() would, or keep
        # the mode of the report it replaces, so a published report stays readable
        os.chmod(tmp, p.stat().st_mode & 0o7777 if p.exists() else 0o666 & ~_umask())
        os.replace(tmp, p)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{p}: cannot write ({err.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask


def _same(a: Path, b: Path) -> bool:
    """The same file, however the path is spelt (relative, ./, symlinks)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
