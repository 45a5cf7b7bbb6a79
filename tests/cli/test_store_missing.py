"""A mistyped --db is an error, never a new empty store: only ingest (and demo) create one, and say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app

runner = CliRunner()

READERS = [
    ["docs"],
    ["show", "03af38b2667d0802"],
    ["search", "Putin"],
    ["claims"],
    ["events"],
    ["failures"],
    ["timeline"],
    ["network"],
    ["roundup", "--query", "Putin"],
    ["clusters"],
    ["predictions"],
    ["serve"],
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
@pytest.mark.parametrize("where", ["demoo.db", "nonexistent/dir/x.db"])
def test_reading_a_missing_store_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], where: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)  # a server that may ingest starts a store
    result = runner.invoke(app, [*command, "--db", where])
    assert result.exit_code == 2, result.output
    assert "E-STORE-MISSING" in result.stderr and where in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "command",
    [["export", "--out", "out.jsonl"], ["report", "--query", "Putin", "--out", "dossier.html"]],
    ids=lambda c: c[0],
)
def test_writers_of_files_create_nothing_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, [*command, "--db", "typo.db"])
    assert result.exit_code == 2 and "E-STORE-MISSING" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_default_database_is_not_made_by_a_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSGRAPH_DB", raising=False)
    result = runner.invoke(app, ["claims"])
    assert result.exit_code == 2 and "no store at newsgraph.db" in result.stderr
    assert not (tmp_path / "newsgraph.db").exists()


def test_a_file_that_is_no_store_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    result = runner.invoke(app, ["events", "--db", str(empty)])
    assert result.exit_code == 2 and "holds no newsgraph store" in result.stderr


def test_ingest_creates_the_store_and_says_so(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "new" / "news.db"
    first = runner.invoke(app, ["ingest", str(seeds_dir / "000_82a233cb85448ae9.txt"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert f"created a new store at {db}" in first.stderr
    again = runner.invoke(app, ["ingest", str(seeds_dir / "000_82a233cb85448ae9.txt"), "--db", str(db)])
    assert "created" not in again.stderr
    assert runner.invoke(app, ["docs", "--db", str(db)]).exit_code == 0
