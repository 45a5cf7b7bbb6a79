"""PLOVER-coded events: who did what to whom, when, where, and how sure the text is."""

from newsgraph.events.coder import code, code_ranked

__all__ = ["code", "code_ranked"]
