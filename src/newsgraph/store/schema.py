"""The tables: key columns to filter on, plus the full record as JSON so reading back is lossless.

The migrations in ``migrations/versions`` create exactly these tables; a test compares the two.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeEngine

metadata = MetaData()

# JSONB on PostgreSQL (compact, indexable); plain JSON text elsewhere.
RecordJSON: TypeEngine[Any] = JSON().with_variant(JSONB(), "postgresql")
# No string has a length limit: doc_ids are slugs of URLs that run to hundreds of characters, and an
# unbounded varchar costs PostgreSQL nothing more.
# Dates are ISO prefixes compared as strings; the C collation makes that byte order on any server locale.
IsoDate: TypeEngine[str] = String().with_variant(String(collation="C"), "postgresql")
# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets 64 bits for big corpora.
RowId: TypeEngine[int] = BigInteger().with_variant(Integer(), "sqlite")

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(), primary_key=True),
    Column("content_hash", String(), nullable=False, server_default=""),
    Column("title", Text),
    Column("outlet", String()),
    Column("published", IsoDate),
    Column("language", String()),
    Column("url", Text),
    Column("path", Text),
    Column("duplicate_of", String()),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("record", RecordJSON, nullable=False),  # to_dict() without "text", which has its own column
    Index("ix_documents_outlet", "outlet"),
    Index("ix_documents_published", "published"),
    # Same content under another doc_id is the same article, unless extract marked it a duplicate on purpose.
    Index(
        "ux_documents_content_hash",
        "content_hash",
        unique=True,
        sqlite_where=text("content_hash <> '' AND duplicate_of IS NULL"),
        postgresql_where=text("content_hash <> '' AND duplicate_of IS NULL"),
    ),
    Index("ix_documents_content_hash", "content_hash"),
)


def _child(name: str, *columns: Column[object], indexes: tuple[Index, ...] = ()) -> Table:
    """A table of records belonging to one document, in document order (``seq``)."""
    return Table(
        name,
        metadata,
        Column("row_id", RowId, primary_key=True, autoincrement=True),
        Column(
            "doc_id",
            String(),
            ForeignKey("documents.doc_id", ondelete="CASCADE", name=f"fk_{name}_doc_id"),
            nullable=False,
        ),
        Column("seq", Integer, nullable=False),
        *columns,
        Column("record", RecordJSON, nullable=False),
        UniqueConstraint("doc_id", "seq", name=f"uq_{name}_doc_seq"),
        *indexes,
    )


entities = _child(
    "entities",
    Column("label", String(), nullable=False),
    Column("text", Text, nullable=False),
    Column("actor_id", String()),
    Column("actor_name", Text),
    Column("actor_country", String()),
    indexes=(Index("ix_entities_label", "label"), Index("ix_entities_actor_id", "actor_id")),
)

timexes = _child(
    "timexes",
    Column("kind", String(), nullable=False),
    Column("value", IsoDate, nullable=False),
    Column("end_value", IsoDate),
    indexes=(Index("ix_timexes_value", "value"),),
)

claims = _child(
    "claims",
    Column("claim_id", String(), nullable=False),
    Column("source_text", Text),
    Column("source_actor_id", String()),
    Column("source_actor_name", Text),
    Column("kind", String(), nullable=False),
    Column("cue", Text, nullable=False),
    Column("direct", Boolean, nullable=False),
    Column("published", IsoDate),  # the document's date, copied so claim queries need no join
    indexes=(
        Index("ix_claims_kind", "kind"),
        Index("ix_claims_source_actor_id", "source_actor_id"),
        Index("ix_claims_published", "published"),
    ),
)

events = _child(
    "events",
    Column("event_id", String(), nullable=False),
    Column("event_type", String(), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("factuality", String(), nullable=False),
    Column("source_text", Text),
    Column("source_actor_id", String()),
    Column("source_actor_name", Text),
    Column("source_country", String()),
    Column("target_text", Text),
    Column("target_actor_id", String()),
    Column("target_actor_name", Text),
    Column("target_country", String()),
    Column("date_value", IsoDate),
    Column("day", IsoDate),  # the event's date when it has a calendar year, else the document's date
    Column("claim_id", String()),
    indexes=(
        Index("ix_events_event_type", "event_type"),
        Index("ix_events_factuality", "factuality"),
        Index("ix_events_source_country", "source_country"),
        Index("ix_events_target_country", "target_country"),
        Index("ix_events_day", "day"),
    ),
)

failures = Table(
    "failures",
    metadata,
    Column("row_id", RowId, primary_key=True, autoincrement=True),
    # One row per (doc_id, path, line): a failure seen again is updated, not repeated.
    Column("failure_key", String(), nullable=False),
    Column("doc_id", String(), nullable=False),
    Column("path", Text),
    Column("line", Integer),
    Column("code", String(), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("failure_key", name="uq_failures_failure_key"),
    Index("ix_failures_doc_id", "doc_id"),
)

# The near-duplicate index of stored documents, so a wire copy is caught in any later run, not only in the
# run that stored its original: each document's MinHash signature, and its LSH band buckets to look up.
near_signatures = Table(
    "near_signatures",
    metadata,
    Column(
        "doc_id",
        String(),
        ForeignKey("documents.doc_id", ondelete="CASCADE", name="fk_near_signatures_doc_id"),
        primary_key=True,
    ),
    Column("signature", LargeBinary, nullable=False),
)

near_buckets = Table(
    "near_buckets",
    metadata,
    Column("row_id", RowId, primary_key=True, autoincrement=True),
    Column(
        "doc_id",
        String(),
        ForeignKey("documents.doc_id", ondelete="CASCADE", name="fk_near_buckets_doc_id"),
        nullable=False,
    ),
    Column("bucket", String(), nullable=False),
    Index("ix_near_buckets_bucket", "bucket"),
    Index("ix_near_buckets_doc_id", "doc_id"),
)

NEAR_TABLES: tuple[Table, ...] = (near_buckets, near_signatures)

# Incident linking (newsgraph.incidents): each event as a link item, with the incident it belongs to, and
# the incidents themselves with the columns lists filter and count on.
incident_items = Table(
    "incident_items",
    metadata,
    Column("row_id", RowId, primary_key=True, autoincrement=True),
    Column(
        "doc_id",
        String(),
        ForeignKey("documents.doc_id", ondelete="CASCADE", name="fk_incident_items_doc_id"),
        nullable=False,
    ),
    Column("seq", Integer, nullable=False),  # the event's seq in the events table
    Column("event_id", String(), nullable=False),
    Column("block", String(), nullable=False),
    Column("orient", String(), nullable=False),
    Column("event_type", String(), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("basis", String(), nullable=False),
    Column("lo", Integer),  # proleptic ordinals of the first and last possible day
    Column("hi", Integer),
    Column("ref", Integer),
    Column("place", String()),
    Column("factuality", String(), nullable=False),
    Column("mentions", Integer, nullable=False),
    Column("source_key", String()),
    Column("source_name", Text),
    Column("target_key", String()),
    Column("target_name", Text),
    Column("outlet", String()),
    Column("published", IsoDate),
    Column("sentence", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("incident_id", String()),
    UniqueConstraint("doc_id", "seq", name="uq_incident_items_doc_seq"),
    Index("ix_incident_items_source", "quad_class", "source_key", "lo"),
    Index("ix_incident_items_target", "quad_class", "target_key", "lo"),
    Index("ix_incident_items_incident_id", "incident_id"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", String(), primary_key=True),
    Column("event_type", String(), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("source_key", String()),
    Column("source_name", Text),
    Column("target_key", String()),
    Column("target_name", Text),
    Column("date_from", IsoDate),
    Column("date_to", IsoDate),
    Column("place", String()),
    Column("mentions", Integer, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("first_doc_id", String(), nullable=False),
    Column("first_published", IsoDate),
    Column("stance", String(), nullable=False),  # the first report's outlet's stance, for quick lists
    Column("record", RecordJSON, nullable=False),
    Index("ix_incidents_date_from", "date_from"),
    Index("ix_incidents_event_type", "event_type"),
    Index("ix_incidents_source_key", "source_key"),
    Index("ix_incidents_target_key", "target_key"),
    Index("ix_incidents_n_outlets", "n_outlets"),
)

# Small facts about the store as a whole: "version" counts writes (views cache their answers until it
# moves), "incidents" is "stale" in a store made before incidents were linked, until a rebuild.
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(), primary_key=True),
    Column("value", String(), nullable=False),
)

INCIDENT_TABLES: tuple[Table, ...] = (incident_items, incidents)

CHILD_TABLES: dict[str, Table] = {"entity": entities, "timex": timexes, "claim": claims, "event": events}
