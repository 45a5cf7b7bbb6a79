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
