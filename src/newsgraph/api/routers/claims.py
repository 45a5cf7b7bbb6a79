"""/api/claims: attributions (who said what), in document-date order."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter

from newsgraph.api.context import ClaimFilters, Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import ClaimOut, Page, record_out

router = APIRouter(prefix="/claims", tags=["claims"])


@router.get("", response_model=Page[ClaimOut], summary="List claims")
def list_claims(
    store: StoreDep,
    filters: ClaimFilters,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ClaimOut]:
    # one row more than the page: its presence says there is a next page
    window = store.claims(replace(filters, limit=limit + 1, offset=offset))
    return Page[ClaimOut](
        items=[record_out(ClaimOut, c) for c in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )
