"""Evaluation gate: the events stage on the ConfliBERT CAMEO test sentences and the PLOVER gold records."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.eval.events import covers, evaluate

# Measured on the full files (see bench/RESULTS.md, events section); floors sit a little below.
GATES = [
    # (file, metric, floor)
    ("conflibert_cameo_test_in_gsr.jsonl", "quad_accuracy", 0.80),
    ("conflibert_cameo_test_in_gsr.jsonl", "quad_macro_f1", 0.81),
    ("conflibert_cameo_test_in_gsr.jsonl", "actor_span_f1", 0.79),
    ("plover_gsr_cameo.json", "type_accuracy", 0.64),
    ("plover_gsr_cameo.json", "source_country_accuracy", 0.70),
    ("plover_gsr_cameo.json", "target_country_accuracy", 0.54),
]


@pytest.fixture(scope="module")
def reports(shared_data: Path) -> dict[str, dict[str, float]]:
    files = {name for name, _, _ in GATES}
    return {name: evaluate(shared_data / "events" / name).metrics for name in files}


@pytest.mark.parametrize(("name", "metric", "floor"), GATES)
def test_events_gate(reports: dict[str, dict[str, float]], name: str, metric: str, floor: float) -> None:
    assert reports[name][metric] >= floor, f"{name} {metric} {reports[name][metric]:.4f} < {floor}"


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Iraqi troops", "Iraqi troops", True),
        ("The U.S. military", "The U.S. military", True),
        ("the Syrian army", "the Syrian army and its ally Lebanese Shia movement Hezbollah", False),
        ("Mr. Sisi", "Mr . Sisi", True),
        ("the last ISIS group bastion", "the last ISIS group bastion in the country", True),
        ("the country", "the last ISIS group bastion in the country", False),
        ("the", "the", False),
        # gold phrases are tokenised: hyphens and possessives split off
        ("US Vice-President Mike Pence", "US Vice - President Mike Pence", True),
        ("Brazil's main oilworkers' confederation", "Brazil 's main oilworkers ' confederation", True),
        ("US", "US", True),  # an acronym, not the pronoun
        ("us", "us", False),
    ],
)
def test_span_scorer(predicted: str, gold: str, expected: bool) -> None:
    assert covers(predicted, gold) is expected
