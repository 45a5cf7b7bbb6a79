"""The JSON contract, the library records and the stored rows round-trip without loss (hypothesis)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.records import (
    Actor,
    ActorKind,
    Analysis,
    Anchor,
    Claim,
    ClaimKind,
    DateSource,
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
from newsgraph.store import Store

# Lone surrogates cannot be written as UTF-8 at all. NUL is excluded only where rows are stored: the store
# writes it as U+FFFD on purpose (PostgreSQL text cannot hold NUL), a documented, offset-keeping change.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
STORED_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
SPAN = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda p: (min(p), max(p)))
ISO_DAY = st.dates().map(lambda d: d.isoformat())


def _records(text: st.SearchStrategy[str], doc_id: st.SearchStrategy[str]) -> dict[str, Any]:
    opt = st.none() | text
    actor = st.builds(
        Actor, id=text, name=text, kind=st.sampled_from(get_args(ActorKind)), country=opt, sector=opt
    )
    mention = st.builds(Mention, text=text, span=st.none() | SPAN, actor=st.none() | actor)
    document = st.builds(
        Document,
        doc_id=doc_id,
        text=text,
        path=opt,
        url=opt,
        title=opt,
        outlet=opt,
        published=st.none() | ISO_DAY,
        published_source=st.sampled_from(get_args(DateSource)),
        author=opt,
        language=st.sampled_from(["en", "und", "de"]),
        # The store keeps one live document per content hash (dedup); one hash per doc_id keeps all apart.
        content_hash=doc_id.map(lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest()),
        duplicate_of=opt,
        line=st.none() | st.integers(1, 10**6),
        flags=st.lists(text, max_size=3).map(tuple),
    )
    entity = st.builds(Entity, doc_id=doc_id, text=text, label=text, span=SPAN, actor=st.none() | actor)
    timex = st.builds(
        Timex,
        doc_id=doc_id,
        text=text,
        kind=st.sampled_from(TimexKind),
        value=text,
        span=SPAN,
        end_value=opt,
        anchor=st.sampled_from(get_args(Anchor)),
        approximate=st.booleans(),
    )
    claim = st.builds(
        Claim,
        doc_id=doc_id,
        id=text,
        source=st.none() | mention,
        cue=text,
        cue_span=st.none() | SPAN,
        content=text,
        span=SPAN,
        direct=st.booleans(),
        kind=st.sampled_from(ClaimKind),
        sentence=text,
        parent_id=opt,
    )
    event = st.builds(
        Event,
        doc_id=doc_id,
        id=text,
        event_type=st.sampled_from(EventType),
        trigger=text,
        span=SPAN,
        sentence=text,
        source=st.none() | mention,
        target=st.none() | mention,
        factuality=st.sampled_from(Factuality),
        quad_class=st.integers(0, 4),
        mode=opt,
        trigger_span=st.none() | SPAN,
        date=st.none()
        | st.builds(
            EventDate,
            text=opt,
            value=st.none() | ISO_DAY | text,
            anchor=st.sampled_from(["timex", "document", "none"]),
        ),
        location=st.none() | st.builds(Location, text=text, span=st.none() | SPAN, country=opt),
        factuality_cues=st.lists(text, max_size=3).map(tuple),
        claim_id=opt,
    )
    failure = st.builds(
        Failure, doc_id=doc_id, code=text, message=text, path=opt, line=st.none() | st.integers(1, 10**6)
    )
    return {
        "document": document,
        "entity": entity,
        "timex": timex,
        "claim": claim,
        "event": event,
        "error": failure,
    }


ANY_RECORD: st.SearchStrategy[Record] = st.one_of(*_records(ANY_TEXT, ANY_TEXT).values())


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    doc_id = draw(st.text("abcdefghijklmnopqrstuvwxyz0123456789-:", min_size=1, max_size=24))
    parts = _records(STORED_TEXT, st.just(doc_id))
    return Analysis(
        document=draw(parts["document"]),
        entities=tuple(draw(st.lists(parts["entity"], max_size=3))),
        timexes=tuple(draw(st.lists(parts["timex"], max_size=3))),
        claims=tuple(draw(st.lists(parts["claim"], max_size=3))),
        events=tuple(draw(st.lists(parts["event"], max_size=3))),
    )


@given(ANY_RECORD)
@settings(max_examples=200)
def test_json_contract_round_trips(record: Record) -> None:
    line = json.dumps(to_dict(record), ensure_ascii=False)
    back = from_dict(json.loads(line))
    assert back == record
    assert type(back) is type(record)


@given(ANY_RECORD)
def test_json_form_is_the_contract_shape(record: Record) -> None:
    row = to_dict(record)
    assert list(row)[:2] == ["type", "doc_id"]
    assert row["type"] == record.type
    json.dumps(row)  # plain JSON types only: no enums, tuples or dataclasses left


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path: Path = tmp_path_factory.mktemp("roundtrip") / "roundtrip.db"
    with Store.open(str(path)) as opened:
        yield opened


@given(analyses())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_stored_rows_round_trip(store: Store, analysis: Analysis) -> None:
    # force: the same doc_id may be drawn twice; the newer analysis replaces the stored one.
    store.write([analysis], force=True)
    assert store.get(analysis.document.doc_id) == analysis


@given(analyses())
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_stored_records_match_the_json_contract(store: Store, analysis: Analysis) -> None:
    store.write([analysis], force=True)
    stored = store.get(analysis.document.doc_id)
    assert [to_dict(r) for r in stored.records()] == [to_dict(r) for r in analysis.records()]


FAILURE_IDS = st.text("abcdef0123456789", min_size=1, max_size=8)


@given(st.lists(_records(STORED_TEXT, FAILURE_IDS)["error"], max_size=4))
@settings(max_examples=30, deadline=None)
def test_stored_failures_round_trip(failures: list[Failure]) -> None:
    with Store.open(":memory:") as store:
        store.write([], failures)
        stored = {(f.doc_id, f.path, f.line): f for f in store.failures(limit=None)}
    # The same (doc_id, path, line) seen twice is one failure, the latest.
    latest = {(f.doc_id, f.path, f.line): f for f in failures}
    assert stored == latest


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("plain", "plain"),
        ("a\x00b", "a\ufffdb"),  # NUL becomes U+FFFD, keeping every offset
    ],
)
def test_nul_is_the_one_documented_change(store: Store, text: str, stored: str) -> None:
    document = Document(doc_id=f"nul-{len(text)}-{text.isalpha()}", text=text, title=text)
    store.write([Analysis(document=document)], force=True)
    back = store.get(document.doc_id).document
    assert (back.text, back.title) == (stored, stored)
    assert len(back.text) == len(text)
