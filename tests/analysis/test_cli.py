"""The analysis commands through the real CLI, over the store the real pipeline built."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.queries import DocumentQuery
from newsgraph.store import Store

COMMANDS = ("timeline", "network", "roundup", "clusters", "predictions", "report")
runner = CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: newsgraph {command}" in result.output


def _run(store: Store, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", store.url])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_clusters_jsonl(analysis_store: Store) -> None:
    lines = [json.loads(line) for line in _run(analysis_store, "clusters", "--format", "jsonl").splitlines()]
    assert lines and all({"cluster", "doc_ids"} <= set(line) for line in lines)
    stored = {d.doc_id for d in analysis_store.documents(DocumentQuery(limit=None))}
    assert sorted(d for line in lines for d in line["doc_ids"]) == sorted(stored)


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (
            ("timeline", "--count", "mentions", "--actor", "PRK", "-f", "jsonl"),
            lambda out: all(json.loads(x)["sentence"] for x in out),
        ),
        (
            ("timeline", "--actor", "PRK", "-f", "jsonl"),
            lambda out: all(
                json.loads(x)["reports"] and "PRK" in (json.loads(x)["source"], json.loads(x)["target"])
                for x in out
            ),
        ),
        (
            ("network", "--count", "mentions", "--format", "json"),
            lambda out: json.loads(out[0])["counting"] == "mentions",
        ),
        (
            ("predictions", "-f", "jsonl"),
            lambda out: {json.loads(x)["kind"] for x in out} == {"prediction", "warning"},
        ),
        (("roundup", "--query", "Putin", "-f", "jsonl"), lambda out: json.loads(out[0])["outlets"]),
        (("network", "--format", "json"), lambda out: json.loads(out[0])["edges"]),
        (
            ("network", "--format", "graphml"),
            lambda out: ET.fromstring("\n".join(out[1:])).tag.endswith("graphml"),
        ),
    ],
)
def test_commands(analysis_store: Store, args: tuple[str, ...], check: object) -> None:
    out = _run(analysis_store, *args).splitlines()
    assert out and check(out)  # type: ignore[operator]


def test_report_writes_html(analysis_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "dossier.html"
    _run(analysis_store, "report", "--query", "Steele", "--out", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Steele" in page


def test_roundup_without_query_is_one_line_error(analysis_store: Store) -> None:
    result = runner.invoke(app, ["roundup", "--db", analysis_store.url])
    assert result.exit_code == 2  # a usage error, as the README's exit statuses say
    assert "E-CONFIG" in result.output and "Traceback" not in result.output
