"""Full-text search through the store on SQLite (FTS5) and PostgreSQL (tsvector): same answers on both."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, text
from tests.store.backends import BACKENDS, fresh_url
from tests.store.test_store import analysis

from newsgraph.errors import ConfigError, SearchQueryError
from newsgraph.queries import DocumentQuery
from newsgraph.records import Analysis, Claim, Event
from newsgraph.store import Store, rows, schema
from newsgraph.store.engine import _alembic_config, create, current_revision, head_revision, normalise_url
from newsgraph.store.search import Highlight

EDITORIAL = (
    "Moscow has asked Pyongyang for ammunition assistance and is pursuing negotiations with North Korea. "
    "The summits of the two leaders worry Tokyo."
)
ROUNDUP = "Putin visited North Korea; the Nikkei expected satellite technology in return for weapons."
SPORT = "The north stand cheered as Korea scored twice; Putin was not mentioned by anyone."


def corpus() -> list[Analysis]:
    return [
        analysis("ed", text=EDITORIAL, title="Putin-Kim summit", published="2023-09-15"),
        analysis("ro", text=ROUNDUP, title="Putin's North Korean gambit", published="2024-06-18"),
        analysis("sp", text=SPORT, title="Football", published="2024-06-20"),
    ]


@pytest.fixture(scope="module", params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with fresh_url(request.param, tmp_path_factory.mktemp("search"), request) as url, Store.open(url) as made:
        made.write(corpus())
        yield made


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Putin North Korea", {"ed", "ro", "sp"}),  # every word, anywhere (the substring search found none)
        ('"North Korea" Pyongyang ammunition', {"ed"}),
        ('"North Korea" Putin', {"ed", "ro"}),  # "north stand … Korea" is no phrase
        ("summit", {"ed"}),  # stems: "summits" in the text, "summit" in the title
        ("satellites", {"ro"}),
        ("Pyongyang OR football", {"ed", "sp"}),
        ("Putin ammunition OR football", {"ed", "sp"}),  # Putin and (ammunition or football)
        ("Putin -football -Pyongyang", {"ro"}),
        ('Putin -"north korea"', {"sp"}),
        ("PYONGYANG", {"ed"}),
        ("nothing-like-this", set()),
    ],
)
def test_documents_match_the_query_language(store: Store, query: str, expected: set[str]) -> None:
    assert {d.doc_id for d in store.documents(DocumentQuery(search=query))} == expected
    assert store.count_matches(query) == len(expected)


def test_title_matches_rank_first_and_words_are_marked(store: Store) -> None:
    hits = store.search("gambit OR ammunition")
    assert [h.doc_id for h in hits] == ["ro", "ed"]  # a title match outranks one in the text
    assert hits[0].rank > hits[1].rank
    assert hits[0].title.marked() == "Putin's North Korean [gambit]"
    assert any("[ammunition]" in s.marked() for s in hits[1].snippets)
    assert all(START not in s.plain() for h in hits for s in h.snippets)


START = "\ue000"


def test_documents_come_best_first_with_other_filters(store: Store) -> None:
    assert [d.doc_id for d in store.documents(DocumentQuery(search="gambit OR ammunition"))] == ["ro", "ed"]
    assert [
        d.doc_id for d in store.documents(DocumentQuery(search="gambit OR ammunition", since="2024"))
    ] == ["ro"]
    assert [d.doc_id for d in store.documents(DocumentQuery(search="Putin", limit=1, offset=2))] != []


def test_claims_and_events_are_searched_too(store: Store) -> None:
    claims = store.search("Nikkei support", kind="claim")
    assert {h.doc_id for h in claims} == {"ed", "ro", "sp"}
    assert all(isinstance(h.record, Claim) for h in claims)
    assert claims[0].title.marked() == "[Nikkei]"
    events = store.search("ammunition", kind="event")
    assert [h.doc_id for h in events] == ["ed"] and isinstance(events[0].record, Event)
    assert "[ammunition]" in events[0].snippets[0].marked()
    assert store.count_matches("satellite", kind="event") == 1


def test_bad_queries_and_kinds_are_coded_errors(store: Store) -> None:
    with pytest.raises(SearchQueryError):
        store.documents(DocumentQuery(search="-putin"))
    with pytest.raises(ConfigError, match="document, claim, event"):
        store.search("putin", kind="entity")


def test_highlight_splits_marks() -> None:
    marked = Highlight.of("a \ue000North\ue001 b\n\nc \ue000Korea\ue001")
    assert marked.parts == (("a ", False), ("North", True), (" b c ", False), ("Korea", True))
    assert marked.plain() == "a North b c Korea" and marked.matches == 2


def test_rewriting_a_document_replaces_its_search_rows(url: str) -> None:
    with Store.open(url) as store:
        store.write(corpus())
        store.write([replace(corpus()[0], document=replace(corpus()[0].document, text=SPORT))], force=True)
        assert {d.doc_id for d in store.documents(DocumentQuery(search="ammunition"))} == set()
        assert store.count_matches("cheered") == 2
        assert len(store.search("Nikkei", kind="claim")) == 3


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_url(request.param, tmp_path, request) as made:
        yield made


def test_a_store_from_before_search_is_indexed_by_its_migration(url: str) -> None:
    engine = create(normalise_url(url))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0002")
        made = corpus()
        conn.execute(insert(schema.documents), [rows.document_row(a.document) for a in made])
        conn.execute(insert(schema.claims), [rows.claim_row(a.claims[0], 0, None) for a in made])
        conn.execute(insert(schema.events), [rows.event_row(a.events[0], 0, None) for a in made])
    assert current_revision(engine) == "0002"
    with Store.open(url) as store:
        assert current_revision(engine) == head_revision()  # 0003_search and every later one
        assert {
            d.doc_id for d in store.documents(DocumentQuery(search='"North Korea" Pyongyang ammunition'))
        } == {"ed"}
        assert [h.doc_id for h in store.search("satellite", kind="event")] == ["ro"]
        assert len(store.search("Nikkei", kind="claim")) == 3
    engine.dispose()


@pytest.mark.postgres
def test_postgres_answers_from_the_gin_index(
    postgres_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with fresh_url("postgres", tmp_path, request) as url, Store.open(url) as store:
        store.write(corpus())
        with store._engine.connect() as conn:
            conn.exec_driver_sql("SET enable_seqscan = off")
            plan = "\n".join(
                conn.execute(
                    text(
                        "EXPLAIN SELECT doc_id FROM search_documents "
                        "WHERE vector @@ websearch_to_tsquery('english', 'pyongyang')"
                    )
                ).scalars()
            )
        assert "search_documents_vector" in plan


def test_a_very_long_document_is_stored_and_found(url: str) -> None:
    """PostgreSQL refuses a tsvector over 1 MB; a long text must not fail its batch."""
    from newsgraph.store.search import PG_TEXT_CHARS

    # 120,000 different words: a 1.4 MB tsvector uncut, under the 1,000,000 characters extraction allows
    words = " ".join(f"w{i}x" for i in range(120_000))
    assert len(words) > PG_TEXT_CHARS
    long = analysis("long", text=f"Pyongyang opened. {words} Vladivostok closed.", title="Long")
    with Store.open(url) as store:
        assert store.write([long]).new == 1
        assert [d.doc_id for d in store.documents(DocumentQuery(search="Pyongyang opened"))] == ["long"]
