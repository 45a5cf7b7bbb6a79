"""The HTTP API (FastAPI) over the store and the analysis library: one router per resource under /api.

``newsgraph.server.create_app`` mounts it beside the dashboard."""

from __future__ import annotations

from fastapi import Depends, FastAPI

from newsgraph.api.context import known_parameters
from newsgraph.api.routers import (
    actors,
    claims,
    clusters,
    documents,
    entities,
    events,
    incidents,
    ingest,
    network,
    overview,
    roundup,
    search,
    timeline,
)

ROUTERS = (
    overview,
    documents,
    entities,
    actors,
    claims,
    events,
    incidents,
    timeline,
    network,
    roundup,
    clusters,
    search,
    ingest,
)


def mount(app: FastAPI) -> None:
    """Add every resource under /api; each refuses query parameters it does not take."""
    for module in ROUTERS:
        app.include_router(module.router, prefix="/api", dependencies=[Depends(known_parameters)])


__all__ = ["ROUTERS", "mount"]
