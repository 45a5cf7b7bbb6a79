"""Dates as people type them: ``2024``, ``2024-06`` or ``2024-06-18``, read by one function everywhere.

The CLI's ``--since``/``--until``/``--published``/``--date``, the API's and the dashboard's ``since`` and
``until``, and the store's filters all call :func:`parse_period`, so a date one accepts the others accept.
"""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.errors import DateError

_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"


def parse_period(value: str, name: str = "date") -> str:
    """The year, month or day ``value`` names, as an ISO prefix; DateError when it names none.

    >>> parse_period("2024"), parse_period(" 2024-06 "), parse_period("2024-02-29")
    ('2024', '2024-06', '2024-02-29')
    """
    text = value.strip()
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise DateError(f"{name} must be an ISO date: {FORMS} (2024, 2024-06, 2024-06-18), not {value!r}")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateError(f"{name} {value!r} is no real date ({exc}); give {FORMS}") from exc
    return text


def period_end(value: str, name: str = "date") -> str:
    """The first day after the period, as a prefix of the same length: an exclusive upper bound.

    >>> period_end("2024"), period_end("2024-12"), period_end("2024-02-29")
    ('2025', '2025-01', '2024-03-01')
    """
    text = parse_period(value, name)
    if len(text) == 4:
        return f"{int(text) + 1:04d}"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return (dt.date.fromisoformat(text) + dt.timedelta(days=1)).isoformat()


def is_period(value: str) -> bool:
    """Whether ``value`` is a date :func:`parse_period` accepts."""
    try:
        parse_period(value)
    except DateError:
        return False
    return True
