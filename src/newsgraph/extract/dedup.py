"""Exact duplicates by content hash; near-duplicates (wire copies) by MinHash over word shingles.

Near-duplicates are found among the documents of this run (an in-memory LSH index) and, when the
caller gives a lookup into the store, among every document stored before: the store keeps each
document's signature and its LSH band buckets (:func:`buckets`), so a wire copy ingested a month
after its original is still caught.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.records import Analysis, Document

SHINGLE = 5
NUM_PERM = 128
# Wire copies share almost all their shingles even after an outlet trims or retitles them.
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")
# Languages the English model parses; other documents are stored and flagged, not parsed.
PARSED_LANGUAGES = ("en", "und")


def content_hash(text: str) -> str:
    """Hash of the text with case and spacing normalised, so re-scraped copies hash alike."""
    normal = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def minhash(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sig = MinHash(num_perm=NUM_PERM)
    sig.update_batch([s.encode("utf-8") for s in shingles])
    return sig


# The LSH shape datasketch chooses for THRESHOLD and NUM_PERM (bands x rows); the stored buckets use the
# same shape, so a stored document is a candidate exactly when it would be one in the in-memory index.
_SHAPE = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = int(_SHAPE.b), int(_SHAPE.r)
del _SHAPE

Match = tuple[float, str]  # (estimated Jaccard similarity, doc_id)


def _better(candidate: Match, best: Match | None) -> bool:
    # highest similarity wins; a tie goes to the smaller doc_id, so every run and every worker agrees
    return best is None or candidate[0] > best[0] or (candidate[0] == best[0] and candidate[1] < best[1])


def signature(sig: MinHash) -> bytes:
    """A MinHash signature as bytes to store (little-endian 64-bit hash values)."""
    return np.asarray(sig.hashvalues, dtype="<u8").tobytes()


def _values(sig: MinHash | bytes) -> Any:
    return np.frombuffer(sig, dtype="<u8") if isinstance(sig, bytes) else np.asarray(sig.hashvalues)


def similarity(a: MinHash | bytes, b: MinHash | bytes) -> float:
    """Estimated Jaccard similarity of two signatures (either as MinHash or as stored bytes)."""
    left, right = _values(a), _values(b)
    return float(np.count_nonzero(left == right)) / len(left)


def buckets(sig: MinHash) -> list[str]:
    """The LSH band buckets of a signature: two documents sharing one are near-duplicate candidates."""
    values = np.asarray(sig.hashvalues, dtype="<u8")
    out = []
    for band in range(BANDS):
        digest = hashlib.blake2b(values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        out.append(f"{band:02d}:{digest}")
    return out


class NearDuplicates:
    """An index of the documents seen so far; asks which earlier document a new one copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self._sigs)

    def best(self, sig: MinHash) -> Match | None:
        """The most similar indexed document at or above the threshold, if any."""
        best: Match | None = None
        for other in self._lsh.query(sig):
            match = (similarity(sig, self._sigs[other]), other)
            if match[0] >= self.threshold and _better(match, best):
                best = match
        return best

    def add(self, doc_id: str, sig: MinHash) -> None:
        if doc_id not in self._sigs:
            self._lsh.insert(doc_id, sig)
            self._sigs[doc_id] = sig

    def check(self, doc_id: str, text: str) -> str | None:
        """The id of an earlier near-duplicate of this text, if any; the text is then indexed."""
        sig = minhash(text)
        best = self.best(sig)
        self.add(doc_id, sig)
        return best[1] if best else None


# Given LSH buckets, the stored documents in any of them: doc_id -> (its buckets among those, signature).
StoredNear = Callable[[list[str]], Mapping[str, tuple[set[str], bytes]]]


@dataclass
class Decision:
    """One batch after the duplicate decisions: what to parse, and what to store as it is."""

    to_parse: list[Document] = field(default_factory=list)
    unparsed: list[Analysis] = field(default_factory=list)


class Duplicates:
    """Decides, strictly in input order, which documents copy earlier ones; keep one per run.

    An exact copy (same normalised content hash as a document seen in this run or stored before) is
    kept pointing at its original and not parsed again. A near copy (MinHash over word shingles) is
    parsed but marked ``duplicate_of``. A document in a language the model does not read is stored
    and flagged, not parsed. Both the single-process pipeline and the distributed planner ask this
    one object, so they decide the same duplicates for the same input order.

    ``duplicate_of`` (optional) says which original a stored document points at: a killed distributed
    run can leave a copy stored without its original, and the copy must not then be taken for it.
    """

    def __init__(
        self,
        *,
        near_duplicates: bool = True,
        duplicate_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self._near = NearDuplicates() if near_duplicates else None
        self._hashes: dict[str, str] = {}
        self._duplicate_of = duplicate_of

    def decide(
        self, docs: Sequence[Document], stored: Mapping[str, str], stored_near: StoredNear | None = None
    ) -> Decision:
        """``stored`` maps content hashes already in the store to their document's id; ``stored_near``
        finds stored documents by LSH bucket (``Store.near_candidates``)."""
        decision = Decision()
        sigs = {d.doc_id: minhash(d.text) for d in docs} if self._near is not None else {}
        keys = {doc_id: set(buckets(sig)) for doc_id, sig in sigs.items()} if stored_near else {}
        candidates = stored_near(sorted(set().union(*keys.values()))) if stored_near and keys else {}
        for doc in docs:
            original = self._hashes.get(doc.content_hash) or self._stored_original(doc, stored)
            if original and original != doc.doc_id:
                copy = replace(doc, duplicate_of=original, flags=(*doc.flags, "exact-duplicate"))
                decision.unparsed.append(Analysis(document=copy))
                continue
            self._hashes[doc.content_hash] = doc.doc_id
            if self._near is not None:
                sig = sigs[doc.doc_id]
                best = self._near.best(sig)
                for other, (shared, stored_sig) in candidates.items():
                    if other == doc.doc_id or not shared & keys[doc.doc_id]:
                        continue
                    match = (similarity(sig, stored_sig), other)
                    if match[0] >= self._near.threshold and _better(match, best):
                        best = match
                self._near.add(doc.doc_id, sig)
                if best:
                    doc = replace(doc, duplicate_of=best[1], flags=(*doc.flags, "near-duplicate"))
            if doc.language not in PARSED_LANGUAGES:
                decision.unparsed.append(Analysis(document=doc))
                continue
            decision.to_parse.append(doc)
        return decision

    def _stored_original(self, doc: Document, stored: Mapping[str, str]) -> str | None:
        original = stored.get(doc.content_hash)
        if original is None or self._duplicate_of is None:
            return original
        # Shards commit out of order, so a killed run can leave a copy stored without its original. The
        # copy then names the original, which is this document: follow the link rather than trust the hash.
        points_to = self._duplicate_of(original)
        if points_to is None:
            return original
        return None if points_to == doc.doc_id else points_to
