"""Full-text search: FTS5 tables in SQLite, tsvector tables with GIN indexes in PostgreSQL.

Documents (title, text), claims (source, content) and events (sentence) stored before this revision
are indexed here; the store indexes every document it writes after it.

Revision ID: 0003_search
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0003_search"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from newsgraph.store.search import KINDS, create_statements, fill_statement

    conn = op.get_bind()
    for statement in create_statements(conn.dialect.name):
        op.execute(statement)
    for kind in KINDS:
        conn.execute(fill_statement(conn.dialect.name, kind, every=True))


def downgrade() -> None:
    from newsgraph.store.search import TABLES

    for table in reversed(TABLES.values()):
        op.execute(f"DROP TABLE {table}")
