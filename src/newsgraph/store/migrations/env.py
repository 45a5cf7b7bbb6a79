"""Alembic environment: always handed an open connection by ``newsgraph.store.engine.migrate``."""

from __future__ import annotations

from alembic import context

from newsgraph.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through newsgraph.store.Store.open(url), which supplies a connection")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
