"""Request schemas: what a client may send (only the token-protected ingest endpoint takes a body)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from newsgraph.errors import DateError
from newsgraph.periods import parse_period

# Articles per ingest request: each is parsed by the model in the request, so batches stay small.
MAX_ARTICLES = 50


class ArticleIn(BaseModel):
    """One article, as one line of the JSON Lines input: plain ``text`` (kept verbatim) or ``html``."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, max_length=200, description="Stable id; default: content hash.")
    text: str | None = Field(default=None, description="Article text, kept exactly as given.")
    html: str | None = Field(default=None, description="A page; its article text is extracted.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=4000)
    outlet: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY")
    author: str | None = Field(default=None, max_length=300)

    @field_validator("published")
    @classmethod
    def _period(cls, value: str | None) -> str | None:
        # the function every date goes through (CLI, API filters, pages); pydantic reports ValueErrors
        try:
            return None if value is None else parse_period(value, "published")
        except DateError as err:
            raise ValueError(err.message) from err


class IngestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)
    force: bool = Field(default=False, description="Reprocess articles already stored.")
