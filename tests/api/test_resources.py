"""Every resource over a store the real pipeline filled: contract fields, offsets, paging, filters."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from tests.api.seeded import HOSTILE_ID, HOSTILE_TEXT, shared_store

from newsgraph.queries import DocumentQuery, EventQuery
from newsgraph.server import create_app
from newsgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Store:
    return shared_store(tmp_path_factory, seeds_dir)


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store, token=""))


def get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_document_records_keep_the_contract(client: TestClient, store: Store) -> None:
    for summary in get(client, "/api/documents?limit=500")["items"]:
        body = get(client, f"/api/documents/{summary['doc_id']}")
        text = body["document"]["text"]
        assert body["document"]["type"] == "document"
        for kind in ("entities", "timexes", "claims", "events"):
            for record in body[kind]:
                start, end = record["span"]
                assert 0 <= start < end <= len(text)
        for entity in body["entities"]:
            assert text[entity["span"][0] : entity["span"][1]] == entity["text"]
        for claim in body["claims"]:
            assert text[claim["span"][0] : claim["span"][1]] == claim["content"]
        stored = store.get(summary["doc_id"])
        assert len(body["entities"]) == len(stored.entities)
        assert len(body["events"]) == len(stored.events)
    hostile = get(client, f"/api/documents/{HOSTILE_ID}")["document"]
    assert hostile["text"] == HOSTILE_TEXT  # JSON carries the text as given; escaping is the page's job


PAGED = [
    # (list url, item key that identifies an item)
    ("/api/documents", "doc_id"),
    ("/api/entities", "span"),
    ("/api/claims", "id"),
    ("/api/events", "id"),
    ("/api/timeline", "event"),
    ("/api/actors", "id"),
    ("/api/clusters", "cluster"),
    ("/api/search?q=North+Korea", "document"),
    ("/api/incidents", "incident"),
]


@pytest.mark.parametrize(("url", "key"), PAGED)
def test_pages_cover_the_list_once(client: TestClient, url: str, key: str) -> None:
    join = "&" if "?" in url else "?"
    everything = get(client, f"{url}{join}limit=500")
    assert everything["next_offset"] is None
    full = everything["items"]
    assert full, f"{url} is empty over the seeded store"
    size = max(1, len(full) // 3)
    paged: list[Any] = []
    offset: int | None = 0
    while offset is not None:
        page = get(client, f"{url}{join}limit={size}&offset={offset}")
        assert len(page["items"]) <= size and page["limit"] == size and page["offset"] == offset
        paged.extend(page["items"])
        offset = page["next_offset"]
    if key == "span":
        assert [(i["doc_id"], i[key]) for i in paged] == [(i["doc_id"], i[key]) for i in full]
    else:
        assert [i[key] for i in paged] == [i[key] for i in full]


def involves(event: dict[str, Any], code: str) -> bool:
    """As the store's actor filter: the country, or the actor id, of the source or the target."""
    actors = [m["actor"] for m in (event["source"], event["target"]) if m and m["actor"]]
    return any(a["country"] == code or code in a["id"] for a in actors)


FILTERS = [
    # (url, check on every item)
    ("/api/documents?outlet=yomiuri", lambda i: "yomiuri" in (i["outlet"] or "").lower()),
    ("/api/documents?since=2024-06-20", lambda i: i["published"] >= "2024-06-20"),
    ("/api/entities?label=GPE", lambda i: i["label"] == "GPE"),
    (f"/api/entities?doc_id={HOSTILE_ID}", lambda i: i["doc_id"] == HOSTILE_ID),
    ("/api/actors?kind=state", lambda i: i["kind"] == "state"),
    ("/api/actors?country=RUS", lambda i: i["country"] == "RUS"),
    ("/api/claims?kind=prediction", lambda i: i["kind"] == "prediction"),
    (f"/api/claims?doc_id={HOSTILE_ID}", lambda i: i["doc_id"] == HOSTILE_ID),
    ("/api/events?actor=PRK", lambda i: involves(i, "PRK")),
    ("/api/events?factuality=asserted", lambda i: i["factuality"] == "asserted"),
    ("/api/timeline?actor=RUS", lambda i: involves(i["event"], "RUS")),
    ("/api/search?q=pyongyang", lambda i: i["hits"] >= 1 and "pyongyang" in i["snippets"][0].lower()),
    ("/api/incidents?actor=prk", lambda i: "PRK" in (i["source"], i["target"])),
    ("/api/incidents?event_type=consult", lambda i: i["event_type"] == "CONSULT"),
    ("/api/incidents?type=CONSULT&actor=RUS", lambda i: i["event_type"] == "CONSULT"),
    ("/api/incidents?min_outlets=2", lambda i: i["outlet_count"] >= 2 and len(i["outlets"]) >= 2),
    ("/api/incidents?since=2023-09&until=2023-09", lambda i: i["date_from"].startswith("2023-09")),
]


@pytest.mark.parametrize(("url", "check"), FILTERS)
def test_filters(client: TestClient, url: str, check: Any) -> None:
    items = get(client, url)["items"]
    assert items, f"{url} found nothing over the seeded store"
    assert all(check(i) for i in items)


def test_actors_are_counted(client: TestClient) -> None:
    actors = {a["id"]: a for a in get(client, "/api/actors?limit=500")["items"]}
    assert {"RUS", "PRK"} <= set(actors)
    assert actors["PRK"]["documents"] == 3  # both seeds and the hostile article name North Korea
    counts = [a["mentions"] for a in actors.values()]
    assert counts == sorted(counts, reverse=True)
    assert get(client, "/api/actors/RUS") == actors["RUS"]


def test_timeline_in_date_order(client: TestClient) -> None:
    dates = [t["date"] for t in get(client, "/api/timeline?limit=500")["items"]]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated)
    assert dates[: len(dated)] == dated  # undated last


def test_network_is_consistent(client: TestClient) -> None:
    mentions = get(client, "/api/network?count=mentions")
    assert mentions["counting"] == "mentions"
    ids = {n["id"] for n in mentions["nodes"]}
    assert len(ids) >= 3
    for edge in mentions["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["source"] != edge["target"]
        assert edge["count"] == sum(edge["by_quad"].values()) == len(edge["event_ids"]) == edge["mentions"]
        assert edge["outlets"] >= 1
    # by default an edge counts incidents: the summit both seed pages report is one, carried by two outlets
    net = get(client, "/api/network")
    assert net["counting"] == "incidents"
    ids = {n["id"] for n in net["nodes"]}
    assert {"PRK", "RUS"} <= ids
    for edge in net["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["source"] != edge["target"]
        assert edge["count"] == sum(edge["by_quad"].values()) <= edge["mentions"]
        assert edge["outlets"] >= 1
    assert sum(e["count"] for e in net["edges"]) < sum(e["count"] for e in mentions["edges"])
    summit = [
        e
        for e in net["edges"]
        if {e["source"], e["target"]} == {"PRK", "RUS"} and e["by_type"].get("CONSULT")
    ]
    assert summit and max(e["outlets"] for e in summit) >= 2
    countries = get(client, "/api/network?level=country")
    assert countries["level"] == "country"
    assert all(len(n["id"]) == 3 or n["kind"] != "state" for n in countries["nodes"])


def test_roundup_and_clusters(client: TestClient) -> None:
    roundup = get(client, "/api/roundup?q=Putin")
    assert len(roundup["doc_ids"]) == 3
    assert roundup["outlets"], "no outlet views"
    by_doc = get(client, f"/api/roundup?doc_id={HOSTILE_ID}")
    assert by_doc["doc_ids"] == [HOSTILE_ID]
    clusters = get(client, "/api/clusters")["items"]
    assert sum(c["size"] for c in clusters) == 3
    member = clusters[0]["doc_ids"][-1]
    assert get(client, f"/api/clusters/{member}")["cluster"] == clusters[0]["cluster"]


def test_overview_matches_store(client: TestClient, store: Store) -> None:
    overview = get(client, "/api/overview")
    assert overview["documents"] == store.count_documents() == 3
    assert overview["claims"] == len(store.claims())
    assert overview["events"] == len(store.events())
    assert overview["outlets"]["Test Wire <i>"] == 1
    assert get(client, "/api/health") == {"status": "ok", "documents": 3}


def test_events_as_gdelt_tsv(client: TestClient, store: Store) -> None:
    response = client.get("/api/events.tsv?actor=PRK")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    lines = response.text.splitlines()
    header = lines[0].split("\t")
    assert header[:2] == ["GLOBALEVENTID", "SQLDATE"] and "Factuality" in header and len(header) == 76
    ids = [line.split("\t")[0] for line in lines[1:]]
    assert ids == [e.id for e in store.events(EventQuery(actor="PRK"))] and ids
    assert client.get("/api/events.tsv?factuality=nonsense").status_code == 422


def test_search_takes_every_word_and_marks_them(client: TestClient) -> None:
    """'Putin North Korea' was one substring and found nothing; each word must occur, in any order."""
    items = get(client, "/api/search?q=Putin+North+Korea")["items"]
    assert len(items) == 3 and items == sorted(items, key=lambda i: -i["rank"])
    editorial = get(client, "/api/search?q=%22North+Korea%22+Pyongyang+ammunition")["items"]
    assert [i["document"]["doc_id"] for i in editorial] == ["03af38b2667d0802"]
    for highlight in editorial[0]["highlights"]:
        marked = {highlight["text"][a:b].lower() for a, b in highlight["marks"]}
        assert marked and marked <= {"north", "korea", "north korea", "pyongyang", "ammunition"}
    claims = get(client, "/api/search?q=Nikkei+satellites&kind=claim")["items"]
    assert claims and all(
        i["kind"] == "claim" and i["claim"]["doc_id"] == i["document"]["doc_id"] for i in claims
    )
    assert all("satellite" in i["claim"]["content"].lower() for i in claims)
    events = get(client, "/api/search?q=ammunition&kind=event")["items"]
    assert events and all(i["event"] and "ammunition" in i["event"]["sentence"] for i in events)


def test_a_search_without_words_is_a_coded_error(client: TestClient) -> None:
    response = client.get("/api/search?q=-putin")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E-SEARCH-QUERY"


def test_events_tsv_honours_limit_and_offset(client: TestClient) -> None:
    """/api/events.tsv?limit=1 returned every row."""
    every = client.get("/api/events.tsv").text.splitlines()
    assert len(every) > 3  # a header and events
    assert client.get("/api/events.tsv?limit=1").text.splitlines() == every[:2]
    assert client.get("/api/events.tsv?limit=2&offset=1").text.splitlines() == [every[0], *every[2:4]]


def test_incidents_keep_every_report(client: TestClient, store: Store) -> None:
    items = get(client, "/api/incidents?limit=500")["items"]
    events = {
        e.id: e for doc in store.documents(DocumentQuery(limit=None)) for e in store.get(doc.doc_id).events
    }
    # every event is in exactly one incident, and each report points at its event's sentence
    assert sorted(r["event_id"] for i in items for r in i["reports"]) == sorted(events)
    for incident in items:
        assert incident["events"] == len(incident["event_ids"]) == len(incident["reports"])
        assert incident["documents"] == len(set(incident["doc_ids"]))
        for report in incident["reports"]:
            assert report["sentence"] == events[report["event_id"]].sentence
    one = items[0]
    assert get(client, f"/api/incidents/{one['incident']}") == one
