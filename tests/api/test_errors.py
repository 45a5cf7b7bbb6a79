"""The one error shape, pinned: every error (ours, routing, validation, auth, size) answers the same way."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.server import create_app
from newsgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
LIMIT = 4_000


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = Store.open(str(tmp_path_factory.mktemp("errors") / "empty.db"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def locked(empty_store: Store) -> TestClient:
    """No token set: ingest is disabled."""
    return TestClient(create_app(empty_store, token="", max_body=LIMIT))


@pytest.fixture(scope="module")
def open_ingest(empty_store: Store) -> TestClient:
    return TestClient(create_app(empty_store, token=TOKEN, max_body=LIMIT))


def assert_shape(body: Any, code: str, status: int) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and len(body["error"]["message"]) > 10


CASES = [
    # (method, path, kwargs, status, code)
    ("GET", "/api/no-such-route", {}, 404, "E-NOT-FOUND"),
    ("GET", "/no-such-page", {"headers": {"Accept": "application/json"}}, 404, "E-NOT-FOUND"),
    ("GET", "/api/documents/no-such-doc", {}, 404, "E-NOT-FOUND"),
    ("GET", "/api/actors/XXX-NOBODY", {}, 404, "E-NOT-FOUND"),
    ("GET", "/api/clusters/no-such-doc", {}, 404, "E-NOT-FOUND"),
    ("GET", "/api/events?limit=0", {}, 422, "E-VALIDATION"),
    ("GET", "/api/events?limit=100000", {}, 422, "E-VALIDATION"),
    ("GET", "/api/events?event_type=HUG", {}, 422, "E-VALIDATION"),
    ("GET", "/api/claims?kind=rumour", {}, 422, "E-VALIDATION"),
    ("GET", "/api/documents?offset=-1", {}, 422, "E-VALIDATION"),
    ("GET", "/api/search", {}, 422, "E-VALIDATION"),
    ("GET", "/api/network?level=planet", {}, 422, "E-VALIDATION"),
    ("GET", "/api/documents?since=June", {}, 400, "E-DATE"),
    ("GET", "/api/events?until=2024-6", {}, 400, "E-DATE"),
    ("GET", "/api/roundup", {}, 400, "E-CONFIG"),
    ("GET", "/api/incidents?event_type=HUG", {}, 400, "E-UNKNOWN-TYPE"),
    ("GET", "/api/incidents?actor=Atlantis", {}, 400, "E-UNKNOWN-ACTOR"),
    ("GET", "/api/incidents?min_outlets=0", {}, 422, "E-VALIDATION"),
    ("GET", "/api/incidents/inc-none", {}, 404, "E-NOT-FOUND"),
    ("DELETE", "/api/documents", {}, 405, "E-METHOD-NOT-ALLOWED"),
    ("PUT", "/api/ingest", {}, 405, "E-METHOD-NOT-ALLOWED"),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "code"), CASES)
def test_error_shape(
    locked: TestClient, method: str, path: str, kwargs: dict[str, Any], status: int, code: str
) -> None:
    response = locked.request(method, path, **kwargs)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert_shape(response.json(), code, status)


ARTICLE = {"articles": [{"text": "Japan and India held talks in Tokyo on May 2, 2024."}]}
INGEST_CASES = [
    # (client fixture, headers, json body, status, code)
    ("locked", {}, ARTICLE, 403, "E-FORBIDDEN"),
    ("locked", {"Authorization": f"Bearer {TOKEN}"}, ARTICLE, 403, "E-FORBIDDEN"),
    ("open_ingest", {}, ARTICLE, 401, "E-UNAUTHORIZED"),
    ("open_ingest", {"Authorization": "Bearer wrong"}, ARTICLE, 401, "E-UNAUTHORIZED"),
    ("open_ingest", {"Authorization": TOKEN}, ARTICLE, 401, "E-UNAUTHORIZED"),
    ("open_ingest", {"Authorization": f"Bearer {TOKEN}"}, {"articles": []}, 422, "E-VALIDATION"),
    (
        "open_ingest",
        {"Authorization": f"Bearer {TOKEN}"},
        {"articles": [{"title": "no text"}]},
        422,
        "E-INPUT-MALFORMED",
    ),
    (
        "open_ingest",
        {"Authorization": f"Bearer {TOKEN}"},
        {"articles": [{"text": "x", "bogus": 1}]},
        422,
        "E-VALIDATION",
    ),
    (
        "open_ingest",
        {"Authorization": f"Bearer {TOKEN}"},
        {"articles": [{"text": "x", "published": "June 2024"}]},
        422,
        "E-VALIDATION",
    ),
]


@pytest.mark.parametrize(("client", "headers", "body", "status", "code"), INGEST_CASES)
def test_ingest_guard(
    request: pytest.FixtureRequest, client: str, headers: dict[str, str], body: Any, status: int, code: str
) -> None:
    response = request.getfixturevalue(client).post("/api/ingest", headers=headers, json=body)
    assert response.status_code == status, response.text
    assert_shape(response.json(), code, status)
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_invalid_json_body(open_ingest: TestClient) -> None:
    response = open_ingest.post(
        "/api/ingest",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        content=b"{not json",
    )
    assert response.status_code == 422
    assert_shape(response.json(), "E-VALIDATION", 422)


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_body_over_limit(open_ingest: TestClient, chunked: bool) -> None:
    payload = b'{"articles": [{"text": "' + b"a" * (LIMIT * 2) + b'"}]}'
    content: Any = iter([payload[:1000], payload[1000:]]) if chunked else payload
    response = open_ingest.post(
        "/api/ingest",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        content=content,
    )
    assert response.status_code == 413
    assert_shape(response.json(), "E-TOO-LARGE", 413)


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/documents/nope", 404, "E-NOT-FOUND"),
        ("/timeline?since=garbage", 400, "E-DATE"),
        ("/network?until=2024-13", 400, "E-DATE"),
        ("/documents?offset=-1", 422, "E-VALIDATION"),
        ("/search?q=-putin", 400, "E-SEARCH-QUERY"),
        ("/no-such-page", 404, "E-NOT-FOUND"),
    ],
)
@pytest.mark.parametrize("accept", [None, "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_pages_answer_html_errors_in_the_dashboards_look(
    locked: TestClient, path: str, status: int, code: str, accept: str | None
) -> None:
    """Pages answered errors in JSON unless the request said text/html (curl, a script's fetch did not)."""
    response = locked.get(path, headers={"Accept": accept} if accept else {})
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert code in response.text
    assert '<header class="top">' in response.text and "/static/app.css" in response.text


@pytest.mark.parametrize(
    ("path", "hint"),
    [
        ("/api/network?limit=1", "does not take 'limit'"),
        ("/api/events?evnt_type=AID", "did you mean event_type?"),
        ("/api/roundup?q=Putin&limit=5", "does not take 'limit'"),
    ],
)
def test_parameters_a_resource_does_not_take_are_refused(locked: TestClient, path: str, hint: str) -> None:
    response = locked.get(path)
    assert response.status_code == 400
    assert_shape(response.json(), "E-VALIDATION", 400)
    assert hint in response.json()["error"]["message"]


def test_openapi_served(locked: TestClient) -> None:
    spec = locked.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/entities",
        "/api/actors",
        "/api/claims",
        "/api/events",
        "/api/timeline",
        "/api/network",
        "/api/roundup",
        "/api/clusters",
        "/api/search",
        "/api/ingest",
    ):
        assert path in paths
    assert "post" in spec["paths"]["/api/ingest"] and "get" not in spec["paths"]["/api/ingest"]
    reference = locked.get("/docs")
    assert reference.status_code == 200 and "/api/timeline" in reference.text


def test_empty_store_lists(locked: TestClient, tmp_path: Path) -> None:
    body = locked.get("/api/documents").json()
    assert body == {"items": [], "limit": 50, "offset": 0, "next_offset": None}
