"""The one options model every ingest step receives, unchanged."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

MB = 1024 * 1024


class IngestOptions(BaseModel):
    """How to read sources and what to do with the candidates extracted from them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allow_private: bool = Field(
        False, description="Fetch URLs that resolve to private, loopback or link-local addresses."
    )
    outlet: str | None = Field(
        None, description="Outlet for sources whose input does not name one (beats guesses)."
    )
    published: dt.date | None = Field(
        None, description="Publication day of every plain file read (beats the page's own)."
    )
    title: str | None = Field(
        None, description="Title of every plain file read (beats the page's own)."
    )
    url: str | None = Field(
        None, description="Address of the one plain file read (beats the page's own)."
    )
    auto_accept: float | None = Field(
        None, ge=0, le=1, description="Store candidates at or above this confidence as accepted."
    )
    extract: bool = Field(True, description="Run the extractor and store candidate records.")
    max_bytes: int = Field(
        10 * MB, gt=0, description="Largest document (a file, a response, a JSONL line)."
    )
    timeout: float = Field(20.0, gt=0, description="Seconds for a URL fetch, start to finish.")
    max_redirects: int = Field(5, ge=0, description="Redirects followed per URL.")
    min_article_chars: int = Field(
        80, ge=0, description="Shorter main text from an HTML page counts as no article."
    )
    user_agent: str = "truceline (+https://github.com/truceline/truceline)"
