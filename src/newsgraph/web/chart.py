"""The timeline as an SVG laid out on the server: one dot per dated event above its date."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from newsgraph.analysis.layout import QUAD_COLOURS
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
