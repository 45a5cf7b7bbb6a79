"""Evaluation gate: actor resolution on NGEC's actor cases must not fall below the measured floor."""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.actors import evaluate, evaluate_with_phoenix

CASES = Path("actors") / "ngec_actor_cases.jsonl"
# Measured 2026-11-26 (see bench/RESULTS.md); floors a little below.
FLOOR_BUILTIN = {"accuracy": 0.74, "country_accuracy": 0.78, "sector_accuracy": 0.77}
FLOOR_PHOENIX = {"accuracy": 0.75, "country_accuracy": 0.80, "sector_accuracy": 0.78}


def test_actors_gate_builtin(shared_data: Path) -> None:
    report = evaluate(shared_data / CASES)
    assert report.counts["cases"] == 275
    for metric, floor in FLOOR_BUILTIN.items():
        assert report.metrics[metric] >= floor, report.to_text()


def test_actors_gate_with_phoenix(shared_data: Path) -> None:
    report = evaluate_with_phoenix(shared_data / CASES, shared_data / "dictionaries" / "phoenix")
    for metric, floor in FLOOR_PHOENIX.items():
        assert report.metrics[metric] >= floor, report.to_text()
