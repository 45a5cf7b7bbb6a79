"""What a listing of documents, claims or events is filtered by: one frozen object per kind, checked once
where it is made (the CLI's options, the API's query parameters, a notebook's keywords) and handed down
unchanged to the store, which turns it into SQL.

A query made here has valid dates (YYYY, YYYY-MM or YYYY-MM-DD), closed vocabularies spelled as the store
keeps them (``accuse`` becomes ``ACCUSE``) and no negative limit; a bad value is a coded error naming the
filter as its caller spells it (``type``, or with ``flags=True`` the CLI's ``--type``).
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, fields
from typing import Any

from newsgraph.errors import ChoiceError, EventTypeChoiceError, QueryError
from newsgraph.periods import parse_period, period_end
from newsgraph.records import ClaimKind, EventType, Factuality
from newsgraph.vocabulary import choose

# The vocabularies a filter may name, by the name the CLI and the store's errors give the filter.
VOCABULARIES: dict[str, list[str]] = {
    "type": [t.value for t in EventType],
    "factuality": [f.value for f in Factuality],
    "kind": [k.value for k in ClaimKind],
}


def _name(field: str, flags: bool) -> str:
    return f"--{field}" if flags else field


def _unset_blanks(query: Any) -> None:
    # An empty filter (``?since=``, a cleared form field) filters nothing, as it always has.
    for field in fields(query):
        if getattr(query, field.name) == "":
            object.__setattr__(query, field.name, None)


def _check_dates(query: Any, flags: bool) -> None:
    for name in ("since", "until"):
        value = getattr(query, name)
        if value is not None:
            parse_period(value, _name(name, flags))


def _check_window(query: Any, flags: bool) -> None:
    for name in ("limit", "offset"):
        value = getattr(query, name)
        if value is not None and value < 0:
            raise QueryError(f"{_name(name, flags)} must be 0 or more, not {value}")


def _choose(query: Any, field: str, vocabulary: str, flags: bool) -> None:
    value = getattr(query, field)
    if value is None:
        return
    try:
        chosen = choose(value, VOCABULARIES[vocabulary], _name(vocabulary, flags))
    except ChoiceError as err:
        if vocabulary == "type":
            raise EventTypeChoiceError(err.message) from err
        raise
    # frozen: the one place a query is rewritten is while it is being made
    object.__setattr__(query, field, chosen)


class _Window:
    """The date bounds every query kind shares, as the store compares them."""

    __slots__ = ()
    since: str | None
    until: str | None

    @property
    def start(self) -> str | None:
        """The first day of ``since`` as an ISO prefix (inclusive)."""
        return None if self.since is None else parse_period(self.since)

    @property
    def end(self) -> str | None:
        """The first day after ``until`` as an ISO prefix (exclusive)."""
        return None if self.until is None else period_end(self.until)


@dataclass(frozen=True, slots=True)
class DocumentQuery(_Window):
    """Documents, newest first; ``outlet`` a case-insensitive substring; ``search`` a full-text query whose
    matches come best first (see :mod:`newsgraph.store.searchquery`).

    >>> DocumentQuery(outlet="asahi", since="2024").start
    '2024'
    """

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    limit: int | None = 100
    offset: int = 0
    flags: InitVar[bool] = False

    def __post_init__(self, flags: bool) -> None:
        _unset_blanks(self)
        _check_dates(self, flags)
        _check_window(self, flags)


@dataclass(frozen=True, slots=True)
class ClaimQuery(_Window):
    """Claims in document-date order; ``source`` matches the source's words, actor name or actor id.

    >>> ClaimQuery(kind="Prediction").kind
    'prediction'
    """

    source: str | None = None
    kind: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0
    flags: InitVar[bool] = False

    def __post_init__(self, flags: bool) -> None:
        _unset_blanks(self)
        _choose(self, "kind", "kind", flags)
        _check_dates(self, flags)
        _check_window(self, flags)


@dataclass(frozen=True, slots=True)
class EventQuery(_Window):
    """Events in date order (the event's, else its document's); ``actor`` is the source or the target
    (an ISO3 country, an actor id or a name).

    >>> EventQuery(event_type="accuse", until="2024-06").event_type, EventQuery(until="2024-06").end
    ('ACCUSE', '2024-07')
    """

    actor: str | None = None
    event_type: str | None = None
    factuality: str | None = None
    since: str | None = None
    until: str | None = None
    doc_id: str | None = None
    limit: int | None = None
    offset: int = 0
    flags: InitVar[bool] = False

    def __post_init__(self, flags: bool) -> None:
        _unset_blanks(self)
        _choose(self, "event_type", "type", flags)
        _choose(self, "factuality", "factuality", flags)
        _check_dates(self, flags)
        _check_window(self, flags)
