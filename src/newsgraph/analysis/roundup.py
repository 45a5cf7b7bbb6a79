"""Outlet roundup of a story: per outlet its claims by kind, who carries them, where outlets agree and differ.

Which outlet a claim belongs to: when the claim's source is an outlet actor (a roundup article quoting "the
Nikkei predicted ..."), the source outlet; otherwise the outlet of the document that carried it. The
roundup says which rule placed each outlet (``grouped_by``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from newsgraph.analysis.citations import SourceDoc, SourceDocs
from newsgraph.analysis.naming import label
from newsgraph.analysis.tfidf import tfidf
from newsgraph.errors import ConfigError
from newsgraph.queries import ClaimQuery, DocumentQuery
from newsgraph.records import Claim, ClaimKind
from newsgraph.store import Store

GroupedBy = Literal["claim source", "document outlet"]
# Two claims from different outlets whose contents have at least this TF-IDF cosine say the same thing.
AGREE = 0.3
_ROWS = 512
RULE = (
    "Claims are grouped by the claim's source when that source is an outlet (a paper quoted by another), "
    "otherwise by the outlet of the document that carried them."
)
UNKNOWN_OUTLET = "(outlet unknown)"


@dataclass(frozen=True, slots=True)
class RoundupClaim:
    claim: Claim
    outlet: str
    carrier: str | None  # who makes the claim: its source's actor name or words
    source: SourceDoc  # the document it was read in
    grouped_by: GroupedBy

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.claim.id,
            "outlet": self.outlet,
            "grouped_by": self.grouped_by,
            "kind": self.claim.kind.value,
            "carrier": self.carrier,
            "cue": self.claim.cue,
            "content": self.claim.content,
            "direct": self.claim.direct,
            "sentence": self.claim.sentence,
            "document": self.source.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class OutletView:
    outlet: str
    grouped_by: tuple[GroupedBy, ...]  # the rules that placed its claims here
    claims: tuple[RoundupClaim, ...]
    doc_ids: tuple[str, ...]

    def by_kind(self) -> dict[str, list[RoundupClaim]]:
        grouped: dict[str, list[RoundupClaim]] = defaultdict(list)
        for kind in ClaimKind:
            for c in self.claims:
                if c.claim.kind is kind:
                    grouped[kind.value].append(c)
        return dict(grouped)

    def carriers(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for c in self.claims:
            counts[c.carrier or "(unnamed)"] += 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "grouped_by": list(self.grouped_by),
            "doc_ids": list(self.doc_ids),
            "carriers": self.carriers(),
            "claims_by_kind": {k: [c.to_dict() for c in v] for k, v in self.by_kind().items()},
        }


@dataclass(frozen=True, slots=True)
class Agreement:
    """Claims of two or more outlets that say much the same thing."""

    outlets: tuple[str, ...]
    claims: tuple[RoundupClaim, ...]
    similarity: float  # TF-IDF cosine of the claims' contents

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlets": list(self.outlets),
            "similarity": self.similarity,
            "claims": [c.to_dict() for c in self.claims],
        }


@dataclass(frozen=True)
class Roundup:
    query: str | None
    doc_ids: tuple[str, ...]
    outlets: tuple[OutletView, ...]
    agreements: tuple[Agreement, ...]
    only_in: dict[str, tuple[RoundupClaim, ...]]  # outlet -> its claims no other outlet makes
    rule: str = RULE

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "doc_ids": list(self.doc_ids),
            "rule": self.rule,
            "outlets": [o.to_dict() for o in self.outlets],
            "agreements": [a.to_dict() for a in self.agreements],
            "differences": {k: [c.to_dict() for c in v] for k, v in self.only_in.items()},
        }


def claim_outlet(claim: Claim, document: SourceDoc) -> tuple[str, GroupedBy]:
    actor = claim.source.actor if claim.source else None
    if actor is not None and actor.kind == "outlet":
        return actor.name, "claim source"
    return document.outlet or UNKNOWN_OUTLET, "document outlet"


def _agreements(items: Sequence[RoundupClaim]) -> list[Agreement]:
    """Pairs of claims from different outlets saying much the same, most similar first.

    Pairs, not groups: chaining pairs into groups joins claims that share nothing through a middle one.
    """
    if len(items) < 2:
        return []
    matrix = tfidf([c.claim.content for c in items])
    outlet_ids = np.unique([c.outlet for c in items], return_inverse=True)[1]
    # Every pair joins two outlets, so one of its claims is outside the largest outlet: only those rows
    # are compared with all claims (a roundup of 200 White House documents holds ~15,000 claims, most
    # of one outlet; their full similarity matrix would not fit in memory).
    largest = np.bincount(outlet_ids).argmax()
    minority = np.flatnonzero(outlet_ids != largest)
    pairs: list[tuple[float, int, int]] = []
    for start in range(0, len(minority), _ROWS):
        mine = minority[start : start + _ROWS]
        block = (matrix[mine] @ matrix.T).toarray()
        rows, cols = np.nonzero(block >= AGREE)
        first = mine[rows]
        # a pair of two minority claims is met twice: keep it from its first claim's row
        keep = (outlet_ids[first] != outlet_ids[cols]) & ((outlet_ids[cols] == largest) | (cols > first))
        for r, c in zip(rows[keep], cols[keep], strict=True):
            i, j = sorted((int(mine[r]), int(c)))
            pairs.append((float(block[r, c]), i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return [
        Agreement((items[i].outlet, items[j].outlet), (items[i], items[j]), round(sim, 3))
        for sim, i, j in pairs
    ]


def roundup(
    store: Store, *, query: str | None = None, doc_ids: Sequence[str] | None = None, limit: int = 200
) -> Roundup:
    """The roundup of the documents matching ``query`` (title or text) or of the given ``doc_ids``."""
    if not query and not doc_ids:
        raise ConfigError("a roundup needs a query or documents (a cluster); give --query or --cluster")
    docs = SourceDocs(store)
    if doc_ids:
        ids = list(dict.fromkeys(doc_ids))
    else:
        found = store.documents(DocumentQuery(search=query, limit=limit))
        docs.prime(found)
        ids = [d.doc_id for d in found]
    items: list[RoundupClaim] = []
    rule_of: dict[str, dict[GroupedBy, None]] = defaultdict(dict)
    docs_of: dict[str, list[str]] = defaultdict(list)
    for doc_id in ids:
        source = docs(doc_id)
        for claim in store.claims(ClaimQuery(doc_id=doc_id)):
            outlet, grouped_by = claim_outlet(claim, source)
            rule_of[outlet][grouped_by] = None
            if doc_id not in docs_of[outlet]:
                docs_of[outlet].append(doc_id)
            items.append(RoundupClaim(claim, outlet, label(claim.source), source, grouped_by))
    views = tuple(
        OutletView(
            outlet=outlet,
            grouped_by=tuple(rule_of[outlet]),
            claims=tuple(c for c in items if c.outlet == outlet),
            doc_ids=tuple(docs_of[outlet]),
        )
        for outlet in sorted(rule_of, key=lambda o: (o == UNKNOWN_OUTLET, o))
    )
    agreements = _agreements(items)
    agreed = {id(c) for a in agreements for c in a.claims}
    only_in = {v.outlet: tuple(c for c in v.claims if id(c) not in agreed) for v in views if len(views) > 1}
    return Roundup(query, tuple(ids), views, tuple(agreements), {k: v for k, v in only_in.items() if v})
