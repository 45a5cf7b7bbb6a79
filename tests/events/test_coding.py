"""Event type, quad class and who-to-whom on hand-picked sentences, through the real model."""

from __future__ import annotations

import pytest
from tests.stage_records import candidates_of, events_of

from newsgraph.records import Event


def _main(text: str) -> Event:
    events = events_of(text)
    assert events, f"no event coded in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "event_type", "quad", "source", "target"),
    [
        # A thing acted upon is no target: the roles name actors (as the ConfliBERT gold does).
        ("Russia vetoed the resolution.", "REJECT", 3, "Russia", None),
        ("Taliban fighters seized a house in the city.", "COERCE", 4, "Taliban fighters", None),
        # A telephone call, unlike "called on X to ...".
        (
            "Rex Tillerson called Russian Foreign Minister Sergey Lavrov to discuss Syria.",
            "CONSULT",
            1,
            "Rex Tillerson",
            "Russian Foreign Minister Sergey Lavrov",
        ),
        (
            "Croatia has opened its borders to refugees from Serbia.",
            "RETREAT",
            2,
            "Croatia",
            "refugees from Serbia",
        ),
        ("Putin's visit to North Korea alarmed Tokyo.", "CONSULT", 1, "Putin", "North Korea"),
        ("Russia invaded Ukraine in February 2022.", "ASSAULT", 4, "Russia", "Ukraine"),
        ("The invasion of Ukraine by Russia continued.", "ASSAULT", 4, "Russia", "Ukraine"),
        ("Israeli troops attacked a Hamas camp in Gaza.", "ASSAULT", 4, "Israeli troops", "a Hamas camp"),
        # Passive: the agent acts. Protesters' violence is a riot (PLOVER PROTEST, mode riot; quad 4).
        ("The embassy was attacked by protesters.", "PROTEST", 4, "protesters", "The embassy"),
        ("The embassy was attacked by gunmen.", "ASSAULT", 4, "gunmen", "The embassy"),
        ("Japan imposed sanctions on North Korea.", "SANCTION", 3, "Japan", "North Korea"),
        (
            "The police arrested dozens of demonstrators.",
            "COERCE",
            4,
            "The police",
            "dozens of demonstrators",
        ),
        ("Germany accused Russia of hacking.", "ACCUSE", 3, "Germany", "Russia"),
        ("Workers staged a protest against the government.", "PROTEST", 4, "Workers", "the government"),
        ("Egypt released two Israeli prisoners.", "RETREAT", 2, "Egypt", "two Israeli prisoners"),
        ("North Korea threatened to attack South Korea.", "THREATEN", 3, "North Korea", "South Korea"),
        # Easing a blockade or sanctions is a material concession: RETREAT (CAMEO 0872, 085 in the
        # CAMEO->PLOVER crosswalk); easing other restrictions stays CONCEDE (081).
        ("Saudi Arabia lifted its blockade of Qatar.", "RETREAT", 2, "Saudi Arabia", "its blockade of Qatar"),
        ("The EU lifted sanctions on Iran.", "RETREAT", 2, "The EU", "Iran"),
        # Signing an agreement is SUPPORT (CAMEO 057); promising to sign it is AGREE.
        ("Iran and Iraq signed a trade agreement.", "SUPPORT", 1, "Iran", "Iraq"),
        # A sending for a conflictual purpose is coded as the purpose, sender to destination.
        (
            "The United States has sent officials to Qatar to investigate the report.",
            "ACCUSE",
            3,
            "The United States",
            "Qatar",
        ),
        # Legal action: charging is ACCUSE, convicting SANCTION (PLOVER codebook), not an arrest (COERCE).
        (
            "Turkish prosecutors charged the journalist with espionage.",
            "ACCUSE",
            3,
            "Turkish prosecutors",
            "the journalist",
        ),
        (
            "A court in Moscow sentenced the activist to five years in prison.",
            "SANCTION",
            3,
            "A court in Moscow",
            "the activist",
        ),
        # "X said Y must ...": a demand by the speaker of the obliged (CAMEO 10, PLOVER REQUEST).
        ("Russia says Israel must end attacks on Syria.", "REQUEST", 3, "Russia", "Israel"),
        ("The UN said Turkey must mediate between the two sides.", "REQUEST", 3, "The UN", "Turkey"),
        ("China met with India in Beijing on Monday.", "CONSULT", 1, "China", "India"),
        ("Unless China provides aid to Russia, the war will end.", "AID", 2, "China", "Russia"),
        # Promised cooperation is an offer (CAMEO 03, PLOVER AGREE), not the aid itself ...
        ("Finland pledged to give Tanzania a grant.", "AGREE", 1, "Finland", "Tanzania"),
        ("The rebels said they will release the hostages.", "AGREE", 1, "The rebels", "the hostages"),
        # ... but a bare "will" is the writer's forecast of the aid itself (issue #14).
        ("Finland will give Tanzania a grant.", "AID", 2, "Finland", "Tanzania"),
        ("Norway will contribute a million euros to Greece.", "AID", 2, "Norway", "Greece"),
        # Aimed at a capital: the target, not the place.
        ("North Korea fired two artillery shells at Seoul.", "ASSAULT", 4, "North Korea", "Seoul"),
        # Subject inherited through "is likely to".
        ("Russia is likely to attack Kyiv.", "ASSAULT", 4, "Russia", "Kyiv"),
    ],
)
def test_type_quad_and_roles(text: str, event_type: str, quad: int, source: str, target: str | None) -> None:
    event = _main(text)
    assert event.event_type.value == event_type
    assert event.quad_class == quad
    assert event.source is not None and event.source.text == source
    if target is None:
        assert event.target is None, event.target
    else:
        assert event.target is not None and event.target.text == target


@pytest.mark.parametrize(
    "text",
    [
        "The president said the talks were useful.",
        # An appeal is a claim; what it asks for has not happened.
        "The UN urged Israel to withdraw from Gaza.",
        # A noun alone names no event: nobody visits.
        "A visit is a short stay.",
        # Asked of someone named, or sought: the withdrawal or release has not happened.
        "Russia wants the United States to withdraw its forces.",
        "Iran told Britain to release the tanker.",
        "The opposition is seeking the release of political prisoners.",
        # Force against a disease is a metaphor.
        "Germany sent doctors to fight the Ebola epidemic.",
    ],
)
def test_no_event(text: str) -> None:
    assert [
        e
        for e in events_of(text)
        if e.quad_class == 4 or e.trigger in {"withdraw", "release", "said", "visit"}
    ] == []


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("China and Russia signed a treaty.", {("China", "Russia"), ("Russia", "China")}),
        (
            "The United States, Europe and Japan have imposed sanctions on Russia.",
            {("The United States", "Russia"), ("Europe", "Russia"), ("Japan", "Russia")},
        ),
        (
            "In September 2023, Putin and North Korean leader Kim Jong Un held a summit.",
            {("Putin", "North Korean leader Kim Jong Un"), ("North Korean leader Kim Jong Un", "Putin")},
        ),
    ],
)
def test_coordination_gives_one_event_per_actor(text: str, pairs: set[tuple[str, str]]) -> None:
    events = events_of(text)
    got = {(e.source.text, e.target.text) for e in events if e.source is not None and e.target is not None}
    assert got == pairs


def test_actor_countries_come_from_the_actors_stage() -> None:
    event = _main("Russia invaded Ukraine in February 2022.")
    assert event.source is not None and event.source.actor is not None
    assert event.source.actor.country == "RUS"
    assert event.target is not None and event.target.actor is not None
    assert event.target.actor.country == "UKR"


def test_location_is_linked_to_a_country() -> None:
    event = _main("China met with India in Beijing on Monday.")
    assert event.location is not None
    assert (event.location.text, event.location.country) == ("Beijing", "CHN")


@pytest.mark.parametrize(
    "text",
    [
        # One's own obligation is no demand of anyone.
        "Russia says it must defend its borders.",
        # No one reported as demanding it: a headline's "must" is coded as its verb, if at all.
        "Israel must end attacks on Syria.",
    ],
)
def test_must_without_another_speaker_is_no_demand(text: str) -> None:
    assert [e for e in events_of(text) if e.event_type.value == "REQUEST"] == []


def test_what_must_be_done_is_not_an_event() -> None:
    events = events_of("The UN said Sudan must release the prisoners and withdraw its troops.")
    assert {e.event_type.value for e in events} == {"REQUEST"}
    assert {e.target.text for e in events if e.target is not None} == {"Sudan"}


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # Civilians blocking or fighting are protesting (PLOVER PROTEST: obstruct, riot) ...
        ("Protesters blocked the main highway to the capital.", "PROTEST", "obstruct"),
        ("Thousands of demonstrators clashed with police in Paris.", "PROTEST", "riot"),
        # ... the same acts by forces are coercion and force.
        ("Police blocked the main highway to the capital.", "COERCE", None),
        ("Soldiers clashed with rebels near the border.", "ASSAULT", None),
    ],
)
def test_civilian_crowds_protest(text: str, event_type: str, mode: str | None) -> None:
    # How the rules recode a crowd's act; whether a lone "Police blocked the highway" is news the models
    # may doubt (a sentence without context), so the candidate is read here.
    event = candidates_of(text)[0]
    assert (event.event_type.value, event.mode) == (event_type, mode)


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # CAMEO->PLOVER crosswalk: destroying property is ASSAULT (1712), ending an emergency RETREAT (0814).
        ("Israeli soldiers demolished Palestinian houses.", "ASSAULT", "destroy"),
        ("The government lifted the state of emergency.", "RETREAT", None),
        # Something given back is property returned (0842, RETREAT return), whatever "return to" patterns say.
        (
            "The museum returned an ancient marble sculpture to the Algerian ambassador in a ceremony.",
            "RETREAT",
            "return",
        ),
        # A resignation is RETREAT (codebook mode "resign"); occupying territory is COERCE (192, "seize").
        ("The prime minister resigned on Tuesday.", "RETREAT", "resign"),
        ("Rebels occupied the town hall.", "COERCE", "seize"),
        # Defying a norm or ban is REJECT (128); violating a ceasefire is force (196), and no ceasefire.
        ("North Korea has violated a ban on ballistic missile tests.", "REJECT", None),
        ("Pakistani troops violated the ceasefire along the border.", "ASSAULT", None),
    ],
)
def test_crosswalk_types(text: str, event_type: str, mode: str | None) -> None:
    event = _main(text)
    assert (event.event_type.value, event.mode) == (event_type, mode)


@pytest.mark.parametrize("verb", ["refused", "declined"])
def test_cooperation_refused_is_rejection(verb: str) -> None:
    # The cue is the word as written ("declined"), not its lemma: the release refused is no RETREAT.
    types = {e.event_type.value for e in events_of(f"Iran {verb} to release the tanker.")}
    assert types == {"REJECT"}


def test_a_violated_ceasefire_is_not_one() -> None:
    assert {e.event_type.value for e in events_of("Pakistani troops violated the ceasefire.")} == {"ASSAULT"}


@pytest.mark.parametrize(
    ("text", "event_type", "quad"),
    [
        # A dictionary intent code (CAMEO 0333) on a verb that promises nothing codes the act (073) ...
        ("The United States accepted 1,141 Iraqi refugees in May.", "AID", 2),
        # ... and the promise is read from the cue: a commitment, or the actor's own announced future;
        # the writer's bare "will" forecasts the act itself (issue #14).
        ("Canada pledged to accept 25,000 Syrian refugees.", "AGREE", 1),
        ("Canada said it will accept 25,000 Syrian refugees.", "AGREE", 1),
        ("Canada will accept 25,000 Syrian refugees.", "AID", 2),
    ],
)
def test_intent_needs_a_promise(text: str, event_type: str, quad: int) -> None:
    event = _main(text)
    assert (event.event_type.value, event.quad_class) == (event_type, quad)


def test_a_refusal_on_conditions_is_a_refusal() -> None:
    events = events_of("Britain said it will not release the tanker unless Iran gives guarantees.")
    release = next(e for e in events if e.trigger == "release")
    assert release.event_type.value == "REJECT"
    assert release.factuality.value == "hypothetical"


def test_a_negated_condition_is_no_refusal() -> None:
    events = events_of("If Iran does not release the tanker, Britain will impose sanctions.")
    release = next(e for e in events if e.trigger == "release")
    assert release.event_type.value == "RETREAT"
    assert release.factuality.value == "hypothetical"


def test_a_report_is_no_directive() -> None:
    events = events_of("Iran told reporters that Britain released the tanker.")
    assert [e.event_type.value for e in events] == ["RETREAT"]


def test_an_order_is_a_request() -> None:
    event = _main("The president ordered the army to withdraw from the city.")
    assert event.event_type.value == "REQUEST"
    assert [e.trigger for e in events_of("The president ordered the army to withdraw from the city.")] == [
        "ordered"
    ]


def test_a_statement_pattern_does_not_veto_our_lexicon() -> None:
    # Phoenix reads "condemn * {TERRORIST ATTACK}" as an empathetic comment (018); we code the rebuke.
    event = _main("The Italian minister condemned the terrorist attack in Tehran.")
    assert (event.event_type.value, event.trigger) == ("ACCUSE", "condemned")


@pytest.mark.parametrize(
    ("text", "source", "mode"),
    [
        # Taking part in what a noun names: the noun is the event, the verb's subject its source.
        ("30,000 workers in Mexico went on strike for better wages.", "30,000 workers in Mexico", "strike"),
        ("A group of asylum-seekers has gone on hunger strike.", "A group of asylum-seekers", "hunger"),
        ("Protesters have been participating in a hunger strike for two weeks.", "Protesters", "hunger"),
    ],
)
def test_joining_a_nominal_event(text: str, source: str, mode: str) -> None:
    event = _main(text)
    assert (event.event_type.value, event.mode) == ("PROTEST", mode)
    assert event.source is not None and event.source.text == source


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        # Emergency rule is COERCE, mode curfew ("state of emergency or martial law"); lifting it RETREAT.
        ("Bolivian authorities declared a state of siege in Pando.", "COERCE", "curfew"),
        ("The army imposed martial law.", "COERCE", "curfew"),
        ("The government lifted the state of emergency.", "RETREAT", None),
    ],
)
def test_emergency_rule(text: str, event_type: str, mode: str | None) -> None:
    event = _main(text)
    assert (event.event_type.value, event.mode) == (event_type, mode)


def test_a_state_is_no_emergency() -> None:
    assert [e.trigger for e in events_of("The state of Texas sued the government.")] == ["sued"]


@pytest.mark.parametrize(
    "text",
    [
        # A change of degree with no object: its subject only undergoes it (issue #5).
        "Tensions escalated after the vote.",
        "Pressure on the junta grew as Western sanctions intensified.",
        "The risks will increase sharply.",
        "Economic ties deepened over the decade.",
        # Voicing a concern is a statement, not a concession.
        "Seoul's newspapers raised alarm over the drills.",
        "The ministry voiced concerns about the election.",
        # Force against a state of affairs is a metaphor.
        "Minsk sees this as a chance to break through its isolation.",
    ],
)
def test_no_event_of_change_or_concern(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # With an object, or an actor undergoing it, the change is coded as before.
        ("The army intensified its shelling of the town.", "ASSAULT"),
        ("The two countries will deepen their cooperation.", "COOPERATE"),
        ("Rebels broke the ceasefire and attacked the town.", "ASSAULT"),
    ],
)
def test_change_with_an_object_is_still_an_event(text: str, event_type: str) -> None:
    assert event_type in {e.event_type.value for e in candidates_of(text)}


def test_failing_at_no_event_is_no_rejection() -> None:
    """ "has failed to launch one (a satellite)": nobody was rejected; failing to reach a deal still is."""
    assert [e for e in events_of("North Korea has failed to launch a satellite this year.")] == []
    deal = events_of("British and EU negotiators have failed to reach a deal on the border.")
    assert [(e.event_type, e.trigger) for e in deal if e.trigger == "failed"] == [("REJECT", "failed")]


def test_a_papers_warning_is_its_analysis_not_a_threat() -> None:
    """A claim by an outlet that threatens no one; a security chief's warning that police will act stays."""
    paper = events_of(
        'However, Nikkei warned, "North Korea may worry about being abandoned once the war ends."'
    )
    assert [e for e in paper if e.event_type == "THREATEN"] == []
    chief = events_of("Cairo's security chief has warned that police will no longer tolerate rallies.")
    assert [e.trigger for e in chief if e.event_type == "THREATEN"] == ["warned"]


def test_leading_to_something_is_a_cause_not_an_event() -> None:
    assert events_of("The prolonged aggression has also led to a shortage of weapons and ammunition.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders would take a stance against Western countries.",
        "Delegates from Iran took part in the talks.",
    ],
)
def test_taking_a_stance_seizes_nothing(text: str) -> None:
    assert [e for e in events_of(text) if e.trigger in ("take", "took")] == []


def test_ties_read_as_relations() -> None:
    """The Phoenix patterns say "relations"; "deepening ties ... in terms of military" is cooperation, not
    a mobilisation."""
    text = "Russia seems to have a purpose of deepening ties with North Korea in terms of military."
    # The rule layer's candidate; whether the sentence reports it is the models' call (test_selection.py).
    assert [(e.event_type, e.trigger) for e in candidates_of(text)] == [("COOPERATE", "deepening")]


def test_a_thing_of_someones_is_no_co_target() -> None:
    """ "Russia's invasion of Ukraine and North Korea's missile development": Ukraine is invaded, the
    development is not; "Kuwait and its allies" are both actors."""
    text = "Western countries oppose Russia's invasion of Ukraine and North Korea's missile development."
    candidates = candidates_of(text)  # the invasion is a secondary event of the sentence
    invaded = [e.target.text for e in candidates if e.trigger == "invasion" and e.target is not None]
    assert invaded == ["Ukraine"]
    agreed = events_of("Kuwait and its gulf war allies agreed to stage a joint exercise.")
    assert {e.source.text for e in agreed if e.source is not None} >= {"Kuwait", "its gulf war allies"}


def test_each_coordinated_actor_gets_its_event() -> None:
    text = "The ambassadors of Norway, Austria and Greece presented their credentials to President Yoon."
    events = candidates_of(text)
    assert [e.event_type.value for e in events] and all(e.target is not None for e in events)


def test_coordinated_doers_act_on_each_other_only_when_the_act_is_mutual() -> None:
    slammed = candidates_of("The United States and its allies condemned the summit.")
    assert all(e.target is None or e.target.text != "The United States" for e in slammed)
    met = candidates_of("Greece and Austria agreed to restore diplomatic relations.")
    assert {(e.source.text, e.target.text) for e in met if e.source and e.target} >= {("Greece", "Austria")}


@pytest.mark.parametrize(
    "text",
    ["The agreement provides for mutual assistance.", "The treaty takes effect in December."],
)
def test_a_thing_does_nothing(text: str) -> None:
    assert candidates_of(text) == []


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # The one stood by is the doer of the event backed, not the event.
        ("North Korea fully supports Russia's invasion of Ukraine.", "supports", "North Korea", "Russia"),
        # Troops moved without a named mover are their own side's.
        (
            "North Korean troops had been deployed to the Kursk region.",
            "deployed",
            "North Korean troops",
            None,
        ),
        # "sanctions imposed by X": X sanctions; the participle is no coercion of its own.
        ("Russia was hit by sanctions imposed by the United States.", "sanctions", "the United States", None),
    ],
)
def test_who_in_real_report_constructions(text: str, trigger: str, source: str, target: str | None) -> None:
    events = [e for e in candidates_of(text) if e.trigger == trigger]
    assert events, f"no {trigger!r} event in {text!r}"
    assert (events[0].source.text if events[0].source else None) == source
    assert (events[0].target.text if events[0].target else None) == target
    assert "imposed" not in {e.trigger for e in candidates_of(text)}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "went on to pull out": the pulling out is the event; "according to" is no accord.
        ("Trump went on to pull out of the nuclear deal with Iran.", "went"),
        ("Iran followed the rules, according to the International Atomic Energy Agency.", "according"),
        ("Our troops continue to provide support to Ukraine.", "continue"),
    ],
)
def test_words_that_only_frame_another_event_code_none(text: str, trigger: str) -> None:
    assert trigger not in {e.trigger for e in candidates_of(text)}
