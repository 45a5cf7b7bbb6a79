"""How sure the text is that an event happened, and the words that say so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.records import Factuality

HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether", "lest", "suppose", "supposing", "provided"})
PREDICTED_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can", "ca"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
# Governing verbs and adjectives, by the factuality they lend to the event below them.
PREDICTING = frozenset(
    {"expect", "anticipate", "predict", "forecast", "foresee", "likely", "unlikely", "bound"}
)
INTENDING = frozenset(
    {"plan", "intend", "aim", "schedule", "seek", "want", "prepare", "try", "attempt", "decide", "set"}
    | {"propose", "announce", "hope", "vow", "pledge", "promise", "threaten", "consider", "mull"}
    | {"willing", "ready", "prepared", "determined", "eager", "offer", "agree", "commit", "go"}
)
POSSIBLE_WORDS = frozenset(
    {"possible", "possibility", "possibly", "perhaps", "maybe", "potential", "potentially"}
)
# Predicates of a matrix clause that leave its "that" clause open: "it is possible/unclear that ...".
OPEN_PREDICATES = POSSIBLE_WORDS | frozenset({"unclear", "uncertain", "conceivable", "plausible", "doubtful"})
NEGATING = frozenset(
    {"deny", "refuse", "reject", "fail", "decline", "rule", "avoid", "halt", "stop", "cancel"}
)
REPORTING = frozenset(
    {"say", "tell", "report", "claim", "state", "add", "note", "insist", "suggest", "allege", "argue", "warn"}
    | {
        "believe",
        "think",
        "write",
        "explain",
        "speculate",
        "highlight",
        "point",
        "mention",
        "quote",
        "confirm",
    }
)
_PRIORITY = (
    Factuality.HYPOTHETICAL,
    Factuality.NEGATED,
    Factuality.POSSIBLE,
    Factuality.PREDICTED,
    Factuality.INTENDED,
    Factuality.REPORTED,
)
_CLAUSE_LINKS = {"xcomp", "ccomp", "advcl", "conj", "relcl", "acl", "pcomp", "pobj", "dobj", "prep", "nsubj"}


@dataclass(frozen=True, slots=True)
class Judgement:
    factuality: Factuality
    cues: tuple[str, ...]


def _own_cues(token: Token, found: dict[Factuality, list[str]]) -> None:
    for child in token.children:
        low = child.lower_
        if child.dep_ == "mark" and low in HYPOTHETICAL_MARKS:
            found[Factuality.HYPOTHETICAL].append(child.text)
        elif child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and low in {"no", "never"}):
            found[Factuality.NEGATED].append(child.text)
        elif child.dep_ == "aux" and low in PREDICTED_AUX:
            found[Factuality.PREDICTED].append(child.text)
        elif (child.dep_ == "aux" and low in POSSIBLE_AUX) or (
            child.lemma_.lower() in POSSIBLE_WORDS and child.dep_ in {"advmod", "amod"}
        ):
            found[Factuality.POSSIBLE].append(child.text)
    # "in case X happens": spaCy attaches "in case" as a preposition over the clause.
    # or hangs the clause on "in" beside "case" ("In case Iran attacks": in -> case, in -> attacks).
    if (token.dep_ == "pcomp" and token.head.lower_ == "case" and token.head.head.lower_ == "in") or (
        token.head.lower_ == "in" and any(c.lower_ == "case" and c.i < token.i for c in token.head.children)
    ):
        found[Factuality.HYPOTHETICAL].append("in case")


def _matrix_modality(copula: Token, found: dict[Factuality, list[str]]) -> None:
    """ "it is possible that they agreed", "it is likely that ...": the copula's predicate (an adjective
    or a noun, "there is a chance that") says how sure the clause below it is."""
    for child in copula.children:
        if child.dep_ not in {"acomp", "attr"}:
            continue
        lemma = child.lemma_.lower()
        if lemma in PREDICTING:
            found[Factuality.PREDICTED].append(child.text)
        elif lemma in OPEN_PREDICATES:
            found[Factuality.POSSIBLE].append(child.text)


def conditional_marks(sentence: Iterable[Token]) -> list[Token]:
    """The "if"/"unless" marks of a sentence, found once per sentence rather than once per event."""
    return [t for t in sentence if t.dep_ == "mark" and t.lower_ in HYPOTHETICAL_MARKS]


def _conditional_over(trigger: Token, marks: list[Token]) -> str | None:
    """The "if" whose clause holds the trigger. The clause is taken as the whole chain of adverbial
    clauses the mark hangs in, because the parser often attaches "If" to a clause nested inside the
    condition ("If Russia, continuing its invasion, and North Korea ... advance their cooperation")."""
    for token in marks:
        top = token.head
        # Conservative on purpose: a misparse may widen the condition, never let a conditioned event out.
        while top.dep_ in {"advcl", "conj"} and top.head.dep_ in {"advcl", "ccomp"}:
            top = top.head
        if top.left_edge.i <= trigger.i <= top.right_edge.i:
            return token.text
    return None


def judge(trigger: Token, marks: list[Token] | None = None) -> Judgement:
    """Factuality of the event at ``trigger``: cues on it and on the clauses that govern it."""
    if marks is None:
        marks = conditional_marks(trigger.sent)
    found: dict[Factuality, list[str]] = {f: [] for f in _PRIORITY}
    _own_cues(trigger, found)
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "obj"} and trigger.head.pos_ == "VERB":
        # "will impose a curfew", "did not hold talks": the verb carrying a nominal event carries its cues.
        _own_cues(trigger.head, found)
    current = trigger
    for _ in range(8):
        if current.dep_ not in _CLAUSE_LINKS or current.head.i == current.i:
            break
        governor = current.head
        lemma = governor.lemma_.lower()
        if governor.pos_ in {"VERB", "ADJ", "NOUN", "AUX"}:
            if lemma in PREDICTING:
                found[Factuality.PREDICTED].append(governor.text)
            elif lemma in OPEN_PREDICATES:
                found[Factuality.POSSIBLE].append(governor.text)
            elif lemma == "be" and current.dep_ in {"ccomp", "csubj"}:
                _matrix_modality(governor, found)
            elif lemma in NEGATING and current.dep_ in {"xcomp", "ccomp", "dobj", "pcomp", "pobj"}:
                found[Factuality.NEGATED].append(governor.text)
            elif lemma in INTENDING and current.dep_ in {"xcomp", "ccomp", "dobj"}:
                found[Factuality.INTENDED].append(governor.text)
            elif lemma in REPORTING and current.dep_ in {"ccomp", "dobj"}:
                found[Factuality.REPORTED].append(governor.text)
        # Cues on a clause that governs ours carry down ("If Russia strengthens ..., X could improve").
        for child in governor.children:
            if child.dep_ == "neg" and current.dep_ in {"xcomp"}:
                found[Factuality.NEGATED].append(child.text)
            if child.dep_ == "aux" and current.dep_ == "xcomp" and child.lower_ in PREDICTED_AUX:
                found[Factuality.PREDICTED].append(child.text)
            if child.dep_ == "aux" and current.dep_ == "xcomp" and child.lower_ in POSSIBLE_AUX:
                found[Factuality.POSSIBLE].append(child.text)
        current = governor
    if not found[Factuality.HYPOTHETICAL]:
        cue = _conditional_over(trigger, marks)
        if cue is not None:
            found[Factuality.HYPOTHETICAL].append(cue)
    # "according to X" reports whatever it modifies.
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            found[Factuality.REPORTED].append("according to")
    cues = tuple(cue for f in _PRIORITY for cue in found[f])
    for factuality in _PRIORITY:
        if found[factuality]:
            return Judgement(factuality, cues)
    # The consequent of a condition ("If X happens, Y would prolong the invasion") is not asserted either.
    for token in marks:
        if token.lower_ in {"if", "unless"}:
            return Judgement(Factuality.HYPOTHETICAL, (token.text,))
    return Judgement(Factuality.ASSERTED, ())
