"""What the learned event models see of a sentence: hashed words and tags, and a mean word vector.

Training (``training/events.py``) and coding call the same functions, so a model sees at run time
exactly the features it was fitted on. Terms are hashed with CRC-32 into a fixed number of columns:
stable across processes and Python versions (unlike ``hash``), and no vocabulary file to ship.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.tokens import Span

VECTOR_WIDTH = 300  # en_core_web_md's static vectors
NO_SOURCE_DEPTH = 2.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rule-coded event of the sentence, as the quad model sees it."""

    cameo: str
    depth: int
    quad_class: int
    nominal: bool
    has_source: bool
    has_target: bool
    start: int  # the event's first character, to order candidates alike
    factuality: str

    @property
    def rank(self) -> tuple[float, int]:
        """How central the candidate is: the trigger's depth below the root, an event with no source
        2.5 levels deeper ("23 civilians were killed as forces launched air strikes"), then position."""
        return (self.depth + (0.0 if self.has_source else NO_SOURCE_DEPTH), self.start)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence's features: terms (hashed when a model reads them) and a unit-length mean vector."""

    terms: tuple[str, ...]
    vector: npt.NDArray[np.float32]


def _content(sentence: Span) -> list[str]:
    return [t.lemma_.lower() for t in sentence if t.is_alpha and not t.is_stop]


def mean_vector(sentence: Span) -> npt.NDArray[np.float32]:
    """The unit-length mean of the content words' vectors (zeros when none has a vector)."""
    rows = [np.asarray(t.vector) for t in sentence if t.is_alpha and not t.is_stop and t.has_vector]
    if not rows:
        return np.zeros(VECTOR_WIDTH, dtype=np.float32)
    mean: npt.NDArray[np.float32] = np.mean(np.stack(rows), axis=0).astype(np.float32)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else mean


def topic(sentence: Span) -> Sentence:
    """What the relevance model reads: the sentence's content lemmas and its vector."""
    return Sentence(tuple("w=" + w for w in _content(sentence)), mean_vector(sentence))


def candidate_terms(candidates: Sequence[Candidate]) -> list[str]:
    """The rule coder's view: each candidate's quad class, CAMEO root and depth, and the most central
    candidate's class, root, depth, actors and factuality."""
    terms: list[str] = []
    for c in candidates:
        terms += [f"cq={c.quad_class}", f"cc={c.cameo[:2]}", f"cq{c.quad_class}_d{min(c.depth, 3)}"]
    if not candidates:
        return [*terms, "tq=none"]
    top = min(candidates, key=lambda c: c.rank)
    return [
        *terms,
        f"tq={top.quad_class}",
        f"tc={top.cameo[:2]}",
        f"td={min(top.depth, 3)}",
        f"ts{int(top.has_source)}t{int(top.has_target)}",
        f"tf={top.factuality}",
        f"tq{top.quad_class}_f={top.factuality}",
    ]


def eventive(sentence: Span, candidates: Sequence[Candidate]) -> Sentence:
    """What the quad model reads: the topic terms, the main verb, entity labels and the candidates."""
    terms = ["w=" + w for w in _content(sentence)]
    terms.append("root=" + sentence.root.lemma_.lower())
    terms += ["ent=" + e.label_ for e in sentence.ents]
    terms += candidate_terms(candidates)
    return Sentence(tuple(terms), mean_vector(sentence))


def columns(terms: Iterable[str], bits: int) -> npt.NDArray[np.int64]:
    """The hashed column of each term (repeats kept: a term counts as often as it occurs)."""
    mask = (1 << bits) - 1
    return np.fromiter((zlib.crc32(t.encode("utf-8")) & mask for t in terms), dtype=np.int64)
