"""Reads that list records: documents, claims and events by a query object, full-text search, one
document with everything extracted from it, and the failures."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, Select, func, or_, select

from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.records import Analysis, Claim, Document, Entity, Event, Failure, Record, Timex
from newsgraph.store import rows, schema
from newsgraph.store import search as fulltext
from newsgraph.store.bulk import chunks
from newsgraph.store.dates import like
from newsgraph.store.searchquery import parse_query

T = TypeVar("T")


def _kind(kind: str) -> fulltext.Kind:
    for known in fulltext.KINDS:
        if kind == known:
            return known
    raise ConfigError(f"search covers {', '.join(fulltext.KINDS)}, not {kind!r}")


def _actor_sides(actor: str) -> ColumnElement[bool]:
    table = schema.events
    sides = []
    for side in ("source", "target"):
        sides += [
            table.c[f"{side}_country"] == actor.upper(),
            like(table.c[f"{side}_actor_id"], actor),
            like(table.c[f"{side}_actor_name"], actor),
            like(table.c[f"{side}_text"], actor),
        ]
    return or_(*sides)


def event_select(query: EventQuery) -> Select[Any]:
    """The SQL of an event listing: its filters, in date order (the event's, else its document's)."""
    table = schema.events
    found = select(table.c.record)
    if query.actor:
        found = found.where(_actor_sides(query.actor))
    if query.event_type:
        found = found.where(table.c.event_type == query.event_type)
    if query.factuality:
        found = found.where(table.c.factuality == query.factuality)
    if query.start:
        found = found.where(table.c.day >= query.start)
    if query.end:
        found = found.where(table.c.day < query.end)
    if query.doc_id:
        found = found.where(table.c.doc_id == query.doc_id)
    order = (table.c.day.nulls_last(), table.c.doc_id, table.c.seq)
    return found.order_by(*order).limit(query.limit).offset(query.offset)


def claim_select(query: ClaimQuery) -> Select[Any]:
    """The SQL of a claim listing: its filters, in document-date order."""
    table = schema.claims
    found = select(table.c.record)
    if query.source:
        sources = (table.c.source_text, table.c.source_actor_name, table.c.source_actor_id)
        found = found.where(or_(*(like(column, query.source) for column in sources)))
    if query.kind:
        found = found.where(table.c.kind == query.kind)
    if query.start:
        found = found.where(table.c.published >= query.start)
    if query.end:
        found = found.where(table.c.published < query.end)
    if query.doc_id:
        found = found.where(table.c.doc_id == query.doc_id)
    order = (table.c.published.nulls_last(), table.c.doc_id, table.c.seq)
    return found.order_by(*order).limit(query.limit).offset(query.offset)


class Listings:
    """Mixed into :class:`~newsgraph.store.Store`: the reads that list records."""

    _engine: Engine

    def _rows(self, query: Select[Any], build: Callable[[Any], T]) -> list[T]:
        with self._engine.connect() as conn:
            return [build(row._mapping) for row in conn.execute(query)]

    def documents(self, query: DocumentQuery | None = None) -> list[Document]:
        """Documents, newest first; with a full-text ``search``, its matches best first."""
        query = query or DocumentQuery()
        table = schema.documents
        found = select(table.c.text, table.c.record)
        hits = None
        if query.search:
            hits = fulltext.ranked(self._engine.dialect.name, parse_query(query.search), "document")
            found = found.join(hits, hits.c.key == table.c.doc_id)
        if query.outlet:
            found = found.where(like(table.c.outlet, query.outlet))
        if query.start:
            found = found.where(table.c.published >= query.start)
        if query.end:
            found = found.where(table.c.published < query.end)
        newest = (table.c.published.desc().nulls_last(), table.c.doc_id)
        found = found.order_by(hits.c.rank.desc(), *newest) if hits is not None else found.order_by(*newest)
        return self._rows(found.limit(query.limit).offset(query.offset), rows.document_from)

    def claims(self, query: ClaimQuery | None = None) -> list[Claim]:
        """Claims in document-date order; ``source`` matches the source's text, actor name or actor id."""
        found = self._rows(claim_select(query or ClaimQuery()), rows.record_from)
        return [r for r in found if isinstance(r, Claim)]

    def events(self, query: EventQuery | None = None) -> list[Event]:
        """Events in date order (the event's, else its document's); ``actor`` matches source or target."""
        found = self._rows(event_select(query or EventQuery()), rows.record_from)
        return [r for r in found if isinstance(r, Event)]

    def search(
        self, query: str, *, kind: str = "document", limit: int | None = 20, offset: int = 0
    ) -> list[fulltext.SearchHit]:
        """Records of ``kind`` (document, claim, event) matching a full-text ``query``, best first, each with
        its matches marked in its title and text."""
        with self._engine.connect() as conn:
            return fulltext.hits(conn, parse_query(query), _kind(kind), limit, offset)

    def count_matches(self, query: str, *, kind: str = "document") -> int:
        """How many records of ``kind`` match a full-text ``query``."""
        with self._engine.connect() as conn:
            return fulltext.count(conn, parse_query(query), _kind(kind))

    def documents_by_id(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        """The stored documents with these ids (missing ones left out), by id."""
        table = schema.documents
        found: dict[str, Document] = {}
        for chunk in chunks(sorted(set(doc_ids))):
            query = select(table.c.text, table.c.record).where(table.c.doc_id.in_(chunk))
            for doc in self._rows(query, rows.document_from):
                found[doc.doc_id] = doc
        return found

    def count_documents(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(schema.documents)) or 0)

    def get(self, doc_id: str) -> Analysis:
        """One document and everything extracted from it."""
        table = schema.documents
        with self._engine.connect() as conn:
            row = conn.execute(select(table.c.text, table.c.record).where(table.c.doc_id == doc_id)).first()
            if row is None:
                raise NotFoundError(f"no document {doc_id!r} in the store; list stored ones to find its id")
            parts: dict[str, list[Record]] = {}
            for kind, child in schema.CHILD_TABLES.items():
                query = select(child.c.record).where(child.c.doc_id == doc_id).order_by(child.c.seq)
                parts[kind] = [rows.record_from(r._mapping) for r in conn.execute(query)]
        return Analysis(
            document=rows.document_from(row._mapping),
            entities=tuple(r for r in parts["entity"] if isinstance(r, Entity)),
            timexes=tuple(r for r in parts["timex"] if isinstance(r, Timex)),
            claims=tuple(r for r in parts["claim"] if isinstance(r, Claim)),
            events=tuple(r for r in parts["event"] if isinstance(r, Event)),
        )

    def failures(self, *, limit: int | None = 100) -> list[Failure]:
        """Documents that could not be processed, latest first."""
        table = schema.failures
        query = select(table).order_by(table.c.created_at.desc(), table.c.row_id.desc()).limit(limit)
        return self._rows(query, rows.failure_from)
