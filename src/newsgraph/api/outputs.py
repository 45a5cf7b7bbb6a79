"""Response schemas: the record contract of DESIGN.md and the analysis results, as pydantic models."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Literal, TypeAlias, TypeVar

from pydantic import BaseModel, create_model

from newsgraph.analysis.network import Node
from newsgraph.api.schemas import Out, model_of
from newsgraph.records import (
    Actor,
    Analysis,
    Claim,
    Document,
    Entity,
    Event,
    EventDate,
    EventMention,
    Failure,
    Location,
    Mention,
    Record,
    Span,
    Timex,
    to_dict,
)
from newsgraph.store.views import StoreCounts

# What a listing of documents shows: the document without its text and provenance.
SUMMARY = ("type", "doc_id", "title", "outlet", "published", "url", "path", "language", "duplicate_of")

Item = TypeVar("Item", bound=BaseModel)

# The records' models are made from their dataclasses (api/schemas.py); mypy sees them as Out.
if TYPE_CHECKING:
    ActorOut: TypeAlias = Out
    MentionOut: TypeAlias = Out
    EventDateOut: TypeAlias = Out
    LocationOut: TypeAlias = Out
    EventMentionOut: TypeAlias = Out
    DocumentSummaryOut: TypeAlias = Out
    DocumentOut: TypeAlias = Out
    EntityOut: TypeAlias = Out
    TimexOut: TypeAlias = Out
    ClaimOut: TypeAlias = Out
    EventOut: TypeAlias = Out
    FailureOut: TypeAlias = Out
    AnalysisOut: TypeAlias = Out
    ActorSummaryOut: TypeAlias = Out
    OverviewOut: TypeAlias = Out
    NodeOut: TypeAlias = Out
else:
    ActorOut = model_of(Actor)
    MentionOut = model_of(Mention)
    EventDateOut = model_of(EventDate)
    LocationOut = model_of(Location)
    EventMentionOut = model_of(EventMention)
    DocumentSummaryOut = model_of(Document, "DocumentSummaryOut", SUMMARY)
    DocumentOut = model_of(Document)
    EntityOut = model_of(Entity)
    TimexOut = model_of(Timex)
    ClaimOut = model_of(Claim)
    EventOut = model_of(Event)
    FailureOut = model_of(Failure)
    AnalysisOut = model_of(Analysis)
    ActorSummaryOut = create_model(
        "ActorSummaryOut", __base__=ActorOut, mentions=(int, ...), documents=(int, ...)
    )
    OverviewOut = model_of(StoreCounts, "OverviewOut")
    NodeOut = model_of(Node)


class Page(BaseModel, Generic[Item]):
    """One page of a list: ``next_offset`` is null on the last page."""

    items: list[Item]
    limit: int
    offset: int
    next_offset: int | None


class SourceDocOut(Out):
    doc_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    link: str | None = None


class TimelineEntryOut(Out):
    date: str | None
    date_approximate: bool  # no date in the text: ``date`` is the publication day
    event_type: str
    quad_class: int
    factuality: str
    source_actor: str | None
    target_actor: str | None
    trigger: str
    sentence: str
    document: SourceDocOut
    event: EventOut


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


class IngestOut(Out):
    new: int
    skipped: int
    failed: int
    doc_ids: list[str]
    failures: list[FailureOut]


class HealthOut(Out):
    status: str
    documents: int


def analysis_out(analysis: Analysis) -> AnalysisOut:
    """One document and everything extracted from it, each record as the JSON Lines contract writes it."""
    return AnalysisOut.model_validate(
        {
            "document": to_dict(analysis.document),
            "entities": [to_dict(r) for r in analysis.entities],
            "timexes": [to_dict(r) for r in analysis.timexes],
            "claims": [to_dict(r) for r in analysis.claims],
            "events": [to_dict(r) for r in analysis.events],
        }
    )


def record_out(model: type[Item], record: Record) -> Item:
    """A record as its response model (the same dict the JSON Lines contract writes)."""
    return model.model_validate(to_dict(record))


def dict_out(model: type[Item], data: dict[str, Any]) -> Item:
    return model.model_validate(data)
