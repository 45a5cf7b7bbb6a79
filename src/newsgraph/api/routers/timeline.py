"""/api/timeline: events by when they happened, each with its sentence and source document."""

from __future__ import annotations

from fastapi import APIRouter

from newsgraph.analysis.timeline import timeline
from newsgraph.api.context import EventFilters, Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import Page, TimelineEntryOut, dict_out

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=Page[TimelineEntryOut], summary="Events in date order, undated last")
def get_timeline(
    store: StoreDep,
    filters: EventFilters,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[TimelineEntryOut]:
    # the whole timeline is sorted by date before it is paged (the store orders by the event's day only)
    entries = timeline(store, filters)
    window = entries[offset : offset + limit + 1]
    return Page[TimelineEntryOut](
        items=[dict_out(TimelineEntryOut, t.to_dict()) for t in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )
