"""What every route needs, API and page alike: the open store (one per server process), the view cache,
and the date window parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

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
