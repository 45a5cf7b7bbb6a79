"""/api/timeline: events by when they happened, each with its sentence and source document."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.timeline import timeline
from newsgraph.api.context import Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.outputs import Page, TimelineEntryOut, dict_out
from newsgraph.records import EventType, Factuality

router = APIRouter(prefix="/timeline", tags=["timeline"])


@router.get("", response_model=Page[TimelineEntryOut], summary="Events in date order, undated last")
def get_timeline(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Source or target: country code, id or name.")] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[TimelineEntryOut]:
    entries = timeline(
        store,
        actor=actor,
        event_type=event_type.value if event_type else None,
        factuality=factuality.value if factuality else None,
        since=since,
        until=until,
    )
    window = entries[offset : offset + limit + 1]
    return Page[TimelineEntryOut](
        items=[dict_out(TimelineEntryOut, t.to_dict()) for t in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )
