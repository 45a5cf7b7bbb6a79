"""Factuality and its cue words; the seed pages' conditionals never come out asserted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.stage_records import candidates_of, events_of

from newsgraph.records import Factuality


@pytest.mark.parametrize(
    ("text", "trigger", "factuality", "cue"),
    [
        ("Russia attacked Kyiv.", "attacked", Factuality.ASSERTED, None),
        ("Russia did not attack Kyiv.", "attack", Factuality.NEGATED, "not"),
        ("Russia denied that it attacked Kyiv.", "attacked", Factuality.NEGATED, "denied"),
        ("Russia may attack Kyiv.", "attack", Factuality.POSSIBLE, "may"),
        ("Russia might invade Ukraine.", "invade", Factuality.POSSIBLE, "might"),
        ("Russia plans to visit China.", "visit", Factuality.INTENDED, "plans"),
        ("Russia is likely to attack Kyiv.", "attack", Factuality.PREDICTED, "likely"),
        ("Analysts expect Russia to attack Kyiv.", "attack", Factuality.PREDICTED, "expect"),
        ("Officials said Russia attacked Kyiv.", "attacked", Factuality.REPORTED, "said"),
        # The verb that carries a nominal event carries its cues.
        ("The government will impose a curfew.", "curfew", Factuality.PREDICTED, "will"),
        ("Russia did not launch an offensive.", "offensive", Factuality.NEGATED, "not"),
        ("If Russia attacks Kyiv, NATO will respond.", "attacks", Factuality.HYPOTHETICAL, "If"),
        (
            "Unless China provides aid to Russia, the war will end.",
            "provides",
            Factuality.HYPOTHETICAL,
            "Unless",
        ),
    ],
)
def test_factuality(text: str, trigger: str, factuality: Factuality, cue: str | None) -> None:
    events = [e for e in events_of(text) if e.trigger == trigger]
    assert events, f"no event at {trigger!r}"
    assert events[0].factuality is factuality
    if cue is None:
        assert events[0].factuality_cues == ()
    else:
        assert cue in events[0].factuality_cues


@pytest.mark.parametrize("seed", ["000_82a233cb85448ae9.txt", "001_9545d4441ba4f2da.txt"])
def test_seed_conditionals_are_never_asserted(seeds_dir: Path, seed: str) -> None:
    text = (seeds_dir / seed).read_text(encoding="utf-8")
    conditional = [e for e in events_of(text) if re.search(r"\b(If|if|Unless|unless)\b", e.sentence)]
    assert conditional, "the seed has conditional sentences with events"
    asserted = [(e.trigger, e.sentence[:80]) for e in conditional if e.factuality is Factuality.ASSERTED]
    assert asserted == []


def test_seed_weapons_sentence(seeds_dir: Path) -> None:
    text = (seeds_dir / "000_82a233cb85448ae9.txt").read_text(encoding="utf-8")
    events = [e for e in events_of(text) if "If North Korea provides weapons to Russia" in e.sentence]
    assert events, "the conditional weapons sentence yields no event"
    assert all(e.factuality is not Factuality.ASSERTED for e in events)
    provides = [e for e in events if e.trigger == "provides"]
    assert provides and provides[0].factuality is Factuality.HYPOTHETICAL
    assert provides[0].factuality_cues[0] == "If"
    assert provides[0].source is not None and provides[0].source.text == "North Korea"
    assert provides[0].target is not None and provides[0].target.text == "Russia"


@pytest.mark.parametrize(
    ("text", "trigger", "factuality", "cue"),
    [
        # Modality in the matrix clause reaches the clause below it (issue #5).
        (
            "Envoys met, and it is possible that they agreed on a truce.",
            "agreed",
            Factuality.POSSIBLE,
            "possible",
        ),
        ("It is possible that Chad closed its border.", "closed", Factuality.POSSIBLE, "possible"),
        ("It is unclear that the army withdrew from Goma.", "withdrew", Factuality.POSSIBLE, "unclear"),
        ("It is likely that Iran will attack Israel.", "attack", Factuality.PREDICTED, "will"),
        ("It is likely that the rebels attacked the town.", "attacked", Factuality.PREDICTED, "likely"),
        (
            "There is a possibility that Serbia recalled its envoy.",
            "recalled",
            Factuality.POSSIBLE,
            "possibility",
        ),
        ("Belgrade may have recalled its envoy.", "recalled", Factuality.POSSIBLE, "may"),
        ("The rebels could seize the airport.", "seize", Factuality.POSSIBLE, "could"),
        # The list: conditions, predictions, intentions.
        ("In case Iran attacks, Israel will respond.", "attacks", Factuality.HYPOTHETICAL, "in case"),
        ("Kenya would send troops to Haiti.", "send", Factuality.PREDICTED, "would"),
        ("Officials anticipated that Iran would expel the inspectors.", "expel", Factuality.PREDICTED, None),
        ("Modi is scheduled to visit Moscow.", "visit", Factuality.INTENDED, "scheduled"),
        ("The Kremlin announced a visit by Xi to Moscow.", "visit", Factuality.INTENDED, "announced"),
    ],
)
def test_matrix_and_listed_cues(text: str, trigger: str, factuality: Factuality, cue: str | None) -> None:
    events = [e for e in events_of(text) if e.trigger == trigger]
    assert events, f"no event at {trigger!r}"
    assert {e.factuality for e in events} == {factuality}
    if cue is not None:
        assert cue in events[0].factuality_cues


@pytest.mark.parametrize(
    ("text", "trigger", "factuality"),
    [
        # A condition conditions the clause it hangs on, not the sentence (issue #14).
        (
            "Russia signed a treaty with North Korea that includes a pledge of mutual defense if either is "
            "attacked.",
            "treaty",
            "asserted",
        ),
        (
            "Russia does not rule out military-technical cooperation with North Korea.",
            "cooperation",
            "possible",
        ),
        ("The two countries are about to restore ties.", "restore", "intended"),
        ("Norway will contribute a million euros to Greece.", "contribute", "predicted"),
        ("The deal takes effect when both sides release their prisoners.", "release", "predicted"),
    ],
)
def test_modality_of_real_report_sentences(text: str, trigger: str, factuality: str) -> None:
    events = [e for e in candidates_of(text) if e.trigger == trigger]
    assert events, f"no {trigger!r} event in {text!r}"
    assert {e.factuality.value for e in events} == {factuality}


def test_a_denied_refusal_is_no_event() -> None:
    events = candidates_of("Russia does not rule out military-technical cooperation with North Korea.")
    assert "REJECT" not in {e.event_type.value for e in events}


def test_not_yet_done_is_no_refusal() -> None:
    events = candidates_of("North Korean troops had not yet joined the talks.")
    assert "REJECT" not in {e.event_type.value for e in events}
