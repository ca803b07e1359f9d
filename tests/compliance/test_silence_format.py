"""The agreement format's ``silence`` field and the dispute's ``about``, in files and schema."""

from __future__ import annotations

import json

import pytest
from compliance_builders import Build
from pydantic import ValidationError

from truceline.files.jsonschema import dossier_file_schema


def test_schema_offers_the_declared_readings_of_silence_and_dispute_scope() -> None:
    defs = dossier_file_schema()["$defs"]
    silence = defs["Prohibition"]["properties"]["silence"]
    assert (silence["enum"], silence["default"]) == (["unreported", "assume_met"], "unreported")
    assert "assumed met" in silence["description"]
    assert "silence" not in defs["Schedule"]["properties"]
    assert defs["Dispute"]["properties"]["about"]["type"] == "array"
    assert "about" in json.dumps(defs["Dispute"])


def test_silence_cannot_be_declared_a_verdict(build: Build) -> None:
    """``silence: met`` (or breached) would state a verdict no record makes: rejected."""
    for reading in ("met", "breached"):
        obligation = build.obligation("prohibition", match={"types": ["ASSAULT"]}, silence=reading)
        with pytest.raises(ValidationError, match="unreported"):
            build.agreement(obligation)
