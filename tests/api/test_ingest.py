"""The token-protected ingest endpoint runs the real pipeline and stores what it found."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from newsgraph.server import create_app
from newsgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "ingest-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = {
    "id": "api-1",
    "text": "Japan and India held talks in Tokyo on May 2, 2024. Prime Minister Fumio Kishida said the two "
    "countries would expand defence cooperation.",
    "title": "Japan, India talks",
    "outlet": "Test Wire",
    "published": "2024-05-03",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(str(tmp_path_factory.mktemp("ingest") / "ingest.db"))
    yield store
    store.close()


def test_ingest_then_read_back(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", TOKEN)
    client = TestClient(
        create_app(store)
    )  # the token comes from the environment, as `newsgraph serve` reads it
    first = client.post("/api/ingest", headers=AUTH, json={"articles": [ARTICLE]})
    assert first.status_code == 200, first.text
    assert first.json() == {"new": 1, "skipped": 0, "failed": 0, "doc_ids": ["api-1"], "failures": []}
    again = client.post("/api/ingest", headers=AUTH, json={"articles": [ARTICLE]})
    assert again.json()["new"] == 0 and again.json()["skipped"] == 1
    body = client.get("/api/documents/api-1").json()
    assert body["document"]["text"] == ARTICLE["text"]
    assert body["document"]["outlet"] == "Test Wire"
    assert {"Japan", "India", "Tokyo"} <= {e["text"] for e in body["entities"]}
    assert store.count_documents() == 1


def test_without_env_token_ingest_is_off(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    client = TestClient(create_app(store))
    assert client.post("/api/ingest", headers=AUTH, json={"articles": [ARTICLE]}).status_code == 403
