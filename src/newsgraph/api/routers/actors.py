"""/api/actors: canonical actors (states, people, organisations, outlets) the mentions were linked to."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis import corpus
from newsgraph.api.context import Limit, Offset, StoreDep, next_offset
from newsgraph.api.outputs import ActorSummaryOut, Page
from newsgraph.errors import NotFoundError

router = APIRouter(prefix="/actors", tags=["actors"])


def _out(summary: corpus.ActorSummary) -> ActorSummaryOut:
    fields = {
        **dataclasses.asdict(summary.actor),
        "mentions": summary.mentions,
        "documents": summary.documents,
    }
    return ActorSummaryOut.model_validate(fields)


@router.get("", response_model=Page[ActorSummaryOut], summary="List actors, most mentioned first")
def list_actors(
    store: StoreDep,
    kind: Annotated[str | None, Query(description="state, person, organisation, outlet, ...")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code.")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ActorSummaryOut]:
    found = corpus.actors(store, kind=kind, country=country)
    window = found[offset : offset + limit + 1]
    return Page[ActorSummaryOut](
        items=[_out(s) for s in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )


@router.get("/{actor_id}", response_model=ActorSummaryOut, summary="One actor")
def get_actor(actor_id: str, store: StoreDep) -> ActorSummaryOut:
    for summary in corpus.actors(store):
        if summary.actor.id == actor_id:
            return _out(summary)
    raise NotFoundError(f"no actor {actor_id!r} is mentioned in the store; see /api/actors")
