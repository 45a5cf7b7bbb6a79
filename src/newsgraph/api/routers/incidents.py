"""/api/incidents: one item per happening, however many documents told it, with each outlet's stance."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from newsgraph.analysis.incidents import list_incidents
from newsgraph.api.context import Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.incident_out import IncidentOut
from newsgraph.api.outputs import Page, dict_out
from newsgraph.incidents.query import IncidentQuery

router = APIRouter(prefix="/incidents", tags=["incidents"])


def incident_query(
    since: Since = None,
    until: Until = None,
    actor: Annotated[str | None, Query(description="On either side: country code, actor id or name.")] = None,
    event_type: Annotated[
        str | None, Query(description="PLOVER event type; an unknown one is an E-UNKNOWN-TYPE error.")
    ] = None,
    type: Annotated[str | None, Query(description="The same as event_type, as the CLI's --type.")] = None,
    min_outlets: Annotated[int, Query(ge=1, description="Carried by at least this many outlets.")] = 1,
    min_documents: Annotated[int, Query(ge=1, description="Reported by at least this many documents.")] = 1,
    doc_id: Annotated[str | None, Query(description="Only incidents this document reports.")] = None,
) -> IncidentQuery:
    return IncidentQuery(
        since=since,
        until=until,
        actor=actor or None,
        event_type=event_type or type or None,
        min_outlets=min_outlets,
        min_documents=min_documents,
        doc_id=doc_id,
    )


Filters = Annotated[IncidentQuery, Depends(incident_query)]


@router.get("", response_model=Page[IncidentOut], summary="List incidents in date order")
def get_incidents(
    store: StoreDep, filters: Filters, limit: Limit = 50, offset: Offset = 0
) -> Page[IncidentOut]:
    found = list_incidents(store, replace(filters, limit=limit + 1, offset=offset))
    return Page[IncidentOut](
        items=[dict_out(IncidentOut, i.to_dict()) for i in found[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(found)),
    )


@router.get("/{incident_id}", response_model=IncidentOut, summary="One incident with all its reports")
def get_incident(incident_id: str, store: StoreDep) -> IncidentOut:
    return dict_out(IncidentOut, store.incident(incident_id).to_dict())
