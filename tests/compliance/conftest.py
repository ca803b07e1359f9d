"""The ``build`` fixture: factories for agreements and records (compliance_builders)."""

from __future__ import annotations

import pytest
from compliance_builders import Build


@pytest.fixture
def build() -> Build:
    return Build()
