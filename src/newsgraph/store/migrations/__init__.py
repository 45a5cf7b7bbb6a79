"""Alembic migrations, run programmatically by :func:`newsgraph.store.engine.migrate`."""
