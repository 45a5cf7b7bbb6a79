"""What API routes take besides the store: paging, the listing filters as one query object per kind, and
the refusal of parameters a route does not take."""

from __future__ import annotations

import difflib
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from newsgraph.errors import UnknownParameterError
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.records import ClaimKind, EventType, Factuality
from newsgraph.serving.context import CacheDep, Since, StoreDep, Until

__all__ = [
    "MAX_LIMIT",
    "CacheDep",
    "ClaimFilters",
    "DocumentFilters",
    "EventFilters",
    "Limit",
    "Offset",
    "Since",
    "StoreDep",
    "Until",
    "known_parameters",
    "next_offset",
]

MAX_LIMIT = 500
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
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


def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take: ignoring ``limit`` where there is no limit, or a
    misspelt filter, would answer as if the client had not asked."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    taken = _query_names(route.dependant)
    for name in request.query_params:
        if name not in taken:
            close = difflib.get_close_matches(name, sorted(taken), n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            takes = ", ".join(sorted(taken)) or "no query parameters"
            message = f"{route.path} does not take {name!r} (it takes {takes}){hint}"
            raise UnknownParameterError(message)


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def next_offset(offset: int, limit: int, fetched: int) -> int | None:
    """Callers fetch ``limit + 1`` rows: one more than a page means there is a next page."""
    return offset + limit if fetched > limit else None
