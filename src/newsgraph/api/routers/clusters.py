"""/api/clusters: story clusters (documents telling the same story) and their independent sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from newsgraph.analysis.stories import cluster_of, story_clusters
from newsgraph.api.context import CacheDep, Limit, Offset, Since, StoreDep, Until, next_offset
from newsgraph.api.outputs import ClusterOut, Page, dict_out

router = APIRouter(prefix="/clusters", tags=["clusters"])


@router.get("", response_model=Page[ClusterOut], summary="Stories, earliest first")
def list_clusters(
    store: StoreDep,
    cache: CacheDep,
    since: Since = None,
    until: Until = None,
    min_size: Annotated[int, Query(ge=1, description="Only stories with this many documents.")] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ClusterOut]:
    # clustering reads every stored document: once per write
    found = cache.get(
        store,
        "clusters",
        (since, until, min_size),
        lambda: story_clusters(store, since=since, until=until, min_size=min_size),
    )
    window = found[offset : offset + limit + 1]
    return Page[ClusterOut](
        items=[dict_out(ClusterOut, c.to_dict()) for c in window[:limit]],
        limit=limit,
        offset=offset,
        next_offset=next_offset(offset, limit, len(window)),
    )


@router.get("/{doc_id}", response_model=ClusterOut, summary="The story a document belongs to")
def get_cluster(doc_id: str, store: StoreDep, cache: CacheDep) -> ClusterOut:
    store.get(doc_id)  # a document not stored is a 404 with a hint
    stories = cache.get(store, "clusters", (None, None, 1), lambda: story_clusters(store))
    found = next((c for c in stories if doc_id in c.doc_ids), None)
    return dict_out(ClusterOut, (found or cluster_of(store, doc_id)).to_dict())
