"""Date-prefix filters and substring matches, shared by every store query.

Dates are read by the one function the CLI, API and pages use (``newsgraph.periods``): YYYY, YYYY-MM or
YYYY-MM-DD, real calendar dates only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement

from newsgraph.periods import parse_period, period_end


def check_date(value: str, flag: str) -> str:
    return parse_period(value, flag)


def before(value: str, flag: str) -> str:
    """An exclusive upper bound covering the whole period ``value`` names: 2024-06 -> 2024-07."""
    return period_end(value, flag)


def like(column: Any, needle: str) -> ColumnElement[bool]:
    result: ColumnElement[bool] = column.icontains(needle, autoescape=True)
    return result
