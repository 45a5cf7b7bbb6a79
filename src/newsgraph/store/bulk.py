"""Many new rows at once: COPY on PostgreSQL (psycopg's executemany sends one statement per row)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from sqlalchemy import Connection, Table, insert

from newsgraph.errors import StoreError
from newsgraph.store.rows import json_text

if TYPE_CHECKING:
    import psycopg

# JSON columns, written as JSON text by COPY
_JSON_COLUMNS = frozenset({"record"})
# Rows per multi-row INSERT / IN list: far below SQLite's 32766 and PostgreSQL's 65535 bound parameters.
CHUNK = 500
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def copy_rows(conn: Connection, table: Table, batch: Sequence[dict[str, Any]]) -> None:
    """Rows through COPY, on the same connection and inside the same transaction."""
    columns = list(batch[0])
    names = ", ".join(f'"{c}"' for c in columns)
    raw = cast("psycopg.Connection[Any] | None", conn.connection.dbapi_connection)
    if raw is None:
        raise StoreError("the database connection closed during a write; retry the batch")
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in batch:
            copy.write_row([json_text(row[c]) if c in _JSON_COLUMNS else row[c] for c in columns])


def insert_rows(conn: Connection, table: Table, batch: Sequence[dict[str, Any]]) -> None:
    """Insert new rows: COPY on PostgreSQL, one executemany elsewhere."""
    if not batch:
        return
    if conn.dialect.name == "postgresql":
        copy_rows(conn, table, batch)
    else:
        conn.execute(insert(table), list(batch))
