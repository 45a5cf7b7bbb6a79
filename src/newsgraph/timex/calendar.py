"""Calendar arithmetic and TimeML value formatting."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_value(year: int, quarter: int) -> str:
    return f"{year:04d}-Q{quarter}"


def _plus(d: dt.date, delta: relativedelta) -> dt.date:
    moved: dt.date = d + delta
    return moved


def shift(d: dt.date, unit: str, n: float) -> dt.date:
    """``d`` moved by ``n`` units (Y, M, W, D, DE, CE, Q); fractions round to whole days."""
    whole = int(n)
    if unit == "Y":
        return _plus(d, relativedelta(years=whole))
    if unit == "DE":
        return _plus(d, relativedelta(years=10 * whole))
    if unit == "CE":
        return _plus(d, relativedelta(years=100 * whole))
    if unit == "Q":
        return _plus(d, relativedelta(months=3 * whole))
    if unit == "M":
        return _plus(d, relativedelta(months=whole))
    if unit == "W":
        return d + dt.timedelta(days=round(7 * n))
    return d + dt.timedelta(days=round(n))


def at_granularity(d: dt.date, unit: str) -> str:
    """The TimeML value of the calendar unit containing ``d`` ("a year ago" is a year, not a day)."""
    if unit in ("Y", "DE", "CE"):
        return f"{d.year:04d}"
    if unit == "Q":
        return quarter_value(d.year, quarter_of(d))
    if unit == "M":
        return month_value(d.year, d.month)
    if unit == "W":
        return week_value(d)
    return day_value(d)


def nearest_year(dct: dt.date, month: int, day: int | None, direction: int) -> int:
    """The year that puts month/day on the side of the DCT the tense points to.

    With no tense, news looks back: the past reading wins unless the coming one is closer and within
    four months. A tense reading that lands nearly a year away when the same date is within a month of
    the DCT is taken as a misread tense ("the Jan. 14 deadline" in a Jan. 5 story).
    """
    if day is None:
        # A month: the DCT's own month is both past and coming.
        past = dct.year if month <= dct.month else dct.year - 1
        future = dct.year if month >= dct.month else dct.year + 1
        past_gap = (dct.year - past) * 12 + dct.month - month
        future_gap = (future - dct.year) * 12 + month - dct.month
        if direction < 0:
            return past
        if direction > 0:
            return future
        return future if future_gap <= 4 and future_gap < past_gap else past

    def when(year: int) -> dt.date:
        return dt.date(year, month, 28 if (month == 2 and day == 29) else day)

    here = dct.year
    past = here if when(here) <= dct else here - 1
    future = here if when(here) >= dct else here + 1
    past_day_gap, future_day_gap = (dct - when(past)).days, (when(future) - dct).days
    if direction < 0:
        year = past
    elif direction > 0:
        year = future
    else:
        year = future if future_day_gap <= 120 and future_day_gap < past_day_gap else past
    if abs((when(year) - dct).days) > 300 and min(past_day_gap, future_day_gap) <= 30:
        year = past if past_day_gap <= future_day_gap else future
    return year


def weekday_date(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The date of ``weekday`` (0 = Monday) nearest the DCT on the side the tense points to."""
    delta = weekday - dct.weekday()
    if direction > 0:
        return dct + dt.timedelta(days=delta % 7)
    return dct - dt.timedelta(days=(-delta) % 7)
