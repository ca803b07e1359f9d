"""What every object of a dossier shares: the id pattern and a strict pydantic base.

Records (``truceline.model``) and agreements (``truceline.agreement``) are
written by hand in YAML; both refuse unknown fields, so a typo in a file is an
error that names the field instead of a value silently dropped.
"""

from __future__ import annotations

import hashlib
from typing import Annotated

from pydantic import ConfigDict, Field

from truceline.bounds import Storable

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=200)]
"""An object id: starts with a letter or digit; then letters, digits and ``._:-``."""


def make_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:12]
    return f"{prefix}-{digest}"


class StrictObject(Storable):
    """Strict base: unknown fields are errors, enum fields hold their plain values, and
    every value is one that every later command can store and export (``Storable``)."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, validate_default=True)
