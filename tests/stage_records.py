"""A text's records as users get them: through ``newsgraph.process``, the one pipeline (no test shortcut)."""

from __future__ import annotations

import newsgraph
from newsgraph.records import Claim, Event
from newsgraph.training.events import code_texts


def claims_of(text: str) -> list[Claim]:
    """The claims ``newsgraph.process`` finds in ``text`` (parsed as English whatever the detector says)."""
    return [r for r in newsgraph.process(text, language="en") if isinstance(r, Claim)]


def events_of(text: str, *, published: str | None = None) -> list[Event]:
    """The events ``newsgraph.process`` codes in ``text``."""
    records = newsgraph.process(text, published=published, language="en")
    return [r for r in records if isinstance(r, Event)]


def candidates_of(text: str, *, published: str | None = None) -> list[Event]:
    """The rule coder's candidates in ``text`` before the models judge them, over the pipeline's components
    (what the quad model is trained on)."""
    [coded] = code_texts([text], published=published, select=False)
    return [r.event for r in coded.ranked]
