from __future__ import annotations

import pytest

from newsgraph.analysis.naming import actor_keys
from newsgraph.analysis.timeline import timeline
from newsgraph.queries import EventQuery
from newsgraph.store import Store


def test_timeline_is_in_date_order_with_undated_last(analysis_store: Store) -> None:
    entries = timeline(analysis_store)
    assert len(entries) > 20
    dated = [e.date for e in entries if e.date]
    assert dated == sorted(dated)
    seen_undated = False
    for entry in entries:
        seen_undated |= entry.date is None
        assert not (seen_undated and entry.date), "a dated event after an undated one"


def test_every_entry_cites_its_sentence_and_document(analysis_store: Store) -> None:
    entries = timeline(analysis_store)
    assert entries, "the timeline is empty: nothing would be checked"
    for entry in entries:
        document = analysis_store.get(entry.source.doc_id).document
        assert entry.event.sentence and entry.event.sentence in document.text
        assert entry.source.outlet == document.outlet
        assert entry.to_dict()["document"]["doc_id"] == document.doc_id


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        (
            {"actor": "PRK"},
            lambda e: (
                "PRK"
                in actor_keys(e.event.source and e.event.source.actor)
                | actor_keys(e.event.target and e.event.target.actor)
            ),
        ),
        ({"event_type": "ASSAULT"}, lambda e: e.event.event_type.value == "ASSAULT"),
        ({"factuality": "hypothetical"}, lambda e: e.event.factuality.value == "hypothetical"),
        ({"since": "2024-01-01"}, lambda e: e.date is not None and e.date >= "2024"),
        ({"until": "2023-12-31"}, lambda e: e.date is not None and e.date < "2024"),
    ],
)
def test_filters(analysis_store: Store, filters: dict[str, str], check: object) -> None:
    entries = timeline(analysis_store, EventQuery(**filters))
    assert entries, f"nothing found for {filters}"
    assert all(check(e) for e in entries)  # type: ignore[operator]


def test_a_publication_day_standing_in_for_the_events_date_is_marked(analysis_store: Store) -> None:
    """The Yomiuri editorial dates most of its events only by its sign-off (issue #14): approximate."""
    entries = timeline(analysis_store)
    approximate = [e for e in entries if e.approximate]
    exact = [e for e in entries if e.date and not e.approximate]
    assert approximate and exact
    assert all(e.shown_date == f"≈{e.date}" and e.event.date is not None for e in approximate)
    assert all(e.event.date.anchor == "document" for e in approximate if e.event.date is not None)
    assert all(e.shown_date == e.date and e.to_dict()["date_approximate"] is False for e in exact)
