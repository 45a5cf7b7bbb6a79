"""One happening, one event per document: repeated tellings of the same event become its mentions.

"Russia's invasion of Ukraine" told seven times in an editorial is one invasion, not seven. Events of
one document are the same happening when they have the same type, the same source and target (by the
actor they resolve to, else by their words), a compatible date (equal, or one of them known only from
the publication date) and a compatible factuality (fact and report are one; a hypothetical or negated
telling is another matter). The first telling gives the event its trigger, sentence and span; every
telling is kept in ``Event.mentions``, in text order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsgraph.records import Event, EventDate, EventMention, Factuality, Mention

_REAL = frozenset({Factuality.ASSERTED, Factuality.REPORTED})
_DETERMINER = re.compile(r"^(?:the|a|an)\s+|['’]s?$", re.I)


def _who(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    if mention.actor is not None:
        return mention.actor.id
    return _DETERMINER.sub("", mention.text.strip()).lower()


def _mode(factuality: Factuality) -> str:
    return "real" if factuality in _REAL else factuality.value


def _dates_fit(a: EventDate | None, b: EventDate | None) -> bool:
    if a is None or b is None or a.anchor != "timex" or b.anchor != "timex":
        return True  # a date known only from the publication day fits any telling
    return a.value == b.value


def _telling(event: Event) -> EventMention:
    return EventMention(event.span, event.sentence, event.trigger, event.trigger_span, event.factuality)


def _date(events: Sequence[Event]) -> EventDate | None:
    """The date one of the tellings gives in its own words, else the first one's."""
    return next((e.date for e in events if e.date is not None and e.date.anchor == "timex"), events[0].date)


def fold(events: Sequence[Event]) -> Event:
    """One event from the tellings of one happening (in text order)."""
    first = events[0]
    factuality = first.factuality
    if factuality in _REAL and any(e.factuality is Factuality.ASSERTED for e in events):
        factuality = Factuality.ASSERTED  # told as fact once: the other tellings only report it
    cues = tuple(dict.fromkeys(c for e in events for c in e.factuality_cues))
    return replace(
        first,
        date=_date(events),
        factuality=factuality,
        factuality_cues=cues,
        location=next((e.location for e in events if e.location is not None), None),
        mentions=tuple(_telling(e) for e in events),
    )


def group(events: Sequence[Event]) -> list[list[int]]:
    """Indices of the events that tell one happening, each group in text order, groups by first telling."""
    groups: list[list[int]] = []
    keys: list[tuple[object, ...]] = []
    for i, event in enumerate(events):
        source, target = _who(event.source), _who(event.target)
        key = (event.event_type, source, target, _mode(event.factuality))
        for g, known in zip(groups, keys, strict=True):
            if (
                known == key
                and (source is not None or target is not None)
                and all(_dates_fit(events[j].date, event.date) for j in g)
            ):
                g.append(i)
                break
        else:
            groups.append([i])
            keys.append(key)
    return groups


def merge(events: Sequence[Event]) -> list[Event]:
    """The document's events with repeated tellings of one happening folded into one."""
    return [fold([events[i] for i in g]) for g in group(events)]
