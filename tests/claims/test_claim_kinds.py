"""Claim kinds from the cue and the content: the decision table, and end to end on sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.stage_records import claims_of

from newsgraph.claims.kinds import claim_kind, text_lemmas
from newsgraph.records import ClaimKind

K = ClaimKind

TABLE = [
    # (cue kind, content, expected kind)
    (K.WARNING, "the economy is strong", K.WARNING),
    (K.DENIAL, "it will never happen", K.DENIAL),
    (K.PREDICTION, "there is a threat", K.PREDICTION),
    (K.STATEMENT, "there is a concern that the war be prolonged", K.WARNING),
    (K.ASSESSMENT, "this pose a threat to japan", K.WARNING),
    (K.STATEMENT, "cooperation would deepen", K.PREDICTION),
    (K.STATEMENT, "the talks will resume", K.PREDICTION),
    (K.ASSESSMENT, "the visit be a means of avoid isolation", K.ASSESSMENT),
    (K.STATEMENT, "the border be closed", K.STATEMENT),
    (K.STATEMENT, "because the army withdrew", K.EXPLANATION),
    (K.STATEMENT, "they violate the ceasefire", K.ACCUSATION),
]


@pytest.mark.parametrize(("cue_kind", "content", "expected"), TABLE)
def test_decision_table(cue_kind: ClaimKind, content: str, expected: ClaimKind) -> None:
    assert claim_kind(cue_kind, text_lemmas(content)) is expected


SENTENCES = [
    ("The minister said the border was closed.", K.STATEMENT),
    ("The minister warned that the border was closed.", K.WARNING),
    ("Analysts predicted a long war.", K.PREDICTION),
    ("The spokesman denied that troops had crossed the border.", K.DENIAL),
    ("Kyiv accused Moscow of shelling the plant.", K.ACCUSATION),
    ("The paper explained that the treaty dates back to 1961.", K.EXPLANATION),
    ("Reuters reported that talks had stalled.", K.REPORT),
    ("The ministry said the strikes pose a threat to regional security.", K.WARNING),
    ("Officials said the talks will resume next week.", K.PREDICTION),
    ("Nikkei viewed the visit as a means of avoiding isolation.", K.ASSESSMENT),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_kind_end_to_end(nlp: Language, text: str, expected: ClaimKind) -> None:
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].kind is expected
