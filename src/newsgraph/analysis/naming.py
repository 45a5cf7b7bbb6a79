"""How readers name a mention (the actor's name or the words, without article or genitive) and which
actor ids match another; the records keep the text as written."""

from __future__ import annotations

import re

from newsgraph.records import Actor, Entity, Mention

_GENITIVE = re.compile(r"\s*['’]s$|(?<=s)['’]$")
_OPENING_QUOTES = ("‘", "'")


def label(mention: Mention | None) -> str | None:
    """How a reader names a mention: its actor's name when linked, else its words."""
    if mention is None:
        return None
    actor = mention.actor
    if actor is not None and actor.kind == "sector" and not actor.country:
        # a sector alone ("they" read as some government) names no one: show the words and the sector
        return f"{_words(mention.text)} ({actor.name})"
    return actor.name if actor is not None else _words(mention.text)


# A lower-case article opens a name in running text ("the United States"); a capital one is part of the
# name ("The Hague", "The Yomiuri Shimbun").
_ARTICLE = re.compile(r"^the\s+")
# Actors whose own name is how a list should name every mention of them ("Putin" -> Vladimir Putin).
_NAMED_BY_ACTOR = frozenset({"outlet", "organisation", "person"})


def entity_name(entity: Entity) -> str:
    """How an entity list names a mention: a person's, outlet's or organisation's actor name, else its
    words without article or genitive ("North Korea’s" -> "North Korea", "the United States" -> "United
    States"). The record keeps the words and span as the text has them."""
    actor = entity.actor
    if actor is not None and actor.kind in _NAMED_BY_ACTOR:
        return actor.name
    return _ARTICLE.sub("", _words(entity.text)) or entity.text


def _words(text: str) -> str:
    """A mention's words without a genitive: "the international community's call" keeps it in the span, as
    PolNeAR marks sources; the name does not."""
    if text.startswith(_OPENING_QUOTES):
        return text  # "‘experts’": a quoted word, its closing quote is no genitive
    return _GENITIVE.sub("", text)


def actor_keys(actor: Actor | None) -> set[str]:
    """Ids under which an actor matches another: its id and its country (PRK-GOV matches PRK)."""
    if actor is None:
        return set()
    keys: set[str] = set()
    if actor.country:
        keys.add(actor.country)
    # Phoenix-style ids carry the country first: "RUS-GOV" is a Russian actor.
    head, dash, _ = actor.id.partition("-")
    if dash and len(head) == 3 and head.isalpha() and head.isupper():
        keys.add(head)
    # A bare sector ("MIL", "GOV") is no one in particular: matching on it would tie every army together.
    if actor.kind != "sector" or keys:
        keys.add(actor.id)
    return keys
