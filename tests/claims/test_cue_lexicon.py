"""The cue lexicon is data: it loads, and it holds the cues the issue names."""

from __future__ import annotations

import pytest

from newsgraph.claims.lexicon import load_lexicon
from newsgraph.records import ClaimKind

NAMED = [
    ("say", ClaimKind.STATEMENT),
    ("tell", ClaimKind.STATEMENT),
    ("warn", ClaimKind.WARNING),
    ("predict", ClaimKind.PREDICTION),
    ("anticipate", ClaimKind.PREDICTION),
    ("highlight", ClaimKind.STATEMENT),
    ("explain", ClaimKind.EXPLANATION),
    ("analyze", ClaimKind.ASSESSMENT),
    ("view", ClaimKind.ASSESSMENT),
    ("suggest", ClaimKind.ASSESSMENT),
    ("mention", ClaimKind.STATEMENT),
    ("speculate", ClaimKind.PREDICTION),
    ("express", ClaimKind.STATEMENT),
    ("report", ClaimKind.REPORT),
    ("deny", ClaimKind.DENIAL),
    ("accuse", ClaimKind.ACCUSATION),
]


@pytest.mark.parametrize(("lemma", "kind"), NAMED)
def test_named_cues(lemma: str, kind: ClaimKind) -> None:
    cues = load_lexicon().verbs[lemma]
    assert cues[-1].kind is kind


def test_phrasal_and_prepositional_cues() -> None:
    lexicon = load_lexicon()
    assert any(c.particle == "out" for c in lexicon.verbs["point"])
    assert "according" in lexicon.preps
    assert {"view", "analysis", "opinion"} <= set(lexicon.nouns)
    assert all(isinstance(kind, ClaimKind) for _, kind in lexicon.markers)


def test_adjective_cues() -> None:
    lexicon = load_lexicon()
    assert lexicon.adjectives["confident"].kind is ClaimKind.PREDICTION
    assert lexicon.adjectives["eager"].takes == "xcomp"


def test_the_attribution_rules_load() -> None:
    from newsgraph.claims.lexicon import rules

    assert rules().anaphors["agency"] == ("outlet", "organisation")
    assert "seem" in rules().raising_verbs
