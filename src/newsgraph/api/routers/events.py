"""/api/events: PLOVER-coded interactions with their factuality, in date order."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from newsgraph.api.context import EventFilters, Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import EventOut, Page, record_out
from newsgraph.store.gdelt import write_gdelt

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=Page[EventOut], summary="List events")
def list_events(
    store: StoreDep,
    filters: EventFilters,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[EventOut]:
    window = store.events(replace(filters, limit=limit + 1, offset=offset))
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
    filters: EventFilters,
    limit: Annotated[int | None, Query(ge=1, description="At most this many rows (default: all).")] = None,
    offset: Offset = 0,
) -> PlainTextResponse:
    found = store.events(replace(filters, limit=limit, offset=offset))
    out = io.StringIO()
    write_gdelt(found, store.documents_by_id(e.doc_id for e in found), out)
    return PlainTextResponse(
        out.getvalue(),
        media_type="text/tab-separated-values; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.tsv"'},
    )
