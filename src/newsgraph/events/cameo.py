"""CAMEO codes to PLOVER types, modes and quad classes.

The map follows the PLOVER codebook's CAMEO crosswalk: roots 03-05 verbal cooperation, 06-08
material cooperation, 09-13 and 16 verbal conflict, 14-15 and 17-20 material conflict. Roots 01
(statements) and 02 (appeals) are claims, not events, so they map to nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import EventType


@dataclass(frozen=True, slots=True)
class Coding:
    cameo: str
    event_type: EventType
    mode: str | None
    quad_class: int


_ROOT_TYPE: dict[str, EventType] = {
    "03": EventType.AGREE,
    "04": EventType.CONSULT,
    "05": EventType.SUPPORT,
    "06": EventType.COOPERATE,
    "07": EventType.AID,
    "08": EventType.CONCEDE,
    "09": EventType.ACCUSE,
    "10": EventType.REQUEST,
    "11": EventType.ACCUSE,
    "12": EventType.REJECT,
    "13": EventType.THREATEN,
    "14": EventType.PROTEST,
    "15": EventType.MOBILIZE,
    "16": EventType.SANCTION,
    "17": EventType.COERCE,
    "18": EventType.ASSAULT,
    "19": EventType.ASSAULT,
    "20": EventType.ASSAULT,
}

# Longest prefix wins: (type, mode) for the CAMEO sub-codes PLOVER splits out.
_SPECIFIC: dict[str, tuple[EventType, str | None]] = {
    # Signing or ratifying is SUPPORT ("ratify, sign, or finalize an agreement"); promising to sign is AGREE.
    "057": (EventType.SUPPORT, None),
    "041": (EventType.CONSULT, "phone"),
    "042": (EventType.CONSULT, "visit"),
    "043": (EventType.CONSULT, "visit"),
    "044": (EventType.CONSULT, "third-party"),
    "045": (EventType.CONSULT, "third-party"),
    "046": (EventType.CONSULT, None),
    "0813": (EventType.RETREAT, None),
    # A resignation is RETREAT (codebook mode "resign"), though the 2021 crosswalk leaves 0831 in CONCEDE.
    "0831": (EventType.RETREAT, "resign"),
    "084": (EventType.RETREAT, "release"),
    "0842": (EventType.RETREAT, "return"),
    "085": (EventType.RETREAT, None),
    "0814": (EventType.RETREAT, None),
    "086": (EventType.RETREAT, "access"),
    "087": (EventType.RETREAT, None),
    "0871": (EventType.RETREAT, "ceasefire"),
    "0873": (EventType.RETREAT, "disarm"),
    "0874": (EventType.RETREAT, "withdraw"),
    "09": (EventType.ACCUSE, "investigate"),
    "103": (EventType.REQUEST, "assist"),
    "104": (EventType.REQUEST, "change"),
    "106": (EventType.REQUEST, "yield"),
    "107": (EventType.REQUEST, "yield"),
    "108": (EventType.REQUEST, "meet"),
    "111": (EventType.ACCUSE, "disapprove"),
    "112": (EventType.ACCUSE, "allege"),
    "114": (EventType.ACCUSE, "disapprove"),
    "115": (EventType.ACCUSE, "allege"),
    "116": (EventType.SANCTION, "convict"),
    "122": (EventType.REJECT, "assist"),
    "123": (EventType.REJECT, "change"),
    "124": (EventType.REJECT, "yield"),
    "126": (EventType.REJECT, "meet"),
    "131": (EventType.THREATEN, "restrict"),
    "1311": (EventType.THREATEN, "relations"),
    "1312": (EventType.THREATEN, "restrict"),
    "1313": (EventType.THREATEN, "relations"),
    "1322": (EventType.THREATEN, "ban"),
    "132": (EventType.THREATEN, "restrict"),
    "133": (EventType.THREATEN, "relations"),
    "137": (EventType.THREATEN, "rights"),
    "138": (EventType.THREATEN, "violence"),
    "1384": (EventType.THREATEN, "territory"),
    "141": (EventType.PROTEST, "demo"),
    "142": (EventType.PROTEST, "hunger"),
    "143": (EventType.PROTEST, "strike"),
    "144": (EventType.PROTEST, "obstruct"),
    "145": (EventType.PROTEST, "riot"),
    "151": (EventType.MOBILIZE, "police"),
    "152": (EventType.MOBILIZE, "troops"),
    "153": (EventType.MOBILIZE, "police"),
    "154": (EventType.MOBILIZE, "troops"),
    "161": (EventType.SANCTION, "discontinue"),
    "162": (EventType.SANCTION, "withdraw"),
    "164": (EventType.SANCTION, "discontinue"),
    "166": (EventType.SANCTION, "expel"),
    "171": (EventType.COERCE, "seize"),
    "172": (EventType.COERCE, "restrict"),
    "1721": (EventType.COERCE, "restrict"),
    "1722": (EventType.COERCE, "ban"),
    "1723": (EventType.COERCE, "curfew"),
    "1724": (EventType.COERCE, "curfew"),
    "1712": (EventType.ASSAULT, "destroy"),
    "173": (EventType.COERCE, "arrest"),
    "174": (EventType.COERCE, "deport"),
    "176": (EventType.COERCE, "cyber"),
    "181": (EventType.ASSAULT, "abduct"),
    "182": (EventType.ASSAULT, "beat"),
    "1821": (EventType.ASSAULT, "sexual"),
    "1822": (EventType.ASSAULT, "torture"),
    "183": (EventType.ASSAULT, "explosives"),
    "1831": (EventType.ASSAULT, "suicide-attack"),
    "185": (EventType.ASSAULT, "assassinate"),
    "186": (EventType.ASSAULT, "assassinate"),
    "191": (EventType.COERCE, "restrict"),
    "192": (EventType.COERCE, "seize"),
    "193": (EventType.ASSAULT, "firearms"),
    "194": (EventType.ASSAULT, "heavy-weapons"),
    "195": (EventType.ASSAULT, "aerial"),
    "1951": (EventType.ASSAULT, "drone"),
    "201": (EventType.ASSAULT, "cleansing"),
    "202": (EventType.ASSAULT, "massacre"),
    "203": (EventType.ASSAULT, "cleansing"),
    "204": (EventType.ASSAULT, "unconventional"),
}


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
    if len(cameo) < 2 or not cameo[:2].isdigit() or cameo[:2] not in _ROOT_TYPE:
        return None
    for cut in range(len(cameo), 1, -1):
        specific = _SPECIFIC.get(cameo[:cut])
        if specific is not None:
            return Coding(cameo, specific[0], specific[1], quad_of(cameo))
    return Coding(cameo, _ROOT_TYPE[cameo[:2]], None, quad_of(cameo))


FUTURE = frozenset(["will", "would", "'ll", "shall", "wo", "going"])
# Cues are the words as written: "refused to release" must count as much as "refuse".
REFUSAL_CUES = frozenset(
    ["not", "n't", "never", "no"]
    + [f"{stem}{end}" for stem in ("refus", "declin") for end in ("e", "es", "ed", "ing")]
    + [f"reject{end}" for end in ("", "s", "ed", "ing")]
)


def shift(
    base: Coding,
    cues: tuple[str, ...],
    *,
    intended: bool,
    negated: bool,
    commitments: frozenset[str],
    reported: bool = False,
) -> Coding:
    """CAMEO's reading of modality: cooperation the actor promises is AGREE (03), force it vows THREATEN
    (13), cooperation refused REJECT (12). A promise is a commitment word ("pledged to send") or a future
    the actor is reported to announce ("the rebels said they will release"); a bare "will" is the
    writer's forecast: "Norway will contribute a million euros to Greece" stays AID, predicted (issue
    #14). "Had not yet joined" is not yet done, no refusal (the caller does not pass it as negated)."""
    words = {c.lower() for c in cues}
    if negated and words & REFUSAL_CUES and base.quad_class in (1, 2):
        return Coding("120", EventType.REJECT, None, 3)
    committed = any(w.startswith(tuple(commitments)) for w in words) or (reported and words & FUTURE)
    if intended and committed:
        if base.quad_class in (1, 2) and base.event_type is not EventType.AGREE:
            return Coding("030", EventType.AGREE, None, 1)
        if base.quad_class == 4:
            return Coding("130", EventType.THREATEN, None, 3)
    return base
