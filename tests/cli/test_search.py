"""Search from the command line: docs --search, roundup --query, report --query and `newsgraph search`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app

runner = CliRunner()
EDITORIAL = "03af38b2667d0802"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> str:
    path = str(tmp_path_factory.mktemp("cli-search") / "news.db")
    result = runner.invoke(app, ["ingest", str(seeds_dir), "--db", path])
    assert result.exit_code == 0, result.output
    return path


def _jsonl(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_roundup_of_several_words_has_the_four_papers(db: str) -> None:
    result = runner.invoke(app, ["roundup", "--db", db, "--query", "Putin North Korea", "--format", "json"])
    assert result.exit_code == 0, result.output
    outlets = {o["outlet"] for o in json.loads(result.stdout)["outlets"]}
    assert {"Nikkei", "The Asahi Shimbun", "The Sankei Shimbun", "The Yomiuri Shimbun"} <= outlets


def test_a_phrase_and_words_find_exactly_the_editorial(db: str) -> None:
    query = '"North Korea" Pyongyang ammunition'
    result = runner.invoke(app, ["docs", "--db", db, "--search", query, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [r["doc_id"] for r in _jsonl(result.stdout)] == [EDITORIAL]


def test_report_takes_the_same_query(db: str, tmp_path: Path) -> None:
    out = tmp_path / "dossier.html"
    result = runner.invoke(app, ["report", "--db", db, "--query", "Putin North Korea", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 documents" in result.stderr


def test_search_command_ranks_and_marks(db: str) -> None:
    result = runner.invoke(app, ["search", "Nikkei satellites", "--db", db, "--kind", "claim", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    hits = _jsonl(result.stdout)
    assert hits and all(h["kind"] == "claim" for h in hits)
    assert any("«satellites»" in str(h["marked"]) for h in hits)
    assert "matching 'Nikkei satellites'" in result.stderr
    table = runner.invoke(app, ["search", "ammunition", "--db", db])
    assert EDITORIAL in table.stdout and "«ammunition»" in table.stdout


def test_a_query_with_nothing_to_find_is_a_usage_error(db: str) -> None:
    result = runner.invoke(app, ["docs", "--db", db, "--search", "-putin"])
    assert result.exit_code == 2
    assert "E-SEARCH-QUERY" in result.stderr and "Traceback" not in result.output
