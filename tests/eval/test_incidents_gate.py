"""Gate: incident linking on the seeds (hand-labelled), on BASIL (no incident may mix stories) and on the
hand-labelled White House set; every document goes through the real pipeline into a store."""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.incidents import evaluate

GOLD = Path(__file__).resolve().parents[2] / "bench" / "gold"


def test_seeds_the_summit_is_one_incident_and_the_visits_two() -> None:
    report = evaluate(GOLD / "incidents-seeds.jsonl")
    assert report.counts["same_happening_pairs"] == 1
    assert report.metrics["pair_recall"] == 1.0, report.to_text()
    assert report.counts["linked_different_pairs"] == 0, report.to_text()


def test_basil_incidents_never_mix_stories(shared_data: Path) -> None:
    report = evaluate(shared_data / "corpora" / "basil")
    assert report.counts["multi_document_incidents"] >= 10, report.to_text()
    assert report.metrics["mixed_story_rate"] <= 0.02, report.to_text()
    # both halves of the visible years carry some: the figure does not rest on one. With the trained event
    # coder (issue 14: fewer false events) 2010-2014 has 2 and 2016-2018 12, 14 in all (was 3 + 17).
    assert report.counts["multi_document_incidents_2010_2014"] >= 2, report.to_text()
    assert report.counts["multi_document_incidents_2016_2018"] >= 3, report.to_text()


def test_whitehouse_hand_labelled(shared_data: Path) -> None:
    # measured 0.500 / 0.088 / 0.963 (bench/RESULTS.md): most misses are events coded with one side
    # unnamed, or with a place as the other side, which the linker will not guess across documents. With
    # the trained event coder (issue 14) 0.889 of mentions keep an event: in first-person briefing
    # transcripts ("I just concluded several hours of meetings with President Xi") the quad model reads
    # the speaker's sentence as a statement.
    report = evaluate(GOLD / "incidents-whitehouse.jsonl")
    floors = {"pair_precision": 0.45, "pair_recall": 0.08, "mentions_with_an_event": 0.85}
    for metric, floor in floors.items():
        assert report.metrics[metric] >= floor, report.to_text()
