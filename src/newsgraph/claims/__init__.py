"""The claims stage: attribution — who said what, with source, cue, content and kind."""

from __future__ import annotations

from newsgraph.claims.attribution import attribute

__all__ = ["attribute"]
