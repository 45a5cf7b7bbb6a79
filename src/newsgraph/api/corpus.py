"""Corpus-wide views the store has no query for: overview counts, actors, entity mentions.

They stream the store's records once per call; fine for a dashboard over thousands of documents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsgraph.records import Actor, Claim, Document, Entity, Event
from newsgraph.store import Store


@dataclass(frozen=True, slots=True)
class Overview:
    documents: int
    claims: int
    events: int
    failures: int
    outlets: dict[str, int]
    event_types: dict[str, int]
    claim_kinds: dict[str, int]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class ActorSummary:
    actor: Actor
    mentions: int
    documents: int


def overview(store: Store) -> Overview:
    outlets: Counter[str] = Counter()
    event_types: Counter[str] = Counter()
    claim_kinds: Counter[str] = Counter()
    dates: list[str] = []
    claims = events = 0
    for record in store.iter_records(("document", "claim", "event")):
        if isinstance(record, Claim):
            claims += 1
            claim_kinds[record.kind.value] += 1
        elif isinstance(record, Event):
            events += 1
            event_types[record.event_type.value] += 1
        elif isinstance(record, Document):
            outlets[record.outlet or "(outlet unknown)"] += 1
            if record.published:
                dates.append(record.published)
    return Overview(
        documents=store.count_documents(),
        claims=claims,
        events=events,
        failures=len(store.failures(limit=None)),
        outlets=dict(outlets.most_common()),
        event_types=dict(event_types.most_common()),
        claim_kinds=dict(claim_kinds.most_common()),
        first=min(dates, default=None),
        last=max(dates, default=None),
    )


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
