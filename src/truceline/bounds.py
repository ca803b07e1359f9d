"""Values every later command can store and export, checked once where objects are built.

A value accepted at import must survive ``publish``, ``export`` and PostgreSQL:
SQLite and PostgreSQL integers are signed 64-bit, JSON has no infinity or NaN,
PostgreSQL text refuses NUL, and UTF-8 cannot encode a lone surrogate. Every
dossier object derives from `Storable`, so the YAML reader, ``review edit
--set``, ingest and the web forms all meet the same limits.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from truceline.dates import EARLIEST_YEAR, LATEST_YEAR

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
_UNSTORABLE_CHARS = re.compile("[\x00\ud800-\udfff]")

UNSTORABLE = "unstorable"
"""The pydantic error type of a value outside these limits (its message says why)."""


def problem(value: Any) -> str | None:
    """Why ``value`` (or something inside a list or mapping of it) cannot be stored, or None."""
    if isinstance(value, str):
        return _text_problem(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if INT64_MIN <= value <= INT64_MAX:
            return None
        return "a whole number must fit in 64 bits (at most 9223372036854775807)"
    if isinstance(value, dt.date):
        if EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            return None
        return f"the year must be between {EARLIEST_YEAR} and {LATEST_YEAR}"
    if isinstance(value, list | tuple):
        return next((p for p in map(problem, value) if p), None)
    if isinstance(value, dict):
        return next((p for k, v in value.items() if (p := problem(k) or problem(v))), None)
    return None


def _text_problem(text: str) -> str | None:
    found = _UNSTORABLE_CHARS.search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "text must not contain a NUL character"
    return f"text must not contain a lone surrogate (U+{ord(char):04X})"


def storable_text(text: str) -> str:
    """Decoded text with each NUL or lone surrogate replaced by U+FFFD.

    Such characters come from JSON escapes, odd codecs or ``surrogateescape``
    decoding; one code point replaces one, so offsets into the text still hold.
    """
    return _UNSTORABLE_CHARS.sub("\ufffd", text)


class Storable(BaseModel):
    """Base of every dossier object: finite numbers only, and each field checked by `problem`."""

    model_config = ConfigDict(allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        reason = problem(value)
        if reason is not None:
            raise PydanticCustomError(UNSTORABLE, reason)
        return value
