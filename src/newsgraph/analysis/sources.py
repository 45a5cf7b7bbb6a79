"""Where an analysed item comes from: the document, its outlet, date and link, looked up once per call."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.records import Actor, Document, Entity, Mention
from newsgraph.store import Store


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """The document an item was read from, as a reader cites it."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    link: str | None  # the URL, else the path the document was read from

    @classmethod
    def of(cls, document: Document) -> SourceDoc:
        return cls(
            document.doc_id,
            document.title,
            document.outlet,
            document.published,
            document.url or document.path,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SourceDocs:
    """A per-call cache of :class:`SourceDoc` by doc_id, so each document is read once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cache: dict[str, SourceDoc] = {}

    def __call__(self, doc_id: str) -> SourceDoc:
        if doc_id not in self._cache:
            self.load([doc_id])
        return self._cache[doc_id]

    def load(self, doc_ids: Iterable[str]) -> None:
        """Read these documents' summaries in one query (not their text nor their records)."""
        wanted = [d for d in dict.fromkeys(doc_ids) if d not in self._cache]
        for s in self._store.document_summaries(wanted):
            self._cache[s.doc_id] = SourceDoc(s.doc_id, s.title, s.outlet, s.published, s.url or s.path)
        for doc_id in wanted:
            self._cache.setdefault(doc_id, SourceDoc(doc_id, None, None, None, None))

    def prime(self, documents: list[Document]) -> None:
        for document in documents:
            self._cache[document.doc_id] = SourceDoc.of(document)


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
