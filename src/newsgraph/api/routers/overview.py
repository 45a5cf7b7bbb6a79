"""/api/overview and /api/health: what the store holds, and whether the server is up."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter

from newsgraph.analysis import corpus
from newsgraph.api.context import CacheDep, StoreDep
from newsgraph.api.outputs import HealthOut, OverviewOut

router = APIRouter(tags=["overview"])


@router.get("/overview", response_model=OverviewOut, summary="Counts over the whole store")
def get_overview(store: StoreDep, cache: CacheDep) -> OverviewOut:
    return cache.get(
        store, "overview", (), lambda: OverviewOut.model_validate(asdict(corpus.overview(store)))
    )


@router.get("/health", response_model=HealthOut, summary="The server is up and the store answers")
def health(store: StoreDep) -> HealthOut:
    return HealthOut(status="ok", documents=store.count_documents())
