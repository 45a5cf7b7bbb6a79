"""Store writes, queries, migrations and exports on SQLite and on the real PostgreSQL server.

Records are built by hand here; no spaCy needed.
"""

from __future__ import annotations

import csv
import gzip
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from tests.store.backends import BACKENDS, fresh_url

from newsgraph.errors import ConfigError, NotFoundError, StoreError, StoreMissingError
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.records import (
    Actor,
    Analysis,
    Claim,
    ClaimKind,
    Document,
    Entity,
    Event,
    EventDate,
    EventType,
    Factuality,
    Failure,
    Location,
    Mention,
    Record,
    Timex,
    TimexKind,
    from_dict,
    to_dict,
)
from newsgraph.store import Store, WriteResult, codec, export, schema, search
from newsgraph.store.engine import create, current_revision, head_revision, normalise_url
from newsgraph.store.export import ALL_TYPES

RUSSIA = Actor(id="RUS", name="Russia", kind="state", country="RUS", sector=None)
PUTIN = Actor(id="putin", name="Vladimir Putin", kind="person", country="RUS", sector="GOV")
NORTH_KOREA = Actor(id="PRK", name="North Korea", kind="state", country="PRK")
NIKKEI = Actor(id="nikkei", name="Nikkei", kind="outlet", country="JPN", sector="MED")


def analysis(
    doc_id: str,
    *,
    outlet: str | None = "The Yomiuri Shimbun",
    published: str | None = "2024-06-19",
    title: str = "Putin visits Pyongyang",
    text: str | None = None,
    event_date: str | None = "2024-06-19",
    event_type: EventType = EventType.COOPERATE,
    factuality: Factuality = Factuality.ASSERTED,
    claim_kind: ClaimKind = ClaimKind.PREDICTION,
    claim_source: Mention | None = None,
    events: int = 1,
    content_hash: str | None = None,
    duplicate_of: str | None = None,
) -> Analysis:
    """One document with an entity, a timex, a claim and ``events`` events, every optional field filled."""
    body = text or f"[{doc_id}] Nikkei anticipated that North Korea would receive support from Russia."
    document = Document(
        doc_id=doc_id,
        text=body,
        path=f"/data/{doc_id}.txt",
        url=f"https://example.org/{doc_id}",
        title=title,
        outlet=outlet,
        published=published,
        published_source="signoff",
        author="Editorial board",
        language="en",
        content_hash=content_hash or f"hash-{doc_id}",
        duplicate_of=duplicate_of,
        line=3,
        flags=("boilerplate-removed", "signoff"),
    )
    source = claim_source if claim_source is not None else Mention("Nikkei", (0, 6), NIKKEI)
    entity = Entity(doc_id, "North Korea", "GPE", (27, 38), NORTH_KOREA)
    timex = Timex(doc_id, "June 19", TimexKind.DATE, "2024-06-19", (82, 89), end_value="2024-06-20")
    claim = Claim(
        doc_id=doc_id,
        id=f"{doc_id}:c0",
        source=source,
        cue="anticipated",
        cue_span=(7, 18),
        content="North Korea would receive support from Russia",
        span=(24, 76),
        direct=False,
        kind=claim_kind,
        sentence=body,
        parent_id=None,
    )
    made = tuple(
        Event(
            doc_id=doc_id,
            id=f"{doc_id}:e{i}",
            event_type=event_type,
            trigger="receive",
            span=(24, 76),
            sentence=body,
            source=Mention("Russia", (70, 76), RUSSIA),
            target=Mention("North Korea", (27, 38), NORTH_KOREA),
            factuality=factuality,
            quad_class=2,
            mode="technical support",
            trigger_span=(45, 52),
            date=EventDate("June 19", event_date, "timex") if event_date else None,
            location=Location("Pyongyang", None, "PRK"),
            factuality_cues=("anticipated", "would"),
            claim_id=f"{doc_id}:c0",
        )
        for i in range(events)
    )
    return Analysis(document, (entity,), (timex,), (claim,), made)


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_url(request.param, tmp_path, request) as made:
        yield made


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    with Store.open(url) as opened:
        yield opened


def _stored_records(store: Store) -> list[Record]:
    return list(store.iter_records())


# -- round trip --------------------------------------------------------------------------------------------

PARTS: list[tuple[str, Callable[[Analysis], Any]]] = [
    ("document", lambda a: a.document),
    ("entity", lambda a: a.entities),
    ("timex", lambda a: a.timexes),
    ("claim", lambda a: a.claims),
    ("event", lambda a: a.events),
]


@pytest.mark.parametrize(("part", "pick"), PARTS, ids=[p for p, _ in PARTS])
def test_round_trip_every_record_type(store: Store, part: str, pick: Callable[[Analysis], Any]) -> None:
    written = analysis("d1", events=3)
    store.write([written])
    assert pick(store.get("d1")) == pick(written)


def test_round_trip_keeps_missing_optional_fields(store: Store) -> None:
    bare = analysis("d1", outlet=None, published=None, event_date=None, claim_source=Mention("they", None))
    store.write([bare])
    assert store.get("d1") == bare


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("North\x00Korea", "North\ufffdKorea"),
        ("a\\u0000b", "a\\u0000b"),  # a backslash and "u0000" are text, not a NUL
        ("a\\\x00b", "a\\\ufffdb"),
    ],
)
def test_nul_characters_become_replacement_characters(store: Store, given: str, kept: str) -> None:
    # PostgreSQL text and JSON cannot hold NUL; one U+FFFD for one NUL keeps every offset in place.
    written = analysis("d1", text=given)
    written = replace(written, claims=(replace(written.claims[0], content=given),))
    store.write([written])
    stored = store.get("d1")
    assert (stored.document.text, stored.claims[0].content) == (kept, kept)


def test_codec_matches_records_to_dict_and_from_dict() -> None:
    records = [r for a in corpus_analyses() for r in a.records()] + [Failure("x", "E-INPUT-EMPTY", "empty")]
    for record in records:
        assert codec.dump(record) == to_dict(record)
        assert list(codec.dump(record)) == list(to_dict(record))
        assert codec.load(to_dict(record)) == from_dict(to_dict(record)) == record


def test_long_identifiers_are_kept_whole(store: Store) -> None:
    # Slugs of real URLs (White House bill lists) exceed any "reasonable" column width.
    doc_id = "2023-01-05-press-release-bills-signed-" + "-".join(f"h-r-{n}" for n in range(100))
    written = analysis(doc_id, outlet="The White House " * 30)
    store.write([written])
    assert store.get(doc_id) == written


def test_get_unknown_document_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError) as raised:
        store.get("nope")
    assert raised.value.code == "E-NOT-FOUND"


# -- idempotency and force -------------------------------------------------------------------------------


def test_writing_twice_adds_nothing(store: Store) -> None:
    batch = [analysis("d1"), analysis("d2", events=2)]
    assert store.write(batch) == WriteResult(new=2)
    before = _stored_records(store)
    assert store.write(batch) == WriteResult(skipped=2)
    assert _stored_records(store) == before
    assert store.count_documents() == 2


def test_same_document_twice_in_one_batch_is_stored_once(store: Store) -> None:
    assert store.write([analysis("d1"), analysis("d1")]) == WriteResult(new=1, skipped=1)
    assert len(store.get("d1").events) == 1


def test_same_content_under_another_id_is_skipped_unless_marked_duplicate(store: Store) -> None:
    assert store.write([analysis("d1", content_hash="same")]) == WriteResult(new=1)
    assert store.write([analysis("d2", content_hash="same")]) == WriteResult(skipped=1)
    assert store.write([analysis("d3", content_hash="same", duplicate_of="d1")]) == WriteResult(new=1)
    assert store.known(["d1", "d2", "d3"]) == {"d1", "d3"}
    assert store.known_hashes(["same", "other"]) == {"same": "d1"}


def test_records_of_another_document_are_refused(store: Store) -> None:
    mixed = replace(analysis("d1"), entities=analysis("d2").entities)
    with pytest.raises(StoreError, match="d2"):
        store.write([mixed])
    assert store.count_documents() == 0


def test_force_replaces_a_document_and_all_its_records(store: Store) -> None:
    store.write([analysis("d1", events=3), analysis("d2")])
    newer = analysis("d1", title="Revised", events=1, event_type=EventType.AID)
    assert store.write([newer]) == WriteResult(skipped=1)
    assert store.get("d1").document.title == "Putin visits Pyongyang"
    assert store.write([newer, analysis("d3")], force=True) == WriteResult(new=1, replaced=1)
    assert store.get("d1") == newer
    assert len(store.events()) == 3  # d1's one event, d2's and d3's
    assert store.get("d2") == analysis("d2")


@pytest.mark.parametrize("overlap", ["same batch", "reversed batch"])
def test_concurrent_writers_never_duplicate(url: str, overlap: str) -> None:
    ids = [f"d{i:03d}" for i in range(40)]
    batches = [
        [analysis(i) for i in ids],
        [analysis(i) for i in (ids if overlap == "same batch" else ids[::-1])],
    ]
    stores = [Store.open(url), Store.open(url)]
    results: list[WriteResult] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(store: Store, batch: list[Analysis]) -> None:
        start.wait()
        try:
            results.append(store.write(batch))
        except BaseException as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=run, args=pair) for pair in zip(stores, batches, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(r.new for r in results) == len(ids)
    assert sum(r.skipped for r in results) == len(ids)
    assert stores[0].count_documents() == len(ids)
    assert len(stores[1].events()) == len(ids)
    for opened in stores:
        opened.close()


# -- failures -------------------------------------------------------------------------------------------


def test_failures_are_recorded_once_and_cleared_on_success(store: Store) -> None:
    binary = Failure("d9", "E-INPUT-BINARY", "not text", path="/data/d9.bin")
    assert store.write([], [binary]) == WriteResult(failed=1)
    again = replace(binary, code="E-INPUT-ENCODING", message="bad bytes")
    empty = Failure("d8", "E-INPUT-EMPTY", "empty", path="/data/d8.txt", line=4)
    store.write([analysis("d1")], [again, empty])
    assert sorted((f.doc_id, f.code) for f in store.failures()) == [
        ("d8", "E-INPUT-EMPTY"),
        ("d9", "E-INPUT-ENCODING"),
    ]
    store.write([analysis("d9")])
    assert [f.doc_id for f in store.failures()] == ["d8"]
    assert store.failures() == [empty]


# -- queries ----------------------------------------------------------------------------------------------


def corpus_analyses() -> list[Analysis]:
    """Four documents: two outlets' takes on the 2024 visit, a 2023 editorial, and one without a date."""
    return [
        analysis(
            "y1",
            outlet="The Yomiuri Shimbun",
            published="2023-09-15",
            title="Putin-Kim summit",
            event_date="2023-09-13",
        ),
        analysis(
            "a1",
            outlet="The Asahi Shimbun",
            published="2024-06-18",
            event_type=EventType.THREATEN,
            factuality=Factuality.HYPOTHETICAL,
            claim_kind=ClaimKind.WARNING,
            claim_source=Mention("Putin", (0, 5), PUTIN),
        ),
        analysis(
            "n1", outlet="Nikkei", published="2024-06-20", event_date="XXXX-06-17", title="100% support"
        ),
        analysis("u1", outlet=None, published=None, event_date=None, title="Undated"),
    ]


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One stored corpus per backend, shared by the read-only query tests (a migration costs ~1 s)."""
    with (
        fresh_url(request.param, tmp_path_factory.mktemp("corpus"), request) as made,
        Store.open(made) as store,
    ):
        store.write(corpus_analyses())
        yield store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["n1", "a1", "y1", "u1"]),
        ({"outlet": "shimbun"}, ["a1", "y1"]),
        ({"outlet": "NIKKEI"}, ["n1"]),
        ({"since": "2024"}, ["n1", "a1"]),
        ({"until": "2024-06"}, ["n1", "a1", "y1"]),
        ({"until": "2024-06-18"}, ["a1", "y1"]),
        ({"since": "2023-09-15", "until": "2023-09-15"}, ["y1"]),
        ({"search": "KIM SUMMIT"}, ["y1"]),
        # full text, not a substring: every word, in any order (was no match at all)
        ({"search": "summit kim"}, ["y1"]),
        ({"search": "summits"}, ["y1"]),  # stemmed on both engines
        ({"search": '"summit kim"'}, []),  # a phrase keeps its order
        ({"search": "putin-kim"}, ["y1"]),
        ({"search": "[u1]"}, ["u1"]),
        ({"search": "100%"}, ["n1"]),
        ({"search": "summit", "since": "2024"}, []),
        ({"limit": 2, "offset": 1}, ["a1", "y1"]),
        ({"limit": None, "offset": 3}, ["u1"]),
    ],
)
def test_document_filters(corpus: Store, query: dict[str, Any], expected: list[str]) -> None:
    assert [d.doc_id for d in corpus.documents(DocumentQuery(**query))] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["y1", "a1", "n1", "u1"]),
        ({"source": "nikkei"}, ["y1", "n1", "u1"]),
        ({"source": "vladimir"}, ["a1"]),
        ({"source": "PUTIN"}, ["a1"]),
        ({"kind": "warning"}, ["a1"]),
        ({"kind": "prediction", "since": "2024-06-19"}, ["n1"]),
        ({"doc_id": "u1"}, ["u1"]),
        ({"limit": 1}, ["y1"]),
    ],
)
def test_claim_filters(corpus: Store, query: dict[str, Any], expected: list[str]) -> None:
    assert [c.doc_id for c in corpus.claims(ClaimQuery(**query))] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["y1", "a1", "n1", "u1"]),
        ({"actor": "prk"}, ["y1", "a1", "n1", "u1"]),
        ({"actor": "north korea"}, ["y1", "a1", "n1", "u1"]),
        ({"actor": "USA"}, []),
        ({"event_type": "threaten"}, ["a1"]),
        ({"factuality": "hypothetical"}, ["a1"]),
        ({"factuality": "asserted", "since": "2024"}, ["n1"]),  # "XXXX-06-17" falls back to the document date
        ({"until": "2023"}, ["y1"]),
        ({"since": "2024-06-19", "until": "2024-06-19"}, ["a1"]),
        ({"since": "2024-06-20", "until": "2024-06-20"}, ["n1"]),
        ({"doc_id": "a1"}, ["a1"]),
    ],
)
def test_event_filters(corpus: Store, query: dict[str, Any], expected: list[str]) -> None:
    assert [e.doc_id for e in corpus.events(EventQuery(**query))] == expected


@pytest.mark.parametrize("bad", ["June 2024", "2024-6", "24", "2024-06-18T10:00"])
def test_malformed_dates_are_rejected(corpus: Store, bad: str) -> None:
    with pytest.raises(ConfigError, match="must be an ISO date"):
        corpus.documents(DocumentQuery(since=bad))
    with pytest.raises(ConfigError):
        corpus.events(EventQuery(until=bad))


def test_iter_records_puts_each_document_before_its_records(store: Store) -> None:
    store.write(corpus_analyses(), [Failure("x1", "E-INPUT-EMPTY", "empty")])
    stream = [(r.type, r.doc_id) for r in store.iter_records()]
    assert [doc_id for kind, doc_id in stream if kind == "document"] == ["a1", "n1", "u1", "y1"]
    assert [kind for kind, doc_id in stream if doc_id == "a1"] == [
        "document",
        "entity",
        "timex",
        "claim",
        "event",
    ]
    owner = ""
    for kind, doc_id in stream[:-1]:
        owner = doc_id if kind == "document" else owner
        assert doc_id == owner
    assert stream[-1] == ("error", "x1")
    assert [r.type for r in store.iter_records(["claim"])] == ["claim"] * 4
    with pytest.raises(ConfigError):
        list(store.iter_records(["claims"]))


# -- opening ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "sqlite:///newsgraph.db"),
        ("data/news.db", "sqlite:///data/news.db"),
        (":memory:", "sqlite://"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
        ("postgresql://root@127.0.0.1:5432/test", "postgresql+psycopg://root@127.0.0.1:5432/test"),
        ("postgres://u:secret@db/news", "postgresql+psycopg://u:secret@db/news"),
        ("postgresql+psycopg://root@host/db", "postgresql+psycopg://root@host/db"),
    ],
)
def test_urls_are_normalised(given: str | None, expected: str) -> None:
    assert normalise_url(given) == expected


@pytest.mark.parametrize("given", ["mysql://root@host/db", "://nothing"])
def test_unsupported_urls_are_rejected(given: str) -> None:
    with pytest.raises(ConfigError):
        normalise_url(given)


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_in_memory_store_works() -> None:
    with Store.open(":memory:") as store:
        assert store.write([analysis("d1")]) == WriteResult(new=1)
        assert store.get("d1") == analysis("d1")


# -- migrations -------------------------------------------------------------------------------------------

TABLES = {
    "alembic_version",
    "search_documents",
    "search_claims",
    "search_events",
    "documents",
    "entities",
    "timexes",
    "claims",
    "events",
    "failures",
    "near_signatures",
    "near_buckets",
    "incident_items",
    "incidents",
    "store_state",
}


def test_migrations_create_the_schema_from_empty(url: str) -> None:
    engine = create(normalise_url(url))
    assert set(inspect(engine).get_table_names()) == set()
    with Store.open(url):
        pass
    names = set(inspect(engine).get_table_names())
    # FTS5 keeps its index in shadow tables named after its own (search_documents_data, ...).
    shadows = tuple(f"{t}_" for t in search.TABLES.values())
    assert names - {n for n in names if n.startswith(shadows)} == TABLES
    assert current_revision(engine) == head_revision()
    # The revisions build exactly the tables schema.py declares, and the search tables migration 0003 adds
    # (engine-specific, outside schema.py): nothing for autogenerate to add.
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, *_: not (name or "").startswith(search.PREFIX)}
        )
        assert compare_metadata(context, schema.metadata) == []
    engine.dispose()


def test_concurrent_opens_of_a_new_database_migrate_once(url: str) -> None:
    opened: list[Store] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def run() -> None:
        start.wait()
        try:
            opened.append(Store.open(url))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [s.write([analysis(f"d{i}")]).new for i, s in enumerate(opened)] == [1, 1, 1]
    for store in opened:
        store.close()


def test_a_database_from_a_newer_newsgraph_is_refused(url: str) -> None:
    Store.open(url).close()
    engine = create(normalise_url(url))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    with pytest.raises(StoreError, match="'9999'"):
        Store.open(url)


def test_opening_without_create_makes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such.db"
    with pytest.raises(StoreMissingError, match="does not exist"):
        Store.open(str(missing), create=False)
    assert list(tmp_path.iterdir()) == []
    with Store.open(str(missing)) as made:
        assert made.created and made.location == str(missing)
    with Store.open(str(missing), create=False) as opened:
        assert not opened.created


@pytest.mark.postgres
def test_a_postgres_database_without_the_schema_is_missing(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with fresh_url("postgres", tmp_path, request) as url:
        with pytest.raises(StoreMissingError, match="holds no newsgraph store"):
            Store.open(url, create=False)
        engine = create(normalise_url(url))
        assert inspect(engine).get_table_names() == []
        engine.dispose()


def test_sqlite_folders_are_created(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "new" / "dir" / "news.db")) as store:
        assert store.write([analysis("d1")]) + store.write([analysis("d1")]) == WriteResult(new=1, skipped=1)


# -- exports ----------------------------------------------------------------------------------------------


@pytest.fixture
def exported(store: Store) -> tuple[Store, list[Record]]:
    """A store holding the corpus and one failure, and every record it should export, in export order."""
    failure = Failure("x1", "E-INPUT-EMPTY", "empty", path="/data/x1.txt", line=7)
    store.write(corpus_analyses(), [failure])
    ordered = sorted(corpus_analyses(), key=lambda a: a.document.doc_id)
    return store, [r for a in ordered for r in a.records()] + [failure]


def _count(records: list[Record]) -> dict[str, int]:
    counts = dict.fromkeys(ALL_TYPES, 0)
    for record in records:
        counts[record.type] += 1
    return counts


@pytest.mark.parametrize("name", ["all.jsonl", "all.jsonl.gz"])
def test_jsonl_export_reads_back_equal(
    exported: tuple[Store, list[Record]], tmp_path: Path, name: str
) -> None:
    store, expected = exported
    target = tmp_path / "out" / name
    assert export(store, target, "jsonl") == _count(expected)
    opener: Any = gzip.open if name.endswith(".gz") else open
    with opener(target, "rt", encoding="utf-8") as lines:
        assert [from_dict(json.loads(line)) for line in lines] == expected


@pytest.mark.parametrize(
    ("given", "made"),
    [("folder", "folder/claims.csv"), ("out/news.csv", "out/news-claims.csv")],
)
def test_csv_export_one_file_per_type(
    exported: tuple[Store, list[Record]], tmp_path: Path, given: str, made: str
) -> None:
    store, expected = exported
    assert export(store, tmp_path / given, "csv", types=["claim", "error"]) == {"claim": 4, "error": 1}
    with (tmp_path / made).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    claims = [to_dict(r) for r in expected if r.type == "claim"]
    assert [row["doc_id"] for row in rows] == [c["doc_id"] for c in claims]
    assert [json.loads(row["source"]) for row in rows] == [c["source"] for c in claims]
    assert [json.loads(row["span"]) for row in rows] == [c["span"] for c in claims]
    assert [row["direct"] for row in rows] == ["false"] * 4
    assert rows[0]["parent_id"] == ""
    errors_csv = (tmp_path / made.replace("claims", "errors")).read_text(encoding="utf-8")
    assert errors_csv.splitlines() == [
        "type,doc_id,code,message,path,line",
        "error,x1,E-INPUT-EMPTY,empty,/data/x1.txt,7",
    ]


def test_parquet_export_flattens_records(exported: tuple[Store, list[Record]], tmp_path: Path) -> None:
    store, expected = exported
    assert export(store, tmp_path / "pq", "parquet") == _count(expected)
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert [e["doc_id"] for e in events] == ["a1", "n1", "u1", "y1"]
    first = events[0]
    assert first["type"] == "event"
    assert (first["event_type"], first["factuality"], first["quad_class"]) == ("THREATEN", "hypothetical", 2)
    assert (first["source_actor_country"], first["target_actor_id"]) == ("RUS", "PRK")
    assert (first["span_start"], first["span_end"], first["location_span_start"]) == (24, 76, None)
    assert first["factuality_cues"] == ["anticipated", "would"]
    assert events[2]["date_value"] is None
    documents = pq.read_table(tmp_path / "pq" / "documents.parquet")
    assert documents.num_rows == 4
    assert documents.column("flags").to_pylist()[0] == ["boilerplate-removed", "signoff"]
    claims = pq.read_table(tmp_path / "pq" / "claims.parquet").to_pylist()
    assert [c["source_actor_name"] for c in claims] == ["Vladimir Putin", "Nikkei", "Nikkei", "Nikkei"]
    errors = pq.read_table(tmp_path / "pq" / "errors.parquet").to_pylist()
    assert errors == [
        {
            "type": "error",
            "doc_id": "x1",
            "code": "E-INPUT-EMPTY",
            "message": "empty",
            "path": "/data/x1.txt",
            "line": 7,
        }
    ]


def test_export_of_an_empty_store_writes_empty_files(store: Store, tmp_path: Path) -> None:
    assert export(store, tmp_path / "pq", "parquet", types=["event"]) == {"event": 0}
    table = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert table.num_rows == 0
    assert "source_actor_country" in table.column_names
