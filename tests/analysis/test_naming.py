"""How lists name a mention: the actor's name for people, outlets and organisations, else the words
without article or genitive; the record itself keeps the text as written."""

from __future__ import annotations

import pytest

from newsgraph.analysis.naming import entity_name
from newsgraph.records import Actor, Entity

PRK = Actor("PRK", "North Korea", "state", "PRK")
YOMIURI = Actor("outlet:yomiuri", "The Yomiuri Shimbun", "outlet", "JPN", "MED")
PUTIN = Actor("person:vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV")


@pytest.mark.parametrize(
    ("text", "actor", "name"),
    [
        ("North Korea’s", PRK, "North Korea"),  # kept its possessive in entity lists
        ("North Korea's", None, "North Korea"),
        ("the United States", None, "United States"),
        ("The Hague", None, "The Hague"),  # a capital article is part of the name
        ("Yomiuri Shimbun", YOMIURI, "The Yomiuri Shimbun"),  # one outlet under either name
        ("The Yomiuri Shimbun", YOMIURI, "The Yomiuri Shimbun"),
        ("Putin", PUTIN, "Vladimir Putin"),
        ("the Workers’ Party of Korea", None, "Workers’ Party of Korea"),
        ("Moscow", Actor("RUS-GOV", "Russian government", "state", "RUS", "GOV"), "Moscow"),
    ],
)
def test_entity_names(text: str, actor: Actor | None, name: str) -> None:
    assert entity_name(Entity("d", text, "GPE", (0, len(text)), actor)) == name
