"""The compliance, deadline and negotiation views, built from the other modules' results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DeadlineRow:
    uid: str
    due: str | None
    summary: str
    description: str


def deadline_rows(dossier: Any) -> list[DeadlineRow]:
    return []
