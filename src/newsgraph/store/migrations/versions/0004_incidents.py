"""Incidents: each event as a link item with the incident it belongs to, the incidents, and store state.

Documents stored before this revision get no incidents here: linking a large store takes a while, so
``newsgraph incidents --rebuild`` does it, and the store says so when opened (``store_state``).

Revision ID: 0004
Revises: 0002 (the lead re-chains after 0003_search at merge)
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003_search"
branch_labels = None
depends_on = None

RecordJSON = sa.JSON().with_variant(JSONB(), "postgresql")
IsoDate = sa.String().with_variant(sa.String(collation="C"), "postgresql")
RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "incident_items",
        sa.Column("row_id", RowId, primary_key=True, autoincrement=True),
        sa.Column(
            "doc_id",
            sa.String(),
            sa.ForeignKey("documents.doc_id", ondelete="CASCADE", name="fk_incident_items_doc_id"),
            nullable=False,
        ),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("block", sa.String(), nullable=False),
        sa.Column("orient", sa.String(), nullable=False),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("basis", sa.String(), nullable=False),
        sa.Column("lo", sa.Integer),
        sa.Column("hi", sa.Integer),
        sa.Column("ref", sa.Integer),
        sa.Column("place", sa.String()),
        sa.Column("factuality", sa.String(), nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("source_key", sa.String()),
        sa.Column("source_name", sa.Text),
        sa.Column("target_key", sa.String()),
        sa.Column("target_name", sa.Text),
        sa.Column("outlet", sa.String()),
        sa.Column("published", IsoDate),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("incident_id", sa.String()),
        sa.UniqueConstraint("doc_id", "seq", name="uq_incident_items_doc_seq"),
    )
    op.create_index("ix_incident_items_source", "incident_items", ["quad_class", "source_key", "lo"])
    op.create_index("ix_incident_items_target", "incident_items", ["quad_class", "target_key", "lo"])
    op.create_index("ix_incident_items_incident_id", "incident_items", ["incident_id"])
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(), primary_key=True),
        sa.Column("event_type", sa.String(), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("source_key", sa.String()),
        sa.Column("source_name", sa.Text),
        sa.Column("target_key", sa.String()),
        sa.Column("target_name", sa.Text),
        sa.Column("date_from", IsoDate),
        sa.Column("date_to", IsoDate),
        sa.Column("place", sa.String()),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("first_doc_id", sa.String(), nullable=False),
        sa.Column("first_published", IsoDate),
        sa.Column("stance", sa.String(), nullable=False),
        sa.Column("record", RecordJSON, nullable=False),
    )
    for column in ("date_from", "event_type", "source_key", "target_key", "n_outlets"):
        op.create_index(f"ix_incidents_{column}", "incidents", [column])
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(), primary_key=True),
        sa.Column("value", sa.String(), nullable=False),
    )
    conn = op.get_bind()
    stored = conn.execute(sa.text("SELECT count(*) FROM events")).scalar() or 0
    state = sa.table("store_state", sa.column("key"), sa.column("value"))
    rows = [{"key": "version", "value": "0"}]
    if stored:
        rows.append({"key": "incidents", "value": "stale"})
    op.bulk_insert(state, rows)


def downgrade() -> None:
    op.drop_table("store_state")
    op.drop_table("incidents")
    op.drop_table("incident_items")
