"""The JSON contract: every record serialises with type and doc_id first and reads back equal."""

from __future__ import annotations

import json

import pytest

from newsgraph.records import (
    Actor,
    Claim,
    ClaimKind,
    Document,
    Entity,
    Event,
    EventDate,
    EventType,
    Factuality,
    Failure,
    Location,
    Mention,
    Record,
    Timex,
    TimexKind,
    from_dict,
    to_dict,
)

PUTIN = Actor(id="person:vladimir-putin", name="Vladimir Putin", kind="person", country="RUS", sector="GOV")
RECORDS: list[Record] = [
    Document(doc_id="d", text="Putin met Kim.", title="T", outlet="O", published="2024-06-19", flags=("x",)),
    Entity(doc_id="d", text="Putin", label="PERSON", span=(0, 5), actor=PUTIN),
    Timex(
        doc_id="d",
        text="June 18-19",
        kind=TimexKind.DATE,
        value="2024-06-18",
        span=(0, 10),
        end_value="2024-06-19",
    ),
    Claim(
        doc_id="d",
        id="d:c0",
        source=Mention("Nikkei", (0, 6), Actor("outlet:nikkei", "Nikkei", "outlet")),
        cue="anticipated",
        cue_span=(7, 18),
        content="North Korea would receive support",
        span=(19, 52),
        direct=False,
        kind=ClaimKind.PREDICTION,
        sentence="Nikkei anticipated North Korea would receive support.",
    ),
    Event(
        doc_id="d",
        id="d:e0",
        event_type=EventType.AID,
        trigger="providing",
        span=(0, 20),
        sentence="If North Korea provides weapons to Russia",
        source=Mention("North Korea", (3, 14), Actor("PRK", "North Korea", "state", "PRK")),
        target=None,
        factuality=Factuality.HYPOTHETICAL,
        quad_class=2,
        date=EventDate(text=None, value="2024-06-19", anchor="document"),
        location=Location("Pyongyang", (0, 9), "PRK"),
        factuality_cues=("If",),
    ),
    Failure(doc_id="x", code="E-INPUT-BINARY", message="binary", path="a.html", line=None),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.type)
def test_round_trip_through_json(record: Record) -> None:
    data = json.loads(json.dumps(to_dict(record)))
    assert list(data)[:2] == ["type", "doc_id"]
    assert from_dict(data) == record


def test_unknown_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown record type"):
        from_dict({"type": "gossip", "doc_id": "d"})
