"""The command line as a user meets it: documented commands, exit codes, idempotent ingest, exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from newsgraph.cli.app import app

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def _records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example: newsgraph" in result.output


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for command in COMMANDS:
        assert re.search(rf"newsgraph {command}\b", readme), command


def test_extract_seeds(seeds_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    records = _records(result.stdout)
    docs = {r["doc_id"]: r for r in records if r["type"] == "document"}
    assert docs["03af38b2667d0802"]["outlet"] == "The Yomiuri Shimbun"
    assert docs["03af38b2667d0802"]["published"] == "2023-09-15"
    assert (
        docs["1816d411d63a7963"]["title"]
        == "Putin’s North Korean Gambit: Bolstering Ties as Ukraine War Drags On"
    )
    # every offset indexes the document text: entity/timex text, claim content, event source and target
    for record in records:
        assert record["doc_id"] in docs
        text = str(docs[str(record["doc_id"])]["text"])
        pairs = (
            [(record.get("span"), record.get("text", record.get("content")))]
            if record["type"] != "event"
            else []
        )
        for role in ("source", "target"):
            mention = record.get(role)
            if isinstance(mention, dict):
                pairs.append((mention.get("span"), mention.get("text")))
        for span, expected in pairs:
            if isinstance(span, list) and record["type"] == "claim":
                # a content in several parts (a quote broken by its cue) joins them with " … "
                covered = text[span[0] : span[1]]
                assert all(part in covered for part in str(expected).split(" … ")), record
            elif isinstance(span, list) and record["type"] != "document":
                assert text[span[0] : span[1]] == expected, record


def test_extract_with_given_date_and_outlet(seeds_dir: Path) -> None:
    seed = str(seeds_dir / "000_82a233cb85448ae9.txt")
    result = runner.invoke(app, ["extract", seed, "--published", "2024-06-17", "--outlet", "News1"])
    [doc] = [r for r in _records(result.stdout) if r["type"] == "document"]
    assert (doc["published"], doc["outlet"]) == ("2024-06-17", "News1")


def test_usage_errors_exit_2(seeds_dir: Path) -> None:
    assert runner.invoke(app, ["extract", str(seeds_dir), "--published", "June"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2
    assert runner.invoke(app, ["eval", "nothing", "--data", "."]).exit_code == 2


def test_ingest_is_idempotent_and_failures_exit_1(tmp_path: Path, seeds_dir: Path) -> None:
    db = str(tmp_path / "news.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    first = runner.invoke(app, ["ingest", str(seeds_dir), str(tmp_path / "in"), "--db", db])
    assert first.exit_code == 1, first.output
    assert "2 new, 0 skipped, 1 failed" in first.stderr
    assert "E-INPUT-EMPTY" in first.stderr
    again = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db])
    assert again.exit_code == 0 and "0 new, 2 skipped, 0 failed" in again.stderr
    forced = runner.invoke(app, ["ingest", str(seeds_dir), "--db", db, "--force"])
    assert forced.exit_code == 0 and "2 new" in forced.stderr

    listed = runner.invoke(app, ["docs", "--db", db, "--format", "jsonl"])
    assert len(_records(listed.stdout)) == 2
    yomiuri = runner.invoke(
        app, ["docs", "--db", db, "--format", "jsonl", "--outlet", "Yomiuri", "--since", "2023-01-01"]
    )
    assert [r["doc_id"] for r in _records(yomiuri.stdout)] == ["03af38b2667d0802"]
    found = runner.invoke(app, ["docs", "--db", db, "--format", "jsonl", "--search", "Nikkei"])
    assert [r["doc_id"] for r in _records(found.stdout)] == ["1816d411d63a7963"]
    failed = runner.invoke(app, ["failures", "--db", db, "--format", "jsonl"])
    assert [r["code"] for r in _records(failed.stdout)] == ["E-INPUT-EMPTY"]

    shown = runner.invoke(app, ["show", "03af38b2667d0802", "--db", db])
    assert shown.exit_code == 0 and "Kim Jong Un" in shown.stdout
    listed_entities = shown.stdout.split("Entities")[1].split("Time expressions")[0]
    assert "North Korea’s" not in listed_entities and "North Korea" in listed_entities
    missing = runner.invoke(app, ["show", "nope", "--db", db])
    assert missing.exit_code == 1 and "E-NOT-FOUND" in missing.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export(tmp_path: Path, seeds_dir: Path, fmt: str) -> None:
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    out = tmp_path / ("export.jsonl" if fmt == "jsonl" else "export")
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        types = [r["type"] for r in _records(out.read_text())]
        assert types.count("document") == 2 and "entity" in types
    elif fmt == "parquet":
        table = pq.read_table(next(p for p in out.rglob("*document*.parquet")))
        assert table.num_rows == 2
    else:
        assert next(out.rglob("*document*.csv")).read_text().count("\n") >= 3


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_names_every_file_it_wrote(tmp_path: Path, seeds_dir: Path, fmt: str) -> None:
    """`--out x.parquet` said it wrote x.parquet; it wrote x-claims.parquet, x-documents.parquet, ..."""
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    out = tmp_path / f"x.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    named = sorted(re.findall(rf"wrote .* to (\S+\.{fmt})", result.stderr))
    assert named == sorted(str(p) for p in tmp_path.glob(f"x-*.{fmt}")) and len(named) == 6
    assert not out.exists()
    assert "wrote 2 documents to" in result.stderr and "wrote 0 errors to" in result.stderr


def test_counts_are_said_in_the_right_number(tmp_path: Path, seeds_dir: Path) -> None:
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    roundup = runner.invoke(app, ["roundup", "--db", db, "--query", "Putin North Korea"])
    assert roundup.exit_code == 0, roundup.output
    assert not re.search(r"\b1 claims\b|\(s\)", roundup.stdout)
    assert "The Sankei Shimbun: 1 claim," in roundup.stdout
    report = runner.invoke(app, ["report", "--db", db, "-q", "Sankei", "--out", str(tmp_path / "d.html")])
    assert "wrote" in report.stderr and "1 document," in report.stderr
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "(s)" not in page and "from 1 document matching" in page


def test_ingest_into_postgres(postgres_url: str, seeds_dir: Path) -> None:
    from sqlalchemy import create_engine, text

    from newsgraph.store import Store

    schema = "cli_test"
    engine = create_engine(postgres_url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{postgres_url}?options=-csearch_path%3D{schema}"
    try:
        first = runner.invoke(app, ["ingest", str(seeds_dir), "--db", url])
        assert first.exit_code == 0, first.output
        again = runner.invoke(app, ["ingest", str(seeds_dir), "--db", url])
        assert "0 new, 2 skipped" in again.stderr
        with Store.open(url) as store:
            assert store.count_documents() == 2
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        engine.dispose()


def test_a_table_names_an_actor_without_its_relative_clause() -> None:
    """The table shows "Kim Jong Un [PRK]"; JSON and CSV keep the whole mention."""
    from newsgraph.cli.output import _cell

    mention = {"text": "Kim Jong Un, who also is general secretary of the party", "actor": {"country": "PRK"}}
    assert _cell(mention, short=True) == "Kim Jong Un [PRK]"
    assert _cell(mention) == "Kim Jong Un, who also is general secretary of the party [PRK]"
