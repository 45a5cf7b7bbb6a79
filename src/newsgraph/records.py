"""Typed records: the JSON Lines contract of DESIGN.md, as frozen dataclasses.

This module imports nothing internal. Every record has ``type`` and ``doc_id`` when
serialised with :func:`to_dict`; :func:`from_dict` reads the same shape back.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

Span: TypeAlias = tuple[int, int]
"""Character offsets ``[start, end)`` into the ``text`` of the document record."""


class EventType(str, enum.Enum):
    """The 16 PLOVER event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Factuality(str, enum.Enum):
    ASSERTED = "asserted"
    REPORTED = "reported"
    PREDICTED = "predicted"
    INTENDED = "intended"
    POSSIBLE = "possible"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


class ClaimKind(str, enum.Enum):
    STATEMENT = "statement"
    REPORT = "report"
    ASSESSMENT = "assessment"
    PREDICTION = "prediction"
    WARNING = "warning"
    DENIAL = "denial"
    ACCUSATION = "accusation"
    EXPLANATION = "explanation"


class TimexKind(str, enum.Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


ActorKind = Literal["state", "person", "organisation", "outlet", "group", "place", "sector"]
Anchor = Literal["dct", "inferred", "relative", "none"]
DateSource = Literal["metadata", "signoff", "dateline", "byline", "given", "none"]


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor a mention refers to."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER/CAMEO sector code: GOV, MIL, IGO, ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A textual mention of an actor: the source of a claim, the source or target of an event."""

    text: str
    span: Span | None
    actor: Actor | None = None


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    published_source: DateSource = "none"
    author: str | None = None
    language: str = "en"
    content_hash: str = ""
    duplicate_of: str | None = None
    line: int | None = None  # line number in a JSONL input
    flags: tuple[str, ...] = ()
    type: Literal["document"] = field(default="document", init=False)


@dataclass(frozen=True, slots=True)
class Entity:
    doc_id: str
    text: str
    label: str
    span: Span
    actor: Actor | None = None
    type: Literal["entity"] = field(default="entity", init=False)


@dataclass(frozen=True, slots=True)
class Timex:
    doc_id: str
    text: str
    kind: TimexKind
    value: str
    span: Span
    end_value: str | None = None
    anchor: Anchor = "dct"
    approximate: bool = False
    type: Literal["timex"] = field(default="timex", init=False)


@dataclass(frozen=True, slots=True)
class Claim:
    doc_id: str
    id: str
    source: Mention | None
    cue: str
    cue_span: Span | None
    content: str
    span: Span
    direct: bool
    kind: ClaimKind
    sentence: str
    parent_id: str | None = None  # nested attribution: the claim that reports this one
    type: Literal["claim"] = field(default="claim", init=False)


@dataclass(frozen=True, slots=True)
class EventDate:
    text: str | None
    value: str | None
    anchor: Literal["timex", "document", "none"] = "timex"


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    span: Span | None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One telling of an event in its document: the sentence and the words that code it there."""

    span: Span
    sentence: str
    trigger: str
    trigger_span: Span | None = None
    factuality: Factuality | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One happening in one document; ``mentions`` holds every sentence that tells it, this one first."""

    doc_id: str
    id: str
    event_type: EventType
    trigger: str
    span: Span
    sentence: str
    source: Mention | None
    target: Mention | None
    factuality: Factuality
    quad_class: int
    mode: str | None = None
    trigger_span: Span | None = None
    date: EventDate | None = None
    location: Location | None = None
    factuality_cues: tuple[str, ...] = ()
    claim_id: str | None = None
    mentions: tuple[EventMention, ...] = ()
    type: Literal["event"] = field(default="event", init=False)


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed: the pipeline records it and goes on."""

    doc_id: str
    code: str
    message: str
    path: str | None = None
    line: int | None = None
    type: Literal["error"] = field(default="error", init=False)

    @classmethod
    def internal(cls, code: str, exc: Exception, doc_id: str, path: str | None, line: int | None) -> Failure:
        """A bug met while processing one document, recorded so the batch goes on."""
        return cls(doc_id=doc_id, code=code, message=f"{type(exc).__name__}: {exc}", path=path, line=line)


Record: TypeAlias = Document | Entity | Timex | Claim | Event | Failure

RECORD_TYPES: dict[str, type[Record]] = {
    "document": Document,
    "entity": Entity,
    "timex": Timex,
    "claim": Claim,
    "event": Event,
    "error": Failure,
}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def to_dict(record: Record) -> dict[str, Any]:
    """The JSON-ready form of a record, ``type`` first."""
    body = _plain(record)
    head = {"type": body.pop("type"), "doc_id": body.pop("doc_id")}
    if isinstance(record, Document):
        return {**head, **body, "text": body.pop("text")}  # the long field last, for people reading
    return {**head, **body}


_NESTED: dict[str, type[Any]] = {
    "actor": Actor,
    "source": Mention,
    "target": Mention,
    "date": EventDate,
    "location": Location,
}
_ENUMS: dict[str, type[enum.Enum]] = {
    "event_type": EventType,
    "factuality": Factuality,
    "kind": ClaimKind,
}


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.name not in data:
            continue
        value = data[f.name]
        if value is None:
            kwargs[f.name] = None
        elif f.name in _NESTED and isinstance(value, dict):
            kwargs[f.name] = _build(_NESTED[f.name], value)
        elif f.name == "mentions" and cls is Event:
            kwargs[f.name] = tuple(_build(EventMention, m) for m in value)
        elif f.name == "factuality" and cls is EventMention:
            kwargs[f.name] = Factuality(value)
        elif f.name == "kind" and cls is Timex:
            kwargs[f.name] = TimexKind(value)
        elif f.name in _ENUMS and cls in (Event, Claim):
            kwargs[f.name] = _ENUMS[f.name](value)
        elif isinstance(value, list):
            kwargs[f.name] = tuple(value)
        else:
            kwargs[f.name] = value
    return cls(**kwargs)


def from_dict(data: dict[str, Any]) -> Record:
    """Read a record back from its JSON form (the inverse of :func:`to_dict`)."""
    try:
        cls = RECORD_TYPES[data["type"]]
    except KeyError as exc:
        raise ValueError(f"unknown record type: {data.get('type')!r}") from exc
    record: Record = _build(cls, data)
    return record


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one document: what the pipeline yields and the store keeps."""

    document: Document
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()

    def records(self) -> tuple[Record, ...]:
        return (self.document, *self.entities, *self.timexes, *self.claims, *self.events)
