"""Entity records from a parse."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.records import Document, Entity

# Counts and ordinals are not actors, places or times; time expressions are the timex stage's job.
SKIPPED_LABELS = frozenset({"CARDINAL", "ORDINAL"})


def entities(doc: Doc, document: Document) -> list[Entity]:
    return [
        Entity(doc_id=document.doc_id, text=ent.text, label=ent.label_, span=(ent.start_char, ent.end_char))
        for ent in doc.ents
        if ent.label_ not in SKIPPED_LABELS
    ]
