"""The output folder of a corpus run, written atomically.

Tables are written into a hidden sibling folder (`.NAME.XXXX.partial`) and the
folder is renamed to its real name only once every table and the manifest are
complete: a crash leaves either no output or the complete one (plus, at worst,
a `.partial` folder that a later run does not read). An existing output is
replaced only if it is a previous corpus run (it has our manifest) or empty.

DOCS: docs/batch.md
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import TracebackType
from typing import Any
from uuid import uuid4

import pyarrow as pa
import pyarrow.parquet as pq

from truceline.batch.tables import SCHEMAS, TABLES
from truceline.errors import TrucelineError

MANIFEST = "manifest.json"
"""Written last into the output folder: what was run, and how many rows each table has."""

MARKER = "truceline_batch"
"""The manifest key that marks a folder as a corpus run's output."""

ROW_GROUP_ROWS = 65_536
"""Rows buffered per table before a row group is written."""


def _sibling(out: Path, suffix: str) -> Path:
    """A new hidden folder next to `out` (same file system, so renames are atomic)."""
    path = out.parent / f".{out.name}.{uuid4().hex[:12]}.{suffix}"
    path.mkdir()  # honours the umask, unlike tempfile.mkdtemp's 0700
    return path


def check_replaceable(out: Path) -> None:
    """Raise unless `out` is absent, an empty folder, or a previous corpus run's output."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_dir() and not out.is_symlink():
        if not any(out.iterdir()):
            return
        try:
            manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
            if isinstance(manifest, dict) and MARKER in manifest:
                return
        except (OSError, ValueError):
            pass
    raise TrucelineError(
        f"{out}: exists and is not the output of a corpus run; choose another --out"
    )


class OutputFolder:
    """Parquet writers for every table, committed by one rename.

    with OutputFolder(out) as folder:
        folder.write(tables)         # any number of times
        folder.commit(manifest)      # else the partial folder is removed
    """

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        check_replaceable(self.out)
        self.rows = dict.fromkeys(TABLES, 0)
        self._tmp: Path | None = None
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._buffers: dict[str, list[pa.Table]] = {name: [] for name in TABLES}

    def __enter__(self) -> OutputFolder:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = _sibling(self.out, "partial")
        for name in TABLES:
            self._writers[name] = pq.ParquetWriter(self._tmp / f"{name}.parquet", SCHEMAS[name])
        return self

    def write(self, tables: dict[str, pa.Table]) -> None:
        """Append rows to each named table."""
        for name, table in tables.items():
            if table.num_rows:
                self._buffers[name].append(table)
                self.rows[name] += table.num_rows
                if sum(t.num_rows for t in self._buffers[name]) >= ROW_GROUP_ROWS:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        if self._buffers[name]:
            self._writers[name].write_table(pa.concat_tables(self._buffers[name]))
            self._buffers[name] = []

    def _close_writers(self) -> None:
        writers, self._writers = self._writers, {}
        for writer in writers.values():
            writer.close()

    def commit(self, manifest: dict[str, Any]) -> None:
        """Finish every table, write the manifest, and move the folder into place."""
        assert self._tmp is not None, "commit() outside `with`"
        for name in TABLES:
            self._flush(name)
        self._close_writers()
        body = {MARKER: 1, **manifest, "rows": dict(self.rows)}
        (self._tmp / MANIFEST).write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
        check_replaceable(self.out)
        old: Path | None = None
        if self.out.exists():
            old = _sibling(self.out, "old")
            os.replace(self.out, old / "previous")
        os.replace(self._tmp, self.out)
        self._tmp = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._close_writers()
        finally:
            if self._tmp is not None:
                shutil.rmtree(self._tmp, ignore_errors=True)
                self._tmp = None
