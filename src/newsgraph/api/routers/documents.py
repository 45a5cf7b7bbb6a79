"""/api/documents: stored documents, one document with everything extracted from it."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter

from newsgraph.api.context import DocumentFilters, Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import (
    AnalysisOut,
    DocumentSummaryOut,
    Page,
    analysis_out,
    record_out,
)

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentSummaryOut], summary="List documents, newest first")
def list_documents(
    store: StoreDep,
    filters: DocumentFilters,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DocumentSummaryOut]:
    found = store.documents(replace(filters, limit=limit + 1, offset=offset))
    return Page[DocumentSummaryOut](
        items=[record_out(DocumentSummaryOut, d) for d in found[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(found)),
    )


@router.get("/{doc_id}", response_model=AnalysisOut, summary="One document and everything extracted")
def get_document(doc_id: str, store: StoreDep) -> AnalysisOut:
    return analysis_out(store.get(doc_id))
