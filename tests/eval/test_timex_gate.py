"""Evaluation gate: the timex stage on TimeBank and AQUAINT subsets must not fall below pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.timex import evaluate, read_timeml

# Floors just under the figures measured on these subsets (bench/RESULTS.md, "Evaluation gates").
GATES = [
    # (folder, limit, metric, floor)
    ("timebank", 60, "relaxed_f1", 0.93),
    ("timebank", 60, "strict_f1", 0.845),
    ("timebank", 60, "value_f1", 0.835),
    ("aquaint", 30, "relaxed_f1", 0.955),
    ("aquaint", 30, "strict_f1", 0.89),
    ("aquaint", 30, "value_f1", 0.765),
]


@pytest.fixture(scope="module")
def reports(shared_data: Path) -> dict[str, dict[str, float]]:
    limits = {folder: limit for folder, limit, _, _ in GATES}
    return {
        folder: evaluate(shared_data / "timex" / folder, limit=limit).metrics
        for folder, limit in limits.items()
    }


@pytest.mark.parametrize(("folder", "limit", "metric", "floor"), GATES)
def test_timex_gate(
    reports: dict[str, dict[str, float]], folder: str, limit: int, metric: str, floor: float
) -> None:
    assert reports[folder][metric] >= floor, f"{metric} on {folder}[:{limit}] = {reports[folder][metric]}"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        (
            '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">'
            "x</TIMEX3></DCT><TEXT>Sales &amp; profit rose "
            '<TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3>.</TEXT>',
            ("1998-01-08", "Sales & profit rose last year.", [("last year", "DATE", "1997", (20, 29))]),
        ),
    ],
)
def test_read_timeml(
    tmp_path: Path, snippet: str, expected: tuple[str, str, list[tuple[str, str, str, tuple[int, int]]]]
) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(snippet, encoding="utf-8")
    doc = read_timeml(path)
    assert (doc.dct, doc.text, [(t.text, t.kind, t.value, t.span) for t in doc.timexes]) == expected


def test_errors_file_lists_every_disagreement(shared_data: Path, tmp_path: Path) -> None:
    """`eval timex --errors`: one TSV row per missed, spurious or wrongly valued timex, and no others."""
    from typer.testing import CliRunner

    from newsgraph.cli.app import app

    out = tmp_path / "errors.tsv"
    folder = shared_data / "timex" / "aquaint"
    result = CliRunner().invoke(
        app, ["eval", "timex", "--data", str(folder), "--limit", "5", "--errors", str(out)]
    )
    assert result.exit_code == 0, result.output
    header, *rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert header[:3] == ["doc", "what", "gold_type"]
    counts = {what: sum(r[1] == what for r in rows) for what in ("missed", "spurious", "value")}
    report = evaluate(folder, limit=5).metrics
    gold = sum(len(read_timeml(f).timexes) for f in sorted(folder.glob("*.tml"))[:5])
    # value accuracy is over the relaxed matches, which are the gold timexes not missed
    matched = gold - counts["missed"]
    assert round((matched - counts["value"]) / matched, 4) == report["value_accuracy"]
    assert all(len(r) == len(header) and "[[" in r[-1] for r in rows)
    bad = CliRunner().invoke(app, ["eval", "actors", "--data", str(folder), "--errors", str(out)])
    assert bad.exit_code == 2
