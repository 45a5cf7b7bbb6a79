"""spaCy factories for the newsgraph stages: ``nlp.add_pipe("newsgraph_claims")`` in a user's own pipeline.

Each component reads what earlier newsgraph components left on ``Doc._`` and computes what is missing
(entities linked to actors, time expressions, claims), so any one of them gives the records the newsgraph
pipeline gives; results are records of ``newsgraph.records``, on ``Doc._`` extensions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components.extensions import register
from newsgraph.errors import ConfigError
from newsgraph.inputs import content_id
from newsgraph.nlp.entities import entities as find_entities
from newsgraph.records import Claim, Document, Entity, Timex
from newsgraph.timex import parse_dct

# What the stages read from the parse: named entities, dependencies, lemmas, sentence bounds.
_REQUIRES = ["doc.ents", "token.dep", "token.lemma", "token.pos", "doc.sents"]


def _check_published(published: str | None, name: str) -> str | None:
    if published is not None and parse_dct(published) is None:
        raise ConfigError(f"{name}: published={published!r} is not an ISO date; give YYYY-MM-DD (or YYYY-MM)")
    return published


class Component:
    """What every newsgraph component shares: the Document a Doc stands for, and ``pipe``.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> component = Component(nlp, "newsgraph_timex", "2024-06-19")
    >>> doc = nlp("Putin arrived.")
    >>> doc._.newsgraph_doc_id = "my-id"
    >>> component.document(doc).doc_id, component.document(doc).published
    ('my-id', '2024-06-19')
    """

    def __init__(self, nlp: Language, name: str, published: str | None) -> None:
        register()
        self.name = name
        self.published = _check_published(published, name)

    def document(self, doc: Doc) -> Document:
        """The Document record of a Doc: its text, ``doc._.newsgraph_doc_id`` and published date."""
        published = _check_published(doc._.newsgraph_published, self.name) or self.published
        return Document(
            doc_id=doc._.newsgraph_doc_id or content_id(doc.text),
            text=doc.text,
            published=published,
            published_source="given" if published else "none",
        )

    def entities(self, doc: Doc, document: Document) -> list[Entity]:
        found: list[Entity] | None = doc._.newsgraph_entities
        if found is not None:
            return found
        from newsgraph import actors

        return actors.link(doc, document, find_entities(doc, document))

    def timexes(self, doc: Doc, document: Document) -> list[Timex]:
        found: list[Timex] | None = doc._.newsgraph_timexes
        if found is not None:
            return found
        from newsgraph import timex

        return timex.tag(doc, document)

    def claims(self, doc: Doc, document: Document) -> list[Claim]:
        found: list[Claim] | None = doc._.newsgraph_claims
        if found is not None:
            return found
        from newsgraph import claims

        return claims.attribute(doc, document, self.entities(doc, document))

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Docs in, the same Docs out with this component's extension set (the stages work per Doc)."""
        for doc in docs:
            yield self(doc)


class Actors(Component):
    """Sets ``doc._.newsgraph_entities`` (Entity records with actors) and ``span._.newsgraph_actor``.

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_actors")
    >>> doc = nlp("Pyongyang welcomed Putin.")
    >>> [(e.text, e.actor.country) for e in doc._.newsgraph_entities]
    [('Pyongyang', 'PRK'), ('Putin', 'RUS')]
    >>> doc.ents[1]._.newsgraph_actor.name
    'Vladimir Putin'
    """

    def __call__(self, doc: Doc) -> Doc:
        document = self.document(doc)
        doc._.newsgraph_entities = None  # this component's own linking, not an earlier value
        doc._.newsgraph_entities = self.entities(doc, document)
        return doc


class Timexes(Component):
    """Sets ``doc._.newsgraph_timexes``: Timex records, normalised against the published date.

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_timex", config={"published": "2024-06-19"})
    >>> [(t.text, t.value) for t in nlp("They met on Tuesday.")._.newsgraph_timexes]
    [('Tuesday', '2024-06-18')]
    """

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_timexes = None
        doc._.newsgraph_timexes = self.timexes(doc, self.document(doc))
        return doc


class Claims(Component):
    """Sets ``doc._.newsgraph_claims``: Claim records (source, cue, content, kind).

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_claims")
    >>> [(c.source.text, c.cue, c.content) for c in nlp("Putin said the talks went well.")._.newsgraph_claims]
    [('Putin', 'said', 'the talks went well')]
    """

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_claims = None
        doc._.newsgraph_claims = self.claims(doc, self.document(doc))
        return doc


class Events(Component):
    """Sets ``doc._.newsgraph_events``: PLOVER-coded Event records with factuality.

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_events", config={"published": "2024-06-17"})
    >>> doc = nlp("Russia accused Ukraine of lying.")
    >>> [(e.event_type.value, e.source.text, e.target.text) for e in doc._.newsgraph_events]
    [('ACCUSE', 'Russia', 'Ukraine')]
    """

    def __call__(self, doc: Doc) -> Doc:
        from newsgraph import events

        document = self.document(doc)
        entities = self.entities(doc, document)
        timexes = self.timexes(doc, document)
        claims = self.claims(doc, document)
        doc._.newsgraph_events = events.code(doc, document, entities, timexes, claims)
        return doc


# Optional[str], not str | None: spaCy validates the config against these annotations with pydantic.
@Language.factory(
    "newsgraph_actors",
    default_config={"published": None},
    requires=_REQUIRES,
    assigns=["doc._.newsgraph_entities", "span._.newsgraph_actor"],
)
def make_actors(nlp: Language, name: str, published: Optional[str]) -> Actors:  # noqa: UP045
    """The ``newsgraph_actors`` component: entities linked to canonical actors.

    >>> import spacy
    >>> make_actors(spacy.blank("en"), "newsgraph_actors", "2024-06-19").published
    '2024-06-19'
    """
    return Actors(nlp, name, published)


@Language.factory(
    "newsgraph_timex",
    default_config={"published": None},
    requires=_REQUIRES,
    assigns=["doc._.newsgraph_timexes"],
)
def make_timex(nlp: Language, name: str, published: Optional[str]) -> Timexes:  # noqa: UP045
    """The ``newsgraph_timex`` component: time expressions with TimeML values.

    >>> import spacy
    >>> make_timex(spacy.blank("en"), "newsgraph_timex", "2024-06-19").published
    '2024-06-19'
    """
    return Timexes(nlp, name, published)


@Language.factory(
    "newsgraph_claims",
    default_config={"published": None},
    requires=_REQUIRES,
    assigns=["doc._.newsgraph_claims"],
)
def make_claims(nlp: Language, name: str, published: Optional[str]) -> Claims:  # noqa: UP045
    """The ``newsgraph_claims`` component: attributions (who said what).

    >>> import spacy
    >>> make_claims(spacy.blank("en"), "newsgraph_claims", "2024-06-19").published
    '2024-06-19'
    """
    return Claims(nlp, name, published)


@Language.factory(
    "newsgraph_events",
    default_config={"published": None},
    requires=_REQUIRES,
    assigns=["doc._.newsgraph_events"],
)
def make_events(nlp: Language, name: str, published: Optional[str]) -> Events:  # noqa: UP045
    """The ``newsgraph_events`` component: PLOVER events with factuality.

    >>> import spacy
    >>> make_events(spacy.blank("en"), "newsgraph_events", "2024-06-19").published
    '2024-06-19'
    """
    return Events(nlp, name, published)
