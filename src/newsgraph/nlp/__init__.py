"""spaCy lives here: model loading and the parse every later stage reads."""

from newsgraph.nlp.model import load_model, parse

__all__ = ["load_model", "parse"]
