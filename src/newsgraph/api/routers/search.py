"""/api/search: full-text search over documents, claims or events, best first, with matches marked."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from newsgraph.api.context import Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import (
    ClaimOut,
    DocumentSummaryOut,
    EventOut,
    HighlightOut,
    Page,
    SearchHitOut,
    record_out,
)
from newsgraph.records import Claim, Document, Event
from newsgraph.store.search import Highlight, SearchHit

router = APIRouter(prefix="/search", tags=["search"])

QUERY_HELP = (
    'Every word must occur; "quoted phrases" in order; OR between two terms for either; '
    "-word excludes. Stemmed: summits finds summit."
)


def highlight_out(highlight: Highlight) -> HighlightOut:
    marks: list[tuple[int, int]] = []
    at = 0
    for piece, hit in highlight.parts:
        if hit:
            marks.append((at, at + len(piece)))
        at += len(piece)
    return HighlightOut(text=highlight.plain(), marks=marks)


def hit_out(hit: SearchHit, document: Document) -> SearchHitOut:
    record = hit.record
    return SearchHitOut(
        kind=hit.kind,
        rank=hit.rank,
        document=record_out(DocumentSummaryOut, document),
        claim=record_out(ClaimOut, record) if isinstance(record, Claim) else None,
        event=record_out(EventOut, record) if isinstance(record, Event) else None,
        title=highlight_out(hit.title),
        highlights=[highlight_out(s) for s in hit.snippets],
        snippets=[s.plain() for s in hit.snippets],
        hits=hit.title.matches + sum(s.matches for s in hit.snippets),
    )


@router.get("", response_model=Page[SearchHitOut], summary="Records matching a full-text query, best first")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description=QUERY_HELP)],
    kind: Annotated[
        Literal["document", "claim", "event"],
        Query(description="What to search: documents, claims or events."),
    ] = "document",
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHitOut]:
    found = store.search(q, kind=kind, limit=limit + 1, offset=offset)
    shown = found[:limit]
    documents = store.documents_by_id(h.doc_id for h in shown if not isinstance(h.record, Document))
    items = [hit_out(h, h.record if isinstance(h.record, Document) else documents[h.doc_id]) for h in shown]
    return Page[SearchHitOut](
        items=items, limit=limit, offset=offset, next_offset=next_offset(offset, limit, len(found))
    )
