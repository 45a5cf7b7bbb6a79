"""The claims stage: attribution — who said what, with source, cue, content and kind."""

from __future__ import annotations

from newsgraph.claims.attribution import attribute
from newsgraph.records import Claim, Document, Entity

__all__ = ["attribute", "attribute_text"]


def attribute_text(text: str, doc_id: str = "t") -> list[Claim]:
    """Parse ``text`` with the project model and attribute it (for tests, evaluation and quick looks)."""
    from newsgraph.nlp import load_model

    doc = load_model()(text)
    entities = [Entity(doc_id, e.text, e.label_, (e.start_char, e.end_char)) for e in doc.ents]
    return attribute(doc, Document(doc_id=doc_id, text=text), entities)
