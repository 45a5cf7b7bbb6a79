"""The ``Doc._`` and ``Span._`` extensions the newsgraph components read and write."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.records import Actor, Entity

# Doc extensions, all None until set: what the user gives (published, doc_id) and what components assign.
DOC_EXTENSIONS: tuple[str, ...] = (
    "newsgraph_published",  # ISO date the relative times are read against; set by the user, or config
    "newsgraph_doc_id",  # the doc_id records carry; default a hash of the text, as newsgraph.process
    "newsgraph_document",  # the Document record the stages read (the Pipeline sets it; else built)
    "newsgraph_failure",  # a Failure record: a component failed on this Doc, later ones pass it by
    "newsgraph_entities",  # list[Entity]: newsgraph_entities, actors linked by newsgraph_actors
    "newsgraph_timexes",  # list[Timex]: newsgraph_timex
    "newsgraph_claims",  # list[Claim]: newsgraph_claims
    "newsgraph_events",  # list[Event]: newsgraph_events
)


def _span_actor(span: Span) -> Actor | None:
    entities: list[Entity] | None = span.doc._.newsgraph_entities
    for entity in entities or ():
        if entity.span == (span.start_char, span.end_char):
            return entity.actor
    return None


def register() -> None:
    """Set the extensions up (idempotent; each component's factory calls it).

    >>> import spacy
    >>> register()
    >>> doc = spacy.blank("en")("Kim met Putin.")
    >>> doc._.newsgraph_claims is None, doc[2:3]._.newsgraph_actor is None
    (True, True)
    """
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("newsgraph_actor"):
        # A getter, not a stored value: the actor is read from the Doc's entities, so spans stay in step.
        Span.set_extension("newsgraph_actor", getter=_span_actor)
