"""What every route needs: the open store (one per server process) and the paging parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from newsgraph.api.cache import ViewCache
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


def next_offset(offset: int, limit: int, fetched: int) -> int | None:
    """Callers fetch ``limit + 1`` rows: one more than a page means there is a next page."""
    return offset + limit if fetched > limit else None
