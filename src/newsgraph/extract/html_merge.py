"""Merge two extractors' paragraphs into one article: trust what both see, and each where it is strong.

trafilatura (the primary) is precise inside the article but often keeps the headline, a standfirst,
"related stories" lists or newsletter boxes at the edges, and sometimes stops halfway through a long
article. readability-lxml (the secondary) rarely keeps page furniture, but drops short or unusual
paragraphs (embedded posts, one-line lists). So: the primary's paragraphs at the edges that the
secondary does not support are cut, and prose paragraphs only the secondary found are added in the
secondary's order. Paragraphs are compared by word trigrams, so different paragraph splits of the
same text still agree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A paragraph counts as "seen by the other extractor" when at least this share of its trigrams is.
SUPPORT = 0.5
# The extractors must agree on at least this share of the text before one may edit the other;
# below it they found different blocks, and the primary is kept as it is.
AGREEMENT = 0.5
# Only prose is worth taking from the secondary alone (see _is_prose).
MIN_ADDED_WORDS = 12
# Word-set overlap (Jaccard) above which a paragraph is the page's description repeated.
SAME_AS_SUMMARY = 0.8
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_WORD = re.compile(r"\w+")
_N = 3  # trigrams; _grams zips three shifted copies of the word list

Gram = tuple[str, ...]


@dataclass(frozen=True)
class _Side:
    """One extractor's paragraphs with their words and trigrams."""

    paragraphs: Sequence[str]
    words: list[list[str]]
    grams: list[list[Gram]]
    all_grams: set[Gram]
    padded: str  # all words, space-joined and space-padded, for whole-word containment

    @classmethod
    def of(cls, paragraphs: Sequence[str]) -> _Side:
        words = [[w.lower() for w in _WORD.findall(p)] for p in paragraphs]
        grams = [_grams(ws) for ws in words]
        all_grams = {g for gs in grams for g in gs}
        return cls(paragraphs, words, grams, all_grams, f" {' '.join(' '.join(ws) for ws in words)} ")

    def support(self, words: list[str], grams: list[Gram]) -> float:
        """Share of a paragraph's trigrams found on this side (whole-word containment for short ones)."""
        if len(words) < _N:
            return 1.0 if words and f" {' '.join(words)} " in self.padded else 0.0
        return sum(g in self.all_grams for g in grams) / len(grams)


def _grams(words: list[str]) -> list[Gram]:
    if len(words) < _N:
        return [tuple(words)] if words else []
    return list(zip(words, words[1:], words[2:], strict=False))


def _is_prose(paragraph: str, words: int | None = None) -> bool:
    """Enough words to be a sentence, and ending like one."""
    count = len(_WORD.findall(paragraph)) if words is None else words
    return count >= MIN_ADDED_WORDS and bool(_SENTENCE_END.search(paragraph))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _coverage(support: list[float], words: list[list[str]]) -> float:
    total = sum(len(ws) for ws in words)
    return sum(s * len(ws) for s, ws in zip(support, words, strict=True)) / total if total else 0.0


def merge_paragraphs(
    primary: Sequence[str], secondary: Sequence[str], *, summary: str | None = None
) -> list[str]:
    """The primary's paragraphs, edges trimmed and gaps filled by the secondary's (see module doc).

    ``summary`` is the page's own description (meta description): a paragraph only the secondary has
    that repeats it is the standfirst above the story, not part of it, and is not added.
    """
    if not secondary:
        return list(primary)
    if not primary:
        # readability returns the whole body when it finds no article; only prose makes that an article.
        return list(secondary) if any(_is_prose(p) for p in secondary) else []
    prim, sec = _Side.of(primary), _Side.of(secondary)
    prim_support = [sec.support(ws, gs) for ws, gs in zip(prim.words, prim.grams, strict=True)]
    sec_support = [prim.support(ws, gs) for ws, gs in zip(sec.words, sec.grams, strict=True)]

    keep = list(range(len(primary)))
    if _coverage(sec_support, sec.words) >= AGREEMENT:
        # Most of the secondary is in the primary, so what the primary has beyond it at the edges is
        # furniture; inside the article an unsupported paragraph (a quoted post, a list) is kept.
        while keep and prim_support[keep[0]] < SUPPORT:
            keep.pop(0)
        while keep and prim_support[keep[-1]] < SUPPORT:
            keep.pop()
    if not keep:
        return list(primary)
    if _coverage(prim_support, prim.words) < AGREEMENT:
        return [primary[i] for i in keep]
    summary_words = set(_WORD.findall(summary.lower())) if summary else set()
    return _add_missing([(primary[i], set(prim.grams[i])) for i in keep], sec, sec_support, summary_words)


def _add_missing(
    merged: list[tuple[str, set[Gram]]], sec: _Side, sec_support: list[float], summary: set[str]
) -> list[str]:
    """Insert the secondary's unsupported prose paragraphs after the paragraph that precedes them there."""
    counts = Counter(sec.paragraphs)
    out = list(merged)
    added: dict[int, tuple[str, set[Gram]]] = {}
    for i, para in enumerate(sec.paragraphs):
        if sec_support[i] >= SUPPORT or counts[para] > 1:
            # Repeated paragraphs are slideshow captions or widgets, not story text.
            continue
        if not _is_prose(para, len(sec.words[i])) or _jaccard(set(sec.words[i]), summary) >= SAME_AS_SUMMARY:
            continue
        anchor = -1
        for j in range(i - 1, -1, -1):
            if j in added:
                anchor = next(k for k, item in enumerate(out) if item is added[j])
                break
            if sec_support[j] >= SUPPORT:
                previous = set(sec.grams[j])
                overlaps = [len(previous & grams) for _, grams in out]
                best = max(range(len(out)), key=overlaps.__getitem__)
                if overlaps[best]:
                    anchor = best
                    break
        added[i] = (para, set(sec.grams[i]))
        out.insert(anchor + 1, added[i])
    return [para for para, _ in out]
