"""link() on the seed pages with the real model: entities get their actors, as of the document date."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.actors import link
from newsgraph.nlp.entities import entities
from newsgraph.records import Actor, Document, Entity

SEEDS = {
    "roundup": ("000_82a233cb85448ae9.txt", "2024-06-20"),
    "editorial": ("001_9545d4441ba4f2da.txt", "2023-09-15"),
}


@pytest.fixture(scope="module")
def linked(nlp: Language, seeds_dir: Path) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = {}
    for name, (filename, published) in SEEDS.items():
        text = (seeds_dir / filename).read_text(encoding="utf-8")
        document = Document(doc_id=name, text=text, published=published)
        doc = nlp(text)
        out[name] = link(doc, document, entities(doc, document))
    return out


def _actor(entities: list[Entity], text: str) -> Actor | None:
    found = [e for e in entities if e.text == text]
    assert found, f"the model found no entity {text!r}"
    return found[0].actor


@pytest.mark.parametrize(
    ("seed", "text", "actor_id", "kind", "country", "sector"),
    [
        ("roundup", "Putin", "person:vladimir-putin", "person", "RUS", "GOV"),
        ("roundup", "Vladimir Putin", "person:vladimir-putin", "person", "RUS", "GOV"),
        ("roundup", "Kim Jong Un", "person:kim-jong-un", "person", "PRK", "GOV"),
        ("editorial", "Pyongyang", "PRK-GOV", "state", "PRK", "GOV"),
        ("editorial", "Moscow", "RUS-GOV", "state", "RUS", "GOV"),
        ("roundup", "The Yomiuri Shimbun", "outlet:yomiuri", "outlet", "JPN", "MED"),
        ("roundup", "Nihon Keizai Shimbun", "outlet:nikkei", "outlet", "JPN", "MED"),
        ("roundup", "the UN Security Council", "org:un-security-council", "organisation", None, "IGO"),
        ("roundup", "Kim Il Sung", "person:kim-il-sung", "person", "PRK", "ELI"),  # died 1994
        ("editorial", "Kim Jong Un", "person:kim-jong-un", "person", "PRK", "GOV"),
        ("editorial", "Kim", "person:kim-jong-un", "person", "PRK", "GOV"),  # surname after the full name
        ("editorial", "the Workers’ Party of Korea", "PRK-GOV", "state", "PRK", "GOV"),
        ("editorial", "the Security Council", "org:un-security-council", "organisation", None, "IGO"),
    ],
)
def test_seed_actors(
    linked: dict[str, list[Entity]],
    seed: str,
    text: str,
    actor_id: str,
    kind: str,
    country: str | None,
    sector: str | None,
) -> None:
    actor = _actor(linked[seed], text)
    assert actor is not None
    assert (actor.id, actor.kind, actor.country, actor.sector) == (actor_id, kind, country, sector)


def test_demonym_extended_to_head_noun(linked: dict[str, list[Entity]]) -> None:
    # "Japanese media outlets": the NORP entity takes the sector of the noun it modifies.
    actor = _actor(linked["roundup"], "Japanese")
    assert actor is not None and (actor.country, actor.sector) == ("JPN", "MED")


def test_dates_never_actors(linked: dict[str, list[Entity]]) -> None:
    assert all(e.actor is None for e in linked["roundup"] if e.label == "DATE")


def test_entities_otherwise_unchanged(
    linked: dict[str, list[Entity]], nlp: Language, seeds_dir: Path
) -> None:
    filename, published = SEEDS["editorial"]
    text = (seeds_dir / filename).read_text(encoding="utf-8")
    document = Document(doc_id="editorial", text=text, published=published)
    plain = entities(nlp(text), document)
    assert [(e.text, e.label, e.span) for e in plain] == [
        (e.text, e.label, e.span) for e in linked["editorial"]
    ]


@pytest.mark.parametrize(
    ("text", "entity", "actor_id"),
    [
        ("Talks were held in Pyongyang on Monday.", "Pyongyang", "PRK"),  # a place
        ("Moscow has asked Pyongyang for shells.", "Moscow", "RUS-GOV"),  # the government acting
        ("Delegates arrived in Shanghai on Monday.", "Shanghai", "CHN"),
        (
            "Armenian Prime Minister Nikol Pashinyan met the press.",
            "Nikol Pashinyan",
            "person:nikol-pashinyan",
        ),
        ("South Korean Defense Minister Foo Barov spoke.", "Foo Barov", "person:foo-barov"),
    ],
)
def test_sentence_context(nlp: Language, text: str, entity: str, actor_id: str) -> None:
    document = Document(doc_id="s", text=text, published="2024-03-01")
    doc = nlp(text)
    actor = _actor(link(doc, document, entities(doc, document)), entity)
    assert actor is not None and actor.id == actor_id


def test_a_paper_read_as_a_person_is_an_organisation(linked: dict[str, list[Entity]]) -> None:
    """spaCy tags "Asahi Shimbun" PERSON; linked to the outlet, the entity says ORG."""
    asahi = [e for e in linked["roundup"] if e.text == "Asahi Shimbun"]
    assert asahi and all(e.actor is not None and e.actor.id == "outlet:asahi" for e in asahi)
    assert {e.label for e in asahi} == {"ORG"}
    assert all(e.label != "PERSON" for e in linked["roundup"] if e.actor and e.actor.kind == "outlet")
