"""Lists that must agree, across files and stages: a word added to one and not the other fails here.

Where two lists differ on purpose, the difference is written out below with its reason; any other
difference is drift. (Words of saying need no such test: claims/data/cues.tsv is their one list.)
"""

from __future__ import annotations

import pytest

from newsgraph.claims.lexicon import rules as claim_rules
from newsgraph.events.lexicon import crosswalk
from newsgraph.events.lexicon import rules as event_rules

# (left, right, {word: why it is in one list and not the other})
AGREEING: list[tuple[str, frozenset[str], frozenset[str], dict[str, str]]] = [
    (
        "relative pronouns: events roles / claims clauses",
        event_rules().relative_pronouns,
        claim_rules().relative_pronouns,
        {},
    ),
    (
        "relative pronouns / those that stand for a claim's source",
        claim_rules().relative_pronouns,
        claim_rules().relative_sources,
        {"whom": "an object pronoun is never the subject that says something"},
    ),
    (
        "future auxiliaries: factuality / the crosswalk's reported future",
        event_rules().predicted_aux,
        crosswalk().future,
        {
            "going": "spaCy parses 'going to attack' with 'going' as the verb, not an aux; "
            "as a cue word it still tells a future"
        },
    ),
]


@pytest.mark.parametrize(("name", "left", "right", "known"), AGREEING, ids=[a[0] for a in AGREEING])
def test_lists_agree_but_for_known_differences(
    name: str, left: frozenset[str], right: frozenset[str], known: dict[str, str]
) -> None:
    assert (left ^ right) == set(known), f"{name}: drifted apart; add the word to both, or explain it here"


def test_a_commitment_is_an_intention() -> None:
    # shift() looks for commitment words among the cues factuality found ("pledged to send"); a commitment
    # word that factuality does not read as intending is never among them, so it could never make AGREE.
    assert event_rules().commitments <= event_rules().intending


def test_possessors_are_possessives() -> None:
    assert set(event_rules().possessor_kinds) <= event_rules().possessives
