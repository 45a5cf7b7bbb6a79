"""/incidents: each happening with every report of it, outlets side by side; /incidents/{id}: one."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from newsgraph.analysis.incidents import checked
from newsgraph.incidents.query import IncidentQuery
from newsgraph.serving.context import CacheDep, Since, StoreDep, Until
from newsgraph.store import Store
from newsgraph.web.pages import kept, page, render

router = APIRouter(include_in_schema=False)
PAGE = 25


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    store: StoreDep,
    cache: CacheDep,
    actor: str | None = None,
    type: str | None = None,
    since: Since = None,
    until: Until = None,
    min_outlets: Annotated[int, Query(ge=1)] = 1,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    query = checked(
        IncidentQuery(
            since=since or None,
            until=until or None,
            actor=actor or None,
            event_type=type or None,
            min_outlets=min_outlets,
            limit=PAGE + 1,
            offset=offset,
        )
    )
    form = {"actor": actor or "", "type": type or "", "since": since or "", "until": until or ""}
    return kept(
        cache,
        store,
        "/incidents",
        query,
        lambda: _incidents_html(store, query, form, min_outlets, offset),
    )


def _incidents_html(
    store: Store, query: IncidentQuery, form: dict[str, str], min_outlets: int, offset: int
) -> str:
    found = store.incidents(query)
    return render(
        "incidents.html",
        active="incidents",
        incidents=found[:PAGE],
        more=len(found) > PAGE,
        offset=offset,
        page_size=PAGE,
        min_outlets=min_outlets,
        query=urlencode({**form, "min_outlets": min_outlets}),
        **form,
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(incident_id: str, store: StoreDep) -> HTMLResponse:
    found = store.incident(incident_id)
    return page(
        "incidents.html",
        active="incidents",
        incidents=[found],
        more=False,
        offset=0,
        page_size=1,
        min_outlets=1,
        query="",
        actor="",
        type="",
        since="",
        until="",
    )
