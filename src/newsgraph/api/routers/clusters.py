"""/api/clusters: story clusters (documents telling the same story) and their independent sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.stories import cluster_of, story_clusters
from newsgraph.api.context import Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.outputs import ClusterOut, Page, dict_out

router = APIRouter(prefix="/clusters", tags=["clusters"])


@router.get("", response_model=Page[ClusterOut], summary="Stories, earliest first")
def list_clusters(
    store: StoreDep,
    since: Since = None,
    until: Until = None,
    min_size: Annotated[int, Query(ge=1, description="Only stories with this many documents.")] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ClusterOut]:
    found = story_clusters(store, since=since, until=until, min_size=min_size)
    window = found[offset : offset + limit + 1]
    return Page[ClusterOut](
        items=[dict_out(ClusterOut, c.to_dict()) for c in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )


@router.get("/{doc_id}", response_model=ClusterOut, summary="The story a document belongs to")
def get_cluster(doc_id: str, store: StoreDep) -> ClusterOut:
    return dict_out(ClusterOut, cluster_of(store, doc_id).to_dict())
