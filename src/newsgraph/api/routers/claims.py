"""/api/claims: attributions (who said what), in document-date order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.api.context import Limit, Offset, Since, StoreDep, next_offset
from newsgraph.api.outputs import ClaimOut, Page, record_out
from newsgraph.records import ClaimKind

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimOut], summary="List claims")
def list_claims(
    store: StoreDep,
    source: Annotated[str | None, Query(description="Source words, actor name or actor id.")] = None,
    kind: Annotated[ClaimKind | None, Query(description="The kind of claim.")] = None,
    since: Since = None,
    doc_id: Annotated[str | None, Query(description="Only this document.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ClaimOut]:
    # The store pages by limit only: read up to this page's end, plus one row to know there is more.
    found = store.claims(
        source=source, kind=kind.value if kind else None, since=since, doc_id=doc_id, limit=offset + limit + 1
    )
    window = found[offset:]
    return Page[ClaimOut](
        items=[record_out(ClaimOut, c) for c in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )
