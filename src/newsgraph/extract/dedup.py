"""Exact duplicates by content hash; near-duplicates (wire copies) by MinHash over word shingles."""

from __future__ import annotations

import hashlib
import re

from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
# Wire copies share almost all their shingles even after an outlet trims or retitles them.
THRESHOLD = 0.7
_WORD = re.compile(r"\w+")


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
