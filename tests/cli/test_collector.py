"""The one-shot commands pause the cycle collector around their work and restore it."""

from __future__ import annotations

import gc

import pytest

from truceline.cli.collector import gc_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_inside_and_restored_after(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), gc_paused():
            raise RuntimeError("the work failed")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
