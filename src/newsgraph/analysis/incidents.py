"""Incident lists: the filters checked (a type or actor the store does not know is an error with
suggestions), then the store's query."""

from __future__ import annotations

import difflib
from dataclasses import replace

from newsgraph.errors import ConfigError, UnknownTypeError
from newsgraph.incidents import Incident
from newsgraph.incidents.query import IncidentQuery
from newsgraph.records import EventType
from newsgraph.store import Store

TYPES = tuple(t.value for t in EventType)


def check_type(value: str | None) -> str | None:
    """The PLOVER type named (any case), or :class:`UnknownTypeError` with the closest types."""
    if value is None or value == "":
        return None
    wanted = value.strip().upper()
    if wanted in TYPES:
        return wanted
    close = difflib.get_close_matches(wanted, TYPES, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(close)}?" if close else f"choose from {', '.join(TYPES)}"
    raise UnknownTypeError(f"{value!r} is no PLOVER event type; {hint}")


def checked(query: IncidentQuery) -> IncidentQuery:
    """The query with its type normalised; bad numbers are refused."""
    if query.min_outlets < 1 or query.min_documents < 1:
        raise ConfigError("--min-outlets and --min-documents count from 1")
    if (query.limit is not None and query.limit < 0) or query.offset < 0:
        raise ConfigError("limit and offset cannot be negative")
    return replace(query, event_type=check_type(query.event_type), actor=query.actor or None)


def list_incidents(store: Store, query: IncidentQuery) -> list[Incident]:
    """Incidents matching ``query``, in date order; raises with suggestions for an unknown actor or type."""
    return store.incidents(checked(query))
