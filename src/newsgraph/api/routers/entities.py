"""/api/entities: named-entity mentions, with the actor each was linked to."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis import corpus
from newsgraph.api.context import Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import EntityOut, Page, record_out

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=Page[EntityOut], summary="List entity mentions in document order")
def list_entities(
    store: StoreDep,
    doc_id: Annotated[str | None, Query(description="Only this document.")] = None,
    label: Annotated[str | None, Query(description="spaCy label: PERSON, GPE, ORG, ...")] = None,
    text: Annotated[str | None, Query(description="The mention's words contain this.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[EntityOut]:
    found = corpus.entities(store, doc_id=doc_id, label=label, text=text)
    window = found[offset : offset + limit + 1]
    return Page[EntityOut](
        items=[record_out(EntityOut, e) for e in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )
