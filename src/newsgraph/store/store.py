"""The Store: opening and migrating, idempotent writes of analyses and failures; its reads are mixed in."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from newsgraph.errors import StoreError, StoreMissingError
from newsgraph.incidents import load_rules
from newsgraph.records import (
    Analysis,
    Document,
    Failure,
    Record,
)
from newsgraph.store import incidents, rows, schema
from newsgraph.store import search as fulltext
from newsgraph.store.bulk import chunks as _chunks
from newsgraph.store.bulk import insert_rows
from newsgraph.store.engine import check_exists, current_revision, migrate, normalise_url
from newsgraph.store.engine import create as create_engine
from newsgraph.store.listings import Listings
from newsgraph.store.reading import iter_records
from newsgraph.store.views import STALE_MESSAGE, Views, log

_DEADLOCK_RETRIES = 3
_OPEN_RETRIES = 20


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


class Store(Listings, Views):
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

    # -- reading (the listings are in store/listings.py, the incident views in store/views.py) ----------

    def iter_records(
        self, types: Sequence[str] = ("document", "entity", "timex", "claim", "event", "error")
    ) -> Iterator[Record]:
        """Every stored record, document by document (each followed by its own records), failures last."""
        return iter_records(self._engine, types)
