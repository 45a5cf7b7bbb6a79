"""What every route needs, API and page alike: the open store (one per server process), the view cache,
the date window parameters, and the listing filters as one query object per kind."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.records import ClaimKind, EventType, Factuality
from newsgraph.serving.cache import ViewCache
from newsgraph.store import Store


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_cache(request: Request) -> ViewCache:
    cache: ViewCache = request.app.state.cache
    return cache


CacheDep = Annotated[ViewCache, Depends(get_cache)]
Since = Annotated[str | None, Query(description="From this date: 2024, 2024-06 or 2024-06-18.")]
Until = Annotated[str | None, Query(description="Up to and including this date (or period).")]


DocId = Annotated[str | None, Query(description="Only this document.")]


def document_query(
    outlet: Annotated[str | None, Query(description="Outlet name contains this.")] = None,
    since: Since = None,
    until: Until = None,
    search: Annotated[
        str | None, Query(description='Full-text query (as /api/search): all words, "a phrase", OR, -word.')
    ] = None,
) -> DocumentQuery:
    """The filters of a document listing; the route sets the page (limit, offset)."""
    return DocumentQuery(outlet=outlet, since=since, until=until, search=search)


def claim_query(
    source: Annotated[str | None, Query(description="Source words, actor name or actor id.")] = None,
    kind: Annotated[ClaimKind | None, Query(description="The kind of claim.")] = None,
    since: Since = None,
    doc_id: DocId = None,
) -> ClaimQuery:
    """The filters of a claim listing."""
    return ClaimQuery(source=source, kind=kind.value if kind else None, since=since, doc_id=doc_id)


def event_query(
    actor: Annotated[str | None, Query(description="Source or target: country code, id or name.")] = None,
    event_type: Annotated[EventType | None, Query(description="PLOVER event type.")] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    since: Since = None,
    until: Until = None,
    doc_id: DocId = None,
) -> EventQuery:
    """The filters of an event listing (events, their TSV, the timeline)."""
    return EventQuery(
        actor=actor,
        event_type=event_type.value if event_type else None,
        factuality=factuality.value if factuality else None,
        since=since,
        until=until,
        doc_id=doc_id,
    )


DocumentFilters = Annotated[DocumentQuery, Depends(document_query)]
ClaimFilters = Annotated[ClaimQuery, Depends(claim_query)]
EventFilters = Annotated[EventQuery, Depends(event_query)]
