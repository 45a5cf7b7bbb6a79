"""Story clusters over the store: the stored documents fed to :func:`cluster_stories`, with what the store
knows beyond their words — the incidents they share with other documents, and for a document without a
publication date, the latest day its events are dated to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsgraph.analysis.clusters import THRESHOLD, WINDOW_DAYS, Cluster, StoryText, cluster_stories
from newsgraph.errors import NotFoundError
from newsgraph.queries import DocumentQuery
from newsgraph.records import Document
from newsgraph.store import Store


def story_texts(store: Store, documents: Sequence[Document]) -> list[StoryText]:
    """What clustering reads of stored documents."""
    shared = store.shared_incidents()
    days = store.event_days()
    texts = []
    for document in documents:
        published = document.published
        if not published and document.doc_id in days:
            # an undated roundup of June 2024 is no story of September 2023: date it by what it reports
            published = dt.date.fromordinal(days[document.doc_id]).isoformat()
        texts.append(
            StoryText(
                document.doc_id,
                document.title,
                document.text,
                published,
                document.duplicate_of,
                tuple(shared.get(document.doc_id, ())),
            )
        )
    return texts


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
    documents = store.documents(DocumentQuery(since=since, until=until, limit=None))
    clusters = cluster_stories(story_texts(store, documents), threshold=threshold, window_days=window_days)
    return [c for c in clusters if len(c.doc_ids) >= min_size]


def cluster_of(store: Store, doc_id: str) -> Cluster:
    """The story a stored document belongs to (``doc_id`` may be any member, e.g. a cluster id).

    All stored documents are clustered, as by :func:`story_clusters`: term weights depend on the whole
    collection, so clustering a date slice alone could answer differently from ``newsgraph clusters``.
    """
    store.get(doc_id)  # raises NotFoundError with a hint when the document is not stored
    for cluster in story_clusters(store):
        if doc_id in cluster.doc_ids:
            return cluster
    raise NotFoundError(f"document {doc_id!r} is in no story; see `newsgraph docs`")
