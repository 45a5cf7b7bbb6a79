"""Pronouns read as the actors they stand for: relative pronouns by their noun, possessives by the
subject of their sentence or the nearest fitting actor named before (issue #5)."""

from __future__ import annotations

import pytest
from tests.stage_records import candidates_of, events_of

from newsgraph.records import Event


def _by_trigger(text: str, trigger: str) -> list[Event]:
    # The rule layer's candidates: these are about who a pronoun stands for, not whether the models keep
    # a secondary event ("Iran, which keeps attacking shipping lanes, denied the report").
    events = [e for e in candidates_of(text, published="2024-03-01") if e.trigger == trigger]
    assert events, f"no {trigger!r} event in {text!r}"
    return events


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Iran, which keeps attacking shipping lanes, denied the report.", "attacking", "Iran"),
        ("Militants who attacked the convoy fled to the hills.", "attacked", "Militants"),
        # A predicate noun stands for the copula's subject.
        ("Belarus is a state that supports Russia's war in Ukraine.", "supports", "Belarus"),
    ],
)
def test_a_relative_pronoun_stands_for_its_noun(text: str, trigger: str, source: str) -> None:
    event = _by_trigger(text, trigger)[0]
    assert event.source is not None and event.source.text == source


def test_a_relative_pronoun_as_object_stands_for_its_noun() -> None:
    event = _by_trigger("Police freed a reporter who had been detained by soldiers.", "detained")[0]
    assert event.target is not None and event.target.text == "a reporter"


def test_a_clause_relative_names_no_actor() -> None:
    # "which" stands for the whole clause before it: no one named prolongs the war.
    events = events_of("Turkey sold drones to Ukraine, which could prolong the war.")
    assert all(e.source is None or e.source.text.lower() != "which" for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # The subject of a clause above the noun.
        ("Serbia was isolated by sanctions over its attack on Kosovo.", "attack", "Serbia"),
        ("Iran hopes to expand its cooperation with Venezuela.", "cooperation", "Iran"),
    ],
)
def test_a_possessive_takes_its_sentence_subject(text: str, trigger: str, source: str) -> None:
    event = _by_trigger(text, trigger)[0]
    assert event.source is not None and event.source.text == source


def test_their_takes_coordinated_subjects() -> None:
    events = _by_trigger("Chile and Peru will deepen their military cooperation.", "cooperation")
    assert {(e.source.text if e.source else None) for e in events} == {"Chile", "Peru"}


def test_its_takes_the_nearest_state_named_before() -> None:
    text = "Analysts cited Ethiopia's growing isolation due to its attack on Eritrea."
    event = _by_trigger(text, "attack")[0]
    assert event.source is not None and event.source.text == "Ethiopia"
    assert event.source.actor is not None and event.source.actor.country == "ETH"


def test_a_possessive_with_no_fitting_antecedent_is_left_unresolved() -> None:
    # "its" cannot stand for plural analysts, and no state is named before it: no actor rather than a guess.
    events = _by_trigger("Analysts criticised its crackdown on dissent.", "crackdown")
    assert all(e.source is not None and e.source.text == "its" and e.source.actor is None for e in events)


@pytest.mark.parametrize(
    ("text", "trigger", "source", "kind"),
    [
        # Across a sentence boundary: the nearest state for "its", the nearest group for "their".
        (
            "Ethiopia faces growing isolation. Analysts blamed its attack on Eritrea.",
            "attack",
            "Ethiopia",
            "state",
        ),
        (
            "The Taliban took Kabul. Analysts expect their offensive on Panjshir.",
            "offensive",
            "The Taliban",
            "group",
        ),
    ],
)
def test_a_possessive_takes_the_actor_of_the_sentence_before(
    text: str, trigger: str, source: str, kind: str
) -> None:
    event = _by_trigger(text, trigger)[0]
    assert event.source is not None and event.source.text == source
    assert event.source.actor is not None and event.source.actor.kind == kind
