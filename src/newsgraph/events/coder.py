"""The events stage: PLOVER events from a parsed document, with actors, date, place and factuality."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.events import mentions, selection
from newsgraph.events.cameo import Coding, coding, shift
from newsgraph.events.factuality import HYPOTHETICAL_MARKS, Judgement, conditional_marks, judge
from newsgraph.events.features import Candidate
from newsgraph.events.lexicon import rules
from newsgraph.events.roles import ACTOR_NOUNS, Roles, conjuncts, joining_verb, noun_roles, phrase, verb_roles
from newsgraph.events.triggers import Trigger, candidates, find_triggers, load_lexicon
from newsgraph.records import (
    Actor,
    Claim,
    ClaimKind,
    Document,
    Entity,
    Event,
    EventDate,
    EventType,
    Factuality,
    Location,
    Mention,
    Timex,
    TimexKind,
)

Resolver = Callable[[str, str | None], Actor | None]  # (mention text, document date)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
# Relations that open a clause of its own: a date found there dates that clause's event, not this one.
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "ROOT"})
# Prepositions by which a date bounds a span rather than dating an event ("the first visit since 2000").
_SPAN_BOUNDS = frozenset({"since", "until", "till"})
_MAX_RECIPROCAL = 4
# The actors a possessive pronoun left unresolved in its own sentence may stand for: "its" a state or a
# body, "their" a group (see roles.possessor_in_sentence). "his"/"her" are left alone: the nearest person
# named before is as often the one it is not ("freed X, a critic of Y, following his arrest").
_POSSESSOR_KINDS: dict[str, frozenset[str]] = {
    "its": frozenset({"state", "organisation"}),
    "their": frozenset({"group"}),
}
ABSTRACT_TARGETS = frozenset(
    [
        "epidemic",
        "pandemic",
        "disease",
        "virus",
        "outbreak",
        "corruption",
        "poverty",
        "crime",
        "fire",
        "flood",
        "drought",
        "hunger",
        "climate",
        "change",
        "inflation",
        "unemployment",
        "cancer",
        "malaria",
        "ebola",
        "covid-19",
        "illiteracy",
        "pollution",
        # States one breaks through or out of ("break through its isolation", "break the deadlock").
        "isolation",
        "deadlock",
        "impasse",
        "stalemate",
        "barrier",
        "silence",
        "taboo",
    ]
)
# Prepositions whose object is what force is used against, when it names no actor ("through its isolation").
_AGAINST_PREPS = frozenset({"through", "against"})
# Verbs of appeal and demand; seeking something ("is seeking the release of prisoners") asks for it too.
APPEALS = frozenset(
    [
        "urge",
        "call",
        "appeal",
        "ask",
        "request",
        "press",
        "plead",
        "demand",
        "beg",
        "implore",
        "exhort",
        "seek",
    ]
)
# Crowds that act as civilians: what they block or seize is a protest, their violence a riot (PLOVER:
# PROTEST is "civilian demonstrations and other collective actions", obstruction and riots among its
# modes; COERCE and ASSAULT are uses of power and force. Phoenix codes "PROTESTOR * occupy" as 144 too).
PROTESTERS = frozenset(
    [
        "protester",
        "protestor",
        "demonstrator",
        "marcher",
        "rioter",
        "striker",
        "crowd",
        "mob",
        "activist",
        "worker",
        "student",
        "farmer",
        "villager",
        "trucker",
        "people",
        "resident",
        "citizen",
        "supporter",
        "youth",
    ]
)
# "thousands of protesters": the crowd is named by what the number counts.
_COUNTS = frozenset(["thousand", "hundred", "dozen", "million", "scores", "group", "number", "crowd"])
_OBSTRUCT, _RIOT = "144", "145"
SENDING = frozenset(["send", "dispatch"])
# Verbs that ask someone named to act ("told Britain to release", "wants the US to withdraw"): the act
# asked for has not happened. Only with an addressee, as "wants to withdraw" is the subject's own aim.
DIRECTIVES = frozenset(["tell", "want", "order", "instruct", "command", "direct", "encourage", "invite"])
_CLAIM_FACTUALITY = {ClaimKind.PREDICTION: Factuality.PREDICTED, ClaimKind.DENIAL: Factuality.NEGATED}


@dataclass(frozen=True, slots=True)
class Ranked:
    """An event with the depth of its trigger below the sentence root (0 = the main verb), the
    probability the quad model gives its class, and whether it is its sentence's main event."""

    event: Event
    depth: int
    sentence_index: int
    cameo: str = ""
    nominal: bool = False
    score: float = 1.0
    main: bool = False


@functools.cache
def _resolver() -> Resolver | None:
    try:
        from newsgraph.actors import resolve  # the actors stage is optional for this one
    except ImportError:
        return None

    def call(text: str, date: str | None) -> Actor | None:
        try:
            return resolve(text, date=date)  # a person's role on the document's date
        except Exception:  # a lookup failure must not lose the event; the mention keeps its text
            return None

    return call


class _Context:
    def __init__(
        self,
        doc: Doc,
        document: Document,
        entities: Sequence[Entity],
        timexes: Sequence[Timex],
        claims: Sequence[Claim],
    ) -> None:
        self.doc = doc
        # Doc.text joins every token on each access; the document's text is the same string (the contract).
        self.text = document.text
        self.document = document
        self.entities = sorted(entities, key=lambda e: e.span)
        self.timexes = [t for t in timexes if t.kind in (TimexKind.DATE, TimexKind.TIME)]
        self.claims = sorted(claims, key=lambda c: c.span[1] - c.span[0])
        self.resolve = _resolver()
        self._resolved: dict[str, Actor | None] = {}
        self._phrases: dict[tuple[int, int | None], tuple[int, int]] = {}

    def actor_for(self, start: int, end: int, head: Token) -> Actor | None:
        best: Entity | None = None
        for entity in self.entities:
            if entity.span[1] <= start or entity.span[0] >= end or entity.actor is None:
                continue
            if entity.span[0] <= head.idx < entity.span[1]:
                return entity.actor
            best = best or entity
        if best is not None:
            return best.actor
        if self.resolve is None:
            return None
        text = self.text[start:end]
        if text not in self._resolved:
            self._resolved[text] = self.resolve(text, self.document.published)
        return self._resolved[text]

    def phrase(self, head: Token, avoid: int | None = None) -> tuple[int, int]:
        key = (head.i, avoid)
        found = self._phrases.get(key)
        if found is None:
            found = self._phrases[key] = phrase(head, avoid)
        return found

    def earlier_actor(self, pronoun: Token) -> Token | None:
        """The nearest named actor of the pronoun's kind before it, in its sentence or the one before,
        for a possessive pronoun its own sentence did not resolve; None when there is none."""
        kinds = _POSSESSOR_KINDS.get(pronoun.lower_)
        if kinds is None or pronoun.dep_ != "poss":
            return None
        sentence = pronoun.sent
        lo = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        for entity in reversed(self.entities):
            if entity.span[1] > pronoun.idx or entity.span[0] < lo:
                continue
            if entity.actor is None or entity.actor.kind not in kinds:
                continue
            found = self.doc.char_span(*entity.span, alignment_mode="expand")
            return found.root if found is not None else None
        return None

    def mention(self, head: Token, avoid: int | None = None) -> Mention:
        if head.lower_ in _POSSESSOR_KINDS and head.dep_ == "poss":
            head = self.earlier_actor(head) or head
        first, last = self.phrase(head, avoid)
        start = self.doc[first].idx
        end = self.doc[last - 1].idx + len(self.doc[last - 1])
        return Mention(self.text[start:end], (start, end), self.actor_for(start, end, head))

    def date(self, trigger: Token, sentence: Span) -> EventDate:
        """The date in the trigger's own phrase, else the nearest in its clause, else the document's.
        A date of another clause ("..., since 2000, ... Russia, which continues to invade ...") or one
        that only bounds a span ("since 2000", "until May") is not the event's."""
        lo, hi = sentence.start_char, sentence.end_char
        inside = [t for t in self.timexes if lo <= t.span[0] and t.span[1] <= hi and self._dating(t)]
        if inside:
            subtree = {t.idx for t in trigger.subtree}
            attached = [t for t in inside if t.span[0] in subtree]
            if not attached:
                clause = own_clause(trigger)
                attached = sorted(
                    (t for t in inside if t.span[0] in clause), key=lambda t: abs(t.span[0] - trigger.idx)
                )
            if attached:
                pick = attached[0]
                return EventDate(pick.text, pick.value, "timex")
        if self.document.published:
            return EventDate(None, self.document.published, "document")
        return EventDate(None, None, "none")

    def _dating(self, timex: Timex) -> bool:
        found = self.doc.char_span(*timex.span, alignment_mode="expand")
        if found is None:
            return True
        root = found.root
        return not (root.dep_ == "pobj" and root.head.lower_ in _SPAN_BOUNDS)

    def location(self, trigger: Token, taken: set[int]) -> Location | None:
        for child in trigger.children:
            if child.dep_ != "prep" or child.lower_ not in _PLACE_PREPS:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in _PLACE_LABELS and pobj.i not in taken:
                    mention = self.mention(pobj)
                    country = mention.actor.country if mention.actor is not None else None
                    return Location(mention.text, mention.span, country)
        return None

    def claim_for(self, start: int, end: int) -> Claim | None:
        for claim in self.claims:
            if claim.span[0] <= start and end <= claim.span[1]:
                return claim
        return None


def own_clause(trigger: Token) -> set[int]:
    """Character offsets of the tokens of the trigger's clause: from the nearest clause head above it
    (a nominal trigger's verb, an infinitive's governing verb) down to, not into, the clauses below."""
    top = trigger
    for _ in range(20):
        if top.dep_ in _CLAUSE_HEADS or top.head.i == top.i:
            break
        if top.dep_ == "conj" and top.pos_ in {"VERB", "AUX"}:
            break
        top = top.head
    offsets: set[int] = set()
    stack = [top]
    while stack:
        token = stack.pop()
        offsets.add(token.idx)
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _CLAUSE_HEADS and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
        )
    return offsets


def _civilians(token: Token) -> bool:
    if token.lemma_.lower() in PROTESTERS:
        return True
    return token.lemma_.lower() in _COUNTS and any(
        g.lemma_.lower() in PROTESTERS
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _as_protest(trigger: Trigger, roles: Roles) -> Trigger:
    """Coercion by protesters is obstruction ("protesters blocked the road"), force by them a riot."""
    root = trigger.coding.cameo[:2]
    if root not in {"17", "18", "19", "20"} or not roles.sources:
        return trigger
    if not all(_civilians(s) for s in roles.sources):
        return trigger
    found = coding(_OBSTRUCT if root == "17" or trigger.coding.cameo in {"191", "192"} else _RIOT)
    return trigger if found is None else replace(trigger, coding=found)


def _roles(trigger: Trigger) -> Roles:
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
    return token.pos_ == "NOUN" and not token.ent_type_ and token.lemma_.lower() in load_lexicon().nouns


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
                if pobj.dep_ == "pobj" and (pobj.ent_type_ or pobj.lemma_.lower() in ACTOR_NOUNS):
                    return list(conjuncts(pobj))
    return []


def _only_things(trigger: Trigger, roles: Roles) -> bool:
    """True when every role the parse found was a thing: no one did anything to anyone."""
    if roles.sources or roles.targets:
        return False
    found = noun_roles(trigger.token) if trigger.nominal else verb_roles(trigger.token)
    return bool(found.sources or found.targets) and trigger.speaker is None


def _abstract(token: Token, words: frozenset[str]) -> bool:
    return not token.ent_type_ and token.pos_ == "NOUN" and token.lemma_.lower() in words


def _reciprocal(trigger: Trigger) -> bool:
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


def _pairs(roles: Roles, reciprocal: bool) -> list[tuple[Token | None, Token | None]]:
    """Source-target pairs: each coordinated actor gets its event ("The ambassadors of Norway, Austria and
    Greece presented credentials"); coordinated sources with no target act on each other only when the
    event is mutual ("X and Y agreed"), not in "The US and its allies slammed the summit"."""
    if roles.sources and roles.targets:
        return [(s, t) for s in roles.sources for t in roles.targets if s.i != t.i]
    if len(roles.sources) > 1 and reciprocal:
        heads = roles.sources[:_MAX_RECIPROCAL]
        return [(s, t) for s in heads for t in heads if s.i != t.i]
    if roles.sources:
        return [(s, None) for s in roles.sources]
    return [(None, t) for t in roles.targets] or [(None, None)]


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def _requested(token: Token) -> bool:
    """True inside an appeal or demand ("urged Russia to withdraw", "called for sanctions"): what is asked
    for has not happened; the appeal itself is a claim and a demand its own event."""
    current = token
    for _ in range(4):
        if (
            current.dep_ not in {"xcomp", "ccomp", "dobj", "pobj", "prep", "obj"}
            or current.head.i == current.i
        ):
            return False
        asked = current
        current = current.head
        if current.pos_ != "VERB":
            continue
        lemma = current.lemma_.lower()
        if lemma in APPEALS or (lemma in DIRECTIVES and _addressed(current, asked)):
            return True
    return False


def _addressed(verb: Token, asked: Token) -> bool:
    """ "told Britain to release", "wants the US to withdraw": the directive names whom it asks to do the
    infinitive, unlike "wants to withdraw" (the subject's own aim) or "told reporters that ..." (a report)."""
    if asked.dep_ == "xcomp":
        return any(c.dep_ in {"dobj", "obj", "dative", "iobj"} for c in verb.children)
    return (
        asked.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in asked.children)
        and any(c.dep_ == "nsubj" for c in asked.children)
    )


def _abstract_target(trigger: Trigger, roles: Roles) -> bool:
    """Force against a disease or a social ill ("fight the Ebola epidemic") is a metaphor, not an event."""
    if trigger.coding.quad_class != 4:
        return False
    # The direct object too: a target that names no actor ("the Ebola epidemic") is not kept as a role.
    objects = [c for c in trigger.token.children if c.dep_ in {"dobj", "obj"}]
    objects += [
        g
        for c in trigger.token.children
        if c.dep_ == "prep" and c.lower_ in _AGAINST_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(t.lemma_.lower() in ABSTRACT_TARGETS for t in (*roles.targets, *objects))


def _keep(trigger: Trigger, roles: Roles, claimed: set[int]) -> bool:
    # A noun names an event only when someone does it: "Putin's visit", not "a visit".
    if trigger.nominal and not roles.sources and not roles.targets:
        return False
    # "held talks": the noun carries the event, the light verb does not repeat it; "provides aid": the
    # verb carries it and the noun does not.
    return trigger.token.i not in claimed


def _commentary(coded: Coding, source: Mention | None, target: Token | None) -> bool:
    """'Nikkei warned, "North Korea may worry ..."': a paper's warning that threatens no one is its analysis,
    a claim, not a threat. A security chief's warning that police will act stays an event."""
    return (
        coded.event_type is EventType.THREATEN
        and target is None
        and source is not None
        and source.actor is not None
        and source.actor.kind == "outlet"
    )


def _restated(triggers: list[Trigger]) -> set[int]:
    """Nouns that restate their verb's event ("provides aid", "attacked in a raid"): the verb codes it."""
    verbs = {
        t.token.i: t.coding.cameo[:2]
        for t in triggers
        if not t.nominal and t.token.lemma_.lower() not in rules().light_verbs
    }
    return {
        t.token.i
        for t in triggers
        if t.nominal
        and verbs.get(t.token.head.i) == t.coding.cameo[:2]
        and t.token.dep_ in {"dobj", "obj", "pobj"}
    }


def _purposes(triggers: list[Trigger]) -> dict[int, Trigger]:
    """Sendings for a conflictual purpose ("sent experts to Qatar to investigate ..."): the sending is
    the purpose's means, coded as the purpose with the sender and the destination as its actors."""
    verbs = {t.token.i: t for t in triggers if not t.nominal}
    found: dict[int, Trigger] = {}
    for t in triggers:
        if t.nominal or t.token.lemma_.lower() not in SENDING:
            continue
        for child in t.token.children:
            purpose = verbs.get(child.i)
            if child.dep_ not in {"xcomp", "advcl"} or purpose is None or purpose.coding.quad_class < 3:
                continue
            # "sent doctors to fight the epidemic": a metaphor is no purpose to code.
            if not _abstract_target(purpose, _roles(purpose)):
                found[t.token.i] = purpose
            break
    return found


def _light_verbs(triggers: list[Trigger]) -> set[int]:
    """Light verbs whose object is a nominal trigger, or that describe one ("sanctions imposed by"): the
    noun's event stands for both."""
    nouns = {t.token.i for t in triggers if t.nominal}
    joined = {verb.i for t in triggers if t.nominal and (verb := joining_verb(t.token)) is not None}
    return {
        t.token.i
        for t in triggers
        if not t.nominal
        and (
            t.token.i in joined
            or (
                t.token.lemma_.lower() in rules().light_verbs
                and (
                    any(c.i in nouns for c in t.token.children if c.dep_ in {"dobj", "obj"})
                    or (t.token.dep_ == "acl" and t.token.head.i in nouns)
                )
            )
        )
    }


def _open_negation(trigger: Trigger) -> bool:
    """ "does not rule out", "did not exclude": a refusal denied is no event of its own."""
    return (
        trigger.coding.event_type is EventType.REJECT
        and trigger.token.lemma_.lower() in rules().open_negations
    )


def _not_yet(token: Token) -> bool:
    """ "had not yet joined the fighting": what has not happened yet was not refused."""
    return any(c.lower_ == "yet" and c.dep_ == "advmod" for c in token.children)


def _conditional_refusal(token: Token) -> bool:
    """ "will not release the tanker unless ...": a refusal on conditions is still a refusal (CAMEO 12),
    though the condition leaves it hypothetical. The condition's own clause ("unless it does not") is not."""
    return any(c.dep_ == "neg" for c in token.children) and not any(
        c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children
    )


def _judge(
    ctx: _Context, trigger: Token, span: tuple[int, int], marks: list[Token]
) -> tuple[Judgement, str | None]:
    judgement = judge(trigger, marks)
    claim = ctx.claim_for(*span)
    if claim is None:
        return judgement, None
    if judgement.factuality in (Factuality.ASSERTED, Factuality.REPORTED, Factuality.INTENDED):
        factuality = _CLAIM_FACTUALITY.get(claim.kind, Factuality.REPORTED)
        if judgement.factuality is Factuality.INTENDED and factuality is Factuality.REPORTED:
            factuality = Factuality.INTENDED
        return Judgement(factuality, (*judgement.cues, claim.cue), True), claim.id
    return judgement, claim.id


def _sentence_candidates(ctx: _Context, sentence: Span, index: int, tokens: list[Token]) -> list[Ranked]:
    """The rule coder's candidate events of one sentence, before the models judge them."""
    doc = ctx.doc
    document = ctx.document
    found: list[Ranked] = []
    triggers = find_triggers(tokens)
    purposes = _purposes(triggers)
    light = _light_verbs(triggers) | _restated(triggers) | {p.token.i for p in purposes.values()}
    marks = conditional_marks(sentence)
    for trigger in triggers:
        roles = _roles(trigger)
        if trigger.token.i in purposes:
            trigger = replace(trigger, coding=purposes[trigger.token.i].coding)
        trigger = _as_protest(trigger, roles)
        if not _keep(trigger, roles, light) or _requested(trigger.token) or _abstract_target(trigger, roles):
            continue
        token = trigger.token
        span_tokens = [token, *roles.sources, *roles.targets]
        taken = {t.i for t in span_tokens}
        lo = min(ctx.phrase(t, token.i)[0] for t in span_tokens)
        hi = max(ctx.phrase(t, token.i)[1] for t in span_tokens)
        span = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
        trigger_span = (token.idx, token.idx + len(token))
        judgement, claim_id = _judge(ctx, token, trigger_span, marks)
        negated = judgement.factuality is Factuality.NEGATED
        if negated and _open_negation(trigger):
            continue  # "does not rule out cooperation": no refusal; the cooperation is possible
        coded = shift(
            trigger.coding,
            judgement.cues,
            intended=judgement.factuality in (Factuality.PREDICTED, Factuality.INTENDED),
            negated=(negated and not _not_yet(token))
            or (judgement.factuality is Factuality.HYPOTHETICAL and _conditional_refusal(token)),
            commitments=rules().commitments,
            reported=judgement.reported,
        )
        when = ctx.date(token, sentence)
        where = ctx.location(token, taken)
        if _only_things(trigger, roles):
            continue
        pairs = _pairs(roles, _reciprocal(trigger))
        for source, target in pairs:
            source_mention = ctx.mention(source, token.i) if source is not None else None
            if _commentary(coded, source_mention, target):
                continue
            event = Event(
                doc_id=document.doc_id,
                id="",
                event_type=coded.event_type,
                trigger=trigger.words,
                span=span,
                sentence=ctx.text[sentence.start_char : sentence.end_char],
                source=source_mention,
                target=ctx.mention(target, token.i) if target is not None else None,
                factuality=judgement.factuality,
                quad_class=coded.quad_class,
                mode=coded.mode,
                trigger_span=trigger_span,
                date=when,
                location=where,
                factuality_cues=judgement.cues,
                claim_id=claim_id,
            )
            found.append(Ranked(event, _depth(token), index, coded.cameo, trigger.nominal))
    return found


def _by_sentence(ctx: _Context) -> list[tuple[Span, list[Ranked]]]:
    """Each sentence that has candidate events, with them."""
    doc = ctx.doc
    pending = candidates(doc)
    out: list[tuple[Span, list[Ranked]]] = []
    cursor = 0
    for index, sentence in enumerate(doc.sents):
        if cursor >= len(pending):
            break
        mine: list[int] = []
        while cursor < len(pending) and pending[cursor] < sentence.end:
            mine.append(pending[cursor])
            cursor += 1
        if mine:
            found = _sentence_candidates(ctx, sentence, index, [doc[i] for i in mine])
            if found:
                out.append((sentence, found))
    return out


def as_candidate(ranked: Ranked) -> Candidate:
    event = ranked.event
    return Candidate(
        cameo=ranked.cameo,
        depth=ranked.depth,
        quad_class=event.quad_class,
        nominal=ranked.nominal,
        has_source=event.source is not None,
        has_target=event.target is not None,
        start=event.span[0],
        factuality=event.factuality.value,
    )


def _select(doc: Doc, found: list[tuple[Span, list[Ranked]]]) -> list[Ranked]:
    """The candidates the models keep, each with the probability of its class; the main event marked.

    The quad model decides whether the sentence reports an event at all; the main event is the rules'
    most central candidate (measured on dev: letting the model's likeliest class pick it instead scored
    lower, bench/RESULTS.md); another candidate stays when the model finds its class plausible too. A
    sentence whose main act is a statement ("Nikkei anticipated North Korea would receive technical
    support") has no main event, but the event its claim reports stays, pointing at the claim.
    """
    chosen = selection.models()
    sentences = list(doc.sents)
    keep = selection.relevant(selection.relevance(sentences, chosen.relevance), chosen.limits)
    out: list[Ranked] = []
    for sentence, ranked in found:
        if not keep[ranked[0].sentence_index]:
            continue
        candidates = [as_candidate(r) for r in ranked]
        verdict = selection.judge(sentence, candidates, chosen.quad)
        if not verdict.eventful(chosen.limits.no_event):
            told = verdict.likeliest_event
            out += [
                replace(r, score=verdict.of(told))
                for r in ranked
                if r.event.claim_id is not None and r.event.quad_class == told
            ]
            continue
        best = ranked[min(range(len(ranked)), key=lambda i: candidates[i].rank)].event.trigger_span
        for r in ranked:
            score = verdict.of(r.event.quad_class)
            main = r.event.trigger_span == best
            if main or score >= chosen.limits.secondary:
                out.append(replace(r, score=score, main=main))
    return out


def code_ranked(
    doc: Doc,
    document: Document,
    entities: Sequence[Entity] = (),
    timexes: Sequence[Timex] = (),
    claims: Sequence[Claim] = (),
    *,
    select: bool = True,
) -> list[Ranked]:
    """Every event in the document with its trigger depth, in text order; ``select=False`` gives the rule
    coder's candidates before the models judge them (what the quad model is trained on)."""
    ctx = _Context(doc, document, entities, timexes, claims)
    found = _by_sentence(ctx)
    ranked = _fold(_select(doc, found)) if select else [r for _, group in found for r in group]
    return [replace(r, event=_with_id(r.event, f"{document.doc_id}:e{i}")) for i, r in enumerate(ranked)]


def _fold(ranked: list[Ranked]) -> list[Ranked]:
    """One event per happening: repeated tellings in the document become the first one's mentions."""
    out: list[Ranked] = []
    for indices in mentions.group([r.event for r in ranked]):
        tellings = [ranked[i] for i in indices]
        out.append(
            replace(
                tellings[0],
                event=mentions.fold([r.event for r in tellings]),
                score=max(r.score for r in tellings),
                main=any(r.main for r in tellings),
            )
        )
    return out


def _with_id(event: Event, event_id: str) -> Event:
    return replace(event, id=event_id)


def code(
    doc: Doc,
    document: Document,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
    claims: Sequence[Claim],
) -> list[Event]:
    """PLOVER events of one parsed document; offsets index ``document.text``."""
    return [r.event for r in code_ranked(doc, document, entities, timexes, claims)]
