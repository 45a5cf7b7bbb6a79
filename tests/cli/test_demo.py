"""`newsgraph demo` (what `make demo` runs) stores the sample articles through the one ingest service."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_demo_stores_the_samples_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    runner = CliRunner()
    first = runner.invoke(app, ["demo", str(ROOT / "examples" / "articles"), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "2 new documents this run, 2 stored" in first.output
    with Store.open(f"sqlite:///{db}") as store:
        assert store.counts().events > 0
    again = runner.invoke(app, ["demo", str(ROOT / "examples" / "articles"), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "0 new documents this run, 2 stored" in again.output
