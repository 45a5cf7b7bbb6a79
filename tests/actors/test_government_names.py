"""A seat of power used as a metonym is its country's government, by name as well as by id."""

from __future__ import annotations

import pytest

from newsgraph.actors import resolve


@pytest.mark.parametrize(
    ("text", "actor_id", "name"),
    [
        ("the Kremlin", "RUS-GOV", "Russian government"),
        ("Kremlin", "RUS-GOV", "Russian government"),
        ("Moscow", "RUS-GOV", "Russian government"),
        ("Russian government", "RUS-GOV", "Russian government"),
        ("Zhongnanhai", "CHN-GOV", "Chinese government"),
        ("Beijing", "CHN-GOV", "Chinese government"),
        ("Chinese government", "CHN-GOV", "Chinese government"),
        ("the White House", "USA-GOV", "US government"),
        ("Downing Street", "GBR-GOV", "UK government"),
        ("Elysee", "FRA-GOV", "French government"),
        ("German Chancellery", "DEU-GOV", "German government"),
    ],
)
def test_a_metonym_is_named_as_its_government(text: str, actor_id: str, name: str) -> None:
    """ "Zhongnanhai (Chinese government)" stood for Beijing, "Kremlin (Russian government)" for Moscow."""
    actor = resolve(text, label="GPE" if text in ("Moscow", "Beijing") else "ORG")
    assert actor is not None and (actor.id, actor.name) == (actor_id, name)


@pytest.mark.parametrize("text", ["The Yomiuri Shimbun", "Yomiuri Shimbun", "the Yomiuri", "Yomiuri"])
def test_an_outlet_under_any_of_its_names_is_one_actor(text: str) -> None:
    actor = resolve(text, label="ORG")
    assert actor is not None and (actor.id, actor.name) == ("outlet:yomiuri", "The Yomiuri Shimbun")
