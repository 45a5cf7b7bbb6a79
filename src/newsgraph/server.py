"""The server: the JSON API under /api, the dashboard pages at /, OpenAPI at /openapi.json and /docs.

The one module above both ``api`` and ``web``: it mounts them side by side, and neither imports the other."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from newsgraph import __version__, api
from newsgraph import web as dashboard
from newsgraph.api.limits import DEFAULT_MAX_BODY, BodyLimit
from newsgraph.api.routers import network
from newsgraph.serving import errors
from newsgraph.serving.cache import ViewCache
from newsgraph.store import Store
from newsgraph.web import pages

TOKEN_ENV = "NEWSGRAPH_API_TOKEN"


def create_app(
    store: Store | None = None,
    *,
    db: str | None = None,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    web: bool = True,
    warm: bool = True,
) -> FastAPI:
    """An app over ``store`` (else the store at ``db``); ``token`` (else $NEWSGRAPH_API_TOKEN) enables ingest.

    A store passed in belongs to the caller; a store opened from ``db`` is closed when the app shuts down.
    With ``warm``, the dashboard's first pages and the default network are computed when the server
    starts, before it answers (they are kept until the store's next write).
    """
    owned = store is None
    opened = store if store is not None else Store.open(db)

    @asynccontextmanager
    async def lifespan(started: FastAPI) -> AsyncIterator[None]:
        if warm:
            # the busiest views, computed before the first client comes (then kept until a write)
            await asyncio.to_thread(warm_up, started)
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who did what to whom, who said what, when: the store of analysed news, read-only "
        "except for the token-protected ingest endpoint.",
        lifespan=lifespan,
        # The stock /docs pages load their scripts from a CDN; the dashboard serves its own reference.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = opened
    app.state.cache = ViewCache()
    app.state.token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app.state.pipeline = None
    errors.install(app, page=pages.render_error if web else None)
    app.add_middleware(BodyLimit, max_body=max_body)
    api.mount(app)
    if web:
        dashboard.mount(app)
    return app


def warm_up(app: FastAPI) -> None:
    """Compute the default views into the app's cache; a failure only costs the first client the wait."""
    store, cache = app.state.store, app.state.cache
    try:
        network.get_network(store, cache)
        pages.home(store, cache)
        pages.timeline_page(store, cache)
        pages.network_page(store, cache)
    except Exception:  # the server must start even if a view cannot be computed now
        logging.getLogger(__name__).exception("warming the views failed; they will be computed on request")
