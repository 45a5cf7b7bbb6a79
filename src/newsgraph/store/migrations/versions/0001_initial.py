"""Initial schema: documents, their entities, timexes, claims and events, and failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

RecordJSON = sa.JSON().with_variant(JSONB(), "postgresql")
IsoDate = sa.String().with_variant(sa.String(collation="C"), "postgresql")
RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
LIVE_HASH = "content_hash <> '' AND duplicate_of IS NULL"


def _child(name: str, *columns: sa.Column, indexes: tuple[tuple[str, str], ...]) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("row_id", RowId, primary_key=True, autoincrement=True),
        sa.Column(
            "doc_id",
            sa.String(),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE", name=f"fk_{name}_doc_id"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        *columns,
        sa.Column("record", RecordJSON, nullable=False),
        sa.UniqueConstraint("doc_id", "seq", name=f"uq_{name}_doc_seq"),
    )
    for index, column in indexes:
        op.create_index(index, name, [column])


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(), primary_key=True),
        sa.Column("content_hash", sa.String(), nullable=False, server_default=""),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String()),
        sa.Column("published", IsoDate),
        sa.Column("language", sa.String()),
        sa.Column("url", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("duplicate_of", sa.String()),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.Column("record", RecordJSON, nullable=False),
    )
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index(
        "ux_documents_content_hash",
        "documents",
        ["content_hash"],
        unique=True,
        sqlite_where=sa.text(LIVE_HASH),
        postgresql_where=sa.text(LIVE_HASH),
    )
    _child(
        "entities",
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("actor_id", sa.String()),
        sa.Column("actor_name", sa.Text),
        sa.Column("actor_country", sa.String()),
        indexes=(("ix_entities_label", "label"), ("ix_entities_actor_id", "actor_id")),
    )
    _child(
        "timexes",
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("value", IsoDate, nullable=False),
        sa.Column("end_value", IsoDate),
        indexes=(("ix_timexes_value", "value"),),
    )
    _child(
        "claims",
        sa.Column("claim_id", sa.String(), nullable=False),
        sa.Column("source_text", sa.Text),
        sa.Column("source_actor_id", sa.String()),
        sa.Column("source_actor_name", sa.Text),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("cue", sa.Text, nullable=False),
        sa.Column("direct", sa.Boolean, nullable=False),
        sa.Column("published", IsoDate),
        indexes=(
            ("ix_claims_kind", "kind"),
            ("ix_claims_source_actor_id", "source_actor_id"),
            ("ix_claims_published", "published"),
        ),
    )
    _child(
        "events",
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("factuality", sa.String(), nullable=False),
        sa.Column("source_text", sa.Text),
        sa.Column("source_actor_id", sa.String()),
        sa.Column("source_actor_name", sa.Text),
        sa.Column("source_country", sa.String()),
        sa.Column("target_text", sa.Text),
        sa.Column("target_actor_id", sa.String()),
        sa.Column("target_actor_name", sa.Text),
        sa.Column("target_country", sa.String()),
        sa.Column("date_value", IsoDate),
        sa.Column("day", IsoDate),
        sa.Column("claim_id", sa.String()),
        indexes=(
            ("ix_events_event_type", "event_type"),
            ("ix_events_factuality", "factuality"),
            ("ix_events_source_country", "source_country"),
            ("ix_events_target_country", "target_country"),
            ("ix_events_day", "day"),
        ),
    )
    op.create_table(
        "failures",
        sa.Column("row_id", RowId, primary_key=True, autoincrement=True),
        sa.Column("failure_key", sa.String(), nullable=False),
        sa.Column("doc_id", sa.String(), nullable=False),
        sa.Column("path", sa.Text),
        sa.Column("line", sa.Integer),
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.UniqueConstraint("failure_key", name="uq_failures_failure_key"),
    )
    op.create_index("ix_failures_doc_id", "failures", ["doc_id"])


def downgrade() -> None:
    for table in ("failures", "events", "claims", "timexes", "entities", "documents"):
        op.drop_table(table)
