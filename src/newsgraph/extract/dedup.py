"""Exact duplicates by content hash; near-duplicates (wire copies) by MinHash over word shingles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

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


class NearDuplicates:
    """An index of the documents seen so far; asks which earlier document a new one copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}
        self.threshold = threshold

    def __len__(self) -> int:
        return len(self._sigs)

    def check(self, doc_id: str, text: str) -> str | None:
        """The id of an earlier near-duplicate of this text, if any; the text is then indexed."""
        sig = minhash(text)
        best: tuple[float, str] | None = None
        for other in self._lsh.query(sig):
            score = sig.jaccard(self._sigs[other])
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, other)
        if doc_id not in self._sigs:
            self._lsh.insert(doc_id, sig)
            self._sigs[doc_id] = sig
        return best[1] if best else None


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
        self, *, near_duplicates: bool = True, duplicate_of: Callable[[str], str | None] | None = None
    ) -> None:
        self._near = NearDuplicates() if near_duplicates else None
        self._hashes: dict[str, str] = {}
        self._duplicate_of = duplicate_of

    def decide(self, docs: Sequence[Document], stored: Mapping[str, str]) -> Decision:
        """``stored`` maps content hashes already in the store to their document's id."""
        decision = Decision()
        for doc in docs:
            original = self._hashes.get(doc.content_hash) or self._stored_original(doc, stored)
            if original and original != doc.doc_id:
                copy = replace(doc, duplicate_of=original, flags=(*doc.flags, "exact-duplicate"))
                decision.unparsed.append(Analysis(document=copy))
                continue
            self._hashes[doc.content_hash] = doc.doc_id
            if self._near is not None:
                near = self._near.check(doc.doc_id, doc.text)
                if near:
                    doc = replace(doc, duplicate_of=near, flags=(*doc.flags, "near-duplicate"))
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
