"""Find event triggers in a parse: verbs through the CAMEO dictionary, nouns through our lexicon."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from spacy.attrs import LEMMA, LOWER, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from newsgraph.events.cameo import Coding, coding
from newsgraph.events.lexicon import NOT_A_TRIGGER, rules, trigger_lexicon
from newsgraph.events.phoenix import Pattern, VerbEntry, load_verbs
from newsgraph.events.roles import antecedent, conjuncts, verb_roles
from newsgraph.events.senses import has_object, not_this_verbs_event

# Clauses below these relations are coded on their own; their words do not select the verb's pattern.
_OWN_CLAUSE = {"ccomp", "advcl", "relcl", "parataxis", "conj", "acl"}
REVERSAL_CODE = "081"
EMERGENCY_RULE = "1724"
REDUCE_CODE = "160"


_ACTOR_HEADS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _change_without_actor(verb: Token) -> bool:
    """ "Western sanctions intensified": a change of degree with no object and no actor undergoing it."""
    if verb.lemma_.lower() not in rules().change_of_degree:
        return False
    if any(c.dep_ in {"dobj", "obj", "nsubjpass", "dative"} for c in verb.children):
        return False
    sources = verb_roles(verb).sources
    if not sources:
        return True
    head = sources[0]
    return not (
        head.ent_type_ in _ACTOR_HEADS
        or head.lemma_.lower() in rules().actor_nouns
        or head.lower_ in rules().personal_pronouns
    )


def _voiced_concern(verb: Token) -> bool:
    """ "raised alarm", "voiced concerns": a statement, not an event."""
    return verb.lemma_.lower() in rules().voicing and any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in rules().concerns for c in verb.children
    )


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    coding: Coding
    nominal: bool
    words: str  # the trigger as written, with a particle ("carry out")
    speaker: Token | None = None  # who demands it, for an obligation reported of another ("X said Y must")


# "Russia says Israel must end attacks": the speaker demands (CAMEO 10) of the obliged what the verb
# names; what must be done has not happened. The ConfliBERT training sentences code 15 of the 16 with
# "must" as verbal conflict (the one exception, a headline, has no speaker and is coded as its verb).
OBLIGATION = "must"
DEMAND_CODE = "100"


def _obligation(aux: Token) -> Trigger | None:
    """A demand carried by "must" in a clause reported of someone else ("X said Y must ..."), or None."""
    verb = aux.head
    if aux.dep_ != "aux" or verb.dep_ != "ccomp" or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    speakers = verb_roles(verb.head).sources
    obliged = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}), None)
    if not speakers or obliged is None or obliged.lower_ in rules().first_persons:
        return None
    if antecedent(obliged).i == speakers[0].i:  # "Russia says it must defend itself": no demand
        return None
    found = coding(DEMAND_CODE)
    return None if found is None else Trigger(verb, found, False, f"{aux.text} {verb.text}", speakers[0])


def _clause_words(verb: Token) -> tuple[dict[str, int], dict[str, int]]:
    """Words of the verb's clause before and after it, each with its distance from the verb."""
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    # "demanding a U.N. presence to protect them against ...": an infinitive after the verb's object tells
    # the object's purpose, a clause of its own; without an object it completes the verb ("agreed to send").
    own = _OWN_CLAUSE | {"xcomp"} if any(c.dep_ in {"dobj", "obj"} for c in verb.children) else _OWN_CLAUSE
    stack = [c for c in verb.children if c.dep_ not in own]
    while stack:
        tok = stack.pop()
        side = before if tok.i < verb.i else after
        distance = abs(tok.i - verb.i)
        words: tuple[str, ...] = (tok.lemma_.lower(), tok.lower_)
        if tok.lower_ in rules().same_as_relations:
            words += ("relations",)  # the dictionaries spell out "relations" only: "deepen ties", "cut ties"
        for word in words:
            if distance < side.get(word, 1_000):
                side[word] = distance
        stack.extend(c for c in tok.children if c.dep_ not in _OWN_CLAUSE)
    return before, after


def _distance(pattern: Pattern, before: dict[str, int], after: dict[str, int]) -> int | None:
    """Summed distance of the nearest words that satisfy the pattern, or None when it does not match."""
    total = 0
    for words, side in [(w, before) for w in pattern.before] + [(w, after) for w in pattern.after]:
        found = min((side[w] for w in words if w in side), default=None)
        if found is None:
            return None
        total += found
    return total


def _function_words(pattern: Pattern) -> bool:
    """A pattern of prepositions and particles only ("- * IN", filed for "join in"): what it says of "begin",
    "start" or "continue" is that the event began "in" June, nothing of what began (measured: applying it to
    every verb cost dev a sentence, "resolve the rift between Qatar and ...", bench/RESULTS.md)."""
    return bool(pattern.size) and all(
        all(w in STOP_WORDS for w in words) for words in (*pattern.before, *pattern.after)
    )


def _match(entry: VerbEntry, verb: Token) -> tuple[bool, str | None]:
    """(whether a pattern matched, the code): the largest matching pattern, else the verb's default."""
    before, after = _clause_words(verb)
    doc = verb.doc
    aspectual = verb.lemma_.lower() in rules().aspectual
    # A "not an event" pattern only vetoes when its words sit right next to the verb ("stocks rejected",
    # "rejected price"); anywhere in a long clause they would veto real events.
    near_before = {t.lower_ for t in doc[max(verb.i - 3, 0) : verb.i]} | {
        t.lemma_.lower() for t in doc[max(verb.i - 3, 0) : verb.i]
    }
    near_after = {t.lower_ for t in doc[verb.i + 1 : verb.i + 5]} | {
        t.lemma_.lower() for t in doc[verb.i + 1 : verb.i + 5]
    }
    # Largest pattern wins; among equals, the one whose words sit nearest the verb ("rejected a request
    # ... on the charge of" is a rejection of the request, not a denial of the charge).
    best: tuple[int, int, str | None] | None = None
    for pattern in entry.patterns:
        if best is not None and pattern.size < best[0]:
            continue
        if pattern.code is None:
            if all(words & near_after for words in pattern.after) and all(
                words & near_before for words in pattern.before
            ):
                distance = 0
            else:
                continue
        else:
            if any(words.isdisjoint(after) for words in pattern.after) or any(
                words.isdisjoint(before) for words in pattern.before
            ):
                continue
            found = _distance(pattern, before, after)
            if found is None or (aspectual and _function_words(pattern)):
                continue
            distance = found
        if best is None or pattern.size > best[0] or distance < best[1]:
            best = (pattern.size, distance, pattern.code)
    if best is not None:
        return True, best[2]
    return False, entry.code


def _particle(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "prt":
            return child
    return None


_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _phoned(token: Token) -> bool:
    """ "Tillerson called Lavrov to discuss ...": a telephone call (CAMEO 041), unlike "called on X to",
    "called for X" (appeals) or "called X a liar" (a name given: the object has a predicate of its own)."""
    # spaCy often parses the one called as a predicate ("called Foreign Minister Sergey Lavrov": oprd).
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj", "oprd"}]
    if len(objects) != 1 or any(c.dep_ in {"attr", "ccomp", "prt"} for c in token.children):
        return False
    if any(c.dep_ == "prep" and c.i > token.i and c.lower_ in {"on", "for", "upon"} for c in token.children):
        return False
    thing = objects[0]
    if any(c.dep_ in {"oprd", "attr", "appos"} and c.pos_ in {"NOUN", "ADJ"} for c in thing.children):
        return False
    return thing.ent_type_ in _NAMED_LABELS or any(
        c.ent_type_ in _NAMED_LABELS for c in thing.children if c.dep_ in {"compound", "poss", "amod"}
    )


def _given_back(verb: Token) -> bool:
    """A thing returned: the verb has a direct object that is no place and no time ("returned home")."""
    return any(
        c.dep_ in {"dobj", "obj"} and c.pos_ in {"NOUN", "PROPN", "NUM"} and c.ent_type_ not in _NOT_GIVEN
        for c in verb.children
    )


_NOT_GIVEN = frozenset({"GPE", "LOC", "DATE", "TIME", "PERSON", "NORP"})


def _realized(code: str, entry: VerbEntry | None, override: str | None) -> str:
    defaults = (entry.code if entry is not None else None, override)
    promising = any(c is not None and c.startswith("03") for c in defaults)
    return code if promising else rules().realized.get(code, code)


def verb_trigger(token: Token) -> Trigger | None:
    """The event a verb triggers, or None (not in the dictionary, a statement, an appeal)."""
    lemma = token.lemma_.lower()
    found_rules = rules()
    if not_this_verbs_event(token, lemma):
        return None
    override = trigger_lexicon().verbs.get(lemma)
    particle = _particle(token)
    entry = load_verbs().lookup(lemma, particle.lower_ if particle is not None else None)
    if entry is None and lemma in rules().verb_aliases:  # "renewed ties": the dictionary's "resume"
        entry = load_verbs().lookup(rules().verb_aliases[lemma], None)
    by_object = rules().verb_objects.get(lemma, {})
    for child in token.children:
        # "opened its borders to refugees" (allowing access, though "open" alone is no event), "presented
        # their credentials" (diplomatic cooperation).
        object_code = by_object.get(child.lemma_.lower()) if child.dep_ in {"dobj", "obj"} else None
        found_object = coding(object_code) if object_code else None
        if found_object is not None:
            return Trigger(token, found_object, False, token.text)
    if lemma == "call" and _phoned(token):
        found_call = coding("041")
        return None if found_call is None else Trigger(token, found_call, False, token.text)
    # "call" is an appeal, "call off" is not: a phrasal verb of its own escapes the word's veto.
    if override == NOT_A_TRIGGER and (entry is None or entry.particle is None):
        return None
    if override == NOT_A_TRIGGER:
        override = None
    code: str | None = None
    if entry is not None:
        matched, code = _match(entry, token)
        if not matched and lemma in found_rules.pattern_only:
            return None  # "faced criticism", "that means a slaughter"
        if not matched and lemma in found_rules.needs_object and not has_object(token):
            return None  # "Swift took to social media": nothing taken
        # Our lexicon names the verb's event; a Phoenix "not an event" pattern does not veto it, nor does
        # one that reads it as a bare statement ("condemned the terrorist attack": 018, an empathetic
        # comment); the ConfliBERT training sentences code all ten with "condemned" as verbal conflict.
        if (not matched or code is None or code[:2] in {"01", "02"}) and override is not None:
            code = override
    elif override is not None:
        code = override
    if lemma == "return" and (code is None or code[:2] in {"04", "05"}) and _given_back(token):
        # "returned the sculpture to Algeria": giving back (CAMEO 0842, RETREAT return), not a visit.
        code = "0842"
    if code is None or _voiced_concern(token) or _change_without_actor(token):
        return None
    if lemma == "fail" and _failed_at_no_event(token):
        return None
    if lemma == "take" and any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in rules().taken_not_seized for c in token.children
    ):
        return None  # "take a stance against the West", "take part", "takes effect": nothing is seized
    if lemma == "lead" and _caused(token):
        return None  # "the aggression has led to a shortage of weapons": a cause, not an event between actors
    if lemma == "order" and any(c.dep_ == "xcomp" for c in token.children):
        code = DEMAND_CODE  # "ordered the army to withdraw": an order is a demand (PLOVER REQUEST)
    code = _realized(code, entry, override)
    if lemma == "resign" and code.startswith("083"):
        code = "0831"  # a resignation (RETREAT), not another concession
    if code.startswith("17") and lemma in rules().legal_actions:
        code = rules().legal_actions[lemma]
    elif code.startswith("17") and lemma == "condemn":
        # "condemned to death" is a sentence; "condemned the violations" (a Phoenix crime pattern) a rebuke.
        code = "116" if any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children) else "111"
    found = coding(code)
    if found is None:
        return None
    words = (
        f"{token.text} {particle.text}" if particle is not None and entry and entry.particle else token.text
    )
    return Trigger(token, found, False, words)


def _caused(token: Token) -> bool:
    """ "led to a shortage": "lead to" with no one led."""
    return not any(c.dep_ in {"dobj", "obj"} for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "to" for c in token.children
    )


def _failed_at_no_event(token: Token) -> bool:
    """ "has failed to launch one (a satellite)": failing at what is no event is no rejection either; "talks
    failed" and "failed to reach a deal" stay."""
    done = next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    return done is not None and verb_trigger(done) is None


def noun_trigger(token: Token) -> Trigger | None:
    """The event a noun names ("visit", "invasion"), or None."""
    lemma = token.lemma_.lower()
    code = trigger_lexicon().nouns.get(lemma)
    # A strike is a walkout unless something military modifies it ("air strike", "missile strikes").
    if lemma == "strike" and any(c.lower_ in rules().military_modifiers for c in token.children):
        code = "195"
    elif lemma == "strike" and any(c.lower_ == "hunger" for c in token.children):
        code = "142"  # a hunger strike (PLOVER PROTEST, mode hunger)
    if code == EMERGENCY_RULE and not _emergency_rule(token):
        return None
    if (
        lemma in rules().emergency_nouns
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() == "state"
    ):
        return None  # "a state of siege" is emergency rule, named by "state"
    if code is None:
        return None
    found = coding(code)
    return None if found is None else Trigger(token, found, True, token.text)


def _emergency_rule(token: Token) -> bool:
    """ "a state of emergency", "a state of siege", "martial law" (CAMEO 1724, PLOVER COERCE)."""
    if token.lemma_.lower() == "law":
        return any(c.lower_ == "martial" for c in token.children)
    return any(
        g.lemma_.lower() in rules().emergency_nouns
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _reversal(verb: Token) -> tuple[Token, str] | None:
    """(object, CAMEO code) when the verb undoes what its object names: ending a conflict is yielding
    (08, "lifted the blockade"); ending cooperation is reducing relations (16, "cut military aid")."""
    if verb.lemma_.lower() not in rules().reversal_verbs:
        return None
    for child in verb.children:
        if child.dep_ not in {"dobj", "obj", "nsubjpass"}:
            continue
        for noun in (child, *(c for c in child.children if c.dep_ == "compound")):
            named = noun_trigger(noun)
            if named is not None:
                if named.coding.quad_class in (1, 2):
                    return child, REDUCE_CODE
                return child, rules().eased.get(named.coding.cameo, REVERSAL_CODE)
            if noun.lemma_.lower() in rules().ties:
                return child, REDUCE_CODE
    return None


def _violated(verb: Token) -> Token | None:
    """The agreement a violation breaks ("violated the ceasefire"): no ceasefire was implemented."""
    if verb.lemma_.lower() not in rules().violation_verbs:
        return None
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            named = noun_trigger(child)
            if named is not None and named.coding.quad_class in (1, 2):
                return child
    return None


def _denial(verb: Token) -> Token | None:
    """The object of a denial ("rejected accusations that ..."): a claim about a claim, not an event."""
    if verb.lemma_.lower() not in rules().denial_verbs:
        return None
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"} and child.lemma_.lower() in rules().allegations:
            return child
    return None


@functools.cache
def _lemma_hashes() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function without stubs

    lexicon = trigger_lexicon()
    extra = rules()
    verbs = {lemma for lemma, _ in load_verbs().verbs} | set(lexicon.verbs) | rules().reversal_verbs
    verbs |= set(extra.verb_aliases) | set(extra.verb_objects)
    # "call" stays a candidate: a telephone call is an event, an appeal is not (see _phoned); so does a
    # verb that is an event only with some objects ("open its borders").
    verbs -= {
        lemma
        for lemma, code in lexicon.verbs.items()
        if code == NOT_A_TRIGGER and lemma != "call" and lemma not in extra.verb_objects
    }
    return (
        np.array(sorted(hash_string(v) for v in verbs), dtype=np.uint64),
        np.array(sorted(hash_string(n) for n in lexicon.nouns), dtype=np.uint64),
    )


def candidates(doc: Doc) -> list[int]:
    """Indices of tokens whose lemma and part of speech could make a trigger, read from the Doc's arrays
    so that no Token object is built for the other nine in ten words."""
    verbs, nouns = _lemma_hashes()
    verb, noun, propn = doc.vocab.strings["VERB"], doc.vocab.strings["NOUN"], doc.vocab.strings["PROPN"]
    rows = doc.to_array([POS, LEMMA, LOWER])
    pos, lemma, lower = rows[:, 0], rows[:, 1], rows[:, 2]
    hit = ((pos == verb) & np.isin(lemma, verbs)) | (((pos == noun) | (pos == propn)) & np.isin(lemma, nouns))
    hit |= lower == doc.vocab.strings[OBLIGATION]
    return [int(i) for i in np.flatnonzero(hit)]


def find_triggers(tokens: list[Token]) -> list[Trigger]:
    """Every trigger among the tokens of one sentence, in text order."""
    found: list[Trigger] = []
    undone: set[int] = set()
    reversals: dict[int, str] = {}
    demands: dict[int, Trigger] = {}
    for token in tokens:
        if token.lower_ == OBLIGATION and (demand := _obligation(token)) is not None:
            demands[token.i] = demand
            # The obliged act, and acts coordinated with it, are what is demanded: not events.
            undone.update(t.i for t in conjuncts(demand.token))
    for token in tokens:
        if token.pos_ != "VERB":
            continue
        if (violated := _violated(token)) is not None:
            undone.add(violated.i)
        elif (reversal := _reversal(token)) is not None:
            undone.add(reversal[0].i)
            reversals[token.i] = reversal[1]
        elif (denied := _denial(token)) is not None:
            undone.update((denied.i, token.i))
    for token in tokens:
        trigger: Trigger | None = None
        if token.i in demands:
            found.append(demands[token.i])
            continue
        if token.i in undone:
            continue
        if token.i in reversals:
            reversed_coding = coding(reversals[token.i])
            trigger = Trigger(token, reversed_coding, False, token.text) if reversed_coding else None
        elif token.pos_ == "VERB" and token.dep_ not in {"amod", "compound"}:
            trigger = verb_trigger(token)
        elif token.pos_ in {"NOUN", "PROPN"}:
            trigger = noun_trigger(token)
        if trigger is not None:
            found.append(trigger)
    return found
