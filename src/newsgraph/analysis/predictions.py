"""Predictions and warnings: who made them and when, beside later events involving the same actors."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsgraph.analysis.citations import SourceDoc, SourceDocs
from newsgraph.analysis.naming import actor_keys, label
from newsgraph.analysis.timeline import TimelineEntry, event_date
from newsgraph.queries import ClaimQuery
from newsgraph.records import Claim, ClaimKind, Event, to_dict
from newsgraph.store import Store

KINDS = (ClaimKind.PREDICTION, ClaimKind.WARNING)
# Later events shown beside one prediction: enough to judge it, few enough to read.
LATER_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Prediction:
    """A prediction or warning, the actors it is about, and what those actors did afterwards."""

    claim: Claim
    made_by: str | None
    made_on: str | None  # the date of the document that carried it
    source: SourceDoc
    actors: tuple[str, ...]  # actor ids the claim is about (linked entities inside its content, its events)
    later: tuple[TimelineEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.claim.kind.value,
            "made_by": self.made_by,
            "made_on": self.made_on,
            "content": self.claim.content,
            "sentence": self.claim.sentence,
            "document": self.source.to_dict(),
            "actors": list(self.actors),
            "later": [t.to_dict() for t in self.later],
            "claim": to_dict(self.claim),
        }


def _inside(span: tuple[int, int] | None, outer: tuple[int, int]) -> bool:
    return span is not None and outer[0] <= span[0] and span[1] <= outer[1]


def predictions(
    store: Store,
    *,
    source: str | None = None,
    since: str | None = None,
    kinds: tuple[ClaimKind, ...] = KINDS,
    limit: int | None = None,
) -> list[Prediction]:
    """Every claim of the given kinds (prediction, warning), oldest first, each with later related events.

    A later event involves one of the claim's actors (same actor id or country, as source or target), is
    dated after the claim's document, and is not itself part of the claim. A claim in an undated document
    gets no later events: "later" cannot be decided.
    """
    docs = SourceDocs(store)
    claims = [
        c for kind in kinds for c in store.claims(ClaimQuery(source=source, kind=kind.value, since=since))
    ]
    claims.sort(key=lambda c: (docs(c.doc_id).published or "9999", c.doc_id, c.span))
    if limit is not None:
        claims = claims[:limit]
    # events by the actor keys of their two sides, so each claim looks only at events of its own actors
    by_key: dict[str, list[Event]] = defaultdict(list)
    for event in store.events():
        for key in _keys(event):
            by_key[key].append(event)
    found: list[Prediction] = []
    analyses: dict[str, Any] = {}
    for claim in claims:
        if claim.doc_id not in analyses:
            analyses[claim.doc_id] = store.get(claim.doc_id)
        analysis = analyses[claim.doc_id]
        keys: set[str] = set()
        ids: list[str] = []
        for entity in analysis.entities:
            if entity.actor and _inside(entity.span, claim.span):
                keys |= actor_keys(entity.actor)
                ids.append(entity.actor.id)
        for event in analysis.events:
            if event.claim_id == claim.id:
                for mention in (event.source, event.target):
                    if mention and mention.actor:
                        keys |= actor_keys(mention.actor)
                        ids.append(mention.actor.id)
        source_doc = docs(claim.doc_id)
        made_on = source_doc.published
        later: list[TimelineEntry] = []
        if made_on and keys:
            candidates = {e.id: e for key in sorted(keys) for e in by_key.get(key, ())}
            for event in candidates.values():
                if event.claim_id == claim.id:
                    continue
                when = event_date(event, docs(event.doc_id))
                if when and when[:10] > made_on:
                    later.append(TimelineEntry(when, event, docs(event.doc_id)))
        later.sort(key=lambda t: (t.date or "", t.source.doc_id))
        found.append(
            Prediction(
                claim=claim,
                made_by=label(claim.source),
                made_on=made_on,
                source=source_doc,
                actors=tuple(dict.fromkeys(ids)),
                later=tuple(later[:LATER_SHOWN]),
            )
        )
    return found


def _keys(event: Event) -> set[str]:
    keys: set[str] = set()
    for mention in (event.source, event.target):
        if mention is not None:
            keys |= actor_keys(mention.actor)
    return keys
