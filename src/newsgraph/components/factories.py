"""The newsgraph stages as spaCy components: the one wiring of the stages, for the Pipeline and for users.

:class:`newsgraph.Pipeline` runs them over its own load of the model (``pipeline_nlp``); a user adds them to
theirs with ``nlp.add_pipe("newsgraph_claims")``. Each component reads what earlier newsgraph components left
on ``Doc._`` and computes what is missing with the same functions (entities linked to actors, time
expressions, claims), so any one of them gives the records the pipeline gives. Results are records of
``newsgraph.records`` on ``Doc._`` extensions; what each reads and sets is declared in its factory, so
``nlp.analyze_pipes()`` describes the pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from newsgraph import actors, claims, events, timex
from newsgraph.components.extensions import register
from newsgraph.errors import ConfigError
from newsgraph.inputs import content_id
from newsgraph.nlp.entities import entities as find_entities
from newsgraph.records import Claim, Document, Entity, Timex

# What the stages read from the parse: named entities, dependencies, lemmas, sentence bounds, and parts of
# speech, which the model's attribute_ruler maps from the tagger's tags without declaring it (so: token.tag).
_PARSE = ["doc.ents", "token.dep", "token.lemma", "token.tag", "doc.sents"]
ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]


def _check_published(published: str | None, name: str) -> str | None:
    if published is not None and timex.parse_dct(published) is None:
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
        self._error_handler: ErrorHandler = raise_error

    def document(self, doc: Doc) -> Document:
        """The Document record of a Doc: ``doc._.newsgraph_document`` (the Pipeline's), else one made of
        its text, ``doc._.newsgraph_doc_id`` and published date."""
        given: Document | None = doc._.newsgraph_document
        if given is not None:
            return given
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
        return actors.link(doc, document, find_entities(doc, document))

    def timexes(self, doc: Doc, document: Document) -> list[Timex]:
        found: list[Timex] | None = doc._.newsgraph_timexes
        if found is not None:
            return found
        return timex.tag(doc, document)

    def claims(self, doc: Doc, document: Document) -> list[Claim]:
        found: list[Claim] | None = doc._.newsgraph_claims
        if found is not None:
            return found
        return claims.attribute(doc, document, self.entities(doc, document))

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Docs in, the same Docs out with this component's extension set (the stages work per Doc).

        A Doc this component fails on goes to the error handler (``nlp.set_error_handler``; by default
        the error is raised) and still comes out, so the batch goes on; one a component before failed on
        (``doc._.newsgraph_failure``) is passed by.
        """
        for doc in docs:
            if doc._.newsgraph_failure is None:
                try:
                    doc = self(doc)
                except Exception as exc:  # the handler decides: raise, or record and go on
                    self._error_handler(self.name, self, [doc], exc)
            yield doc

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        self._error_handler = error_handler

    def get_error_handler(self) -> ErrorHandler:
        return self._error_handler


class Entities(Component):
    """Sets ``doc._.newsgraph_entities``: Entity records of the named entities, counts and ordinals left
    out, not yet linked to actors (``newsgraph_actors`` links them).

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_entities")
    >>> [(e.text, e.label, e.actor) for e in nlp("Two envoys met Putin.")._.newsgraph_entities]
    [('Putin', 'PERSON', None)]
    """

    def __call__(self, doc: Doc) -> Doc:
        doc._.newsgraph_entities = find_entities(doc, self.document(doc))
        return doc


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
        found: list[Entity] | None = doc._.newsgraph_entities
        # The entities component's list when it ran (unlinked), else this component's own.
        doc._.newsgraph_entities = actors.link(
            doc, document, find_entities(doc, document) if found is None else found
        )
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
    """Sets ``doc._.newsgraph_events``: PLOVER-coded Event records with factuality; with
    ``config={"select": False}`` the rule coder's candidates, before the learned models judge them.

    >>> import spacy, newsgraph.components
    >>> nlp = spacy.load(newsgraph.components.model_path())
    >>> _ = nlp.add_pipe("newsgraph_events", config={"published": "2024-06-17"})
    >>> doc = nlp("Russia accused Ukraine of lying.")
    >>> [(e.event_type.value, e.source.text, e.target.text) for e in doc._.newsgraph_events]
    [('ACCUSE', 'Russia', 'Ukraine')]
    """

    def __init__(self, nlp: Language, name: str, published: str | None, select: bool = True) -> None:
        super().__init__(nlp, name, published)
        self.select = select

    def __call__(self, doc: Doc) -> Doc:
        document = self.document(doc)
        entities = self.entities(doc, document)
        ranked = events.code_ranked(
            doc,
            document,
            entities,
            self.timexes(doc, document),
            self.claims(doc, document),
            select=self.select,
        )
        doc._.newsgraph_events = [r.event for r in ranked]
        return doc


# Optional[str], not str | None: spaCy validates the config against these annotations with pydantic.
@Language.factory(
    "newsgraph_entities",
    default_config={"published": None},
    requires=["doc.ents"],
    assigns=["doc._.newsgraph_entities"],
)
def make_entities(nlp: Language, name: str, published: Optional[str]) -> Entities:  # noqa: UP045
    """The ``newsgraph_entities`` component: the parse's named entities as Entity records.

    >>> import spacy
    >>> make_entities(spacy.blank("en"), "newsgraph_entities", None).published is None
    True
    """
    return Entities(nlp, name, published)


@Language.factory(
    "newsgraph_actors",
    default_config={"published": None},
    requires=_PARSE,
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
    requires=_PARSE,
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
    requires=[*_PARSE, "doc._.newsgraph_entities"],
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
    default_config={"published": None, "select": True},
    requires=[*_PARSE, "doc._.newsgraph_entities", "doc._.newsgraph_timexes", "doc._.newsgraph_claims"],
    assigns=["doc._.newsgraph_events"],
)
def make_events(nlp: Language, name: str, published: Optional[str], select: bool) -> Events:  # noqa: UP045
    """The ``newsgraph_events`` component: PLOVER events with factuality.

    >>> import spacy
    >>> make_events(spacy.blank("en"), "newsgraph_events", "2024-06-19", select=True).published
    '2024-06-19'
    """
    return Events(nlp, name, published, select)
