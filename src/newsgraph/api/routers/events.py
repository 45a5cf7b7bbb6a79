"""/api/events: PLOVER-coded interactions with their factuality, in date order."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from newsgraph.api.context import Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.outputs import EventOut, Page, record_out
from newsgraph.records import EventType, Factuality
from newsgraph.store.gdelt import write_gdelt

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=Page[EventOut], summary="List events")
def list_events(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Source or target: country code, id or name.")] = None,
    event_type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    doc_id: Annotated[str | None, Query(description="Only this document.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[EventOut]:
    found = store.events(
        actor=actor,
        event_type=event_type.value if event_type else None,
        factuality=factuality.value if factuality else None,
        since=since,
        until=until,
        doc_id=doc_id,
        limit=offset + limit + 1,
    )
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
    "with its character offsets; one header line. Same filters as /api/events, every match (no pages).",
)
def events_tsv(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Source or target: country code, id or name.")] = None,
    event_type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    doc_id: Annotated[str | None, Query(description="Only this document.")] = None,
) -> PlainTextResponse:
    found = store.events(
        actor=actor,
        event_type=event_type.value if event_type else None,
        factuality=factuality.value if factuality else None,
        since=since,
        until=until,
        doc_id=doc_id,
    )
    out = io.StringIO()
    write_gdelt(found, store.documents_by_id(e.doc_id for e in found), out)
    return PlainTextResponse(
        out.getvalue(),
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.tsv"'},
    )
