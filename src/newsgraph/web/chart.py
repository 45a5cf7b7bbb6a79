"""The timeline as an SVG laid out on the server: one dot per dated event on a date axis."""

from __future__ import annotations

import datetime as dt
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


def _day(value: str) -> dt.date | None:
    """The first day a TimeML calendar value covers: 2024 -> 2024-01-01."""
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def chart(entries: list[TimelineEntry]) -> TimelineChart:
    dated = [(i, t, _day(t.date)) for i, t in enumerate(entries) if t.date]
    placed = [(i, t, d) for i, t, d in dated if d is not None]
    if not placed:
        return TimelineChart(WIDTH, 2 * AXIS, AXIS, (), (), len(entries))
    first = min(d for _, _, d in placed)
    last = max(d for _, _, d in placed)
    span = max((last - first).days, 1)
    usable = WIDTH - 2 * MARGIN
    per_day: dict[dt.date, int] = defaultdict(int)
    tallest = max(sum(1 for _, _, d in placed if d == day) for day in {d for _, _, d in placed})
    axis_y = AXIS + tallest * ROW
    dots = []
    for i, t, d in placed:
        stack = per_day[d]
        per_day[d] += 1
        x = MARGIN + usable * ((d - first).days / span if first != last else 0.5)
        who = t.who or "?"
        whom = t.whom or "?"
        title = f"{t.date} {t.event.event_type.value} ({t.event.factuality.value}): {who} → {whom}"
        dots.append(
            Dot(
                round(x, 1),
                axis_y - 10 - stack * ROW,
                QUAD_COLOURS.get(t.event.quad_class, "#777777"),
                title,
                i,
            )
        )
    days = sorted({d for _, _, d in placed})
    # At most 8 labelled ticks, always the first and last day.
    step = max(1, len(days) // 7)
    chosen = [*days[::step], days[-1]] if days[-1] not in days[::step] else days[::step]
    ticks: list[Tick] = []
    for d in chosen:
        x = round(MARGIN + usable * ((d - first).days / span if first != last else 0.5), 1)
        # Labels closer than their own width would overprint each other.
        if not ticks or x - ticks[-1].x >= 80:
            ticks.append(Tick(x, d.isoformat()))
    return TimelineChart(
        WIDTH, int(axis_y + AXIS), axis_y, tuple(dots), tuple(ticks), len(entries) - len(placed)
    )
