"""Dates as people type them, read by one function: the CLI, the API and the pages accept the same."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.errors import DateError
from newsgraph.periods import parse_period, period_end
from newsgraph.records import Analysis, Document
from newsgraph.server import create_app
from newsgraph.store import Store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

GOOD = ["2024", "2024-06", "2024-06-18", "2024-02-29", " 2023-09 "]
BAD = ["June 2024", "2024-6", "24", "2024-06-18T10:00", "2024-13", "2023-02-29", "2024-06-31", "garbage", ""]


@pytest.mark.parametrize("value", GOOD)
def test_years_months_and_days_are_dates(value: str) -> None:
    assert parse_period(value) == value.strip()


@pytest.mark.parametrize("value", BAD)
def test_anything_else_is_a_coded_error(value: str) -> None:
    with pytest.raises(DateError, match="YYYY, YYYY-MM or YYYY-MM-DD") as caught:
        parse_period(value, "--since")
    assert caught.value.code == "E-DATE" and "--since" in caught.value.message


@pytest.mark.parametrize(
    ("value", "end"),
    [("2024", "2025"), ("2024-06", "2024-07"), ("2024-12", "2025-01"), ("2024-12-31", "2025-01-01")],
)
def test_the_end_of_a_period_is_the_next_one(value: str, end: str) -> None:
    assert period_end(value) == end


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("periods") / "news.db")
    with Store.open(path) as store:
        store.write([Analysis(Document("d1", "Japan protested to China.", published="2024-06-18"))])
    return path


@pytest.mark.parametrize("value", [*GOOD, *BAD[:-1]])
def test_cli_api_and_pages_agree_on_every_date(db: str, value: str) -> None:
    """`events --since 2024` was refused while the web and API took it; now all three ask parse_period."""
    ok = value in GOOD
    cli = CliRunner().invoke(app, ["events", "--db", db, "--since", value])
    assert cli.exit_code == (0 if ok else 2), cli.output
    with Store.open(db, create=False) as store:
        client = TestClient(create_app(store, token=""))
        api = client.get("/api/events", params={"since": value})
        page = client.get("/timeline", params={"since": value})
    assert api.status_code == (200 if ok else 400), api.text
    assert page.status_code == (200 if ok else 400), page.text
    if not ok:
        assert "E-DATE" in cli.stderr and api.json()["error"]["code"] == "E-DATE"


def test_published_takes_a_month_too(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Japan protested to China over the islands on Tuesday, officials said.")
    result = CliRunner().invoke(app, ["extract", str(text), "--published", "2024-06"])
    assert result.exit_code == 0, result.output
    assert '"published": "2024-06"' in result.stdout
    assert CliRunner().invoke(app, ["extract", str(text), "--published", "2024-06-31"]).exit_code == 2
