from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.actors import ActorDictionary
from newsgraph.cli.app import app

runner = CliRunner()


def test_resolve_a_mention_on_a_date() -> None:
    result = runner.invoke(app, ["actors", "resolve", "Putin", "--date", "2024-06-17"])
    assert result.exit_code == 0, result.output
    actor = json.loads(result.stdout)
    assert (actor["country"], actor["sector"], actor["kind"]) == ("RUS", "GOV", "person")
    assert runner.invoke(app, ["actors", "resolve", "zxqv blorp"]).exit_code == 1


def test_import_phoenix_writes_a_dictionary_with_dated_roles(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "phoenix.json"
    result = runner.invoke(
        app, ["actors", "import-phoenix", str(shared_data / "dictionaries" / "phoenix"), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "dated roles" in result.stderr
    dictionary = ActorDictionary.load(out)
    assert len(dictionary) > 20_000
    assert any(role.start or role.end for entry in dictionary for role in entry.roles)


def test_import_phoenix_missing_path(tmp_path: Path) -> None:
    result = runner.invoke(app, ["actors", "import-phoenix", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "E-INPUT-MISSING" in result.stderr


def test_eval_actors_with_phoenix_from_the_command_line(shared_data: Path) -> None:
    cases = str(shared_data / "actors" / "ngec_actor_cases.jsonl")
    phoenix = str(shared_data / "dictionaries" / "phoenix")
    result = runner.invoke(app, ["eval", "actors", "--data", cases, "--phoenix", phoenix, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["metrics"]["accuracy"] >= 0.81
    wrong = runner.invoke(app, ["eval", "timex", "--data", cases, "--phoenix", phoenix])
    assert wrong.exit_code == 2
