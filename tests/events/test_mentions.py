"""One happening, one event per document: repeated tellings are folded into one event's mentions."""

from __future__ import annotations

from newsgraph.events.mentions import merge
from newsgraph.library.processing import process
from newsgraph.records import Actor, Event, EventDate, EventType, Factuality, Mention

RUS = Actor("RUS", "Russia", "state", "RUS")
UKR = Actor("UKR", "Ukraine", "state", "UKR")


def _event(span: tuple[int, int], *, date: EventDate | None = None, factuality: str = "asserted") -> Event:
    return Event(
        doc_id="d",
        id="",
        event_type=EventType.ASSAULT,
        trigger="invasion",
        span=span,
        sentence=f"sentence at {span[0]}",
        source=Mention("Russia", (span[0], span[0] + 6), RUS),
        target=Mention("Ukraine", (span[1] - 7, span[1]), UKR),
        factuality=Factuality(factuality),
        quad_class=4,
        date=date,
    )


def test_repeated_tellings_become_one_event_with_every_mention() -> None:
    merged = merge([_event((0, 30)), _event((100, 130), factuality="reported"), _event((200, 230))])
    assert len(merged) == 1
    assert [m.span for m in merged[0].mentions] == [(0, 30), (100, 130), (200, 230)]
    assert merged[0].factuality is Factuality.ASSERTED


def test_a_precise_date_wins_over_the_publication_day_and_two_dates_are_two_happenings() -> None:
    published = EventDate(None, "2023-09-15", "document")
    merged = merge(
        [_event((0, 30), date=published), _event((50, 80), date=EventDate("in 2022", "2022", "timex"))]
    )
    assert len(merged) == 1 and merged[0].date is not None and merged[0].date.value == "2022"
    apart = merge(
        [
            _event((0, 30), date=EventDate("in 2014", "2014", "timex")),
            _event((50, 80), date=EventDate("in 2022", "2022", "timex")),
        ]
    )
    assert len(apart) == 2


def test_a_hypothetical_telling_is_another_matter() -> None:
    assert len(merge([_event((0, 30)), _event((50, 80), factuality="hypothetical")])) == 2


def test_the_pipeline_folds_an_editorials_repetitions() -> None:
    text = (
        "Russia invaded Ukraine in February 2022. Since then, Russia's invasion of Ukraine has drawn "
        "sanctions from the West. Many in Europe still condemn Russia's invasion of Ukraine."
    )
    events = [r for r in process([text], published="2023-09-15") if isinstance(r, Event)]
    invasions = [e for e in events if e.event_type is EventType.ASSAULT]
    assert len(invasions) == 1 and len(invasions[0].mentions) >= 2
    assert all(len(e.mentions) >= 1 for e in events)
