"""The Store: idempotent writes of analyses and failures, and the queries the CLI, API and analysis use."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    delete,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from newsgraph.errors import ConfigError, NotFoundError, StoreError, StoreMissingError
from newsgraph.incidents import load_rules
from newsgraph.periods import parse_period, period_end
from newsgraph.records import (
    Analysis,
    Claim,
    ClaimKind,
    Document,
    Entity,
    Event,
    EventType,
    Factuality,
    Failure,
    Record,
    Timex,
)
from newsgraph.store import incidents, rows, schema
from newsgraph.store import search as fulltext
from newsgraph.store.bulk import insert_rows
from newsgraph.store.dates import like as _like
from newsgraph.store.engine import check_exists, current_revision, migrate, normalise_url
from newsgraph.store.engine import create as create_engine
from newsgraph.store.reading import iter_records
from newsgraph.store.searchquery import parse_query
from newsgraph.store.views import STALE_MESSAGE, Views, log
from newsgraph.vocabulary import choose

# Rows per multi-row INSERT / IN list: far below SQLite's 32766 and PostgreSQL's 65535 bound parameters.
_CHUNK = 500
_DEADLOCK_RETRIES = 3
_OPEN_RETRIES = 20
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one :meth:`Store.write` did: documents added, already stored, replaced (force), failures kept."""

    new: int = 0
    skipped: int = 0
    replaced: int = 0
    failed: int = 0

    def __add__(self, other: WriteResult) -> WriteResult:
        return WriteResult(
            self.new + other.new,
            self.skipped + other.skipped,
            self.replaced + other.replaced,
            self.failed + other.failed,
        )


def _chunks(items: Sequence[T], size: int = _CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _kind(kind: str) -> fulltext.Kind:
    for known in fulltext.KINDS:
        if kind == known:
            return known
    raise ConfigError(f"search covers {', '.join(fulltext.KINDS)}, not {kind!r}")


def _check_owner(analysis: Analysis) -> None:
    doc_id = analysis.document.doc_id
    for record in analysis.records():
        if record.doc_id != doc_id:
            raise StoreError(
                f"the analysis of {doc_id!r} holds a {record.type} of {record.doc_id!r}; "
                "every record in an Analysis must carry its document's doc_id"
            )


def _deadlocked(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) == "40P01"


class Store(Views):
    """Documents and everything extracted from them, in SQLite or PostgreSQL, behind one API of records."""

    def __init__(self, engine: Engine, url: str, *, created: bool = False) -> None:
        self._engine = engine
        self.url = url
        self.created = created  # this open made the store: the database had no newsgraph schema
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Store:
        """Open the store at ``url`` (a SQLite path, or a database URL), migrating it to this version.

        With ``create`` (the default) a missing database, or one without newsgraph's tables, is made into
        a new store. Without it, nothing is created: StoreMissingError, and no file or folder appears.
        """
        normalised = normalise_url(url)
        shown = make_url(normalised).render_as_string(hide_password=True)
        if not create:
            check_exists(normalised)
        engine = create_engine(normalised)
        try:
            for attempt in range(_OPEN_RETRIES + 1):
                try:
                    current = current_revision(engine)
                    if current is None and not create:
                        raise StoreMissingError(
                            f"{shown} holds no newsgraph store; check --db (or NEWSGRAPH_DB), or make one "
                            "with `newsgraph ingest PATH --db ...`"
                        )
                    migrate(engine)
                    break
                except OperationalError as exc:
                    # Processes opening a new SQLite file at once race to switch it to WAL, and a migration's
                    # read-then-write transaction loses to another's: SQLite answers "database is locked" at
                    # once, without waiting. Another try, once the winner's migrations are done, finds them
                    # applied (four revisions take a few seconds on a busy machine, hence the patience).
                    if "database is locked" not in str(exc.orig) or attempt == _OPEN_RETRIES:
                        raise
                    time.sleep(min(0.1 * (attempt + 1), 1.0))
        except StoreError:
            engine.dispose()
            raise
        except OperationalError as exc:
            engine.dispose()
            raise StoreError(f"cannot open the store at {shown}: {exc.orig}; check URL and server") from exc
        store = cls(engine, normalised, created=current is None)
        if store.incidents_stale():
            log.warning(STALE_MESSAGE)
        return store

    def __repr__(self) -> str:
        return f"Store({make_url(self.url).render_as_string(hide_password=True)!r})"

    @property
    def location(self) -> str:
        """Where the store is, for people: a SQLite file's path, else the URL without its password."""
        parsed = make_url(self.url)
        if parsed.get_backend_name() == "sqlite":
            return parsed.database or ":memory:"
        return parsed.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these documents are stored."""
        ids = sorted(set(doc_ids))
        found: set[str] = set()
        with self._engine.connect() as conn:
            for chunk in _chunks(ids):
                query = select(schema.documents.c.doc_id).where(schema.documents.c.doc_id.in_(chunk))
                found.update(conn.scalars(query))
        return found

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """content_hash -> doc_id for the hashes already stored (the original, not a marked duplicate)."""
        wanted = sorted({h for h in hashes if h})
        found: dict[str, str] = {}
        table = schema.documents
        with self._engine.connect() as conn:
            for chunk in _chunks(wanted):
                query = (
                    select(table.c.content_hash, table.c.doc_id)
                    .where(table.c.content_hash.in_(chunk))
                    .order_by(table.c.duplicate_of.is_not(None), table.c.doc_id)
                )
                for content_hash, doc_id in conn.execute(query):
                    found.setdefault(content_hash, doc_id)
        return found

    def near_candidates(self, wanted: Iterable[str]) -> dict[str, tuple[set[str], bytes]]:
        """Stored documents in any of these LSH buckets: doc_id -> (which of the buckets, its signature).

        What :class:`~newsgraph.extract.dedup.Duplicates` asks to find near-duplicates among every
        document stored before this run.
        """
        found: dict[str, tuple[set[str], bytes]] = {}
        near, sigs = schema.near_buckets, schema.near_signatures
        with self._engine.connect() as conn:
            for chunk in _chunks(sorted(set(wanted))):
                query = (
                    select(near.c.doc_id, near.c.bucket, sigs.c.signature)
                    .join(sigs, sigs.c.doc_id == near.c.doc_id)
                    .where(near.c.bucket.in_(chunk))
                )
                for doc_id, bucket, signature in conn.execute(query):
                    found.setdefault(doc_id, (set(), bytes(signature)))[0].add(bucket)
        return found

    def write(
        self, analyses: Sequence[Analysis], failures: Sequence[Failure] = (), *, force: bool = False
    ) -> WriteResult:
        """Store a batch in one transaction; documents already stored are skipped unless ``force``."""
        for attempt in range(_DEADLOCK_RETRIES + 1):
            try:
                return self._write(analyses, failures, force=force)
            except DBAPIError as exc:
                # Sorted keys make deadlocks between writers rare; if one happens PostgreSQL aborts one side.
                if _deadlocked(exc) and attempt < _DEADLOCK_RETRIES:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise StoreError(f"writing {len(analyses)} documents failed: {exc.orig}") from exc
        raise AssertionError("unreachable")

    def _write(
        self, analyses: Sequence[Analysis], failures: Sequence[Failure], *, force: bool
    ) -> WriteResult:
        batch: dict[str, Analysis] = {}
        for analysis in analyses:
            _check_owner(analysis)
            batch.setdefault(analysis.document.doc_id, analysis)
        repeated = len(analyses) - len(batch)
        # One lock order for every writer: concurrent batches then wait for each other instead of deadlocking.
        ids = sorted(batch)
        with self._engine.connect().execution_options(newsgraph_write=True) as conn, conn.begin():
            unlinked = incidents.stored_items(conn, ids) if force else []
            removed = self._delete(conn, ids) if force else set()
            added = self._insert_documents(conn, [batch[i].document for i in ids])
            self._insert_children(conn, [batch[i] for i in ids if i in added])
            fulltext.index(conn, [i for i in ids if i in added])
            self._index_near(conn, [batch[i].document for i in ids if i in added])
            rules = load_rules()
            linked = [
                item
                for i in ids
                if i in added
                for item in incidents.items_of(batch[i].document, batch[i].events, rules)
            ]
            incidents.link(conn, linked, unlinked, rules)
            incidents.bump_version(conn)
            # A document that is stored now has no failure any more, whether or not this batch added it.
            for chunk in _chunks(ids):
                conn.execute(delete(schema.failures).where(schema.failures.c.doc_id.in_(chunk)))
            kept = [f for f in failures if f.doc_id not in batch]
            self._upsert_failures(conn, kept)
        replaced = len(added & removed)
        new = len(added) - replaced
        skipped = len(ids) - len(added) + repeated
        return WriteResult(new=new, skipped=skipped, replaced=replaced, failed=len(kept))

    def _delete(self, conn: Connection, ids: Sequence[str]) -> set[str]:
        removed: set[str] = set()
        for chunk in _chunks(ids):
            fulltext.unindex(conn, chunk)
            for table in (*schema.CHILD_TABLES.values(), *schema.NEAR_TABLES, schema.failures):
                conn.execute(delete(table).where(table.c.doc_id.in_(chunk)))
            query = delete(schema.documents).where(schema.documents.c.doc_id.in_(chunk))
            removed.update(conn.scalars(query.returning(schema.documents.c.doc_id)))
        return removed

    def _insert_documents(self, conn: Connection, documents: Sequence[Document]) -> set[str]:
        added: set[str] = set()
        for chunk in _chunks(documents, 200):
            # ON CONFLICT DO NOTHING without a target covers both keys: doc_id and the live content hash.
            statement = (
                self._insert(schema.documents)
                .values([rows.document_row(d) for d in chunk])
                .on_conflict_do_nothing()
                .returning(schema.documents.c.doc_id)
            )
            added.update(conn.scalars(statement))
        return added

    def _index_near(self, conn: Connection, documents: Sequence[Document]) -> None:
        # Imported here: datasketch loads scipy (half a second), which commands that only read never need.
        from newsgraph.extract.dedup import buckets, minhash, signature

        # Exact copies are not indexed: their original is, and a later copy of it finds that.
        signature_rows: list[dict[str, Any]] = []
        bucket_rows: list[dict[str, Any]] = []
        for doc in documents:
            if "exact-duplicate" in doc.flags or not doc.text.strip():
                continue
            sig = minhash(doc.text)
            signature_rows.append({"doc_id": doc.doc_id, "signature": signature(sig)})
            bucket_rows += [{"doc_id": doc.doc_id, "bucket": b} for b in buckets(sig)]
        if signature_rows:
            conn.execute(insert(schema.near_signatures), signature_rows)
            conn.execute(insert(schema.near_buckets), bucket_rows)

    def _insert_children(self, conn: Connection, analyses: Sequence[Analysis]) -> None:
        entity_rows: list[dict[str, Any]] = []
        timex_rows: list[dict[str, Any]] = []
        claim_rows: list[dict[str, Any]] = []
        event_rows: list[dict[str, Any]] = []
        for analysis in analyses:
            published = analysis.document.published
            entity_rows += [rows.entity_row(r, i) for i, r in enumerate(analysis.entities)]
            timex_rows += [rows.timex_row(r, i) for i, r in enumerate(analysis.timexes)]
            claim_rows += [rows.claim_row(r, i, published) for i, r in enumerate(analysis.claims)]
            event_rows += [rows.event_row(r, i, published) for i, r in enumerate(analysis.events)]
        for table, batch in (
            (schema.entities, entity_rows),
            (schema.timexes, timex_rows),
            (schema.claims, claim_rows),
            (schema.events, event_rows),
        ):
            insert_rows(conn, table, batch)

    def _upsert_failures(self, conn: Connection, failures: Sequence[Failure]) -> None:
        latest = {rows.failure_key(f): rows.failure_row(f) for f in failures}
        table = schema.failures
        for chunk in _chunks([latest[k] for k in sorted(latest)], 200):
            statement = self._insert(table).values(list(chunk))
            statement = statement.on_conflict_do_update(
                index_elements=[table.c.failure_key],
                set_={
                    "code": statement.excluded.code,
                    "message": statement.excluded.message,
                    "created_at": func.now(),
                },
            )
            conn.execute(statement)

    # -- reading ---------------------------------------------------------------------------------------

    def _rows(self, query: Select[Any], build: Callable[[Any], T]) -> list[T]:
        with self._engine.connect() as conn:
            return [build(row._mapping) for row in conn.execute(query)]

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[Document]:
        """Documents, newest first; ``outlet`` a case-insensitive substring; ``search`` a full-text query
        (see :mod:`newsgraph.store.searchquery`) whose matches come best first."""
        table = schema.documents
        query = select(table.c.text, table.c.record)
        hits = None
        if search:
            hits = fulltext.ranked(self._engine.dialect.name, parse_query(search), "document")
            query = query.join(hits, hits.c.key == table.c.doc_id)
        if outlet:
            query = query.where(_like(table.c.outlet, outlet))
        if since:
            query = query.where(table.c.published >= parse_period(since, "since"))
        if until:
            query = query.where(table.c.published < period_end(until, "until"))
        newest = (table.c.published.desc().nulls_last(), table.c.doc_id)
        query = query.order_by(hits.c.rank.desc(), *newest) if hits is not None else query.order_by(*newest)
        return self._rows(query.limit(limit).offset(offset), rows.document_from)

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
        for chunk in _chunks(sorted(set(doc_ids))):
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

    def claims(
        self,
        *,
        source: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[Claim]:
        """Claims in document-date order; ``source`` matches the source's text, actor name or actor id."""
        table = schema.claims
        query = select(table.c.record)
        if source:
            query = query.where(
                or_(
                    _like(table.c.source_text, source),
                    _like(table.c.source_actor_name, source),
                    _like(table.c.source_actor_id, source),
                )
            )
        if kind:
            query = query.where(table.c.kind == choose(kind, [k.value for k in ClaimKind], "kind"))
        if since:
            query = query.where(table.c.published >= parse_period(since, "since"))
        if doc_id:
            query = query.where(table.c.doc_id == doc_id)
        query = query.order_by(table.c.published.nulls_last(), table.c.doc_id, table.c.seq).limit(limit)
        return [r for r in self._rows(query, rows.record_from) if isinstance(r, Claim)]

    def events(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        factuality: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Events in date order (the event's, else its document's); ``actor`` matches source or target."""
        table = schema.events
        query = select(table.c.record)
        if actor:
            sides = []
            for side in ("source", "target"):
                sides += [
                    table.c[f"{side}_country"] == actor.upper(),
                    _like(table.c[f"{side}_actor_id"], actor),
                    _like(table.c[f"{side}_actor_name"], actor),
                    _like(table.c[f"{side}_text"], actor),
                ]
            query = query.where(or_(*sides))
        if event_type:
            typed = choose(event_type, [t.value for t in EventType], "type")
            query = query.where(table.c.event_type == typed)
        if factuality:
            wanted = choose(factuality, [f.value for f in Factuality], "factuality")
            query = query.where(table.c.factuality == wanted)
        if since:
            query = query.where(table.c.day >= parse_period(since, "since"))
        if until:
            query = query.where(table.c.day < period_end(until, "until"))
        if doc_id:
            query = query.where(table.c.doc_id == doc_id)
        query = query.order_by(table.c.day.nulls_last(), table.c.doc_id, table.c.seq).limit(limit)
        return [r for r in self._rows(query, rows.record_from) if isinstance(r, Event)]

    def iter_records(
        self, types: Sequence[str] = ("document", "entity", "timex", "claim", "event", "error")
    ) -> Iterator[Record]:
        """Every stored record, document by document (each followed by its own records), failures last."""
        return iter_records(self._engine, types)
