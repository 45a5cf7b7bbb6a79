"""The cue lexicon and content markers, read from the data files beside this module."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from newsgraph.errors import DataError
from newsgraph.records import ClaimKind

Frame = Literal["verb", "prep", "noun", "adj"]
Takes = Literal["clause", "obj", "xcomp", "speech"]

# Cue kinds a content marker may refine: these say only that something was said or judged.
WEAK_KINDS = frozenset({ClaimKind.STATEMENT, ClaimKind.ASSESSMENT})


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon row: a cue lemma (with an optional particle), its frame, kind and content shape."""

    lemma: str
    particle: str | None
    frame: Frame
    kind: ClaimKind
    takes: Takes


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Cue, ...]]  # lemma -> cues, phrasal ones first
    nouns: dict[str, Cue]
    preps: dict[str, Cue]  # first word -> cue ("according" -> according to)
    adjectives: dict[str, Cue]  # predicative adjectives of stance ("eager to", "worried that")
    markers: tuple[tuple[str, ClaimKind], ...]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("newsgraph.claims").joinpath(name).read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if any(not c.strip() for c in cells):
            raise DataError(f"{name} line {number}: empty cell; fill every tab-separated column")
        rows.append(cells)
    return rows


@functools.cache
def load_lexicon() -> Lexicon:
    """The cue lexicon (``cues.tsv``) and content markers (``markers.tsv``), read once."""
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, Cue] = {}
    preps: dict[str, Cue] = {}
    adjectives: dict[str, Cue] = {}
    for cells in _rows("cues.tsv"):
        if (
            len(cells) != 4
            or cells[1] not in ("verb", "prep", "noun", "adj")
            or cells[3]
            not in (
                "clause",
                "obj",
                "xcomp",
                "speech",
            )
        ):
            raise DataError(f"cues.tsv: bad row {cells!r}; expected cue, frame, kind, takes")
        words = cells[0].split()
        frame: Frame = cells[1]  # type: ignore[assignment]
        takes: Takes = cells[3]  # type: ignore[assignment]
        try:
            kind = ClaimKind(cells[2])
        except ValueError as exc:
            raise DataError(
                f"cues.tsv: unknown kind {cells[2]!r}; use one of {[k.value for k in ClaimKind]}"
            ) from exc
        cue = Cue(words[0], " ".join(words[1:]) or None, frame, kind, takes)
        if frame == "verb":
            verbs.setdefault(cue.lemma, []).append(cue)
        elif frame == "noun":
            nouns[cue.lemma] = cue
        elif frame == "adj":
            adjectives[cue.lemma] = cue
        else:
            preps[cue.lemma] = cue
    markers = []
    for cells in _rows("markers.tsv"):
        if len(cells) != 2:
            raise DataError(f"markers.tsv: bad row {cells!r}; expected lemma, kind")
        markers.append((cells[0], ClaimKind(cells[1])))
    ordered = {k: tuple(sorted(v, key=lambda c: c.particle is None)) for k, v in verbs.items()}
    return Lexicon(ordered, nouns, preps, adjectives, tuple(markers))
