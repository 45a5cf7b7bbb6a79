"""Incident linking rules, on events built by hand: type, sides, direction, dates, place."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsgraph.incidents import build_incident, link_all, link_items, load_rules
from newsgraph.incidents.items import timex_range
from newsgraph.records import Actor, Document, Event, EventDate, EventType, Factuality, Location, Mention

RULES = load_rules()
ACTORS = {
    "PRK": Actor("PRK", "North Korea", "state", "PRK"),
    "Pyongyang": Actor("PRK-GOV", "Pyongyang", "state", "PRK", "GOV"),
    "Kim": Actor("person:kim-jong-un", "Kim Jong Un", "person", "PRK", "GOV"),
    "RUS": Actor("RUS", "Russia", "state", "RUS"),
    "Putin": Actor("person:vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV"),
    "UKR": Actor("UKR", "Ukraine", "state", "UKR"),
    "USA": Actor("USA", "United States", "state", "USA"),
}
QUAD = {"CONSULT": 1, "SUPPORT": 1, "AGREE": 1, "AID": 2, "ACCUSE": 3, "THREATEN": 3, "ASSAULT": 4}


def event(
    doc: str,
    n: int,
    kind: str,
    source: str | None,
    target: str | None,
    date: str | None = None,
    *,
    factuality: Factuality = Factuality.ASSERTED,
    place: str | None = None,
) -> Event:
    def mention(name: str | None) -> Mention | None:
        return Mention(name, (0, len(name)), ACTORS.get(name)) if name else None

    return Event(
        doc_id=doc,
        id=f"{doc}:e{n}",
        event_type=EventType(kind),
        trigger="met",
        span=(0, 10),
        sentence=f"{source} {kind} {target}",
        source=mention(source),
        target=mention(target),
        factuality=factuality,
        quad_class=QUAD[kind],
        date=EventDate(date, date, "timex") if date else EventDate(None, None, "none"),
        location=Location(place, None, place) if place else None,
    )


def incidents_of(docs: dict[tuple[str, str | None, str | None], list[Event]]) -> list[set[str]]:
    """The incidents as sets of event ids; ``docs`` maps (doc_id, published, outlet) to its events."""
    items = []
    for (doc_id, published, outlet), events in docs.items():
        document = Document(doc_id=doc_id, text="", published=published, outlet=outlet)
        items += link_items(document, events, RULES)
    assigned = link_all(items, RULES)
    groups: dict[str, set[str]] = defaultdict(set)
    for item in items:
        groups[assigned[(item.doc_id, item.seq)]].add(item.event_id)
    return sorted(groups.values(), key=sorted)


def together(found: list[set[str]], *ids: str) -> bool:
    return any(set(ids) <= group for group in found)


def test_the_summit_told_three_ways_is_one_incident() -> None:
    found = incidents_of(
        {
            # the roundup has no date of its own; the summit it recalls is dated "September 2023"
            ("roundup", None, None): [event("roundup", 0, "CONSULT", "Putin", "Kim", "2023-09")],
            # the editorial dates nothing: it tells the meeting as news on its publication day
            ("editorial", "2023-09-15", "Yomiuri"): [event("editorial", 0, "CONSULT", "Kim", "Putin")],
            ("wire", "2023-09-13", "Kyodo"): [event("wire", 0, "CONSULT", "Pyongyang", "RUS", "2023-09-13")],
        }
    )
    assert together(found, "roundup:e0", "editorial:e0", "wire:e0")


def test_visits_nine_months_apart_are_two_incidents() -> None:
    found = incidents_of(
        {
            ("a", "2023-09-15", "Yomiuri"): [event("a", 0, "CONSULT", "Kim", "Putin", "2023-09-13")],
            ("b", "2024-06-20", "Asahi"): [event("b", 0, "CONSULT", "Putin", "Kim", "2024-06-19")],
        }
    )
    assert not together(found, "a:e0", "b:e0")


@pytest.mark.parametrize(
    ("published", "linked"),
    [("2024-06-19", True), ("2024-06-22", True), ("2024-06-23", False), ("2024-06-18", False)],
)
def test_a_report_dated_by_its_publication_meets_a_day_a_few_days_before(
    published: str, linked: bool
) -> None:
    found = incidents_of(
        {
            ("day", "2024-06-19", "A"): [event("day", 0, "ASSAULT", "RUS", "UKR", "2024-06-19")],
            ("report", published, "B"): [event("report", 0, "ASSAULT", "RUS", "UKR")],
        }
    )
    assert together(found, "day:e0", "report:e0") is linked


def test_a_prediction_looks_forward_from_its_publication() -> None:
    found = incidents_of(
        {
            ("visit", "2024-06-19", "A"): [event("visit", 0, "CONSULT", "Putin", "PRK", "2024-06-19")],
            ("plan", "2024-06-17", "B"): [
                event("plan", 0, "CONSULT", "Putin", "PRK", factuality=Factuality.PREDICTED)
            ],
        }
    )
    assert together(found, "visit:e0", "plan:e0")


def test_reports_without_a_day_group_by_publication_within_the_window() -> None:
    found = incidents_of(
        {
            ("a", "2024-03-01", "A"): [event("a", 0, "ACCUSE", "USA", "RUS")],
            ("b", "2024-03-03", "B"): [event("b", 0, "THREATEN", "USA", "RUS")],  # same quad, other words
            ("c", "2024-03-10", "C"): [event("c", 0, "ACCUSE", "USA", "RUS")],
        }
    )
    assert together(found, "a:e0", "b:e0")
    assert not together(found, "a:e0", "c:e0")


def test_direction_counts_for_directed_types_not_for_meetings() -> None:
    found = incidents_of(
        {
            ("a", "2024-03-01", "A"): [event("a", 0, "ACCUSE", "USA", "RUS", "2024-03-01")],
            ("b", "2024-03-01", "B"): [
                event("b", 0, "ACCUSE", "RUS", "USA", "2024-03-01"),
                event("b", 1, "CONSULT", "RUS", "USA", "2024-03-01"),
            ],
            ("c", "2024-03-02", "C"): [event("c", 0, "CONSULT", "USA", "RUS")],
        }
    )
    assert not together(found, "a:e0", "b:e0")
    assert together(found, "b:e1", "c:e0")


def test_a_directed_type_does_not_join_a_meeting_of_the_same_pair() -> None:
    found = incidents_of(
        {
            ("a", "2023-09-13", "A"): [event("a", 0, "CONSULT", "Putin", "Kim", "2023-09-13")],
            ("b", "2023-09-14", "B"): [event("b", 0, "SUPPORT", "RUS", "PRK")],
        }
    )
    assert not together(found, "a:e0", "b:e0")


def test_other_sides_other_quad_other_place_stay_apart() -> None:
    found = incidents_of(
        {
            ("a", "2024-03-01", "A"): [event("a", 0, "ASSAULT", "RUS", "UKR", "2024-03-01", place="UKR")],
            ("b", "2024-03-01", "B"): [
                event("b", 0, "ASSAULT", "RUS", "USA", "2024-03-01"),
                event("b", 1, "ACCUSE", "RUS", "UKR", "2024-03-01"),
                event("b", 2, "ASSAULT", "RUS", "UKR", place="SYR"),
            ],
        }
    )
    assert found == [{"a:e0"}, {"b:e0"}, {"b:e1"}, {"b:e2"}]


def test_one_sided_events_link_only_inside_their_document() -> None:
    found = incidents_of(
        {
            ("a", "2024-03-01", "A"): [
                event("a", 0, "ASSAULT", "RUS", None, "2024-03-01"),
                event("a", 1, "ASSAULT", "RUS", None, "2024-03-01"),
            ],
            ("b", "2024-03-01", "B"): [event("b", 0, "ASSAULT", "RUS", None, "2024-03-01")],
        }
    )
    assert found == [{"a:e0", "a:e1"}, {"b:e0"}]


def test_a_year_or_no_date_at_all_makes_an_incident_alone() -> None:
    found = incidents_of(
        {
            ("a", "2024-03-01", "A"): [event("a", 0, "ASSAULT", "RUS", "UKR", "2022")],
            ("b", "2024-03-02", "B"): [event("b", 0, "ASSAULT", "RUS", "UKR", "2022")],
            ("c", None, "C"): [event("c", 0, "ASSAULT", "RUS", "UKR")],
            ("d", None, "D"): [event("d", 0, "ASSAULT", "RUS", "UKR")],
        }
    )
    assert found == [{"a:e0"}, {"b:e0"}, {"c:e0"}, {"d:e0"}]


def test_the_incident_record_counts_reports_outlets_and_stances() -> None:
    docs = {
        ("a", "2024-06-19", "Asahi"): [event("a", 0, "CONSULT", "Putin", "Kim", "2024-06-19")],
        ("b", "2024-06-18", "Nikkei"): [
            event("b", 0, "CONSULT", "Putin", "PRK", factuality=Factuality.PREDICTED),
        ],
        ("c", "2024-06-20", "Sankei"): [
            event("c", 0, "CONSULT", "RUS", "PRK", factuality=Factuality.REPORTED),
            event("c", 1, "CONSULT", "RUS", "PRK", factuality=Factuality.NEGATED),
            event("c", 2, "CONSULT", "RUS", "PRK", factuality=Factuality.NEGATED),
        ],
    }
    items = []
    for (doc_id, published, outlet), events in docs.items():
        items += link_items(Document(doc_id, "", published=published, outlet=outlet), events, RULES)
    assigned = link_all(items, RULES)
    assert len(set(assigned.values())) == 1
    incident = build_incident(next(iter(assigned.values())), items)
    assert incident.date == "2024-06-19"
    assert (incident.source, incident.target, incident.source_name, incident.target_name) == (
        "RUS",
        "PRK",
        "Russia",
        "North Korea",
    )
    assert incident.first_report.doc_id == "b"
    assert incident.doc_ids == ("b", "a", "c")
    assert incident.mentions == 5
    assert {s.outlet: s.stance for s in incident.stances} == {
        "Nikkei": "predicted",
        "Asahi": "asserted",
        "Sankei": "negated",
    }


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("2024-06-18", 1),
        ("2024-06-18T10:00", 1),
        ("2024-02", 29),
        ("2023-W37", 7),
        ("2024", None),
        ("PAST_REF", None),
    ],
)
def test_timex_ranges(value: str, days: int | None) -> None:
    found = timex_range(value)
    assert (found[1] - found[0] + 1 if found else None) == days
