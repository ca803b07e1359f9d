"""The one place truceline pauses Python's cycle collector: one-shot commands.

Checking and reconciling a large dossier allocate millions of small,
cycle-free objects; each full collection walks every live object (all the
records), so collections alone made the work grow faster than the records.
Pausing the collector is process state, so the library never does it (the web
app runs the same code in worker threads, where other requests must keep
theirs); the commands that run once and exit do, around their one call:
``check``, ``disputes``, and ``import``, which reconciles what it wrote (an ingest
is not paused: its reconciling is incremental, and extraction over a corpus
must keep collecting).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block without the cycle collector, then restore it as it was."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
