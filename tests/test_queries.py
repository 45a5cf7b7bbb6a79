"""The listing queries: checked once where they are made, spelled as the store keeps their values."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.errors import ChoiceError, DateError, QueryError, UnknownTypeError
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery


@pytest.mark.parametrize(
    ("made", "field", "value"),
    [
        (lambda: EventQuery(event_type="accuse"), "event_type", "ACCUSE"),
        (lambda: EventQuery(factuality=" Asserted "), "factuality", "asserted"),
        (lambda: ClaimQuery(kind="PREDICTION"), "kind", "prediction"),
        (lambda: EventQuery(actor=""), "actor", None),  # an empty filter filters nothing
        (lambda: DocumentQuery(since=""), "since", None),
    ],
)
def test_values_are_spelled_as_the_store_keeps_them(made: object, field: str, value: object) -> None:
    assert getattr(made(), field) == value  # type: ignore[operator]


@pytest.mark.parametrize(
    ("since", "until", "start", "end"),
    [
        ("2024", "2024", "2024", "2025"),
        ("2024-06", "2024-12", "2024-06", "2025-01"),
        (None, None, None, None),
    ],
)
def test_the_window_is_a_start_and_an_exclusive_end(
    since: str | None, until: str | None, start: str | None, end: str | None
) -> None:
    for query in (DocumentQuery(since=since, until=until), EventQuery(since=since, until=until)):
        assert (query.start, query.end) == (start, end)
        assert (query.since, query.until) == (since, until)  # as given: a network reports its window so


@pytest.mark.parametrize(
    ("made", "error", "code", "says"),
    [
        (lambda: EventQuery(since="June"), DateError, "E-DATE", "since must be an ISO date"),
        (lambda: ClaimQuery(until="2024-13"), DateError, "E-DATE", "until '2024-13' is no real date"),
        (lambda: EventQuery(until="2024-6", flags=True), DateError, "E-DATE", "--until must be"),
        (lambda: EventQuery(event_type="ASAULT"), ChoiceError, "E-CHOICE", "did you mean ASSAULT?"),
        (
            lambda: EventQuery(event_type="FOO", flags=True),
            ChoiceError,
            "E-CHOICE",
            "--type 'FOO' is not one",
        ),
        (lambda: ClaimQuery(kind="predction"), ChoiceError, "E-CHOICE", "did you mean prediction?"),
        (lambda: DocumentQuery(limit=-1), QueryError, "E-QUERY", "limit must be 0 or more"),
        (lambda: EventQuery(offset=-5, flags=True), QueryError, "E-QUERY", "--offset must be 0 or more"),
    ],
)
def test_a_bad_filter_is_a_coded_error_naming_it(made: object, error: type, code: str, says: str) -> None:
    with pytest.raises(error) as caught:
        made()  # type: ignore[operator]
    assert caught.value.code == code and says in caught.value.message


def test_an_unknown_event_type_is_the_error_the_incident_views_raise_too() -> None:
    with pytest.raises(UnknownTypeError):
        EventQuery(event_type="assualt")


def test_queries_are_frozen_and_a_copy_is_checked_again() -> None:
    query = EventQuery(actor="PRK", event_type="aid")
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.actor = "USA"  # type: ignore[misc]
    page = dataclasses.replace(query, limit=11, offset=10)
    assert (page.actor, page.event_type, page.limit, page.offset) == ("PRK", "AID", 11, 10)
    with pytest.raises(QueryError):
        dataclasses.replace(query, limit=-1)


def test_defaults_are_the_listings_defaults() -> None:
    assert DocumentQuery().limit == 100  # a page of documents
    assert ClaimQuery().limit is None and EventQuery().limit is None  # every claim, every event
