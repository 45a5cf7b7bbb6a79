"""The timex stage: time expressions and their TimeML values against the document creation time."""

from __future__ import annotations

from newsgraph.records import Document, Timex
from newsgraph.timex.tagger import infer_year, parse_dct, tag

__all__ = ["infer_year", "parse_dct", "tag", "tag_text"]


def tag_text(text: str, dct: str | None, *, doc_id: str = "text") -> list[Timex]:
    """Tag a bare text (parsed here with the shared model) against ``dct`` (ISO date or None)."""
    from newsgraph.nlp.model import load_model

    return tag(load_model()(text), Document(doc_id=doc_id, text=text, published=dct))
