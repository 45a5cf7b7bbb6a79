"""What API routes take besides the store and the listing filters (serving/context.py): paging, and
the refusal of parameters a route does not take."""

from __future__ import annotations

import difflib
from typing import Annotated

from fastapi import Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from newsgraph.errors import UnknownParameterError
from newsgraph.serving.context import (
    CacheDep,
    ClaimFilters,
    DocumentFilters,
    EventFilters,
    Since,
    StoreDep,
    Until,
)

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
