"""``python -m align.eval [--held-out] [--cases N] [--json] [--no-public]``: the same as ``align eval``."""

import sys

from ..cli import main

main(["eval", *sys.argv[1:]])
