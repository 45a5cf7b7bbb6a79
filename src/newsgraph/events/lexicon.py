"""The event rules' word lists and code maps, declared here and read from ``data/`` by the one loader."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from newsgraph.claims.lexicon import load_lexicon as claim_lexicon
from newsgraph.errors import LexiconError
from newsgraph.lexicon import load, table
from newsgraph.records import EventType


@dataclass(frozen=True)
class Rules:
    """``data/rules.json``: the words the trigger, role, factuality and coding rules test for."""

    taken_not_seized: frozenset[str]
    directed_at: frozenset[str]
    verb_aliases: dict[str, str]
    commitments: frozenset[str]
    imminent: frozenset[str]
    open_negations: frozenset[str]
    reciprocal_quads: frozenset[int]
    reciprocal_verbs: frozenset[str]
    future_marks: frozenset[str]
    abstract_sources: frozenset[str]
    verb_objects: dict[str, dict[str, str]]
    light_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    aspectual: frozenset[str]
    never_triggers: frozenset[str]
    no_event_objects: dict[str, frozenset[str]]
    pattern_only: frozenset[str]
    needs_object: frozenset[str]
    showing_senses: frozenset[str]
    seeming_senses: frozenset[str]
    reversal_verbs: frozenset[str]
    eased: dict[str, str]
    emergency_nouns: frozenset[str]
    ties: frozenset[str]
    legal_actions: dict[str, str]
    denial_verbs: frozenset[str]
    allegations: frozenset[str]
    change_of_degree: frozenset[str]
    voicing: frozenset[str]
    concerns: frozenset[str]
    personal_pronouns: frozenset[str]
    first_persons: frozenset[str]
    same_as_relations: frozenset[str]
    realized: dict[str, str]
    military_modifiers: frozenset[str]
    violation_verbs: frozenset[str]
    abstract_targets: frozenset[str]
    impersonal_forces: frozenset[str]
    appeals: frozenset[str]
    protesters: frozenset[str]
    crowd_counts: frozenset[str]
    sending: frozenset[str]
    directives: frozenset[str]
    place_preps: frozenset[str]
    span_bounds: frozenset[str]
    possessor_kinds: dict[str, frozenset[str]]
    pair_nouns: frozenset[str]
    pair_words: frozenset[str]
    against_preps: frozenset[str]
    actor_nouns: frozenset[str]
    target_preps: tuple[str, ...]
    ones_own: frozenset[str]
    joining: dict[str, frozenset[str]]
    possessives: frozenset[str]
    pronoun_actors: frozenset[str]
    relative_pronouns: frozenset[str]
    locative_preps: frozenset[str]
    nominal_source_preps: frozenset[str]
    nominal_target_preps: frozenset[str]
    light_target_preps: frozenset[str]
    giving_verbs: frozenset[str]
    hypothetical_marks: frozenset[str]
    predicted_aux: frozenset[str]
    possible_aux: frozenset[str]
    predicting: frozenset[str]
    intending: frozenset[str]
    possible_words: frozenset[str]
    negating: frozenset[str]
    open_predicates: frozenset[str]


@dataclass(frozen=True)
class Crosswalk:
    """``data/cameo.json``: CAMEO codes to PLOVER types and modes, and the cues of modality."""

    root_types: dict[str, EventType]
    specific: dict[str, tuple[EventType, str | None]]
    future: frozenset[str]
    refusal_cues: frozenset[str]


@functools.cache
def crosswalk() -> Crosswalk:
    return load(Crosswalk, "newsgraph.events", "cameo.json")


NOT_A_TRIGGER = "-"


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """``data/triggers.tsv``: verb overrides of the CAMEO dictionary and the nominal triggers."""

    verbs: dict[str, str]
    nouns: dict[str, str]


@functools.cache
def trigger_lexicon() -> TriggerLexicon:
    """Our trigger lexicon, and the verbs of saying the cue lexicon marks as never events."""
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    for pos, lemma, code in table("newsgraph.events", "triggers.tsv", ("pos", "lemma", "cameo"), key=2):
        if pos not in ("VERB", "NOUN") or not (code == NOT_A_TRIGGER or code.isdigit()):
            raise LexiconError(
                f"events/data/triggers.tsv: {pos} {lemma} {code}; want VERB or NOUN, a code or '-'"
            )
        (verbs if pos == "VERB" else nouns)[lemma] = code
    # A cue word is added once, in claims/data/cues.tsv; listing it here too would be a second place.
    doubled = sorted(set(verbs) & claim_lexicon().not_events)
    if doubled:
        raise LexiconError(
            f"events/data/triggers.tsv lists {doubled}, marked not-event in claims/data/cues.tsv"
        )
    verbs.update(dict.fromkeys(sorted(claim_lexicon().not_events), NOT_A_TRIGGER))
    return TriggerLexicon(verbs, nouns)


@functools.cache
def rules() -> Rules:
    return load(Rules, "newsgraph.events", "rules.json")
