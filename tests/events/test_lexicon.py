"""The events stage's data files load through the one loader, every list checked."""

from __future__ import annotations

from newsgraph.events.lexicon import crosswalk, rules
from newsgraph.records import EventType


def test_the_rules_load() -> None:
    assert "hold" in rules().light_verbs
    assert rules().verb_objects["open"]["border"] == "0863"


def test_the_crosswalk_covers_every_event_root() -> None:
    roots = crosswalk().root_types
    assert sorted(roots) == [f"{n:02d}" for n in range(3, 21)]
    assert crosswalk().specific["0831"] == (EventType.RETREAT, "resign")
