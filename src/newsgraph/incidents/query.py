"""What a list of incidents is filtered by: one object from the CLI and the API down to the store."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Incidents starting in ``[since, until]`` (date prefixes), with ``actor`` on either side (country
    code, actor id or name), of PLOVER ``event_type``, carried by at least ``min_outlets`` outlets."""

    since: str | None = None
    until: str | None = None
    actor: str | None = None
    event_type: str | None = None
    min_outlets: int = 1
    min_documents: int = 1
    doc_id: str | None = None  # only incidents this document reports
    limit: int | None = 100
    offset: int = 0
