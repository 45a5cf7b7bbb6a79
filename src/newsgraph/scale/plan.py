"""The deterministic part of a distributed run: which inputs to process and which documents are copies.

Near-duplicate detection depends on order (the first copy seen is the original), so it cannot be
decided inside shards that finish in any order. Workers only extract (``extract``) and parse; the
client feeds every extracted shard through one :class:`Planner` in input order, exactly as the
single-process :class:`~newsgraph.pipeline.Pipeline` sees them, so both decide the same duplicates.
Nothing here imports dask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from newsgraph.extract import extract as extract_one
from newsgraph.extract.dedup import Duplicates
from newsgraph.inputs import RawInput
from newsgraph.pipeline import StoredDocuments
from newsgraph.records import Analysis, Document, Failure

log = logging.getLogger(__name__)

DuplicateOf = Callable[[str], str | None]


@dataclass
class Admitted:
    """One shard of raw inputs after the stored and repeated ones are set aside."""

    index: int
    raws: list[RawInput] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class Shard:
    """What a worker parses and stores in one transaction: documents to parse, copies to store as they are."""

    index: int
    to_parse: list[Document] = field(default_factory=list)
    unparsed: list[Analysis] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def extract(
    raws: Sequence[RawInput],
    *,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
) -> list[Document | Failure]:
    """Build each input's Document (or its Failure), as the pipeline does; runs on a worker."""
    return [extract_one(raw, published=published, outlet=outlet, language=language) for raw in raws]


class Planner:
    """Admits inputs and decides duplicates in input order; one per run, on the client."""

    def __init__(
        self,
        *,
        stored: StoredDocuments | None = None,
        duplicate_of: DuplicateOf | None = None,
        near_duplicates: bool = True,
    ) -> None:
        """``stored`` (the Store, as the pipeline takes it) says which inputs earlier runs stored."""
        self._stored = stored
        self._duplicates = Duplicates(near_duplicates=near_duplicates, duplicate_of=duplicate_of)
        # Every doc_id this run took on: shards are stored later and out of order, so the store cannot say.
        self._seen: set[str] = set()
        self._next = 0

    def admit(self, items: Sequence[RawInput | Failure]) -> Admitted:
        """Set aside inputs already stored or already taken on in this run; keep read failures."""
        admitted = Admitted(index=self._next)
        self._next += 1
        raws = [item for item in items if isinstance(item, RawInput)]
        admitted.failures.extend(item for item in items if isinstance(item, Failure))
        stored = self._stored.known([r.doc_id for r in raws]) if self._stored is not None else set()
        for raw in raws:
            if raw.doc_id in stored or raw.doc_id in self._seen:
                admitted.skipped.append(raw.doc_id)
                continue
            self._seen.add(raw.doc_id)
            admitted.raws.append(raw)
        return admitted

    def decide(self, admitted: Admitted, extracted: Sequence[Document | Failure]) -> Shard:
        """Mark exact and near duplicates among this shard's documents; call in admission order."""
        shard = Shard(index=admitted.index, failures=list(admitted.failures), skipped=list(admitted.skipped))
        docs = [d for d in extracted if isinstance(d, Document)]
        shard.failures.extend(f for f in extracted if isinstance(f, Failure))
        held = self._stored
        stored = held.known_hashes([d.content_hash for d in docs]) if held is not None else {}
        decision = self._duplicates.decide(docs, stored, held.near_candidates if held is not None else None)
        shard.unparsed.extend(decision.unparsed)
        shard.to_parse.extend(decision.to_parse)
        return shard
