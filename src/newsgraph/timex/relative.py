"""Dates relative to the DCT or to the last date mentioned: weekdays, today, clock times, "two days ago"."""

from __future__ import annotations

import datetime as dt
import re

from newsgraph.timex import calendar as cal
from newsgraph.timex.context import (
    DATE,
    DURATION,
    TIME,
    Ctx,
    Value,
    capitalised,
    has_approx,
    month_number,
    weekday_number,
    year_text,
)
from newsgraph.timex.dates import season_value
from newsgraph.timex.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    number,
    number_text,
)


def weekday_date(m: re.Match[str], ctx: Ctx, name: str) -> tuple[dt.date | None, str]:
    wd = weekday_number(name)
    if ctx.dct is None:
        return None, f"XXXX-WXX-{wd + 1}"
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower()) if "rel" in m.re.groupindex else ""
    if rel in ("next", "this coming"):
        d = cal.weekday_date(ctx.dct + dt.timedelta(days=1), wd, 1)
    elif rel in ("last", "this past"):
        d = cal.weekday_date(ctx.dct - dt.timedelta(days=1), wd, -1)
    elif rel in ("the previous", "the preceding", "the following") and ctx.last_day is not None:
        # "down 4.5% from the previous Friday": the one before the day the story last named
        ahead = rel == "the following"
        d = cal.weekday_date(ctx.last_day + dt.timedelta(days=1 if ahead else -1), wd, 1 if ahead else -1)
    else:
        way = ctx.tense(m.start(), m.end())
        d = cal.weekday_date(ctx.dct, wd, 1 if way > 0 else -1)
    return d, d.isoformat()


def weekday_rule(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = m.group("w")
    if not capitalised(name):
        return None
    d, value = weekday_date(m, ctx, name)
    if d is not None:
        ctx.mention(d, "D")
    pod = m.group("pod")
    if pod:
        return Value(TIME, f"{value}T{PARTS_OF_DAY[pod.lower()]}")
    return Value(DATE, value)


def relative_day(word: str, ctx: Ctx) -> tuple[dt.date | None, str]:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1, "this": 0}[word]
    if ctx.dct is None:
        return None, "XXXX-XX-XX"
    d = ctx.dct + dt.timedelta(days=offset)
    return d, d.isoformat()


def deictic_day(m: re.Match[str], ctx: Ctx) -> Value | None:
    # "by mid-afternoon" with no day named is the DCT's
    word = (m.group("rd") or m.group("this") or m.group("rd3") or "today").lower()
    d, value = relative_day(word, ctx)
    pod = m.group("pod") or m.group("pod2") or m.group("pod3")
    if word == "tonight":
        pod = "night"
    if word == "last" and pod and pod.lower() != "night":
        return None
    if pod:
        return Value(TIME, f"{value}T{PARTS_OF_DAY[pod.lower()]}")
    if d is not None:
        ctx.mention(d, "D")
    return Value(DATE, value)


def clock(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group("noon"):
        hour, minute = (12, 0) if m.group("noon").lower() in ("noon", "midday") else (0, 0)
    else:
        hour, minute = int(m.group("h")), int(m.group("min") or 0)
        ampm = (m.group("ampm") or "").lower()
        if hour > 12 or minute > 59:
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
    if m.group("w"):
        _, day = weekday_date(m, ctx, m.group("w"))
    elif m.group("rd"):
        _, day = relative_day(m.group("rd").lower(), ctx)
    elif m.group("cm"):
        month, dom = month_number(m.group("cm")), int(re.sub(r"\D", "", m.group("cd")))
        way = ctx.direction(m.start(), m.end())
        year = cal.nearest_year(ctx.dct, month, dom, way) if ctx.dct else ctx.year
        day = f"{year_text(year)}-{month:02d}-{dom:02d}"
    elif ctx.last_day is not None and ctx.dct is not None and abs((ctx.last_day - ctx.dct).days) <= 7:
        day = ctx.last_day.isoformat()
    else:
        day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    if (
        m.group("noon")
        and m.group("noon").lower() == "midnight"
        and (m.group("w") or m.group("rd") or m.group("cm"))
    ):
        hour = 24  # "midnight Friday" ends Friday: ISO 8601's 24:00, as TimeML writes it
    return Value(TIME, f"{day}T{hour:02d}:{minute:02d}")


_REFS = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
}  # fmt: skip


def reference(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = re.sub(r"\s+", " ", m.group("ref").lower())
    after = ctx.text[m.end() : m.end() + 20].lower()
    if word == "future" and not re.search(
        r"(?:in|near|the|foreseeable)\s+$", ctx.text[max(0, m.start() - 14) : m.start()].lower()
    ):
        return None
    if word in ("the past", "the future") and re.match(
        r"\s*(?:\w+\s+)?(?:year|month|week|day|decade|few)", after
    ):
        return None
    if word == "recent" and not re.match(
        r"\s+(?:years|months|weeks|days|times|decades|period|quarter|level|levels|price|prices|rate|rates|year|month|week|fiscal)\b",
        after,
    ):
        return None
    if word == "recent" and re.match(r"\s+(?:months|weeks|days)\b", after):
        return None
    return Value(DATE, _REFS[word])


def unit_date(ctx: Ctx, unit: str, offset: int, base: dt.date | None = None) -> str:
    ref = base or ctx.dct
    if ref is None:
        if unit == "Y" and offset == 0 and ctx.year is not None:
            ctx.used_year = True
            return f"{ctx.year:04d}"
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "DE": "XXX", "CE": "XX"}.get(
            unit, "XXXX-XX-XX"
        )
    if unit == "WE":
        d = ref + dt.timedelta(days=7 * offset)
        return f"{cal.week_value(d)}-WE"
    if unit == "DE":
        return f"{(ref.year // 10) + offset:03d}"
    if unit == "CE":
        return f"{(ref.year // 100) + offset:02d}"
    return cal.at_granularity(cal.shift(ref, unit, offset), unit)


_STRETCH_BEFORE = re.compile(r"\b(?:in|over|within|for|during|throughout)\s+$", re.I)


def relative_unit(m: re.Match[str], ctx: Ctx) -> Value | None:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    word = re.sub(r"\s+", " ", m.group("u").lower())
    has_the = rel.startswith("the ")
    core = rel.split(" ")[-1]
    if word in SEASONS:
        return Value(DATE, season_value(ctx, SEASONS[word], core, ctx.direction(m.start(), m.end())))
    unit = "Y" if word in ("fiscal year", "season") else UNITS[word]
    if has_the and core in ("past", "last", "next", "coming", "previous", "following", "latest"):
        if unit == "WE":
            return Value(DATE, unit_date(ctx, "WE", -1 if core in ("past", "last", "previous") else 0))
        if unit == "Q":
            return None  # the quarter rule reads these
        if core == "following" and ctx.anchor(unit) is not None:
            return Value(DATE, unit_date(ctx, unit, 1, ctx.anchor(unit)), relative=True)
        if (
            unit == "D"
            and core in ("next", "previous")
            and ctx.last_day is not None
            and not _STRETCH_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
        ):
            # "He left the next day": the day after the one the story last named ("over the next day" stays a
            # stretch of time)
            day = ctx.last_day + dt.timedelta(days=1 if core == "next" else -1)
            return Value(DATE, day.isoformat(), relative=True)
        if core in ("past", "last", "previous", "latest") and unit in ("Y", "DE", "M") and ctx.dct:
            # TimeBank reads "the past year" as the calendar unit before the DCT, not a 12-month stretch
            return Value(DATE, unit_date(ctx, unit, -1))
        if core in ("past", "last") and unit == "W" and ctx.dct is not None:
            # the seven days up to the DCT: the week their middle falls in
            return Value(DATE, cal.week_value(ctx.dct - dt.timedelta(days=3)))
        amount = {"DE": "10Y", "CE": "100Y"}.get(unit, "1" + unit)
        return Value(DURATION, f"P{amount}")
    base = ctx.anchor(unit)
    if core in ("same", "that", "following") and base is not None:
        return Value(DATE, unit_date(ctx, unit, 1 if core == "following" else 0, base), relative=True)
    if core in ("same", "that", "following"):
        return None
    offset = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(core, 0)
    if unit == "Q":
        return None
    if (
        unit == "Y"
        and rel == "last"
        and ctx.last_quarter is not None
        and re.search(r"compared\s+with[^.;]*$", ctx.text[max(0, m.start() - 80) : m.start()])
    ):
        # "earnings of $24 million, compared with a loss of $3 million last year": the year-ago quarter
        y, q = ctx.last_quarter
        return Value(DATE, cal.quarter_value(y - 1, q))
    if unit == "WE" and core == "this" and ctx.dct is not None:
        return Value(DATE, unit_date(ctx, "WE", 0))
    return Value(DATE, unit_date(ctx, unit, offset))


# In a report of quarterly results, "a year earlier" next to these words compares with the year-ago quarter.
_RESULTS = re.compile(r"\$|%|\bnet\b|a share|profit|revenue|sales|earn")


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left:right]


def ago(m: re.Match[str], ctx: Ctx) -> Value | None:
    n = number(m.group("n"))
    unit = UNITS[m.group("u").lower()]
    way = re.sub(r"\s+", " ", m.group("dir").lower())
    sign = 1 if way in ("later", "from now", "hence", "after") else -1
    relative = way in ("earlier", "later")
    if unit in ("H", "S") or m.group("u").lower() in TIME_UNITS:
        return Value(DURATION, f"PT{number_text(n) if n else 'X'}{unit[:1]}")
    if n is None:
        return Value(DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", approximate=True)
    window = ctx.text[max(0, m.start() - 300) : m.end() + 80].lower()
    if (
        unit == "Y"
        and n == 1
        and sign < 0
        and ctx.last_quarter
        and (re.search(r"quarter|period", window) or _RESULTS.search(_sentence(ctx.text, m.start(), m.end())))
    ):
        y, q = ctx.last_quarter
        return Value(DATE, cal.quarter_value(y - 1, q), approximate=has_approx(m), relative=True)
    base = ctx.last_day if relative and ctx.last_day is not None else None
    if unit == "WE":
        unit = "W"
    value = unit_date(ctx, unit, int(sign * n) if n == int(n) else 0, base)
    return Value(DATE, value, approximate=has_approx(m), relative=base is not None)


def anchored_rel(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "that day", "later that year", "the next morning": from the last date the text mentioned."""
    if m.group("pod"):
        day = ctx.anchor("D")
        if day is None or ctx.last_ref_unit != "D":
            return None
        if (m.group("w") or "").lower().split()[-1] in ("following", "next"):
            day += dt.timedelta(days=1)
        return Value(TIME, f"{day.isoformat()}T{PARTS_OF_DAY[m.group('pod').lower()]}", relative=True)
    unit = UNITS[m.group("u").lower()]
    base = ctx.anchor(unit)
    if base is None:
        return None
    offset = 1 if (m.group("w") or "").lower().split()[-1] in ("following", "next") else 0
    return Value(DATE, unit_date(ctx, unit, offset, base), relative=True)


def unit_edge(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = m.group("u").lower()
    if word == "end":
        if not m.group(0).lower().startswith("year-"):
            return None
        if ctx.dct is None:
            return Value(DATE, f"{year_text(ctx.year)}-12-31")
        # "since year-end" looks back to the last one; "by year-end" ahead to this one
        year = ctx.dct.year - 1 if ctx.direction(m.start(), m.end()) < 0 else ctx.dct.year
        return Value(DATE, f"{year:04d}-12-31")
    return Value(DATE, unit_date(ctx, UNITS[word], 0))


def year_ago(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "year-earlier" results: the reported quarter a year back, else the year before the DCT."""
    if ctx.last_quarter is not None:
        y, q = ctx.last_quarter
        return Value(DATE, cal.quarter_value(y - 1, q))
    return Value(DATE, unit_date(ctx, "Y", -1))


def weekend(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.dct is None:
        return Value(DATE, "XXXX-WXX-WE")
    way = ctx.direction(m.start(), m.end())
    saturday = cal.weekday_date(ctx.dct, 5, 1 if way > 0 else -1)
    return Value(DATE, f"{cal.week_value(saturday)}-WE")
