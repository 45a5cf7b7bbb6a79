"""Date-prefix filters and substring matches, shared by every store query."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement

from newsgraph.errors import ConfigError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: str, flag: str) -> str:
    if not _DATE.match(value):
        raise ConfigError(f"{flag} must be an ISO date prefix (2024, 2024-06, 2024-06-18), not {value!r}")
    return value


def before(value: str, flag: str) -> str:
    """An exclusive upper bound covering the whole period ``value`` names: 2024-06 -> 2024-07."""
    head, _, last = check_date(value, flag).rpartition("-")
    bumped = str(int(last) + 1).zfill(len(last))
    # "2024-13" and "2024-06-32" are not dates, but as strings they sort right after the period, as needed.
    return f"{head}-{bumped}" if head else bumped


def like(column: Any, needle: str) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.icontains(needle, autoescape=True)
    return result
