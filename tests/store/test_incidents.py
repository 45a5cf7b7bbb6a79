"""Incidents in the store: linked as documents arrive, the same in any order and any number of runs,
rebuilt from scratch to the same answer, and a store from before incidents migrated with a message.

Events are built by hand (no spaCy): random corpora over a few actors, days and anchors.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.incidents.test_linking import QUAD, event
from tests.store.backends import BACKENDS, fresh_url

from newsgraph.errors import NotFoundError, UnknownActorError
from newsgraph.incidents.query import IncidentQuery
from newsgraph.records import Analysis, Document, Event, Factuality
from newsgraph.store import Store
from newsgraph.store.engine import create, normalise_url

OUTLETS = ("Yomiuri", "Asahi", "Nikkei", None)
SIDES = ("Kim", "PRK", "Pyongyang", "Putin", "RUS", "UKR", "USA", None)


def corpus(seed: int, documents: int = 40) -> list[Analysis]:
    """Documents over 20 days, each with a few events: days, months, publication-dated, undated."""
    rng = random.Random(seed)
    made = []
    for d in range(documents):
        doc_id = f"s{seed}d{d:03d}"
        day = rng.randrange(1, 21)
        published = None if rng.random() < 0.1 else f"2024-06-{day:02d}"
        events: list[Event] = []
        for n in range(rng.randrange(1, 7)):
            anchor = rng.random()
            date = (
                f"2024-06-{rng.randrange(1, 21):02d}"
                if anchor < 0.35
                else "2024-06"
                if anchor < 0.45
                else "2024"
                if anchor < 0.5
                else None
            )
            events.append(
                event(
                    doc_id,
                    n,
                    rng.choice(list(QUAD)),
                    rng.choice(SIDES),
                    rng.choice(SIDES),
                    date,
                    factuality=rng.choice(list(Factuality)),
                    place=rng.choice((None, None, "UKR")),
                )
            )
        document = Document(doc_id=doc_id, text=doc_id, published=published, outlet=rng.choice(OUTLETS))
        made.append(Analysis(document=document, events=tuple(events)))
    return made


def snapshot(store: Store) -> dict[str, dict[str, object]]:
    return {i.incident: i.to_dict() for i in store.incidents(IncidentQuery(limit=None))}


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_url(request.param, tmp_path, request) as made:
        yield made


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_order_and_any_batches_give_the_incidents_of_a_rebuild(url: str, seed: int) -> None:
    docs = corpus(seed)
    rng = random.Random(seed * 7)
    shuffled = docs[:]
    rng.shuffle(shuffled)
    with Store.open(url) as store:
        start = 0
        while start < len(shuffled):
            size = rng.randrange(1, 9)
            store.write(shuffled[start : start + size])
            start += size
        linked = snapshot(store)
        assert sum(len(i["event_ids"]) for i in linked.values()) == sum(len(a.events) for a in docs)
        assert any(i["documents"] > 1 for i in linked.values()), "the corpus should link across documents"
        store.rebuild_incidents()
        assert snapshot(store) == linked


def test_two_runs_give_the_incidents_of_one_run(tmp_path: Path) -> None:
    docs = corpus(11, documents=60)
    with Store.open(str(tmp_path / "one.db")) as one, Store.open(str(tmp_path / "two.db")) as two:
        one.write(docs)
        two.write(docs[30:])
        two.write(docs[:30])
        assert snapshot(one) == snapshot(two)


def test_replacing_a_document_relinks_its_neighbours(url: str) -> None:
    docs = corpus(5)
    with Store.open(url) as store:
        store.write(docs)
        changed = [
            Analysis(
                document=a.document,
                events=tuple(e for e in a.events if e.quad_class != 4),
            )
            for a in docs[::3]
        ]
        store.write(changed, force=True)
        after = snapshot(store)
        store.rebuild_incidents()
        assert snapshot(store) == after


def test_filters_and_unknown_actors(url: str) -> None:
    with Store.open(url) as store:
        store.write(corpus(2))
        everything = store.incidents(IncidentQuery(limit=None))
        assert store.count_incidents() == len(everything)
        russia = store.incidents(IncidentQuery(actor="rus", limit=None))
        assert russia and all("RUS" in (i.source, i.target) for i in russia)
        multi = store.incidents(IncidentQuery(min_outlets=2, limit=None))
        assert multi and all(len(i.outlets) >= 2 for i in multi)
        june = store.incidents(IncidentQuery(since="2024-06-10", until="2024-06-12", limit=None))
        assert june and all("2024-06-10" <= (i.date_from or "") < "2024-06-13" for i in june)
        assault = store.incidents(IncidentQuery(event_type="assault", limit=None))
        assert assault and all(i.quad_class == 4 for i in assault)
        page = store.incidents(IncidentQuery(limit=3, offset=2))
        assert [i.incident for i in page] == [i.incident for i in everything[2:5]]
        one = everything[0]
        assert store.incident(one.incident) == one
        assert store.incidents(IncidentQuery(doc_id=one.doc_ids[0], limit=None))
        with pytest.raises(UnknownActorError, match="did you mean: Russia"):
            store.incidents(IncidentQuery(actor="Rusia"))
        with pytest.raises(NotFoundError):
            store.incident("inc-nope")


def test_a_store_from_before_incidents_is_migrated_and_says_to_rebuild(
    url: str, caplog: pytest.LogCaptureFixture
) -> None:
    old = corpus(4, documents=10)
    with Store.open(url) as store:
        store.write(old)
    # What a newsgraph of revision 0003_search leaves: the same documents and events, no incident tables.
    engine = create(normalise_url(url))
    with engine.begin() as conn:
        for name in ("incident_items", "incidents", "store_state"):
            conn.exec_driver_sql(f"DROP TABLE {name}")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0003_search'")
    engine.dispose()
    with caplog.at_level(logging.WARNING, logger="newsgraph.store"), Store.open(url) as store:
        assert "newsgraph incidents --rebuild" in caplog.text
        assert store.incidents_stale()
        assert store.count_incidents() == 0
        events, made = store.rebuild_incidents()
        assert events == sum(len(a.events) for a in old)
        assert made == store.count_incidents() > 0
        assert not store.incidents_stale()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="newsgraph.store"), Store.open(url):
        assert "rebuild" not in caplog.text


def test_a_new_store_is_not_stale(url: str) -> None:
    with Store.open(url) as store:
        assert not store.incidents_stale()
        store.write(corpus(3, documents=3))
        assert not store.incidents_stale() and store.count_incidents() > 0
