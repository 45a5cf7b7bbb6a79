"""/api/roundup: how each outlet told a story: claims by kind, agreements and differences."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.roundup import roundup
from newsgraph.api.context import CacheDep, StoreDep
from newsgraph.api.outputs import RoundupOut, dict_out

router = APIRouter(prefix="/roundup", tags=["roundup"])


@router.get("", response_model=RoundupOut, summary="Outlet-by-outlet roundup of a story")
def get_roundup(
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[
        str | None, Query(description='Full-text query over the documents: all words, "a phrase", OR, -word.')
    ] = None,
    doc_id: Annotated[list[str] | None, Query(description="These documents (repeatable).")] = None,
) -> RoundupOut:
    key = (q, tuple(doc_id or ()))
    return cache.get(
        store, "roundup", key, lambda: dict_out(RoundupOut, roundup(store, query=q, doc_ids=doc_id).to_dict())
    )
