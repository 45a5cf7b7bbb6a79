"""Evaluation gate: actor resolution on NGEC's actor cases must not fall below the measured floor."""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.actors import evaluate, evaluate_with_phoenix

CASES = Path("actors") / "ngec_actor_cases.jsonl"
# Floors a little under the measured figures (bench/RESULTS.md, "Evaluation gates").
FLOOR_BUILTIN = {"accuracy": 0.80, "country_accuracy": 0.85, "sector_accuracy": 0.83}
FLOOR_PHOENIX = {"accuracy": 0.81, "country_accuracy": 0.86, "sector_accuracy": 0.83}


def test_actors_gate_builtin(shared_data: Path) -> None:
    report = evaluate(shared_data / CASES)
    assert report.counts["cases"] == 275
    for metric, floor in FLOOR_BUILTIN.items():
        assert report.metrics[metric] >= floor, report.to_text()


def test_actors_gate_with_phoenix(shared_data: Path) -> None:
    report = evaluate_with_phoenix(shared_data / CASES, shared_data / "dictionaries" / "phoenix")
    for metric, floor in FLOOR_PHOENIX.items():
        assert report.metrics[metric] >= floor, report.to_text()
    # An imported dictionary fills gaps: it must never make the built-in answers worse.
    builtin = evaluate(shared_data / CASES)
    assert report.counts["correct"] >= builtin.counts["correct"], report.to_text()
