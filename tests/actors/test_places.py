"""Built-in places and codes: subdivisions name their country, empty lands are no actors, CAMEO codes."""

from __future__ import annotations

import pytest

from newsgraph.actors import resolve


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Helmand police", "AFG", "COP"),
        ("Kerala officials", "IND", "GOV"),
        ("Queensland farmers", "AUS", "AGR"),
        ("Kachin State", "MMR", None),
        ("Kachin rebels", "MMR", "REB"),  # "State" left out, as news does
        ("Ontario", "CAN", None),
        # Phoenix.agents.txt: official, national and state news agencies are the government speaking
        ("an official news agency", None, "GOV"),
        ("the national news agency", None, "GOV"),
        ("a news agency", None, "MED"),
        # CAMEO (Phoenix.agents.txt) codes followers of a religion by it, intergovernmental bodies by function
        ("Sri Lankan Buddhists", "LKA", "BUD"),
        ("the World Health Organization", None, "HLH"),
        ("Interpol", None, "COP"),
    ],
)
def test_place_or_agent(text: str, country: str | None, sector: str | None) -> None:
    actor = resolve(text)
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("text", ["Antarctica", "ANTARCTICA"])
def test_lands_without_people(text: str) -> None:
    assert resolve(text, label="LOC") is None


@pytest.mark.parametrize(
    "text",
    [
        "Northern officials",  # a compass word several states use for a region
        "Central",
        "Punjab police",  # a region two states share: no country from it
        "Balkan leaders",  # Turkmenistan's Balkan province is not what news means
        "Zaire",  # an Angolan province, and Congo's old name: not Angola
    ],
)
def test_ambiguous_or_generic_region_names_give_no_country(text: str) -> None:
    actor = resolve(text)
    assert actor is None or actor.country is None, actor
