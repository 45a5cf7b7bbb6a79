"""The stored near-duplicate index: each document's MinHash signature and its LSH band buckets.

Documents stored before this revision are indexed here too, so a later wire copy of one of them is
caught. Exact copies (flagged ``exact-duplicate``) are left out: their original is indexed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_BATCH = 500


def _doc_fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey("documents.doc_id", ondelete="CASCADE", name=f"fk_{table}_doc_id")


def _backfill() -> None:
    from newsgraph.extract.dedup import buckets, minhash, signature

    conn = op.get_bind()
    documents = sa.table("documents", sa.column("doc_id"), sa.column("text"), sa.column("record"))
    signatures = sa.table("near_signatures", sa.column("doc_id"), sa.column("signature"))
    near = sa.table("near_buckets", sa.column("doc_id"), sa.column("bucket"))
    last = ""
    while True:
        rows = conn.execute(
            sa.select(documents.c.doc_id, documents.c.text, documents.c.record)
            .where(documents.c.doc_id > last)
            .order_by(documents.c.doc_id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        sig_rows, bucket_rows = [], []
        for doc_id, text, record in rows:
            flags = (json.loads(record) if isinstance(record, str) else record or {}).get("flags") or []
            if "exact-duplicate" in flags or not (text or "").strip():
                continue
            sig = minhash(text)
            sig_rows.append({"doc_id": doc_id, "signature": signature(sig)})
            bucket_rows += [{"doc_id": doc_id, "bucket": b} for b in buckets(sig)]
        if sig_rows:
            conn.execute(sa.insert(signatures), sig_rows)
            conn.execute(sa.insert(near), bucket_rows)
        last = rows[-1][0]


def upgrade() -> None:
    op.create_table(
        "near_signatures",
        sa.Column("doc_id", sa.String(), _doc_fk("near_signatures"), primary_key=True),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )
    op.create_table(
        "near_buckets",
        sa.Column("row_id", RowId, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(), _doc_fk("near_buckets"), nullable=False),
        sa.Column("bucket", sa.String(), nullable=False),
    )
    op.create_index("ix_near_buckets_bucket", "near_buckets", ["bucket"])
    op.create_index("ix_near_buckets_doc_id", "near_buckets", ["doc_id"])
    _backfill()


def downgrade() -> None:
    op.drop_table("near_buckets")
    op.drop_table("near_signatures")
