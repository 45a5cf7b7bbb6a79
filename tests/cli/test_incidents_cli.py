"""`newsgraph incidents` as a user meets it: the seeds ingested, one row per happening, coded errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app

runner = CliRunner()
REQUIRED = {
    "incident",
    "event_type",
    "quad_class",
    "source",
    "target",
    "date",
    "event_ids",
    "doc_ids",
    "outlets",
    "mentions",
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    path = str(tmp_path_factory.mktemp("incidents") / "seeds.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def test_jsonl_has_one_object_per_incident_with_every_field(db: str) -> None:
    result = runner.invoke(app, ["incidents", "--db", db, "--limit", "0", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(set(r) >= REQUIRED for r in rows)
    events = runner.invoke(app, ["events", "--db", db, "--limit", "0", "--format", "jsonl"])
    assert sorted(e for r in rows for e in r["event_ids"]) == sorted(
        json.loads(line)["id"] for line in events.stdout.splitlines()
    )
    summit = [r for r in rows if len(r["doc_ids"]) == 2]
    assert len(summit) == 1 and {summit[0]["source"], summit[0]["target"]} == {"PRK", "RUS"}


def test_filters_and_csv(db: str) -> None:
    result = runner.invoke(
        app,
        [
            "incidents",
            "--db",
            db,
            "--actor",
            "PRK",
            "--min-outlets",
            "2",
            "--type",
            "consult",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["event_type"] == "CONSULT" and int(rows[0]["outlet_count"]) == 2
    assert "The Yomiuri Shimbun: asserted" in rows[0]["stances"]


def test_rebuild_gives_the_same_incidents(db: str) -> None:
    before = runner.invoke(app, ["incidents", "--db", db, "--limit", "0", "--format", "jsonl"]).stdout
    result = runner.invoke(app, ["incidents", "--db", db, "--rebuild", "--limit", "0", "--format", "jsonl"])
    assert result.exit_code == 0 and "linked" in result.stderr
    assert result.stdout == before


@pytest.mark.parametrize(
    ("args", "code", "hint"),
    [
        (["--type", "consul"], "E-UNKNOWN-TYPE", "CONSULT"),
        (["--actor", "North Korae"], "E-UNKNOWN-ACTOR", "North Korea"),
        (["--since", "June"], None, "--since"),
    ],
)
def test_unknown_filters_are_usage_errors_with_suggestions(
    db: str, args: list[str], code: str | None, hint: str
) -> None:
    result = runner.invoke(app, ["incidents", "--db", db, *args])
    assert result.exit_code == 2
    assert hint in result.stderr and (code is None or code in result.stderr)
