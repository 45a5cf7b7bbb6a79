"""The dashboard: server-rendered pages over the same query functions as the API, scripts shipped here."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph.web.incident_pages import router as incident_router
from newsgraph.web.pages import router


def mount(app: FastAPI) -> None:
    """Add the pages and /static to ``app``."""
    app.include_router(router)
    app.include_router(incident_router)
    static = resources.files("newsgraph.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
