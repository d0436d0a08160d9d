"""Errors raised by the library. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class AlignError(Exception):
    """Base class: something the user can fix. ``hint`` is shown after the message."""

    hint: str = ""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class InputError(AlignError):
    """An article cannot be read or has nothing to compare."""


class OptionError(AlignError):
    """A command-line option has a value the tool cannot use."""


class DataFileError(AlignError):
    """An alias, title or spelling table (built in or the user's) is malformed."""


class ModelError(AlignError):
    """The embedding model or backend cannot be loaded."""


class OutputError(AlignError):
    """A report cannot be written where it was asked to go."""
