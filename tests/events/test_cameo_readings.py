"""CAMEO's readings the rules follow (issue 14): threats, refusals of what was asked, repression of protest,
military surrender, withdrawn observers, light verbs and the purpose of a demand. Sentences written here,
none from the gold files."""

from __future__ import annotations

import pytest
from tests.stage_records import events_of

from newsgraph.records import Event


def _at(text: str, trigger: str, published: str = "2024-06-19") -> list[Event]:
    """The events coded at the trigger word."""
    return [e for e in events_of(text, published=published) if e.trigger == trigger]


def _types(text: str, trigger: str) -> set[str]:
    return {e.event_type.value for e in _at(text, trigger)}


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a harm the actor makes conditional is a threat (CAMEO 13), not asserted (see below)
        (
            "Russia will cut gas supplies to Moldova if the government in Chisinau refuses to pay its debts, "
            "the Kremlin said.",
            "cut",
            "THREATEN",
        ),
        # an announced reduction of relations (CAMEO 1311-1313: threatening to cut aid or ties)
        ("Hungary said on Monday it would suspend its aid to Ukraine.", "suspend", "THREATEN"),
        # dismissing what was asked is a refusal (CAMEO 12), not a disapproval
        ("The rebels dismissed an appeal from the president to lay down their arms.", "dismissed", "REJECT"),
        ("The interior ministry denied permission for the march through the capital.", "denied", "REJECT"),
        # stopping a protest restricts political freedoms (CAMEO 1721)
        ("Riot police prevented the demonstration outside parliament on Saturday.", "prevented", "COERCE"),
        # "organize" only carries the noun's event
        (
            "Opposition parties organized a general strike over the arrest of their leader.",
            "strike",
            "PROTEST",
        ),
        # retreat or surrender militarily (CAMEO 0874)
        (
            "Three hundred rebel fighters surrendered to the army in the northern province.",
            "surrendered",
            "RETREAT",
        ),
        # withdrawing inspectors or observers reduces relations (CAMEO 1663)
        ("The United Nations withdrew its observers from the border town.", "withdrew", "SANCTION"),
        # the infinitive after the object is its purpose: its "against" does not make the demand an accusation
        (
            "Protesters in Belgrade are demanding an international inquiry to protect them against police "
            "violence.",
            "demanding",
            "REQUEST",
        ),
        # shortening a curfew eases it, as lifting does (CAMEO 0813)
        ("The military government shortened the nightly curfew by two hours.", "shortened", "RETREAT"),
    ],
)
def test_reading(text: str, trigger: str, expected: str) -> None:
    assert _types(text, trigger) == {expected}


def test_a_threat_is_not_asserted_as_done() -> None:
    text = "Russia will cut gas supplies to Moldova if the government in Chisinau refuses to pay its debts."
    [cut] = _at(text, "cut")
    assert cut.event_type.value == "THREATEN"
    assert cut.factuality.value != "asserted"
    assert (cut.source and cut.source.text, cut.target and cut.target.text) == ("Russia", "Moldova")


def test_a_protest_stopped_by_police_was_not_staged_by_the_police() -> None:
    text = "Riot police prevented the demonstration outside parliament on Saturday."
    protests = [e for e in events_of(text, published="2024-06-19") if e.event_type.value == "PROTEST"]
    assert all(e.source is None or "police" not in e.source.text for e in protests)


def test_a_bare_future_reduction_is_a_forecast_not_a_threat() -> None:
    """Only the actor's own announcement or a condition makes a reduction of relations a threat."""
    text = "The United Nations will withdraw its observers from the border town next month."
    assert _types(text, "withdraw") == {"SANCTION"}


def test_actors_joined_by_or_are_alternatives_not_partners() -> None:
    text = "A draw will decide whether Bulgaria, Israel, Hungary or Romania would fill the empty slot."
    fills = _at(text, "fill", published="2019-11-20")
    assert fills and all(e.target is None for e in fills)
    assert len(fills) == 4  # one each, no one acting on another


def test_actors_joined_by_and_still_agree_with_each_other() -> None:
    text = "Russia and North Korea agreed to deepen military cooperation."
    pairs = {
        (e.source.text, e.target.text)
        for e in events_of(text, published="2024-06-19")
        if e.trigger == "agreed" and e.source and e.target
    }
    assert pairs == {("Russia", "North Korea"), ("North Korea", "Russia")}


@pytest.mark.parametrize(
    "text",
    [
        "Russia demonstrated its commitment to the treaty.",
        "Beijing is wary of the president's behavior, as demonstrated by his departure from the talks.",
    ],
)
def test_demonstrate_with_an_object_or_passive_shows_and_protests_nothing(text: str) -> None:
    assert not _types(text, "demonstrated")


def test_demonstrating_without_an_object_is_a_protest() -> None:
    assert _types("Thousands demonstrated outside the embassy in Seoul.", "demonstrated") == {"PROTEST"}


def test_it_is_striking_that_strikes_nothing() -> None:
    text = "“It's striking that in almost every corner of the world tensions are rising,” he said."
    assert not _types(text, "striking")
    assert _types("Russian forces are striking Kharkiv with missiles.", "striking") == {"ASSAULT"}


def test_what_they_were_unable_to_do_did_not_happen() -> None:
    text = "Russia and Ukraine were unable to reach an agreement on gas prices."
    found = _at(text, "agreement")
    assert all(e.factuality.value == "negated" for e in found)


def test_one_named_agency_with_and_in_its_name_is_one_actor() -> None:
    text = "Customs and Border Protection, part of Homeland Security, did not accept the offer."
    [refusal] = _at(text, "accept", published="2019-11-20")
    assert refusal.source is not None and refusal.source.text == "Customs and Border Protection"
    assert refusal.target is None


def test_a_credit_line_is_no_aid() -> None:
    assert not events_of("Keith Bradsher contributed reporting from Hong Kong.", published="2019-11-18")
    assert _types("Norway contributed 20 million euros to the fund.", "contributed") == {"AID"}


def test_slapping_tariffs_is_a_sanction() -> None:
    assert _types("Washington slapped tariffs on Chinese steel on Friday.", "tariffs") == {"SANCTION"}


def test_what_began_in_june_is_not_cooperation() -> None:
    """The dictionary's "- * IN" pattern (for "join in") does not read "began ... in June" as 062."""
    assert not _types("Flu season has already begun in many parts of the country.", "begun")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The United States faced stiff international criticism on Tuesday.", "faced"),
        ("Assange faces 18 criminal charges in the US.", "faces"),
        ("And that means a slaughter of some degree.", "means"),
        ("We have learned nothing new in today's proceedings.", "learned"),
        ("He is currently serving a prison term in Britain.", "serving"),
        ("That struck me as different than other calls, she said.", "struck"),
    ],
)
def test_no_event_by_a_dictionary_block_default(text: str, trigger: str) -> None:
    assert not _types(text, trigger)


def test_the_same_verbs_keep_their_events() -> None:
    assert _types("In all, 30,000 Irish soldiers served in Lebanon over 23 years.", "served") == {"COOPERATE"}
    assert _types("Russian drones struck him as he walked home.", "struck") == {"ASSAULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Some of that money went to farmers hit by retaliatory Chinese tariffs.",
        "Federal funding is available for facilities damaged by the severe storm in Vermont.",
        "Tariffs on consumer products hit customers directly.",
    ],
)
def test_storms_and_tariffs_assault_no_one(text: str) -> None:
    assert not [e for e in events_of(text, published="2019-11-18") if e.event_type.value == "ASSAULT"]


def test_missiles_still_hit() -> None:
    assert _types("Russian missiles hit a power plant in Kharkiv.", "hit") == {"ASSAULT"}


def test_giving_a_welcome_is_hosting_and_giving_aid_names_the_receiver() -> None:
    assert _types("President Mitterrand gave a warm welcome to the visiting delegation.", "welcome") == {
        "CONSULT"
    }
    [aid] = _at("The US gave military aid to Ukraine.", "aid")
    assert aid.event_type.value == "AID" and aid.target is not None and aid.target.text == "Ukraine"


def test_at_no_time_negates_its_clause() -> None:
    [attack] = [e for e in events_of("At no time did Russia attack the convoy.", published="2024-06-19")]
    assert attack.event_type.value == "ASSAULT" and attack.factuality.value == "negated"


def test_a_joining_verb_carries_its_negation_to_the_noun() -> None:
    found = [e for e in events_of("Iran hasn't taken part in the negotiations.", published="2024-06-19")]
    assert found and all(e.factuality.value == "negated" for e in found)


def test_taking_to_social_media_seizes_nothing() -> None:
    text = "On Thursday, Swift took to social media and accused Braun of blocking the production."
    assert not _types(text, "took")
    assert _types("Thousands of protesters took to the streets of Hong Kong on Sunday.", "took") == {
        "PROTEST"
    }
