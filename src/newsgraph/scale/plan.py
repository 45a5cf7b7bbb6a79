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
from dataclasses import dataclass, field, replace

from newsgraph.errors import InputError, TooLargeError
from newsgraph.extract import build_document
from newsgraph.extract.dedup import NearDuplicates
from newsgraph.pipeline import MAX_TEXT_CHARS
from newsgraph.records import Analysis, Document, Failure
from newsgraph.sources import RawInput

log = logging.getLogger(__name__)

KnownIds = Callable[[list[str]], set[str]]
KnownHashes = Callable[[list[str]], dict[str, str]]
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


def _failure(raw: RawInput, code: str, message: str) -> Failure:
    return Failure(doc_id=raw.doc_id, code=code, message=message, path=raw.path, line=raw.line)


def extract(
    raws: Sequence[RawInput], *, published: str | None = None, outlet: str | None = None
) -> list[Document | Failure]:
    """Build each input's Document (or its Failure), as the pipeline does; runs on a worker."""
    out: list[Document | Failure] = []
    for raw in raws:
        try:
            doc = build_document(raw, published=published, outlet=outlet)
            if len(doc.text) > MAX_TEXT_CHARS:
                raise TooLargeError(
                    f"{raw.path}: {len(doc.text):,} characters of text is over {MAX_TEXT_CHARS:,}",
                    path=raw.path,
                    line=raw.line,
                )
        except InputError as err:
            out.append(_failure(raw, err.code, err.message))
            continue
        except Exception as exc:  # a bug in extraction must not sink the shard
            log.exception("extraction failed for %s", raw.path)
            out.append(_failure(raw, "E-EXTRACT-INTERNAL", f"{type(exc).__name__}: {exc}"))
            continue
        out.append(doc)
    return out


class Planner:
    """Admits inputs and decides duplicates in input order; one per run, on the client."""

    def __init__(
        self,
        *,
        known: KnownIds | None = None,
        known_hashes: KnownHashes | None = None,
        duplicate_of: DuplicateOf | None = None,
        near_duplicates: bool = True,
    ) -> None:
        self._known = known
        self._known_hashes = known_hashes
        self._duplicate_of = duplicate_of
        self._near = NearDuplicates() if near_duplicates else None
        self._hashes: dict[str, str] = {}
        # Every doc_id this run took on: shards are stored later and out of order, so the store cannot say.
        self._seen: set[str] = set()
        self._next = 0

    def admit(self, items: Sequence[RawInput | Failure]) -> Admitted:
        """Set aside inputs already stored or already taken on in this run; keep read failures."""
        admitted = Admitted(index=self._next)
        self._next += 1
        raws = [item for item in items if isinstance(item, RawInput)]
        admitted.failures.extend(item for item in items if isinstance(item, Failure))
        stored = self._known([r.doc_id for r in raws]) if self._known else set()
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
        stored = self._known_hashes([d.content_hash for d in docs]) if self._known_hashes else {}
        for doc in docs:
            original = self._hashes.get(doc.content_hash) or self._stored_original(doc, stored)
            if original and original != doc.doc_id:
                dup = replace(doc, duplicate_of=original, flags=(*doc.flags, "exact-duplicate"))
                shard.unparsed.append(Analysis(document=dup))
                continue
            self._hashes[doc.content_hash] = doc.doc_id
            if self._near is not None:
                near = self._near.check(doc.doc_id, doc.text)
                if near:
                    doc = replace(doc, duplicate_of=near, flags=(*doc.flags, "near-duplicate"))
            if doc.language not in ("en", "und"):
                shard.unparsed.append(Analysis(document=doc))  # stored and flagged, not parsed
                continue
            shard.to_parse.append(doc)
        return shard

    def _stored_original(self, doc: Document, stored: dict[str, str]) -> str | None:
        original = stored.get(doc.content_hash)
        if original is None or self._duplicate_of is None:
            return original
        # Shards commit out of order, so a killed run can leave a copy stored without its original. The
        # copy then names the original, which is this document: follow the link rather than trust the hash.
        points_to = self._duplicate_of(original)
        if points_to is None:
            return original
        return None if points_to == doc.doc_id else points_to
