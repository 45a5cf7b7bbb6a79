"""Seed 000: every claim of the Yomiuri, Asahi, Sankei and Nikkei comes out with the right outlet."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.actors import link
from newsgraph.claims import attribute
from newsgraph.records import Claim, ClaimKind, Document, Entity

SEED = "000_82a233cb85448ae9.txt"


@pytest.fixture(scope="module")
def seed_text(seeds_dir: Path) -> str:
    raw = (seeds_dir / SEED).read_text(encoding="utf-8")
    end_mark = "Japan’s security.”"
    start, end = raw.index("Upon announcing"), raw.index(end_mark) + len(end_mark)
    # The lead's boilerplate filter drops the photo credit; the article paragraphs are the document.
    return raw[start:end].replace("© News1 DB\n\n", "")


@pytest.fixture(scope="module")
def seed_claims(nlp: Language, seed_text: str) -> list[Claim]:
    text = seed_text
    doc = nlp(text)
    document = Document(doc_id="seed0", text=text, published="2024-06-20")
    entities = [Entity("seed0", e.text, e.label_, (e.start_char, e.end_char)) for e in doc.ents]
    # As in the pipeline: entities arrive linked to the project's actors.
    return attribute(doc, document, link(doc, document, entities))


# (cue, outlet the claim belongs to, expected kind) in reading order.
EXPECTED = [
    ("highlighted", "Yomiuri", ClaimKind.STATEMENT),
    ("suggesting", "Yomiuri", ClaimKind.ASSESSMENT),
    ("mentioned", "Yomiuri", ClaimKind.STATEMENT),
    ("predicting", "Yomiuri", ClaimKind.PREDICTION),
    ("explained", "Asahi", ClaimKind.EXPLANATION),
    ("pointed to", "Asahi", ClaimKind.ASSESSMENT),
    ("reported", "Asahi", ClaimKind.REPORT),
    ("predicted", "Sankei", ClaimKind.PREDICTION),
    ("viewed", "Nikkei", ClaimKind.ASSESSMENT),
    ("anticipated", "Nikkei", ClaimKind.PREDICTION),
    ("analyzed", "Nikkei", ClaimKind.ASSESSMENT),
    ("warned", "Nikkei", ClaimKind.WARNING),
    ("speculated", "Nikkei", ClaimKind.PREDICTION),
    ("pointed out", "Nikkei", ClaimKind.WARNING),
]
# The project's actor of each outlet; "Nikkei" is also the alias given in "Nihon Keizai Shimbun (Nikkei)".
ACTOR_IDS = {
    "Yomiuri": "outlet:yomiuri",
    "Asahi": "outlet:asahi",
    "Sankei": "outlet:sankei",
    "Nikkei": "outlet:nikkei",
}
# In-document names of each outlet: "Nikkei" is the alias given in "Nihon Keizai Shimbun (Nikkei)".
NAMES = {
    "Yomiuri": ("Yomiuri",),
    "Asahi": ("Asahi",),
    "Sankei": ("Sankei",),
    "Nikkei": ("Nikkei", "Nihon Keizai"),
}


def test_every_claim_has_its_outlet(seed_claims: list[Claim]) -> None:
    assert [c.cue for c in seed_claims] == [cue for cue, _, _ in EXPECTED]
    for claim, (cue, outlet, _) in zip(seed_claims, EXPECTED, strict=True):
        assert claim.source is not None and claim.source.actor is not None, cue
        actor = claim.source.actor
        assert actor.kind == "outlet", (cue, actor)
        assert any(name in actor.name for name in NAMES[outlet]), (cue, actor.name)
        assert actor.id == ACTOR_IDS[outlet], (cue, actor.id)
        assert actor.country == "JPN", (cue, actor)


def test_one_actor_per_outlet(seed_claims: list[Claim]) -> None:
    ids: dict[str, set[str]] = {}
    for claim, (_, outlet, _) in zip(seed_claims, EXPECTED, strict=True):
        assert claim.source is not None and claim.source.actor is not None
        ids.setdefault(outlet, set()).add(claim.source.actor.id)
    assert all(len(v) == 1 for v in ids.values()), ids
    assert len({next(iter(v)) for v in ids.values()}) == 4


@pytest.mark.parametrize(("index", "kind"), [(i, kind) for i, (_, _, kind) in enumerate(EXPECTED)])
def test_kinds(seed_claims: list[Claim], index: int, kind: ClaimKind) -> None:
    assert seed_claims[index].kind is kind


def test_warnings_are_warnings(seed_claims: list[Claim]) -> None:
    warnings = [c for c in seed_claims if c.kind is ClaimKind.WARNING]
    assert {c.cue for c in warnings} == {"warned", "pointed out"}
    assert all("concern" in c.content or "abandoned" in c.content for c in warnings)


def test_direct_quotes_are_marked(seed_claims: list[Claim]) -> None:
    direct = {c.cue for c in seed_claims if c.direct}
    assert direct == {"suggesting", "warned", "speculated", "pointed out"}


def test_offsets_index_the_text(seed_text: str, seed_claims: list[Claim]) -> None:
    assert len(seed_claims) == len(EXPECTED)
    for claim in seed_claims:
        assert claim.cue_span is not None and claim.source is not None and claim.source.span is not None
        assert seed_text[claim.cue_span[0] : claim.cue_span[1]] == claim.cue
        assert seed_text[claim.source.span[0] : claim.source.span[1]] == claim.source.text
        assert seed_text[claim.span[0] : claim.span[1]] == claim.content
        assert claim.cue in claim.sentence and claim.sentence in seed_text
