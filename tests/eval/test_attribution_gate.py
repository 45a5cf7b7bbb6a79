"""Evaluation gate for the claims stage on PolNeAR dev, and the brat reader it rests on."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataError
from newsgraph.eval.attribution import evaluate, read_ann, read_polnear

# The first 30 dev documents keep the gate near 20 s; floors a little under the measured figures
# (bench/RESULTS.md, "Evaluation gates"). Blank lines ending sentences moved these 30 documents' content F1
# 0.757 -> 0.755 while all 84 dev documents rose 0.7687 -> 0.7692 (bench/RESULTS.md, "Sentences end at blank
# lines"): the content floor went 0.755 -> 0.75 with that note.
LIMIT = 30
FLOORS = {
    "content_overlap_f1": 0.75,
    "source_overlap_f1": 0.688,
    "cue_overlap_f1": 0.69,
    "content_exact_f1": 0.49,
}


def test_gate(shared_data: Path) -> None:
    report = evaluate(shared_data / "attribution" / "polnear" / "dev", limit=LIMIT)
    assert report.counts["documents"] == LIMIT
    for name, floor in FLOORS.items():
        assert report.metrics[name] >= floor, (name, report.metrics[name])
    # The claims stage must stay a small part of pipeline time (the parse is counted in the total).
    assert report.metrics["claims_share_of_time"] <= 0.15


ANN = (
    "T1\tSource 0 8\tThe Post\n"
    "T2\tCue 9 16\treports\n"
    "T3\tContent 17 40;45 50\tthat the talks stalled ... again\n"
    "T4\tAttribution 9 16\treports\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 60 68\tis known\n"
    "T6\tContent 51 59\tthe plan\n"
    "T7\tAttribution-no-source 60 68\tis known\n"
    "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
    "T8\tDiscard 70 80\tRead more\n"
)


@pytest.mark.parametrize(
    ("index", "content", "source", "cue"),
    [
        (0, ((17, 40), (45, 50)), ((0, 8),), ((9, 16),)),
        (1, ((51, 59),), None, ((60, 68),)),
    ],
)
def test_read_ann(
    index: int,
    content: tuple[tuple[int, int], ...],
    source: tuple[tuple[int, int], ...] | None,
    cue: tuple[tuple[int, int], ...] | None,
) -> None:
    attributions = read_ann(ANN)
    assert len(attributions) == 2
    assert attributions[index].content == content
    assert attributions[index].source == source
    assert attributions[index].cue == cue


def test_missing_split_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        read_polnear(tmp_path)
