"""Who acts on whom in a triggered event: its roles, with things, owners, partners and crowds sorted out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from newsgraph.events.cameo import coding
from newsgraph.events.lexicon import rules, trigger_lexicon
from newsgraph.events.roles import Roles, conjuncts, noun_roles, verb_roles
from newsgraph.events.triggers import Trigger
from newsgraph.records import EventType

_MAX_RECIPROCAL = 4
_OBSTRUCT, _RIOT = "144", "145"


def _civilians(token: Token) -> bool:
    if token.lemma_.lower() in rules().protesters:
        return True
    return token.lemma_.lower() in rules().crowd_counts and any(
        g.lemma_.lower() in rules().protesters
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def as_protest(trigger: Trigger, roles: Roles) -> Trigger:
    """Coercion by protesters is obstruction ("protesters blocked the road"), force by them a riot."""
    root = trigger.coding.cameo[:2]
    if root not in {"17", "18", "19", "20"} or not roles.sources:
        return trigger
    if not all(_civilians(s) for s in roles.sources):
        return trigger
    found = coding(_OBSTRUCT if root == "17" or trigger.coding.cameo in {"191", "192"} else _RIOT)
    return trigger if found is None else replace(trigger, coding=found)


def event_roles(trigger: Trigger) -> Roles:
    if trigger.speaker is not None:
        # A demand: the speaker asks it of the obliged subject ("Russia says Israel must end ...").
        obliged = next(c for c in trigger.token.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"})
        found = Roles(conjuncts(trigger.speaker), conjuncts(obliged))
    else:
        found = noun_roles(trigger.token) if trigger.nominal else verb_roles(trigger.token)
    # "The agreement provides for mutual assistance", "the treaty takes effect": a thing is no actor.
    if trigger.coding.event_type is EventType.MOBILIZE and not found.sources and _agentless_passive(trigger):
        # "North Korean troops had been deployed to Kursk": the troops are moved by their own side.
        found = Roles(found.targets, ())
    abstract = rules().abstract_sources
    targets: list[Token] = []
    for target in found.targets:
        doers = _own_doers(target) if _event_noun(target) else []
        if doers:
            # "supports Russia's invasion of Ukraine": the one stood by is Russia, not the invasion.
            targets += [d for d in doers if d.i not in {t.i for t in targets}]
        elif not _abstract(target, abstract):
            targets.append(target)
        else:  # "restored ties with Japan", "a deal with Iran": the partner named in the thing
            targets += [p for p in _partners(target) if p.i not in {t.i for t in targets}]
    return Roles(tuple(t for t in found.sources if not _abstract(t, abstract)), tuple(targets))


def _own_doers(noun: Token) -> list[Token]:
    """Who the event noun itself names as its doer: "Russia's invasion", "the attack by Hamas"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return list(conjuncts(child))
        if child.dep_ == "prep" and child.lower_ == "by":
            return [g for g in child.children if g.dep_ == "pobj"]
    return []


def _event_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and not token.ent_type_ and token.lemma_.lower() in trigger_lexicon().nouns


def _agentless_passive(trigger: Trigger) -> bool:
    verb = trigger.token
    return (
        not trigger.nominal
        and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _partners(thing: Token) -> list[Token]:
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "to"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (pobj.ent_type_ or pobj.lemma_.lower() in rules().actor_nouns):
                    return list(conjuncts(pobj))
    return []


def only_things(trigger: Trigger, roles: Roles) -> bool:
    """True when every role the parse found was a thing: no one did anything to anyone."""
    if roles.sources or roles.targets:
        return False
    found = noun_roles(trigger.token) if trigger.nominal else verb_roles(trigger.token)
    return bool(found.sources or found.targets) and trigger.speaker is None


def _abstract(token: Token, words: frozenset[str]) -> bool:
    return not token.ent_type_ and token.pos_ == "NOUN" and token.lemma_.lower() in words


def abstract_target(trigger: Trigger, roles: Roles) -> bool:
    """Force against a disease or a social ill ("fight the Ebola epidemic") is a metaphor, not an event."""
    if trigger.coding.quad_class != 4:
        return False
    # The direct object too: a target that names no actor ("the Ebola epidemic") is not kept as a role.
    objects = [c for c in trigger.token.children if c.dep_ in {"dobj", "obj"}]
    objects += [
        g
        for c in trigger.token.children
        if c.dep_ == "prep" and c.lower_ in rules().against_preps
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(t.lemma_.lower() in rules().abstract_targets for t in (*roles.targets, *objects))


def impersonal_force(trigger: Trigger) -> bool:
    """Force done by a storm or a tariff ("retaliatory tariffs hit farmers", "facilities damaged by the severe
    storm") is no one's assault: its doer, subject or passive agent, is a force of nature or of markets."""
    if trigger.coding.quad_class != 4 or trigger.nominal:
        return False
    token = trigger.token
    doers = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if token.dep_ in {"acl", "amod"} and token.tag_ == "VBN":  # "farmers hit by tariffs"
        doers += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    forces = rules().impersonal_forces
    return any(not d.ent_type_ and d.lemma_.lower() in forces for d in doers)


def is_reciprocal(trigger: Trigger) -> bool:
    """ "X and Y agreed", "X and Y clashed": coordinated doers with no target act on each other."""
    found = rules()
    return (
        trigger.coding.quad_class in found.reciprocal_quads
        or trigger.token.lemma_.lower() in found.reciprocal_verbs
        or _each_other(trigger.token)
    )


def _each_other(token: Token) -> bool:
    """ "accused each other", "blamed one another": mutual by the words themselves."""
    for child in token.subtree:
        if child.lower_ in {"other", "another"} and any(g.lower_ in {"each", "one"} for g in child.children):
            return True
        if child.lower_ == "another" and child.i > 0 and child.nbor(-1).lower_ == "one":
            return True
    return False


def _alternatives(actors: Sequence[Token]) -> bool:
    """ "Bulgaria, Israel, Hungary or Romania would fill the slot": actors joined by "or" are alternatives,
    who do nothing to each other."""
    return any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for a in actors for c in a.children)


def actor_pairs(roles: Roles, reciprocal: bool) -> list[tuple[Token | None, Token | None]]:
    """Source-target pairs: each coordinated actor gets its event ("The ambassadors of Norway, Austria and
    Greece presented credentials"); coordinated sources with no target act on each other only when the
    event is mutual ("X and Y agreed"), not in "The US and its allies slammed the summit"."""
    if roles.sources and roles.targets:
        return [(s, t) for s in roles.sources for t in roles.targets if s.i != t.i]
    if len(roles.sources) > 1 and reciprocal and not _alternatives(roles.sources):
        heads = roles.sources[:_MAX_RECIPROCAL]
        return [(s, t) for s in heads for t in heads if s.i != t.i]
    if roles.sources:
        return [(s, None) for s in roles.sources]
    return [(None, t) for t in roles.targets] or [(None, None)]
