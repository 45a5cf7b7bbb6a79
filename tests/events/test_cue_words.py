"""A word of saying is listed once, in claims/data/cues.tsv; the events stage reads its role from there."""

from __future__ import annotations

import pytest

from newsgraph.claims.lexicon import load_lexicon
from newsgraph.errors import LexiconError
from newsgraph.events import lexicon as events_lexicon
from newsgraph.events.lexicon import NOT_A_TRIGGER, trigger_lexicon
from newsgraph.lexicon import table


def test_verbs_of_saying_are_never_triggers() -> None:
    cues = load_lexicon()
    assert {"say", "tell", "urge"} <= cues.not_events
    assert all(trigger_lexicon().verbs[w] == NOT_A_TRIGGER for w in cues.not_events)


def test_reporting_verbs_are_cues() -> None:
    cues = load_lexicon()
    assert {"say", "report", "confirm"} <= cues.reporting <= set(cues.verbs)
    # A cue that reports nothing, by the row's choice: "contend" is a claim's cue, not a report.
    assert "contend" in cues.verbs and "contend" not in cues.reporting


def test_the_trigger_lexicon_does_not_list_a_cue_again() -> None:
    rows = table("newsgraph.events", "triggers.tsv", ("pos", "lemma", "cameo"), key=2)
    assert not {lemma for pos, lemma, _ in rows if pos == "VERB"} & load_lexicon().not_events


def test_a_cue_listed_in_both_places_fails_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    real = table

    def doubled(package: str, name: str, columns: tuple[str, ...], *, key: int = 1) -> list[tuple[str, ...]]:
        rows = real(package, name, columns, key=key)
        return [*rows, ("VERB", "say", "010")] if name == "triggers.tsv" else rows

    monkeypatch.setattr(events_lexicon, "table", doubled)
    events_lexicon.trigger_lexicon.cache_clear()
    try:
        with pytest.raises(LexiconError, match="say"):
            events_lexicon.trigger_lexicon()
    finally:
        events_lexicon.trigger_lexicon.cache_clear()
