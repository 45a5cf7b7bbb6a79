"""Streaming every stored record for exports, in pages, so memory stays flat and no cursor is held open."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import Engine, Table, select

from newsgraph.errors import ConfigError
from newsgraph.records import RECORD_TYPES, Record
from newsgraph.store import rows, schema

# Documents per page: each page costs one query per record type.
_PAGE = 200


def check_types(types: Sequence[str]) -> tuple[str, ...]:
    unknown = [t for t in types if t not in RECORD_TYPES]
    if unknown:
        raise ConfigError(f"unknown record types {unknown}; choose from {', '.join(RECORD_TYPES)}")
    return tuple(types)


def iter_records(engine: Engine, types: Sequence[str]) -> Iterator[Record]:
    wanted = check_types(types)
    children = [(kind, table) for kind, table in schema.CHILD_TABLES.items() if kind in wanted]
    if "document" in wanted or children:
        yield from _documents(engine, "document" in wanted, children)
    if "error" in wanted:
        yield from _failures(engine)


def _documents(engine: Engine, with_documents: bool, children: list[tuple[str, Table]]) -> Iterator[Record]:
    table = schema.documents
    after = ""
    while True:
        # Keyset paging on doc_id: stable while other writers add documents, and cheap at any depth.
        columns = (table.c.doc_id, table.c.text, table.c.record) if with_documents else (table.c.doc_id,)
        query = select(*columns).where(table.c.doc_id > after).order_by(table.c.doc_id).limit(_PAGE)
        with engine.connect() as conn:
            page = [r._mapping for r in conn.execute(query)]
            if not page:
                return
            ids = [r["doc_id"] for r in page]
            owned: dict[str, list[Record]] = defaultdict(list)
            for _kind, child in children:
                child_query = (
                    select(child.c.doc_id, child.c.record)
                    .where(child.c.doc_id.in_(ids))
                    .order_by(child.c.doc_id, child.c.seq)
                )
                for child_row in conn.execute(child_query):
                    owned[child_row.doc_id].append(rows.record_from(child_row._mapping))
        for row in page:
            if with_documents:
                yield rows.document_from(row)
            yield from owned.get(row["doc_id"], ())
        after = ids[-1]


def _failures(engine: Engine) -> Iterator[Record]:
    table = schema.failures
    after = 0
    while True:
        query = select(table).where(table.c.row_id > after).order_by(table.c.row_id).limit(_PAGE * 5)
        with engine.connect() as conn:
            page = [r._mapping for r in conn.execute(query)]
        if not page:
            return
        for row in page:
            yield rows.failure_from(row)
        after = page[-1]["row_id"]
