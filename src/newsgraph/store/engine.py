"""Database URLs, engines and migrations: the only place that knows SQLite from PostgreSQL at connect time."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from newsgraph.errors import ConfigError, StoreError, StoreMissingError
from newsgraph.store.rows import json_text

DEFAULT_URL = "sqlite:///newsgraph.db"
# Any constant works; it names the lock two processes take before migrating the same PostgreSQL database.
_MIGRATION_LOCK = 0x6E657773  # "news"
# How long a SQLite writer waits for another writer's transaction before giving up.
_SQLITE_BUSY_MS = 60_000


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from None, a file path or a URL (``postgresql://`` becomes psycopg 3)."""
    if url is None:
        return DEFAULT_URL
    if "://" not in url:
        if url == ":memory:":
            return "sqlite://"
        return f"sqlite:///{Path(url).expanduser()}"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(f"not a database URL: {url!r}; give a file path or postgresql://host/db") from exc
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigError(f"unsupported database {parsed.drivername!r}; use a SQLite file or PostgreSQL")
    return parsed.render_as_string(hide_password=False)


def check_exists(url: str) -> None:
    """A SQLite file must be there already; connecting would create it (and its folder)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return  # a server says itself whether the database exists
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return
    if not Path(database).expanduser().is_file():
        raise StoreMissingError(
            f"no store at {database}: the file does not exist; check --db (or NEWSGRAPH_DB), "
            f"or make one with `newsgraph ingest PATH --db {database}`"
        )


def create(url: str) -> Engine:
    """An engine for a normalised URL, with SQLite set up for several processes sharing one file."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, json_serializer=json_text)
    if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, json_serializer=json_text, connect_args={"timeout": _SQLITE_BUSY_MS / 1000})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself, so writers can ask for BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_MS}")
    # WAL lets readers (the web dashboard) run while the pipeline writes.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A deferred transaction that reads and then writes can deadlock against another writer and fail at
    # once with "database is locked"; IMMEDIATE takes the write lock up front and waits for it instead.
    mode = "IMMEDIATE" if connection.get_execution_options().get("newsgraph_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("newsgraph.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(resources.files("newsgraph.store") / "migrations"))
    return ScriptDirectory.from_config(config)


def head_revision() -> str | None:
    return _scripts().get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; safe when several processes open a new database at once."""
    scripts = _scripts()
    head = scripts.get_current_head()
    current = current_revision(engine)
    if current == head:
        return
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(
            f"the database has schema revision {current!r}, unknown to this newsgraph; upgrade newsgraph"
        )
    with engine.connect().execution_options(newsgraph_write=True) as connection, connection.begin():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
        # Another process may have migrated while this one waited for the lock.
        if MigrationContext.configure(connection).get_current_revision() != head:
            command.upgrade(_alembic_config(connection), "head")
