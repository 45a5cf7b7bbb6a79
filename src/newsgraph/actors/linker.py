"""Fill ``Entity.actor`` using the parse: GPE/NORP + head noun for sectors, surnames after full names."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.actors.lexicon import rules
from newsgraph.actors.resolver import Resolver, default_resolver
from newsgraph.records import Actor, Document, Entity

# Dependencies by which a name modifies the noun it belongs to ("North Korean soldiers", "Russia's army").
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
_EXTEND_LABELS = frozenset({"GPE", "NORP", "ORG"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod"})
# Actor kinds a PERSON entity cannot be: the entity takes the ORG label when it links to one.
_NOT_PEOPLE = frozenset({"outlet", "organisation"})


def _head_extension(span: Span) -> str | None:
    """The text from the entity to the noun it modifies, when that noun is not itself a name."""
    root = span.root
    head = root.head
    if root.dep_ not in _MODIFIER_DEPS or head.i < span.end or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.ent_type_ and not (span.start <= head.i < span.end):
        return None
    if head.i - span.end > 3:
        return None
    return span.doc[span.start : head.i + 1].text


def _is_location(span: Span, label: str, actor: Actor) -> bool:
    """A capital or city as the object of a place preposition ("in Yerevan", "to Pyongyang")."""
    if actor.country is None or not (actor.kind == "place" or actor.id == f"{actor.country}-GOV"):
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in rules().place_prepositions and label in ("GPE", "LOC")


def _with_titles(span: Span) -> str | None:
    """The name with the titles that precede it ("Armenian Prime Minister" + "Nikol Pashinyan")."""
    start = span.start
    while start > span.sent.start:
        token = span.doc[start - 1]
        # A title word hangs off the name or off a title word already taken ("Prime" -> "Minister").
        if token.dep_ not in _TITLE_DEPS or not start <= token.head.i < span.end:
            break
        if token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            break
        start -= 1
    if start == span.start:
        return None
    return span.doc[start : span.end].text


def link(
    doc: Doc, document: Document, entities: Sequence[Entity], *, resolver: Resolver | None = None
) -> list[Entity]:
    """The entities with ``actor`` filled where resolvable (as of the document's date)."""
    resolver = resolver or default_resolver()
    date = document.published
    people: dict[str, Actor] = {}  # surname and full name -> person actor seen earlier in this document
    out: list[Entity] = []
    for entity in entities:
        span = doc.char_span(entity.span[0], entity.span[1], alignment_mode="expand")
        actor: Actor | None = None
        if span is not None and entity.label in _EXTEND_LABELS:
            extended = _head_extension(span)
            if extended is not None:
                actor = resolver.resolve(extended, date=date, label=None)
                if actor is not None and actor.sector is None:
                    actor = None  # the head noun added nothing; resolve the name alone below
        if actor is None and entity.label == "PERSON":
            words = entity.text.split()
            if len(words) == 1 and words[0] in people:
                actor = people[words[0]]
        if actor is None:
            actor = resolver.resolve(entity.text, date=date, label=entity.label)
        if actor is None and span is not None and entity.label == "PERSON":
            titled = _with_titles(span)
            if titled is not None:
                actor = resolver.resolve(titled, date=date, label="PERSON")
        if actor is not None and span is not None and _is_location(span, entity.label, actor):
            # "talks in Pyongyang": a place where something happens, not the government acting.
            assert actor.country is not None
            actor = resolver.state(actor.country)
        if entity.label == "PERSON" and actor is not None and actor.kind == "person":
            words = entity.text.split()
            # Both ends: "Kim" after "Kim Jong Un" (family name first), "Putin" after "Vladimir Putin".
            # The latest full mention wins: "Kim" after "Kim Il Sung ... Kim Jong Un" is Kim Jong Un.
            for alias in {words[0], words[-1], entity.text}:
                people[alias] = actor
        if actor is not None and entity.label == "PERSON" and actor.kind in _NOT_PEOPLE:
            # "Asahi Shimbun explained ...": the model reads a paper's name as a person's; the actor says.
            out.append(dataclasses.replace(entity, actor=actor, label="ORG"))
            continue
        out.append(dataclasses.replace(entity, actor=actor) if actor is not None else entity)
    return out
