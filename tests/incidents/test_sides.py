"""Which side a mention stands for: states, their capitals, governments and leaders are one side."""

from __future__ import annotations

import pytest

from newsgraph.incidents import load_rules
from newsgraph.incidents.sides import name_side, side_of
from newsgraph.records import Actor, Mention

RULES = load_rules()


@pytest.mark.parametrize(
    ("text", "actor", "key"),
    [
        ("North Korea", Actor("PRK", "North Korea", "state", "PRK"), "PRK"),
        ("Pyongyang", Actor("PRK-GOV", "Pyongyang", "state", "PRK", "GOV"), "PRK"),
        ("Kim Jong Un", Actor("person:kim-jong-un", "Kim Jong Un", "person", "PRK", "GOV"), "PRK"),
        ("the Russian military", Actor("RUS-MIL", "Russian military", "state", "RUS", "MIL"), "RUS"),
        ("The Russian president", Actor("RUS-GOV", "Russian government", "sector", "RUS", "GOV"), "RUS"),
        # not the state: a parliament, a court, a party keep their sector
        ("Congress", Actor("USA-LEG", "US Congress", "state", "USA", "LEG"), "USA-LEG"),
        (
            "the UN Security Council",
            Actor("org:unsc", "UN Security Council", "organisation", None, "IGO"),
            "org:unsc",
        ),
        ("Mr. Romney", Actor("person:romney", "Mitt Romney", "person", None, "GOV"), "person:romney"),
        # a bare sector with no country is no one in particular
        ("the two leaders", Actor("GOV", "government", "sector", None, "GOV"), None),
    ],
)
def test_linked_actors(text: str, actor: Actor, key: str | None) -> None:
    side = side_of(Mention(text, (0, len(text)), actor), RULES)
    assert (side.key if side else None) == key


def test_a_leader_standing_for_the_state_is_named_by_the_code_so_the_state_name_wins() -> None:
    kim = side_of(
        Mention("Kim", (0, 3), Actor("person:kim-jong-un", "Kim Jong Un", "person", "PRK", "GOV")), RULES
    )
    state = side_of(Mention("North Korea", (0, 11), Actor("PRK", "North Korea", "state", "PRK")), RULES)
    assert kim is not None and state is not None
    assert (kim.key, kim.name) == ("PRK", "PRK")
    assert (state.key, state.name) == ("PRK", "North Korea")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rep. Michael Grimm", "name:grimm"),
        ("Grimm's", "name:grimm"),
        ("Grimm's attorney", None),
        ("Mr. Sayoc, who was arrested in Florida", "name:sayoc"),
        ("he", None),
        ("the Republican governor", None),
        ("President", None),
        ("MR. KIRBY", None),
        ("officials", None),
    ],
)
def test_unlinked_mentions_are_keyed_by_their_name(text: str, key: str | None) -> None:
    assert name_side(text, RULES) == key
    side = side_of(Mention(text, (0, len(text))), RULES)
    assert (side.key if side else None) == key


def test_no_mention_no_side() -> None:
    assert side_of(None, RULES) is None
