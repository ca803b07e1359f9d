"""The consoles every command prints through.

Tables go to stdout; messages and progress to stderr. When stdout is not a
terminal (a pipe, a log, ``make demo`` under CI) rich would assume 80 columns
and cut ids and dates to fit; a wide fixed width keeps every cell whole there.
"""

from __future__ import annotations

import sys

from rich.console import Console

PIPE_WIDTH = 200

out = Console(highlight=False, width=None if sys.stdout.isatty() else PIPE_WIDTH)
err = Console(stderr=True, highlight=False)
