"""Response schemas: the record contract of DESIGN.md and the analysis results, as pydantic models."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from newsgraph.records import Record, to_dict

Item = TypeVar("Item", bound=BaseModel)
Span = tuple[int, int]


class Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ActorOut(Out):
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None


class MentionOut(Out):
    text: str
    span: Span | None = None
    actor: ActorOut | None = None


class DocumentSummaryOut(Out):
    type: str = "document"
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    language: str = "en"
    duplicate_of: str | None = None


class DocumentOut(DocumentSummaryOut):
    text: str
    published_source: str = "none"
    author: str | None = None
    content_hash: str = ""
    flags: list[str] = []


class EntityOut(Out):
    type: str = "entity"
    doc_id: str
    text: str
    label: str
    span: Span
    actor: ActorOut | None = None


class TimexOut(Out):
    type: str = "timex"
    doc_id: str
    text: str
    kind: str
    value: str
    end_value: str | None = None
    span: Span


class ClaimOut(Out):
    type: str = "claim"
    doc_id: str
    id: str
    source: MentionOut | None = None
    cue: str
    cue_span: Span | None = None
    content: str
    span: Span
    direct: bool
    kind: str
    sentence: str
    parent_id: str | None = None


class EventDateOut(Out):
    text: str | None = None
    value: str | None = None
    anchor: str = "timex"


class LocationOut(Out):
    text: str
    span: Span | None = None
    country: str | None = None


class EventOut(Out):
    type: str = "event"
    doc_id: str
    id: str
    event_type: str
    mode: str | None = None
    quad_class: int
    trigger: str
    trigger_span: Span | None = None
    source: MentionOut | None = None
    target: MentionOut | None = None
    date: EventDateOut | None = None
    location: LocationOut | None = None
    factuality: str
    factuality_cues: list[str] = []
    claim_id: str | None = None
    span: Span
    sentence: str


class FailureOut(Out):
    type: str = "error"
    doc_id: str
    path: str | None = None
    line: int | None = None
    code: str
    message: str


class AnalysisOut(Out):
    document: DocumentOut
    entities: list[EntityOut]
    timexes: list[TimexOut]
    claims: list[ClaimOut]
    events: list[EventOut]


class Page(BaseModel, Generic[Item]):
    """One page of a list: ``next_offset`` is null on the last page."""

    items: list[Item]
    limit: int
    offset: int
    next_offset: int | None


class ActorSummaryOut(ActorOut):
    mentions: int
    documents: int


class SourceDocOut(Out):
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    link: str | None = None


class TimelineEntryOut(Out):
    date: str | None
    event_type: str
    quad_class: int
    factuality: str
    source_actor: str | None
    target_actor: str | None
    trigger: str
    sentence: str
    document: SourceDocOut
    event: EventOut


class NodeOut(Out):
    id: str
    name: str
    kind: str
    country: str | None
    events: int


class EdgeOut(Out):
    source: str
    target: str
    count: int
    mentions: int = 0
    outlets: int = 0
    by_quad: dict[str, int]
    by_factuality: dict[str, int]
    by_type: dict[str, int]
    event_ids: list[str]


class NetworkOut(Out):
    since: str | None
    until: str | None
    level: str
    counting: str = "mentions"
    skipped_events: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class RoundupClaimOut(Out):
    id: str
    outlet: str
    grouped_by: str
    kind: str
    carrier: str | None
    cue: str
    content: str
    direct: bool
    sentence: str
    document: SourceDocOut


class OutletViewOut(Out):
    outlet: str
    grouped_by: list[str]
    doc_ids: list[str]
    carriers: dict[str, int]
    claims_by_kind: dict[str, list[RoundupClaimOut]]


class AgreementOut(Out):
    outlets: list[str]
    similarity: float
    claims: list[RoundupClaimOut]


class RoundupOut(Out):
    query: str | None
    doc_ids: list[str]
    rule: str
    outlets: list[OutletViewOut]
    agreements: list[AgreementOut]
    differences: dict[str, list[RoundupClaimOut]]


class ClusterOut(Out):
    cluster: str
    doc_ids: list[str]
    size: int
    independent: int
    copies: list[list[str]]
    title: str | None
    first: str | None
    last: str | None


class HighlightOut(Out):
    """Text with the words the query matched: ``marks`` are ``[start, end)`` offsets into ``text``."""

    text: str
    marks: list[Span]


class SearchHitOut(Out):
    kind: Literal["document", "claim", "event"]
    rank: float
    document: DocumentSummaryOut
    claim: ClaimOut | None = None
    event: EventOut | None = None
    title: HighlightOut  # a document's title, a claim's source; empty for an event
    highlights: list[HighlightOut]
    snippets: list[str]  # the highlights' plain text
    hits: int  # matched words shown in the title and highlights


class OverviewOut(Out):
    documents: int
    claims: int
    events: int
    incidents: int = 0
    failures: int
    outlets: dict[str, int]
    event_types: dict[str, int]
    claim_kinds: dict[str, int]
    first: str | None
    last: str | None


class IngestOut(Out):
    new: int
    skipped: int
    failed: int
    doc_ids: list[str]
    failures: list[FailureOut]


class HealthOut(Out):
    status: str
    documents: int


def record_out(model: type[Item], record: Record) -> Item:
    """A record as its response model (the same dict the JSON Lines contract writes)."""
    return model.model_validate(to_dict(record))


def dict_out(model: type[Item], data: dict[str, Any]) -> Item:
    return model.model_validate(data)
