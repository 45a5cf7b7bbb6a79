"""Evaluation gate: the events stage on train, dev (the training file split as the models were
trained), the visible ConfliBERT test sentences and the PLOVER gold records; relevance on the labelled
scrapinghub pages. Figures and their history are in bench/RESULTS.md."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from newsgraph.eval.events import OLD_TYPES, covers, evaluate
from newsgraph.eval.relevance import evaluate as evaluate_relevance

# Floors a little under the figures measured with the shipped models (bench/RESULTS.md, fourth session);
# the PLOVER type accuracy's floor is the target itself (0.733; measured 0.739, fifth session).
GATES = [
    ("dev.quad_macro_f1", 0.85),
    ("test.quad_macro_f1", 0.82),
    ("dev.actor_span_f1", 0.80),
    ("test.actor_span_f1", 0.80),
    ("plover.type_accuracy", 0.733),
    ("plover.source_country_accuracy", 0.71),
    ("plover.target_country_accuracy", 0.52),
]
# A dev score far above the visible test's means the test was fitted (issue #14): they stay within 0.05.
MAX_DEV_TEST_GAP = 0.05


@pytest.fixture(scope="module")
def report(shared_data: Path) -> dict[str, float]:
    return evaluate(shared_data / "events").metrics


pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("metric", "floor"), GATES)
def test_events_gate(report: dict[str, float], metric: str, floor: float) -> None:
    assert report[metric] >= floor, f"{metric} {report[metric]:.4f} < {floor}"


def test_dev_and_visible_test_agree(report: dict[str, float]) -> None:
    gap = abs(report["dev.quad_macro_f1"] - report["test.quad_macro_f1"])
    assert gap <= MAX_DEV_TEST_GAP, f"dev and visible test quad macro-F1 differ by {gap:.3f}"


def test_relevance_gate(shared_data: Path) -> None:
    """Pages about sport, products, films or diets yield (almost) no events; political pages keep theirs."""
    metrics = evaluate_relevance(shared_data / "relevance").metrics
    assert metrics["political_events_per_1000_words"] >= 15.0
    assert metrics["non_political_to_political_ratio"] <= 0.06


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


def test_old_types_follow_the_current_codebook(shared_data: Path) -> None:
    """The gold file's retired types map to the current type that now holds them: DISAPPROVE and
    INVESTIGATE are modes of ACCUSE, demands are REQUESTs, battles ASSAULTs (plover_codebook.csv)."""
    with (shared_data / "events" / "plover_codebook.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    definitions = {r["event"]: r["event_def"].lower() for r in rows}
    modes = {(r["event"], r["mode"]) for r in rows}
    assert set(OLD_TYPES) == {"DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"}
    assert not set(OLD_TYPES) & set(definitions), "a retired type is back in the codebook"
    assert (OLD_TYPES["DISAPPROVE"], "disapprove") in modes
    assert (OLD_TYPES["INVESTIGATE"], "investigate") in modes
    assert "demands" in definitions[OLD_TYPES["DEMAND"]]
    assert "battles" in definitions[OLD_TYPES["FIGHT"]]
