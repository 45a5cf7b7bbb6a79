"""Full-text search on the store's own engine: FTS5 tables in SQLite, tsvector tables with GIN in PostgreSQL.

One search table per kind of record: ``search_documents`` (title and text), ``search_claims`` (the
source's words and the content) and ``search_events`` (the sentence). The store fills them in the
transaction that writes a document (:func:`index`), and migration ``0003_search`` fills them for
stores made before. Queries are parsed once (:mod:`newsgraph.store.searchquery`) and rendered for
FTS5 ``MATCH`` or ``websearch_to_tsquery``; both engines stem English words (FTS5's porter tokenizer,
PostgreSQL's ``english`` configuration), so "summits" finds "summit" on either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, TextClause, bindparam, select, text
from sqlalchemy.sql.selectable import Subquery
from sqlalchemy.types import Float, String

from newsgraph.records import Claim, Document, Event
from newsgraph.store import rows, schema
from newsgraph.store.searchquery import SearchQuery, parse_query

Kind = Literal["document", "claim", "event"]
KINDS: tuple[Kind, ...] = ("document", "claim", "event")
TABLES: dict[Kind, str] = {"document": "search_documents", "claim": "search_claims", "event": "search_events"}
# Every search object's name starts so (FTS5's own shadow tables included), which tells them apart from
# the tables schema.py declares.
PREFIX = "search_"
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"
PG_CONFIG = "english"
# Marks around matched words in titles and snippets: private-use characters no article uses, so they
# can be split off after the engine's highlighter and each page can mark matches its own way.
START, STOP = "\ue000", "\ue001"
FRAGMENTS = "\ue002"  # between PostgreSQL's fragments of one text
SNIPPET_TOKENS = 24
# A title match counts this much more than a match in the body.
TITLE_WEIGHT = 3.0

_SPACES = re.compile(r"\s+")

# What each kind's search row holds, as (title, body) SQL over its own table.
_SQLITE_SOURCE: dict[Kind, tuple[str, str, str]] = {
    # (table, title, body); documents have no integer key, so FTS5 numbers their rows itself
    "document": ("documents", "coalesce(title, '')", "text"),
    "claim": ("claims", "coalesce(source_text, '')", "coalesce(json_extract(record, '$.content'), '')"),
    "event": ("events", "''", "coalesce(json_extract(record, '$.sentence'), '')"),
}
# PostgreSQL refuses a tsvector over 1 MB, and a refused row would fail its whole batch; the first
# PG_TEXT_CHARS characters of a document hold any news article (the longest White House transcripts are
# a third of it), so longer texts (and any claim or sentence that long) are indexed up to there.
PG_TEXT_CHARS = 300_000
_PG_SOURCE: dict[Kind, tuple[str, str, str]] = {
    "document": ("documents", "coalesce(title, '')", f"left(text, {PG_TEXT_CHARS})"),
    "claim": (
        "claims",
        "coalesce(source_text, '')",
        f"left(coalesce(record ->> 'content', ''), {PG_TEXT_CHARS})",
    ),
    "event": ("events", "''", f"left(coalesce(record ->> 'sentence', ''), {PG_TEXT_CHARS})"),
}


def _pg_vector(title: str, body: str) -> str:
    return (
        f"setweight(to_tsvector('{PG_CONFIG}', {title}), 'A') || "
        f"setweight(to_tsvector('{PG_CONFIG}', {body}), 'D')"
    )


def fill_statement(dialect: str, kind: Kind, *, every: bool = False) -> TextClause:
    """INSERT … SELECT that indexes the records of the documents ``:ids`` (or, with ``every``, all)."""
    where = "" if every else " WHERE doc_id IN :ids"
    if dialect == "postgresql":
        table, title, body = _PG_SOURCE[kind]
        key = "doc_id" if kind == "document" else "row_id, doc_id"
        sql = (
            f"INSERT INTO {TABLES[kind]} ({key}, vector) "
            f"SELECT {key}, {_pg_vector(title, body)} FROM {table}{where}"
        )
    else:
        table, title, body = _SQLITE_SOURCE[kind]
        rowid, key = ("", "0") if kind == "document" else ("rowid, ", "seq")
        sql = (
            f"INSERT INTO {TABLES[kind]} ({rowid}doc_id, seq, title, body) "
            f"SELECT {'row_id, ' if rowid else ''}doc_id, {key}, {title}, {body} FROM {table}{where}"
        )
    statement = text(sql)
    return statement if every else statement.bindparams(bindparam("ids", expanding=True))


def create_statements(dialect: str) -> list[str]:
    """DDL of the search tables (used by migration 0003_search)."""
    if dialect == "postgresql":
        return [
            "CREATE TABLE search_documents (doc_id VARCHAR PRIMARY KEY REFERENCES documents (doc_id) "
            "ON DELETE CASCADE, vector TSVECTOR NOT NULL)",
            "CREATE TABLE search_claims (row_id BIGINT PRIMARY KEY REFERENCES claims (row_id) "
            "ON DELETE CASCADE, doc_id VARCHAR NOT NULL, vector TSVECTOR NOT NULL)",
            "CREATE TABLE search_events (row_id BIGINT PRIMARY KEY REFERENCES events (row_id) "
            "ON DELETE CASCADE, doc_id VARCHAR NOT NULL, vector TSVECTOR NOT NULL)",
            *(f"CREATE INDEX {t}_vector ON {t} USING gin (vector)" for t in TABLES.values()),
        ]
    return [
        f"CREATE VIRTUAL TABLE {t} USING fts5(doc_id UNINDEXED, seq UNINDEXED, title, body, "
        f"tokenize='{FTS5_TOKENIZER}')"
        for t in TABLES.values()
    ]


def index(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Index the documents ``doc_ids`` and their claims and events, already written in this transaction."""
    if not doc_ids:
        return
    for kind in KINDS:
        conn.execute(fill_statement(conn.dialect.name, kind), {"ids": list(doc_ids)})


def unindex(conn: Connection, doc_ids: Sequence[str]) -> None:
    """Drop the search rows of these documents (SQLite; PostgreSQL's rows go with their records)."""
    if conn.dialect.name == "postgresql" or not doc_ids:
        return
    for table in TABLES.values():
        statement = text(f"DELETE FROM {table} WHERE doc_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        conn.execute(statement, {"ids": list(doc_ids)})


# -- querying ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Highlight:
    """Text with its matched words marked: ``parts`` alternate plain and matched pieces."""

    parts: tuple[tuple[str, bool], ...]

    @classmethod
    def of(cls, marked: str | None) -> Highlight:
        parts: list[tuple[str, bool]] = []
        # A snippet is shown on one line: paragraph breaks inside it become spaces.
        for piece in _SPACES.sub(" ", marked or "").split(START):
            match, _, rest = piece.partition(STOP) if STOP in piece else ("", "", piece)
            if match:
                parts.append((match, True))
            if rest:
                parts.append((rest, False))
        return cls(tuple(parts))

    def plain(self) -> str:
        return "".join(p for p, _ in self.parts)

    def marked(self, start: str = "[", stop: str = "]") -> str:
        return "".join(f"{start}{p}{stop}" if hit else p for p, hit in self.parts)

    @property
    def matches(self) -> int:
        return sum(1 for _, hit in self.parts if hit)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One record that matches a query, best first; ``snippets`` show the matches in its text."""

    kind: Kind
    doc_id: str
    rank: float  # higher is better; comparable within one search only
    title: Highlight  # a document's title, a claim's source; empty for events
    snippets: tuple[Highlight, ...]
    record: Document | Claim | Event


@dataclass(frozen=True, slots=True)
class RawHit:
    """A search row before its record is read: the store turns these into SearchHits."""

    kind: Kind
    doc_id: str
    key: int | str  # the record's row_id (claims, events) or doc_id (documents)
    rank: float
    title: str | None
    snippet: str | None


def ranked(dialect: str, query: SearchQuery, kind: Kind) -> Subquery:
    """(key, doc_id, rank) of every match of ``kind``, usable in a join; rank: higher is better."""
    table = TABLES[kind]
    if dialect == "postgresql":
        key = "doc_id" if kind == "document" else "row_id"
        tsquery, params = query.tsquery(PG_CONFIG)
        sql = (
            f"SELECT {key} AS key, doc_id, ts_rank_cd(vector, q) AS rank FROM {table}, "
            f"(SELECT {tsquery} AS q) AS query WHERE vector @@ q"
        )
    else:
        key = "doc_id" if kind == "document" else "rowid"
        sql = (
            f"SELECT {key} AS key, doc_id, -bm25({table}, 0, 0, {TITLE_WEIGHT}, 1.0) AS rank "
            f"FROM {table} WHERE {table} MATCH :q"
        )
        params = {"q": query.fts5()}
    keytype = String() if kind == "document" else Float()
    return (
        text(sql)
        .bindparams(**params)
        .columns(key=keytype, doc_id=String(), rank=Float())
        .subquery(f"s_{kind}")
    )


def matches(
    conn: Connection, query: str | SearchQuery, kind: Kind, limit: int | None, offset: int
) -> list[RawHit]:
    """The best matches of one kind with their highlighted title and snippet, best first."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if conn.dialect.name == "postgresql":
        tsquery, params = parsed.tsquery(PG_CONFIG)
        rows = conn.execute(_pg_page(kind, tsquery), {**params, "limit": limit, "offset": offset})
    else:
        rows = conn.execute(_sqlite_page(kind), {"q": parsed.fts5(), "limit": limit or -1, "offset": offset})
    return [RawHit(kind, r.doc_id, r.key, float(r.rank), r.title, r.snippet) for r in rows]


def hits(conn: Connection, query: SearchQuery, kind: Kind, limit: int | None, offset: int) -> list[SearchHit]:
    """The best matches of one kind as SearchHits: the record, its rank and its marked title and snippets."""
    raw = matches(conn, query, kind, limit, offset)
    records: dict[str | int, Document | Claim | Event] = {}
    if kind == "document":
        table = schema.documents
        wanted = sorted({h.key for h in raw})
        for row in conn.execute(select(table.c.text, table.c.record).where(table.c.doc_id.in_(wanted))):
            document = rows.document_from(row._mapping)
            records[document.doc_id] = document
    else:
        child = schema.CHILD_TABLES[kind]
        wanted = sorted({int(h.key) for h in raw})
        for row in conn.execute(select(child.c.row_id, child.c.record).where(child.c.row_id.in_(wanted))):
            record = rows.record_from(row._mapping)
            if isinstance(record, Claim | Event):
                records[row.row_id] = record
    keyed = [(h, h.key if kind == "document" else int(h.key)) for h in raw]
    return [
        SearchHit(
            kind=kind,
            doc_id=h.doc_id,
            rank=h.rank,
            title=Highlight.of(h.title),
            snippets=tuple(Highlight.of(s) for s in (h.snippet or "").split(FRAGMENTS) if s),
            record=records[key],
        )
        for h, key in keyed
        if key in records
    ]


def count(conn: Connection, query: str | SearchQuery, kind: Kind) -> int:
    """How many records of ``kind`` match."""
    parsed = parse_query(query) if isinstance(query, str) else query
    table = TABLES[kind]
    if conn.dialect.name == "postgresql":
        tsquery, params = parsed.tsquery(PG_CONFIG)
        sql = f"SELECT count(*) FROM {table} WHERE vector @@ {tsquery}"
        return int(conn.execute(text(sql), params).scalar_one())
    sql = f"SELECT count(*) FROM {table} WHERE {table} MATCH :q"
    return int(conn.execute(text(sql), {"q": parsed.fts5()}).scalar_one())


def _sqlite_page(kind: Kind) -> TextClause:
    table = TABLES[kind]
    key = "doc_id" if kind == "document" else "rowid"
    return text(
        f"SELECT {key} AS key, doc_id, -bm25({table}, 0, 0, {TITLE_WEIGHT}, 1.0) AS rank, "
        f"highlight({table}, 2, '{START}', '{STOP}') AS title, "
        f"snippet({table}, 3, '{START}', '{STOP}', '…', {SNIPPET_TOKENS}) AS snippet "
        f"FROM {table} WHERE {table} MATCH :q ORDER BY rank DESC, doc_id, seq LIMIT :limit OFFSET :offset"
    )


def _pg_page(kind: Kind, tsquery: str) -> TextClause:
    table, title, body = _PG_SOURCE[kind]
    key = "doc_id" if kind == "document" else "row_id"
    options = f'StartSel="{START}", StopSel="{STOP}"'
    fragments = (
        f'{options}, MaxFragments=2, MinWords=8, MaxWords={SNIPPET_TOKENS}, FragmentDelimiter="{FRAGMENTS}"'
    )
    # Headlines re-read each text, so only the page's rows get them (the inner query limits first).
    return text(
        f"SELECT page.key, page.doc_id, page.rank, "
        f"ts_headline('{PG_CONFIG}', {title}, q, 'HighlightAll=true, {options}') AS title, "
        f"ts_headline('{PG_CONFIG}', {body}, q, '{fragments}') AS snippet "
        f"FROM (SELECT s.{key} AS key, s.doc_id, ts_rank_cd(s.vector, q) AS rank "
        f"      FROM {TABLES[kind]} s, (SELECT {tsquery} AS q) AS query WHERE s.vector @@ q "
        f"      ORDER BY rank DESC, s.doc_id, s.{key} LIMIT :limit OFFSET :offset) AS page "
        f"JOIN {table} ON {table}.{key} = page.key, (SELECT {tsquery} AS q) AS query "
        f"ORDER BY page.rank DESC, page.doc_id, page.key"
    )
