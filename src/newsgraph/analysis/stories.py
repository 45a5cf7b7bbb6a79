"""Story clusters over the store: the stored documents fed to :func:`cluster_stories`."""

from __future__ import annotations

import datetime as dt

from newsgraph.analysis.clusters import THRESHOLD, WINDOW_DAYS, Cluster, StoryText, cluster_stories
from newsgraph.errors import NotFoundError
from newsgraph.store import Store


def story_clusters(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    min_size: int = 1,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
) -> list[Cluster]:
    """Stories among the stored documents published in ``[since, until]``, earliest first."""
    documents = store.documents(since=since, until=until, limit=None)
    clusters = cluster_stories(
        (StoryText.of(d) for d in documents), threshold=threshold, window_days=window_days
    )
    return [c for c in clusters if len(c.doc_ids) >= min_size]


def cluster_of(store: Store, doc_id: str, *, window_days: int = WINDOW_DAYS) -> Cluster:
    """The story a stored document belongs to (``doc_id`` may be any member, e.g. a cluster id)."""
    document = store.get(doc_id).document
    since = until = None
    if document.published and len(document.published) >= 10:
        # Only documents near it in time can join its story; clustering them alone gives the same answer
        # unless a chain of stories reaches beyond twice the window, which average linkage rarely allows.
        day = dt.date.fromisoformat(document.published[:10])
        since = (day - dt.timedelta(days=2 * window_days)).isoformat()
        until = (day + dt.timedelta(days=2 * window_days)).isoformat()
    for cluster in story_clusters(store, since=since, until=until, window_days=window_days):
        if doc_id in cluster.doc_ids:
            return cluster
    raise NotFoundError(f"document {doc_id!r} is in no story; is it stored? see `newsgraph docs`")
