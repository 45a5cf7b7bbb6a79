"""'The two countries', 'both sides': a pair phrase stands for the two states named just before (issue 14)."""

from __future__ import annotations

import pytest
from tests.stage_records import events_of

SUMMIT = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday. "
    "The two countries signed a mutual defence treaty."
)


def _pairs(text: str, trigger: str) -> set[tuple[str | None, str | None]]:
    found = set()
    for event in events_of(text, published="2024-06-19"):
        if event.trigger == trigger:
            source = event.source.actor.country if event.source and event.source.actor else None
            target = event.target.actor.country if event.target and event.target.actor else None
            found.add((source, target))
    return found


def test_the_two_countries_are_the_two_states_named_before() -> None:
    assert _pairs(SUMMIT, "treaty") == {("RUS", "PRK"), ("PRK", "RUS")}


def test_the_event_still_cites_its_own_sentence() -> None:
    [treaty, *_] = [e for e in events_of(SUMMIT, published="2024-06-19") if e.trigger == "treaty"]
    assert treaty.sentence == "The two countries signed a mutual defence treaty."
    assert SUMMIT[treaty.span[0] : treaty.span[1]].startswith("The two countries")


@pytest.mark.parametrize(
    "text",
    [
        # three states named before: which two is a guess, so none is made
        "Leaders of Russia, China and Iran met in Tehran on Tuesday. The two countries signed a treaty.",
        # nothing named in the sentence before
        "The talks ended late on Tuesday. The two countries signed a treaty.",
    ],
)
def test_no_guess_without_exactly_two_states(text: str) -> None:
    assert all(source is None for source, _ in _pairs(text, "treaty"))
