"""truceline.batch's public names are pinned."""

from __future__ import annotations

import truceline.batch


def test_public_api() -> None:
    assert set(truceline.batch.__all__) == {
        "DEFAULT_CHUNK_SIZE",
        "ITEM_KINDS",
        "MANIFEST",
        "PATTERN",
        "SCHEMAS",
        "TABLES",
        "CorpusReport",
        "Failure",
        "OutputFolder",
        "collect_files",
        "open_client",
        "run_corpus",
    }
    for name in truceline.batch.__all__:
        assert hasattr(truceline.batch, name)
