"""The events stage: PLOVER events from a parsed document, with actors, date, place and factuality."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.events import mentions, selection
from newsgraph.events.cameo import Coding, shift
from newsgraph.events.context import Context
from newsgraph.events.factuality import Judgement, conditional_marks, judge
from newsgraph.events.features import Candidate
from newsgraph.events.lexicon import rules
from newsgraph.events.participants import (
    abstract_target,
    actor_pairs,
    as_protest,
    event_roles,
    impersonal_force,
    is_reciprocal,
    only_things,
)
from newsgraph.events.roles import Roles, joining_verb
from newsgraph.events.triggers import Trigger, candidates, find_triggers
from newsgraph.records import (
    Claim,
    ClaimKind,
    Document,
    Entity,
    Event,
    EventType,
    Factuality,
    Mention,
    Timex,
)

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
        if lemma in rules().appeals or (lemma in rules().directives and _addressed(current, asked)):
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
        if t.nominal or t.token.lemma_.lower() not in rules().sending:
            continue
        for child in t.token.children:
            purpose = verbs.get(child.i)
            if child.dep_ not in {"xcomp", "advcl"} or purpose is None or purpose.coding.quad_class < 3:
                continue
            # "sent doctors to fight the epidemic": a metaphor is no purpose to code.
            if not abstract_target(purpose, event_roles(purpose)):
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
        c.dep_ == "mark" and c.lower_ in rules().hypothetical_marks for c in token.children
    )


def _conditions(token: Token) -> bool:
    """ "may halt mediation if cooperation founders": the act is the consequent of a condition of its own
    (an "if"/"unless" clause hangs on the trigger), not an act inside the condition."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in rules().hypothetical_marks for m in c.children)
        for c in token.children
    )


def _judge(
    ctx: Context, trigger: Token, span: tuple[int, int], marks: list[Token]
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


def _sentence_candidates(ctx: Context, sentence: Span, index: int, tokens: list[Token]) -> list[Ranked]:
    """The rule coder's candidate events of one sentence, before the models judge them."""
    doc = ctx.doc
    document = ctx.document
    found: list[Ranked] = []
    triggers = find_triggers(tokens)
    purposes = _purposes(triggers)
    light = _light_verbs(triggers) | _restated(triggers) | {p.token.i for p in purposes.values()}
    marks = conditional_marks(sentence)
    for trigger in triggers:
        roles = event_roles(trigger)
        if trigger.token.i in purposes:
            trigger = replace(trigger, coding=purposes[trigger.token.i].coding)
        trigger = as_protest(trigger, roles)
        if (
            not _keep(trigger, roles, light)
            or _requested(trigger.token)
            or abstract_target(trigger, roles)
            or impersonal_force(trigger)
        ):
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
            conditional=judgement.factuality is not Factuality.ASSERTED and _conditions(token),
        )
        when = ctx.date(token, sentence)
        where = ctx.location(token, taken)
        if only_things(trigger, roles):
            continue
        pairs = actor_pairs(ctx.with_pairs_named(roles), is_reciprocal(trigger))
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
                sentence=ctx.text[sentence.start_char : sentence.end_char].strip(),
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


def _by_sentence(ctx: Context) -> list[tuple[Span, list[Ranked]]]:
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
    ctx = Context(doc, document, entities, timexes, claims)
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
