"""The interface the pipeline calls: ids, offsets, dates and claims from upstream records."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.events import code
from newsgraph.records import Claim, ClaimKind, Document, EventDate, Factuality, Timex, TimexKind

TEXT = "Russia attacked Kyiv on Monday. Nikkei said North Korea would send troops to Russia."


def _document(published: str | None) -> Document:
    return Document("d1", TEXT, published=published)


def _timex() -> Timex:
    start = TEXT.index("Monday")
    return Timex("d1", "Monday", TimexKind.DATE, "2024-06-17", (start, start + len("Monday")))


def _claim(kind: ClaimKind = ClaimKind.STATEMENT) -> Claim:
    start = TEXT.index("North Korea would")
    end = TEXT.index(".", start)
    return Claim("d1", "d1:c0", None, "said", None, TEXT[start:end], (start, end), False, kind, TEXT[32:])


def test_ids_offsets_and_timex_date(nlp: Language) -> None:
    events = code(nlp(TEXT), _document("2024-06-20"), [], [_timex()], [])
    assert [e.id for e in events] == [f"d1:e{i}" for i in range(len(events))]
    attack = events[0]
    assert attack.trigger == "attacked"
    assert attack.trigger_span is not None
    assert TEXT[attack.trigger_span[0] : attack.trigger_span[1]] == "attacked"
    assert attack.source is not None and attack.source.span is not None
    assert TEXT[attack.source.span[0] : attack.source.span[1]] == "Russia"
    assert attack.date == EventDate("Monday", "2024-06-17", "timex")


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-06-20", EventDate(None, "2024-06-20", "document")), (None, EventDate(None, None, "none"))],
)
def test_date_falls_back_to_the_document(nlp: Language, published: str | None, expected: EventDate) -> None:
    events = code(nlp(TEXT), _document(published), [], [], [])
    assert events[0].date == expected


@pytest.mark.parametrize(
    ("kind", "factuality"),
    [(ClaimKind.STATEMENT, Factuality.PREDICTED), (ClaimKind.PREDICTION, Factuality.PREDICTED)],
)
def test_events_inside_a_claim_point_at_it(nlp: Language, kind: ClaimKind, factuality: Factuality) -> None:
    events = code(nlp(TEXT), _document(None), [], [], [_claim(kind)])
    sent = [e for e in events if e.trigger == "send"]
    assert sent, "no event at 'send'"
    # "would" is a stronger cue than the attribution: the claim id is kept, the factuality stays predicted.
    assert sent[0].claim_id == "d1:c0"
    assert sent[0].factuality is factuality
    assert "would" in sent[0].factuality_cues
    assert events[0].claim_id is None


def test_reported_inside_a_claim(nlp: Language) -> None:
    text = "Nikkei said North Korea sent troops to Russia."
    start = text.index("North Korea")
    claim = Claim(
        "d2",
        "d2:c0",
        None,
        "said",
        None,
        text[start:-1],
        (start, len(text) - 1),
        False,
        ClaimKind.REPORT,
        text,
    )
    events = code(nlp(text), Document("d2", text), [], [], [claim])
    assert events and events[0].factuality is Factuality.REPORTED
    assert events[0].claim_id == "d2:c0"


@pytest.mark.parametrize(("published", "sector"), [("2020-06-01", "GOV"), ("2024-06-01", "ELI")])
def test_unlinked_person_takes_the_role_held_on_the_document_date(
    nlp: Language, published: str, sector: str
) -> None:
    text = "Boris Johnson visited Kyiv."
    document = Document(doc_id="d", text=text, published=published)
    [event] = code(nlp(text), document, [], [], [])  # no linked entities: the coder resolves the text
    assert event.source is not None and event.source.actor is not None
    assert (event.source.actor.country, event.source.actor.sector) == ("GBR", sector)


def _dated(nlp: Language, text: str, dates: dict[str, str], trigger: str) -> EventDate:
    timexes = [
        Timex("d3", word, TimexKind.DATE, value, (text.index(word), text.index(word) + len(word)))
        for word, value in dates.items()
    ]
    document = Document("d3", text, published="2024-05-02")
    events = [e for e in code(nlp(text), document, [], timexes, []) if e.trigger == trigger]
    assert events, f"no event at {trigger!r}"
    return events[0].date


@pytest.mark.parametrize(
    ("text", "dates", "trigger", "expected"),
    [
        # The date of the trigger's own phrase, or of its clause (the light verb's, a sentence adverbial).
        (
            "In March, Iran held talks with Oman.",
            {"March": "2024-03"},
            "talks",
            EventDate("March", "2024-03", "timex"),
        ),
        (
            "Rebels began to shell Goma on Sunday.",
            {"Sunday": "2024-04-28"},
            "shell",
            EventDate("Sunday", "2024-04-28", "timex"),
        ),
        # A date of another clause is not the event's (issue #5): the document date stands in.
        (
            "The report published on Friday says that Syria, which keeps attacking Idlib, is isolated.",
            {"Friday": "2024-04-26"},
            "attacking",
            EventDate(None, "2024-05-02", "document"),
        ),
        (
            "Turkey protested on Monday after Greece had seized a ship.",
            {"Monday": "2024-04-29"},
            "seized",
            EventDate(None, "2024-05-02", "document"),
        ),
        # A date that bounds a span dates no event: "the first visit since 2015".
        (
            "It was Sisi's first visit to Ankara since 2015.",
            {"2015": "2015"},
            "visit",
            EventDate(None, "2024-05-02", "document"),
        ),
    ],
)
def test_date_attaches_to_the_events_clause(
    nlp: Language, text: str, dates: dict[str, str], trigger: str, expected: EventDate
) -> None:
    assert _dated(nlp, text, dates, trigger) == expected
