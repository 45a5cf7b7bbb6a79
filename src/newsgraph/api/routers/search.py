"""/api/search: full-text search over titles and article text, with the text around each match."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.api import corpus
from newsgraph.api.context import Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import DocumentSummaryOut, Page, SearchHitOut, record_out

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=Page[SearchHitOut], summary="Documents whose title or text contains q")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find (case-insensitive).")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHitOut]:
    found = store.documents(search=q, limit=limit + 1, offset=offset)
    items = []
    for document in found[:limit]:
        hits, shown = corpus.snippets(document.text, q)
        items.append(
            SearchHitOut(
                document=record_out(DocumentSummaryOut, document),
                hits=hits,
                snippets=[s.plain() for s in shown],
            )
        )
    return Page[SearchHitOut](
        items=items, limit=limit, offset=offset, next_offset=next_offset(offset, limit, len(found))
    )
