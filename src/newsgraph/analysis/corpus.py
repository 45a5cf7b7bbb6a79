"""Corpus-wide views: overview counts and the most mentioned actors (counted by SQL), the full actor list
and entity mentions (these two stream the store's records)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsgraph.records import Actor, Entity
from newsgraph.store import Store
from newsgraph.store.views import StoreCounts

# What the overview shows is what the store counts: one type, not a copy of it.
Overview = StoreCounts


@dataclass(frozen=True, slots=True)
class ActorSummary:
    actor: Actor
    mentions: int
    documents: int


def overview(store: Store) -> Overview:
    """Counts over the whole store, done by SQL (the dashboard's first page)."""
    return store.counts()


def top_actors(store: Store, limit: int = 15) -> list[ActorSummary]:
    """The most mentioned linked actors, counted by SQL."""
    return [ActorSummary(actor, mentions, docs) for actor, mentions, docs in store.top_actors(limit)]


def actors(store: Store, *, kind: str | None = None, country: str | None = None) -> list[ActorSummary]:
    """Linked actors with how often and in how many documents they are mentioned, most mentioned first."""
    seen: dict[str, Actor] = {}
    mentions: Counter[str] = Counter()
    docs: dict[str, set[str]] = {}
    for record in store.iter_records(("entity",)):
        if not isinstance(record, Entity) or record.actor is None:
            continue
        actor = record.actor
        if kind and actor.kind != kind:
            continue
        if country and actor.country != country.upper():
            continue
        seen.setdefault(actor.id, actor)
        mentions[actor.id] += 1
        docs.setdefault(actor.id, set()).add(record.doc_id)
    ranked = sorted(seen, key=lambda i: (-mentions[i], i))
    return [ActorSummary(seen[i], mentions[i], len(docs[i])) for i in ranked]


def entities(
    store: Store, *, doc_id: str | None = None, label: str | None = None, text: str | None = None
) -> list[Entity]:
    """Entity mentions in document order; ``text`` is a case-insensitive substring of the words."""
    if doc_id:
        found = list(store.get(doc_id).entities)
    else:
        found = [r for r in store.iter_records(("entity",)) if isinstance(r, Entity)]
    needle = text.casefold() if text else None
    return [
        e
        for e in found
        if (not label or e.label == label.upper()) and (needle is None or needle in e.text.casefold())
    ]
