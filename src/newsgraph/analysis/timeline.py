"""Timeline: events ordered by when they happened, each with its sentence, document, outlet and link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsgraph.analysis.citations import SourceDoc, SourceDocs
from newsgraph.analysis.naming import label
from newsgraph.queries import EventQuery
from newsgraph.records import Event, to_dict
from newsgraph.store import Store

_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on the timeline: when (event date, else document date), what, and where read."""

    date: str | None
    event: Event
    source: SourceDoc

    @property
    def approximate(self) -> bool:
        """True when the text gives no date for the event: the date shown is the publication day."""
        return self.date is not None and (self.event.date is None or self.event.date.anchor != "timex")

    @property
    def shown_date(self) -> str:
        """The date as listings print it: "≈2023-09-15" when it is only the publication day."""
        if self.date is None:
            return "undated"
        return f"≈{self.date}" if self.approximate else self.date

    @property
    def who(self) -> str | None:
        return label(self.event.source)

    @property
    def whom(self) -> str | None:
        return label(self.event.target)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "date_approximate": self.approximate,
            "event_type": self.event.event_type.value,
            "quad_class": self.event.quad_class,
            "factuality": self.event.factuality.value,
            "source_actor": self.who,
            "target_actor": self.whom,
            "trigger": self.event.trigger,
            "sentence": self.event.sentence,
            "document": self.source.to_dict(),
            "event": to_dict(self.event),
        }


def event_date(event: Event, document: SourceDoc) -> str | None:
    """The event's calendar date (2024, 2024-06, 2024-06-18), else its document's date.

    TimeML values that are no calendar date (PAST_REF, PRESENT_REF, XXXX-06-17 with the year unknown) fall
    back to the document date, which bounds when the event was reported.
    """
    value = event.date.value if event.date is not None else None
    if value and _CALENDAR.match(value):
        return value
    return document.published


def timeline(
    store: Store, query: EventQuery | None = None, *, docs: SourceDocs | None = None
) -> list[TimelineEntry]:
    """The events ``query`` lists (as :meth:`Store.events`) in the order they happened; undated ones last."""
    docs = docs or SourceDocs(store)
    events = store.events(query)
    docs.load(e.doc_id for e in events)
    entries = [TimelineEntry(event_date(e, docs(e.doc_id)), e, docs(e.doc_id)) for e in events]
    # Dates of different precision (2024, 2024-06-18) sort as strings: a year before its own days.
    entries.sort(key=lambda t: (t.date is None, t.date or "", t.source.doc_id, t.event.span))
    return entries
