"""The timeline as an SVG laid out on the server: one dot per dated event above its date."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from newsgraph.analysis.network_picture import QUAD_COLOURS
from newsgraph.analysis.timeline import TimelineEntry

WIDTH = 960
MARGIN = 40
ROW = 14  # vertical step between events on the same day
AXIS = 40


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    colour: str
    title: str
    index: int  # row of the entry in the list below the chart


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    dots: tuple[Dot, ...]
    ticks: tuple[Tick, ...]
    undated: int


def chart(entries: list[TimelineEntry]) -> TimelineChart:
    """Dated events in columns, one per distinct date in order (an ordinal axis: a 1948 background event
    would squeeze a linear axis of 2023-2024 news into one pixel); a date's events fill its column in rows."""
    dated = [(i, t) for i, t in enumerate(entries) if t.date]
    if not dated:
        return TimelineChart(WIDTH, 2 * AXIS, AXIS, (), (), len(entries))
    by_date: dict[str, list[tuple[int, TimelineEntry]]] = defaultdict(list)
    for i, t in dated:
        assert t.date is not None
        by_date[t.date].append((i, t))
    days = sorted(by_date)
    usable = WIDTH - 2 * MARGIN
    column = usable / len(days)
    per_row = max(1, int(column // ROW))
    tallest = max(math.ceil(len(v) / per_row) for v in by_date.values())
    axis_y = AXIS + tallest * ROW
    dots = []
    ticks: list[Tick] = []
    for k, day in enumerate(days):
        centre = MARGIN + column * (k + 0.5)
        items = by_date[day]
        across = min(per_row, len(items))
        for n, (i, t) in enumerate(items):
            row, col = divmod(n, per_row)
            x = centre + (col - (across - 1) / 2) * ROW
            who, whom = t.who or "?", t.whom or "?"
            title = f"{t.date} {t.event.event_type.value} ({t.event.factuality.value}): {who} → {whom}"
            colour = QUAD_COLOURS.get(t.event.quad_class, "#777777")
            dots.append(Dot(round(x, 1), axis_y - 10 - row * ROW, colour, title, i))
        # Labels closer than their own width would overprint each other.
        if not ticks or centre - ticks[-1].x >= 80:
            ticks.append(Tick(round(centre, 1), day))
    return TimelineChart(
        WIDTH, int(axis_y + AXIS), axis_y, tuple(dots), tuple(ticks), len(entries) - len(dated)
    )


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True, slots=True)
class CountChart:
    """Counts per day, one stacked bar per day (quad classes stacked), on an ordinal axis."""

    width: int
    height: int
    axis_y: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int


BAR_HEIGHT = 160


def count_chart(days: list[tuple[str, int, int]], *, noun: str = "incidents") -> CountChart:
    """(day, quad class, count) rows as stacked bars: SQL counts them, however many there are."""
    by_day: dict[str, dict[int, int]] = defaultdict(dict)
    for day, quad, count in days:
        by_day[day][quad] = by_day[day].get(quad, 0) + count
    axis_y: float = AXIS + BAR_HEIGHT
    if not by_day:
        return CountChart(WIDTH, int(axis_y + AXIS), axis_y, (), (), 0)
    ordered = sorted(by_day)
    peak = max(sum(v.values()) for v in by_day.values())
    column = (WIDTH - 2 * MARGIN) / len(ordered)
    bars: list[Bar] = []
    ticks: list[Tick] = []
    for k, day in enumerate(ordered):
        x = MARGIN + column * k
        top: float = axis_y
        for quad in sorted(by_day[day]):
            count = by_day[day][quad]
            height = BAR_HEIGHT * count / peak
            top -= height
            bars.append(
                Bar(
                    round(x + column * 0.1, 1),
                    round(top, 1),
                    round(max(column * 0.8, 1.0), 1),
                    round(height, 1),
                    QUAD_COLOURS.get(quad, "#777777"),
                    f"{day}: {count} {noun}",
                )
            )
        if not ticks or x - ticks[-1].x >= 80:
            ticks.append(Tick(round(x + column / 2, 1), day))
    return CountChart(WIDTH, int(axis_y + AXIS), axis_y, tuple(bars), tuple(ticks), peak)
