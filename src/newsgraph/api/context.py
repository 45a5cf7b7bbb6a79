"""What every route needs: the open store (one per server process) and the paging parameters."""

from __future__ import annotations

import difflib
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from newsgraph.api.cache import ViewCache
from newsgraph.api.errors import ApiError
from newsgraph.store import Store

MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def get_cache(request: Request) -> ViewCache:
    cache: ViewCache = request.app.state.cache
    return cache


CacheDep = Annotated[ViewCache, Depends(get_cache)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]
Since = Annotated[str | None, Query(description="From this date: 2024, 2024-06 or 2024-06-18.")]
Until = Annotated[str | None, Query(description="Up to and including this date (or period).")]


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
            raise ApiError(400, "E-VALIDATION", message)


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def next_offset(offset: int, limit: int, fetched: int) -> int | None:
    """Callers fetch ``limit + 1`` rows: one more than a page means there is a next page."""
    return offset + limit if fetched > limit else None
