"""spaCy components for users' own pipelines: ``newsgraph_actors``, ``newsgraph_timex``, ``newsgraph_claims``,
``newsgraph_events``; results are newsgraph records on ``Doc._`` extensions.

Installed newsgraph registers them through spaCy's ``spacy_factories`` entry points, so
``nlp.add_pipe("newsgraph_claims")`` works without importing this package; importing it registers them too.
``nlp.add_pipe("newsgraph_paragraphs", before="parser")`` makes a blank line end a sentence, as newsgraph's
own pipeline parses (``newsgraph.nlp.model``); without it a headline is read into the sentence under it.

>>> import spacy, newsgraph.components
>>> nlp = spacy.load(newsgraph.components.model_path())
>>> _ = nlp.add_pipe("newsgraph_events")
>>> nlp.pipe_names[-1]
'newsgraph_events'
"""

from __future__ import annotations

from newsgraph.components.extensions import DOC_EXTENSIONS, register
from newsgraph.components.factories import (
    Actors,
    Claims,
    Component,
    Entities,
    Events,
    Timexes,
    make_actors,
    make_claims,
    make_entities,
    make_events,
    make_timex,
)
from newsgraph.nlp.model import model_location

# In pipeline order: each reads what the ones before it set.
FACTORIES: tuple[str, ...] = (
    "newsgraph_entities",
    "newsgraph_actors",
    "newsgraph_timex",
    "newsgraph_claims",
    "newsgraph_events",
)


def model_path() -> str:
    """Where the model newsgraph uses is installed: ``spacy.load(model_path())`` gives a fresh copy of it.

    >>> import spacy
    >>> "ner" in spacy.load(model_path()).pipe_names
    True
    """
    return model_location()


__all__ = [
    "DOC_EXTENSIONS",
    "FACTORIES",
    "Actors",
    "Claims",
    "Component",
    "Entities",
    "Events",
    "Timexes",
    "make_actors",
    "make_claims",
    "make_entities",
    "make_events",
    "make_timex",
    "model_path",
    "register",
]
