"""Views kept until the next write: computed once per write however many clients ask, recomputed after a
write, and the server answering while another process writes. Records built by hand (no spaCy)."""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.store.backends import BACKENDS, fresh_url
from tests.store.test_incidents import corpus

from newsgraph.analysis.corpus import actors, overview, top_actors
from newsgraph.analysis.network import network
from newsgraph.incidents.query import IncidentQuery
from newsgraph.server import create_app
from newsgraph.serving.cache import ViewCache
from newsgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_view_is_computed_once_per_write(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "cache.db")) as store:
        store.write(corpus(1, documents=5))
        cache = ViewCache()
        calls: list[int] = []

        def compute() -> int:
            calls.append(1)
            time.sleep(0.05)  # long enough for every thread to arrive while the first computes
            return store.count_documents()

        threads = [threading.Thread(target=cache.get, args=(store, "n", (), compute)) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(calls) == 1 and cache.get(store, "n", (), compute) == 5 and len(calls) == 1
        assert cache.get(store, "n", ("other",), compute) == 5 and len(calls) == 2  # parameters are the key
        store.write(corpus(2, documents=3))
        assert cache.get(store, "n", (), compute) == 8 and len(calls) == 3


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_url(request.param, tmp_path, request) as made:
        yield made


def test_sql_counts_match_the_records(url: str) -> None:
    with Store.open(url) as store:
        store.write(corpus(3, documents=12))
        net = network(store)
        every = store.incidents(IncidentQuery(limit=None))
        assert sum(e.count for e in net.edges) + net.skipped == len(every)
        assert sum(d.count for d in store.incident_days()) == len([i for i in every if i.date_from])
        named = [i for i in every if i.source and i.target and i.source != i.target]
        for (source, target), outlets in store.edge_outlets().items():
            expected = {o for i in named if (i.source, i.target) == (source, target) for o in i.outlets}
            assert outlets == len(expected)
        counted = overview(store)
        events = list(store.iter_records(("event",)))
        assert counted.events == len(events) == sum(counted.event_types.values())
        assert counted.incidents == store.count_incidents() > 0
        assert counted.documents == 12 == sum(counted.outlets.values())
        streamed = actors(store)[:5]
        assert [(a.actor.id, a.mentions, a.documents) for a in top_actors(store, 5)] == [
            (a.actor.id, a.mentions, a.documents) for a in streamed
        ]


def test_the_server_answers_while_another_writer_stores(tmp_path: Path) -> None:
    db = str(tmp_path / "live.db")
    with Store.open(db) as store:
        store.write(corpus(4, documents=10))
    batches = [corpus(seed, documents=6) for seed in range(20, 30)]
    done = threading.Event()

    def write() -> None:
        with Store.open(db) as writer:
            for batch in batches:
                writer.write(batch)
                time.sleep(0.2)  # batches land over a couple of seconds, as a pipeline's would
        done.set()

    with Store.open(db) as served:
        client = TestClient(create_app(served, token=""))
        writer = threading.Thread(target=write)
        writer.start()
        statuses = []
        seen = set()
        while not done.is_set() or not seen:
            for url in ("/", "/timeline", "/network", "/api/incidents", "/api/network", "/api/overview"):
                response = client.get(url)
                statuses.append(response.status_code)
            seen.add(client.get("/api/overview").json()["documents"])
        writer.join()
        assert set(statuses) == {200}
        # the counts moved while it ran, and the last answer is the finished store's
        assert client.get("/api/overview").json()["documents"] == 10 + 6 * len(batches)
        assert len(seen) >= 2
