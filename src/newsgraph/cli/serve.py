"""`newsgraph serve`: the API and the dashboard in one process."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli.options import DbOption, read_store, settings
from newsgraph.cli.output import fail, stderr
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on (0.0.0.0 for all).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    max_body: Annotated[
        int, typer.Option("--max-body", help="Refuse request bodies over this many bytes.")
    ] = (2_000_000),
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the web dashboard (/) over the store.

    Read-only unless the environment sets NEWSGRAPH_API_TOKEN, which enables POST /api/ingest; a
    read-only server needs an existing store (E-STORE-MISSING otherwise), one with ingest may start one.

    Example: newsgraph serve --db demo.db --port 8000
    """
    import os

    import uvicorn

    from newsgraph.server import TOKEN_ENV, create_app
    from newsgraph.store import Store

    token = os.environ.get(TOKEN_ENV) or None
    try:
        # A read-only server must not quietly serve a new, empty store from a mistyped --db; with ingest
        # enabled the server is a writer, and may start one.
        store = Store.open(settings(db).db) if token else read_store(db)
        if store.created:
            stderr.print(f"created a new store at {store.location}", highlight=False)
        server_app = create_app(store, token=token, max_body=max_body)
    except NewsgraphError as err:
        raise fail(err) from err
    ingest = "enabled" if server_app.state.token else f"disabled (set {TOKEN_ENV} to enable)"
    stderr.print(
        f"newsgraph on http://{host}:{port}/ · API at /api, docs at /docs · ingest {ingest}", highlight=False
    )
    uvicorn.run(server_app, host=host, port=port, log_level="warning")
