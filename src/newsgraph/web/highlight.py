"""Article text cut into segments at every annotation boundary, so a page can mark entities, claims and
events by their character spans without nesting markup across overlaps. The text itself stays plain:
the template escapes it."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from newsgraph.records import Analysis


@dataclass(frozen=True, slots=True)
class Mark:
    id: str  # anchor id, unique in the page: ent-3, claim-0, cue-0, event-2
    kind: str  # ent | claim | cue | event
    start: int
    end: int
    title: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]
    starts: tuple[str, ...]  # ids of the marks that begin here (their anchors)

    @property
    def classes(self) -> str:
        kinds = dict.fromkeys(m.kind for m in self.marks)
        labels = dict.fromkeys(f"ent-{m.title.split(' ', 1)[0]}" for m in self.marks if m.kind == "ent")
        return " ".join([*kinds, *labels])

    @property
    def ids(self) -> str:
        return " ".join(m.id for m in self.marks)

    @property
    def title(self) -> str:
        return "\n".join(m.title for m in self.marks)


def marks(analysis: Analysis) -> list[Mark]:
    """Every span worth marking: entities, claim contents and cues, event triggers (else the event span)."""
    found: list[Mark] = []
    for i, e in enumerate(analysis.entities):
        actor = f" → {e.actor.name} ({e.actor.id})" if e.actor else ""
        found.append(Mark(f"ent-{i}", "ent", *e.span, f"{e.label} {e.text}{actor}"))
    for i, c in enumerate(analysis.claims):
        who = c.source.text if c.source else "unnamed source"
        found.append(Mark(f"claim-{i}", "claim", *c.span, f"claim ({c.kind.value}) by {who}: {c.cue}"))
        if c.cue_span:
            found.append(Mark(f"cue-{i}", "cue", *c.cue_span, f"cue '{c.cue}'"))
    for i, ev in enumerate(analysis.events):
        start, end = ev.trigger_span or ev.span
        who = ev.source.text if ev.source else "?"
        whom = ev.target.text if ev.target else "?"
        title = f"event {ev.event_type.value} ({ev.factuality.value}): {who} → {whom}"
        found.append(Mark(f"event-{i}", "event", start, end, title))
    text_len = len(analysis.document.text)
    return [m for m in found if 0 <= m.start < m.end <= text_len]


def segments(text: str, found: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; each piece knows which marks cover it."""
    cuts = sorted({0, len(text), *(m.start for m in found), *(m.end for m in found)})
    pieces: list[Segment] = []
    begun: set[str] = set()
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        covering = tuple(m for m in found if m.start <= start and end <= m.end)
        starts = tuple(m.id for m in covering if m.id not in begun)
        begun.update(starts)
        pieces.append(Segment(text[start:end], covering, starts))
    return pieces
