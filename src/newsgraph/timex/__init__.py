"""The timex stage: time expressions and their TimeML values against the document creation time."""

from __future__ import annotations

from newsgraph.timex.tagger import infer_year, parse_dct, tag

__all__ = ["infer_year", "parse_dct", "tag"]
