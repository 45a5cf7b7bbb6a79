"""/api/events: PLOVER-coded interactions with their factuality, in date order."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse

from newsgraph.api.context import Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.outputs import EventOut, Page, record_out
from newsgraph.records import Event, EventType, Factuality
from newsgraph.store import Store
from newsgraph.store.gdelt import write_gdelt

router = APIRouter(prefix="/events", tags=["events"])


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The query filters both event listings take."""

    actor: str | None
    event_type: EventType | None
    factuality: Factuality | None
    since: str | None
    until: str | None
    doc_id: str | None

    def find(self, store: Store, limit: int | None = None) -> list[Event]:
        return store.events(
            actor=self.actor,
            event_type=self.event_type.value if self.event_type else None,
            factuality=self.factuality.value if self.factuality else None,
            since=self.since,
            until=self.until,
            doc_id=self.doc_id,
            limit=limit,
        )


def _filters(
    actor: Annotated[str | None, Query(description="Source or target: country code, id or name.")] = None,
    event_type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    doc_id: Annotated[str | None, Query(description="Only this document.")] = None,
) -> EventFilters:
    return EventFilters(actor, event_type, factuality, since, until, doc_id)


Filters = Annotated[EventFilters, Depends(_filters)]


@router.get("", response_model=Page[EventOut], summary="List events")
def list_events(
    store: StoreDep,
    filters: Filters,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[EventOut]:
    found = filters.find(store, limit=offset + limit + 1)
    window = found[offset:]
    return Page[EventOut](
        items=[record_out(EventOut, e) for e in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )


@router.get(
    ".tsv",
    response_class=PlainTextResponse,
    summary="Events as GDELT 2.0-style TSV",
    description="GDELT's 61 event columns in GDELT's order (CAMEO-only fields empty, ISO3 codes), "
    "then PLOVER type and mode, factuality and its cues, the claim, trigger, actor texts and the sentence "
    "with its character offsets; one header line. Same filters as /api/events; every match unless "
    "limit (and offset) are given.",
)
def events_tsv(
    store: StoreDep,
    filters: Filters,
    limit: Annotated[int | None, Query(ge=1, description="At most this many rows (default: all).")] = None,
    offset: Offset = 0,
) -> PlainTextResponse:
    found = filters.find(store, limit=None if limit is None else offset + limit)[offset:]
    out = io.StringIO()
    write_gdelt(found, store.documents_by_id(e.doc_id for e in found), out)
    return PlainTextResponse(
        out.getvalue(),
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.tsv"'},
    )
