"""How sure the text is that an event happened, and the words that say so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.claims.lexicon import load_lexicon as claim_lexicon
from newsgraph.events.lexicon import rules
from newsgraph.events.roles import joining_verb
from newsgraph.records import Factuality


def _opens(lemma: str) -> bool:
    """A predicate that leaves its "that" clause open: "it is possible/unclear that ..."."""
    return lemma in rules().possible_words or lemma in rules().open_predicates


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
    reported: bool = False  # a reporting verb governs the event ("they said they will release ...")


def _own_cues(token: Token, found: dict[Factuality, list[str]]) -> None:
    for child in token.children:
        low = child.lower_
        if child.dep_ == "mark" and low in rules().hypothetical_marks:
            found[Factuality.HYPOTHETICAL].append(child.text)
        elif child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and low in {"no", "never"}):
            found[Factuality.NEGATED].append(child.text)
        elif child.dep_ == "aux" and low in rules().predicted_aux:
            found[Factuality.PREDICTED].append(child.text)
        elif (child.dep_ == "aux" and low in rules().possible_aux) or (
            child.lemma_.lower() in rules().possible_words and child.dep_ in {"advmod", "amod"}
        ):
            found[Factuality.POSSIBLE].append(child.text)
    # "in case X happens": spaCy attaches "in case" as a preposition over the clause.
    # or hangs the clause on "in" beside "case" ("In case Iran attacks": in -> case, in -> attacks).
    if (token.dep_ == "pcomp" and token.head.lower_ == "case" and token.head.head.lower_ == "in") or (
        token.head.lower_ == "in" and any(c.lower_ == "case" and c.i < token.i for c in token.head.children)
    ):
        found[Factuality.HYPOTHETICAL].append("in case")


def _fronted_negation(trigger: Token, found: dict[Factuality, list[str]]) -> None:
    """ "At no time did Dick Clark Productions agree to ...", "At no point did we block ...": a fronted "at no
    time/point" negates the clause it opens, for each verb of it."""
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    for verb in (clause, clause.head) if clause.dep_ == "conj" else (clause,):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.i < verb.i:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and any(d.lower_ == "no" and d.dep_ == "det" for d in obj.children):
                        found[Factuality.NEGATED].append(f"{prep.text} no {obj.text}")
                        return


def _matrix_modality(copula: Token, found: dict[Factuality, list[str]]) -> None:
    """ "it is possible that they agreed", "it is likely that ...": the copula's predicate (an adjective
    or a noun, "there is a chance that") says how sure the clause below it is."""
    for child in copula.children:
        if child.dep_ not in {"acomp", "attr"}:
            continue
        lemma = child.lemma_.lower()
        if lemma in rules().predicting:
            found[Factuality.PREDICTED].append(child.text)
        elif _opens(lemma):
            found[Factuality.POSSIBLE].append(child.text)


def conditional_marks(sentence: Iterable[Token]) -> list[Token]:
    """The "if"/"unless" marks of a sentence, found once per sentence rather than once per event."""
    return [t for t in sentence if t.dep_ == "mark" and t.lower_ in rules().hypothetical_marks]


def _conditional_over(trigger: Token, marks: list[Token]) -> str | None:
    """The "if" whose clause holds the trigger. The clause is taken as the whole chain of adverbial
    clauses the mark hangs in, because the parser often attaches "If" to a clause nested inside the
    condition ("If Russia, continuing its invasion, and North Korea ... advance their cooperation")."""
    for token in marks:
        # Conservative on purpose: a misparse may widen the condition, never let a conditioned event out.
        top = _condition_top(token)
        if top.left_edge.i <= trigger.i <= top.right_edge.i:
            return token.text
    return None


def judge(trigger: Token, marks: list[Token] | None = None) -> Judgement:
    """Factuality of the event at ``trigger``: cues on it and on the clauses that govern it."""
    if marks is None:
        marks = conditional_marks(trigger.sent)
    found: dict[Factuality, list[str]] = {f: [] for f in _PRIORITY}
    _own_cues(trigger, found)
    words = rules()
    if (
        trigger.pos_ in {"NOUN", "PROPN"}
        and trigger.dep_ in {"dobj", "obj"}
        and trigger.head.pos_ == "VERB"
        and not _open_negation(trigger.head, words.open_negations)
    ):
        # "will impose a curfew", "did not hold talks": the verb carrying a nominal event carries its cues.
        _own_cues(trigger.head, found)
    joined = joining_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else None
    if joined is not None:
        _own_cues(joined, found)  # "hasn't taken part in these negotiations", "will join the talks"
    _fronted_negation(trigger, found)
    _future_clause(trigger, words.future_marks, found)
    current = trigger
    announced = False
    for _ in range(8):
        if current.dep_ not in _CLAUSE_LINKS or current.head.i == current.i:
            break
        governor = current.head
        lemma = governor.lemma_.lower()
        if governor.pos_ in {"VERB", "ADJ", "NOUN", "AUX"}:
            if _open_negation(governor, words.open_negations):
                found[Factuality.POSSIBLE].append(f"not {governor.text} out")
            elif lemma in rules().predicting:
                found[Factuality.PREDICTED].append(governor.text)
            elif _opens(lemma):
                found[Factuality.POSSIBLE].append(governor.text)
            elif lemma == "be" and current.dep_ in {"ccomp", "csubj"}:
                _matrix_modality(governor, found)
            elif lemma in rules().negating and current.dep_ in {"xcomp", "ccomp", "dobj", "pcomp", "pobj"}:
                found[Factuality.NEGATED].append(governor.text)
            elif (lemma in rules().intending or lemma in words.imminent) and current.dep_ in {
                "xcomp",
                "ccomp",
                "dobj",
            }:
                # "plans to send", "is about to restore ties"
                found[Factuality.INTENDED].append(governor.text)
                # "announced they will return": the actor's own word, as with "said"
                announced = announced or current.dep_ == "ccomp"
            elif lemma in claim_lexicon().reporting and current.dep_ in {"ccomp", "dobj"}:
                found[Factuality.REPORTED].append(governor.text)
        # Cues on a clause that governs ours carry down ("If Russia strengthens ..., X could improve").
        for child in governor.children:
            if child.dep_ == "neg" and current.dep_ in {"xcomp"}:
                found[Factuality.NEGATED].append(child.text)
            if child.dep_ == "aux" and current.dep_ == "xcomp" and child.lower_ in rules().predicted_aux:
                found[Factuality.PREDICTED].append(child.text)
            if child.dep_ == "aux" and current.dep_ == "xcomp" and child.lower_ in rules().possible_aux:
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
    reported = announced or bool(found[Factuality.REPORTED])
    for factuality in _PRIORITY:
        if found[factuality]:
            return Judgement(factuality, cues, reported)
    # The consequent of a condition ("If X happens, Y would prolong the invasion") is not asserted either,
    # but only the clause the condition hangs on: "signed a pact that includes a pledge of mutual defense
    # if either is attacked" conditions the pledge, not the signing.
    for token in marks:
        if token.lower_ in {"if", "unless"} and _in_consequent(trigger, token):
            return Judgement(Factuality.HYPOTHETICAL, (token.text,))
    return Judgement(Factuality.ASSERTED, ())


def _condition_top(mark: Token) -> Token:
    top = mark.head
    while top.dep_ in {"advcl", "conj"} and top.head.dep_ in {"advcl", "ccomp"}:
        top = top.head
    return top


def _in_consequent(trigger: Token, mark: Token) -> bool:
    """Whether the trigger sits in the clause a condition attaches to (the condition's governor)."""
    top = _condition_top(mark)
    governor = top.head if top.head.i != top.i else top
    return governor.left_edge.i <= trigger.i <= governor.right_edge.i and trigger.i not in range(
        top.left_edge.i, top.right_edge.i + 1
    )


def _open_negation(verb: Token, words: frozenset[str]) -> bool:
    """ "does not rule out": a denied refusal leaves what it governs possible."""
    return verb.lemma_.lower() in words and any(c.dep_ == "neg" for c in verb.children)


def _future_clause(trigger: Token, marks: frozenset[str], found: dict[Factuality, list[str]]) -> None:
    """ "takes effect when both sides exchange instruments": a present-tense clause under "when", "once"
    or "after", beside a present-tense main clause, tells what will happen, for both clauses."""
    clause = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    for verb, main in ((clause, clause.head), *((c, clause) for c in clause.children if c.dep_ == "advcl")):
        if verb.dep_ != "advcl" or verb.tag_ not in {"VBZ", "VBP"} or main.tag_ not in {"VBZ", "VBP"}:
            continue
        mark = next(
            (c for c in verb.children if c.dep_ in {"mark", "advmod"} and c.lower_ in marks and c.i < verb.i),
            None,
        )
        if mark is not None:
            found[Factuality.PREDICTED].append(mark.text)
            return
