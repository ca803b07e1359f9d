"""The JSON Schema of a dossier file, for editors (YAML language servers read it)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from truceline.model import Agreement, Dispute, Event, Figure, Proposal, Response, Source, Statement


class DossierFile(BaseModel):
    """One YAML file of a dossier: any of these sections."""

    model_config = ConfigDict(extra="forbid", title="truceline dossier file")

    format: Literal[1, 2] = Field(
        1, description="The dossier format the file is written in (absent: 1); see docs/files.md."
    )
    agreement: Agreement | None = None
    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)
    disputes: list[Dispute] = Field(default_factory=list)


def dossier_file_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) for a dossier YAML file."""
    schema = DossierFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
