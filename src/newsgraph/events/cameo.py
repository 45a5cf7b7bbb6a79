"""CAMEO codes to PLOVER types, modes and quad classes.

The map (``data/cameo.json``) follows the PLOVER codebook's CAMEO crosswalk: roots 03-05 verbal
cooperation, 06-08 material cooperation, 09-13 and 16 verbal conflict, 14-15 and 17-20 material
conflict. Roots 01 (statements) and 02 (appeals) are claims, not events, so they map to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.events.lexicon import crosswalk
from newsgraph.records import EventType


@dataclass(frozen=True, slots=True)
class Coding:
    cameo: str
    event_type: EventType
    mode: str | None
    quad_class: int


def quad_of(cameo: str) -> int:
    """The quad class of a CAMEO code; 0 for statements and appeals (roots 01-02)."""
    root = int(cameo[:2])
    # Phoenix counts reducing relations (cutting aid, suspending talks, embargoes) as verbal conflict;
    # the ConfliBERT training sentences agree (50 of 63 sentences whose main event is CAMEO 16).
    if root == 16:
        return 3
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def coding(cameo: str) -> Coding | None:
    """The PLOVER coding of a CAMEO code, or None for a statement, an appeal or an unknown code."""
    if len(cameo) < 2 or not cameo[:2].isdigit() or cameo[:2] not in crosswalk().root_types:
        return None
    for cut in range(len(cameo), 1, -1):
        specific = crosswalk().specific.get(cameo[:cut])
        if specific is not None:
            return Coding(cameo, specific[0], specific[1], quad_of(cameo))
    return Coding(cameo, crosswalk().root_types[cameo[:2]], None, quad_of(cameo))


def shift(
    base: Coding,
    cues: tuple[str, ...],
    *,
    intended: bool,
    negated: bool,
    commitments: frozenset[str],
    reported: bool = False,
    conditional: bool = False,
) -> Coding:
    """CAMEO's reading of modality: cooperation the actor promises is AGREE (03), force or a reduction of
    relations (root 16) it vows, or makes the consequent of a condition ("will cut gas supplies if ..."),
    THREATEN (13), cooperation refused REJECT (12). A promise is a commitment word ("pledged to send") or
    a future the actor is reported to announce ("the rebels said they will release"); a bare "will" is the
    writer's forecast: "Norway will contribute a million euros to Greece" stays AID, predicted (issue
    #14). "Had not yet joined" is not yet done, no refusal (the caller does not pass it as negated)."""
    words = {c.lower() for c in cues}
    if negated and words & crosswalk().refusal_cues and base.quad_class in (1, 2):
        return Coding("120", EventType.REJECT, None, 3)
    committed = any(w.startswith(tuple(commitments)) for w in words) or (
        reported and words & crosswalk().future
    )
    harm = base.quad_class == 4 or base.cameo.startswith("16")
    if harm and ((conditional and not negated) or (intended and committed)):
        return Coding("130", EventType.THREATEN, None, 3)
    if intended and committed and base.quad_class in (1, 2) and base.event_type is not EventType.AGREE:
        return Coding("030", EventType.AGREE, None, 1)
    return base
