"""The cue lexicon and content markers, read from ``data/`` by the one loader.

``data/cues.tsv`` is the one list of words of saying: the events stage reads from it which verbs report
(factuality) and which are never event triggers, so a cue word is added in one place."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from newsgraph.errors import LexiconError
from newsgraph.lexicon import load, table
from newsgraph.records import ActorKind, ClaimKind

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
    # What the events stage makes of a verb of saying (the "events" column): one list for both stages.
    reporting: frozenset[str]  # an event in its clause is reported, not asserted
    not_events: frozenset[str]  # never an event trigger: saying is a claim


CUE_COLUMNS = ("cue", "frame", "kind", "takes", "events")
_FRAMES = ("verb", "prep", "noun", "adj")
_TAKES = ("clause", "obj", "xcomp", "speech")
_EVENT_ROLES = ("reports", "not-event")


def _kind(value: str, where: str) -> ClaimKind:
    try:
        return ClaimKind(value)
    except ValueError:
        raise LexiconError(
            f"{where}: unknown kind {value!r}; use one of {[k.value for k in ClaimKind]}"
        ) from None


def _event_roles(cells: tuple[str, ...]) -> set[str]:
    roles = set() if cells[4] == "-" else set(cells[4].split(","))
    if not roles <= set(_EVENT_ROLES) or (roles and cells[1] != "verb"):
        raise LexiconError(
            f"claims/data/cues.tsv: {cells[0]!r} events {cells[4]!r}; a verb row takes '-' or {_EVENT_ROLES}"
        )
    return roles


@functools.cache
def load_lexicon() -> Lexicon:
    """The cue lexicon (``data/cues.tsv``) and content markers (``data/markers.tsv``), read once."""
    verbs: dict[str, list[Cue]] = {}
    nouns: dict[str, Cue] = {}
    preps: dict[str, Cue] = {}
    adjectives: dict[str, Cue] = {}
    reporting: set[str] = set()
    not_events: set[str] = set()
    for cells in table("newsgraph.claims", "cues.tsv", CUE_COLUMNS, key=2):
        if cells[1] not in _FRAMES or cells[3] not in _TAKES:
            raise LexiconError(f"claims/data/cues.tsv: bad row {cells!r}; expected {', '.join(CUE_COLUMNS)}")
        words = cells[0].split()
        frame: Frame = cells[1]  # type: ignore[assignment]
        takes: Takes = cells[3]  # type: ignore[assignment]
        cue = Cue(
            words[0], " ".join(words[1:]) or None, frame, _kind(cells[2], "claims/data/cues.tsv"), takes
        )
        roles = _event_roles(cells)
        if "reports" in roles:
            reporting.add(cue.lemma)
        if "not-event" in roles:
            not_events.add(cue.lemma)
        if frame == "verb":
            verbs.setdefault(cue.lemma, []).append(cue)
        elif frame == "noun":
            nouns[cue.lemma] = cue
        elif frame == "adj":
            adjectives[cue.lemma] = cue
        else:
            preps[cue.lemma] = cue
    markers = tuple(
        (lemma, _kind(kind, "claims/data/markers.tsv"))
        for lemma, kind in table("newsgraph.claims", "markers.tsv", ("lemma", "kind"))
    )
    ordered = {k: tuple(sorted(v, key=lambda c: c.particle is None)) for k, v in verbs.items()}
    return Lexicon(ordered, nouns, preps, adjectives, markers, frozenset(reporting), frozenset(not_events))


@dataclass(frozen=True)
class Rules:
    """``data/rules.json``: the words the attribution rules test for, besides the cues."""

    relative_pronouns: frozenset[str]
    expletives: frozenset[str]
    naming_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    first_persons: frozenset[str]
    stances: frozenset[str]
    noun_preps: dict[str, tuple[str, ...]]
    receiving_verbs: frozenset[str]
    speaker_pronouns: frozenset[str]
    question_verbs: frozenset[str]
    lemma_fixes: dict[str, str]
    unsaid: frozenset[str]
    not_sources: frozenset[str]
    anaphors: dict[str, tuple[ActorKind, ...]]
    pronouns: dict[str, tuple[ActorKind, ...]]
    relative_sources: frozenset[str]


@functools.cache
def rules() -> Rules:
    return load(Rules, "newsgraph.claims", "rules.json")
