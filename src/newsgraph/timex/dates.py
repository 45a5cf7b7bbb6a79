"""Calendar dates: full and partial dates, years, decades, centuries, holidays, quarters, seasons."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from newsgraph.timex import calendar as cal
from newsgraph.timex.context import (
    DATE,
    PREP_BEFORE,
    Ctx,
    Value,
    capitalised,
    doc_year,
    month_number,
    year_number,
    year_text,
)
from newsgraph.timex.lexicon import (
    ORDINALS,
    SEASONS,
    YEAR_RE,
    number,
)


def full_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    if not capitalised(m.group("m")):
        return None
    month, day = month_number(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    month2 = month_number(m.group("m2")) if m.group("m2") else month
    year = int(m.group("y")) if m.group("y") else None
    absolute = year is not None
    if year is None:
        rel = (m.groupdict().get("rel") or "").lower()
        way = -1 if rel.startswith(("last", "this past")) else 1 if rel else ctx.direction(m.start(), m.end())
        year = doc_year(ctx, month, day, way)
    try:
        if year is not None:
            dt.date(year, month, day)
    except ValueError:
        return None
    end = None
    value = f"{year_text(year)}-{month:02d}-{day:02d}"
    if year is not None:
        ctx.mention(dt.date(year, month, day), "D")
    if m.group("d2"):
        day2 = int(re.sub(r"\D", "", m.group("d2")))
        if not (1 <= day2 <= 31) or (month2 == month and day2 <= day):
            return None
        end = f"{year_text(year)}-{month2:02d}-{day2:02d}"
        conj = (m.groupdict().get("conj") or "").lower()
        if "conj" in m.re.groupindex and (conj == "and" or m.group("m2")):
            second = m.start("m2") if m.group("m2") else m.start("d2")
            return Value(DATE, value, absolute=absolute, cut=m.end("d"), also=((second, m.end(), end),))
    return Value(DATE, value, end, absolute=absolute)


def dmy_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    return full_date(m, ctx)


def week_of(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "the week of March 6": the ISO week that holds the date."""
    day = full_date(m, ctx)
    if day is None or day.value.startswith("X"):
        return day
    return Value(DATE, cal.week_value(dt.date.fromisoformat(day.value)), absolute=day.absolute)


def numeric_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        return Value(DATE, dt.date(y, mo, d).isoformat(), absolute=True)
    except ValueError:
        return None


def month_year(m: re.Match[str], ctx: Ctx) -> Value | None:
    if not capitalised(m.group("m")):
        return None
    year = year_number(m.group("y")) if m.group("y") else spelled_year_number(m.group("sy"))
    if year is None:
        return None
    month = month_number(m.group("m"))
    if 1 <= year <= 9999:
        ctx.mention(dt.date(year, month, 1), "M")
    return Value(DATE, f"{year:04d}-{month:02d}", absolute=True)


def month_alone(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = m.group("m")
    if not capitalised(name):
        return None
    rel = (m.group("rel") or "").lower()
    # "may" and "march" are also a modal and a verb: alone they need a preposition before them
    if (
        name.lower() in ("may", "march")
        and not (rel or m.group("mod"))
        and not PREP_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    month = month_number(name)
    if ctx.dct is None:
        return Value(DATE, f"{year_text(doc_year(ctx, month, None, 0))}-{month:02d}")
    yr = (m.group("yr") or "").lower()
    if yr:
        # "in April next year", "early October this year"
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[yr]
    elif rel in ("last", "past", "previous"):
        # "last February" in a March story is a year back; the February just gone is "last month"
        year = ctx.dct.year if month < ctx.dct.month - 1 else ctx.dct.year - 1
    elif rel in ("next", "coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = cal.nearest_year(ctx.dct, month, None, ctx.direction(m.start(), m.end()))
    ctx.mention(dt.date(year, month, 1), "M")
    return Value(DATE, f"{year:04d}-{month:02d}")


def year_alone(m: re.Match[str], ctx: Ctx) -> Value | None:
    before = ctx.text[max(0, m.start() - 15) : m.start()]
    after = ctx.text[m.end() : m.end() + 12]
    if re.search(r"[$£€#]\s*$|\d[,.]?$", before) or re.match(
        r"(?:\s*(?:%|percent|[-–]?\w*(?:ton|meter|mile)))", after
    ):
        return None
    if re.match(r"[,.]\d", after):
        return None
    if not (m.group("fy") or m.group("mod") or m.start() in ctx.date_ents or PREP_BEFORE.search(before)):
        return None
    ctx.mention(dt.date(int(m.group("y")), 1, 1), "Y")
    return Value(DATE, f"{int(m.group('y')):04d}", absolute=True)


def decade(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group("dy"):
        return Value(DATE, m.group("dy"), absolute=True)
    if m.group("dy2"):
        return Value(DATE, "19" + m.group("dy2"), absolute=True)
    words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return Value(DATE, f"19{words.index(m.group('dw').lower()) + 2}", absolute=True)


def century(m: re.Match[str], ctx: Ctx) -> Value | None:
    ordinal = m.group("ord").lower()
    if ordinal in ("this", "last", "next", "past") and ctx.dct is not None:
        offset = {"this": 0, "last": -1, "past": -1, "next": 1}[ordinal]
        return Value(DATE, f"{ctx.dct.year // 100 + offset:02d}")
    n = ORDINALS.get(ordinal)
    if n is None:
        digits = re.sub(r"\D", "", ordinal)
        n = int(digits) if digits else None
    if n is None or n < 1:
        return None
    return Value(DATE, f"{n - 1:02d}", absolute=True)


def holiday(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = re.sub(r"\s+", " ", m.group("h").lower())
    if not capitalised(m.group("h")):
        return None
    fixed = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
        "new year's eve": (12, 31), "new year's": (1, 1), "independence day": (7, 4), "halloween": (10, 31),
        "valentine's day": (2, 14), "veterans day": (11, 11),
    }  # fmt: skip
    year = int(m.group("y")) if m.group("y") else None

    def on(y: int) -> dt.date:
        if name in fixed:
            return dt.date(y, *fixed[name])
        if name.startswith("thanksgiving"):
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name.startswith("easter"):
            sunday: dt.date = easter(y)
            return sunday
        if name == "election day":
            first = dt.date(y, 11, 1)
            return first + dt.timedelta(days=(-first.weekday()) % 7 + 1)  # Tuesday after the first Monday
        if name == "labor day":
            first = dt.date(y, 9, 1)
            return first + dt.timedelta(days=(-first.weekday()) % 7)
        last = dt.date(y, 5, 31)  # memorial day
        return last - dt.timedelta(days=last.weekday())

    if m.group("wk"):
        # "Easter week", "Christmas week": the ISO week that holds the holiday
        week_year = year
        if week_year is None and ctx.dct is not None:
            probe = on(ctx.dct.year)
            week_year = cal.nearest_year(ctx.dct, probe.month, probe.day, ctx.direction(m.start(), m.end()))
        if week_year is not None:
            return Value(DATE, cal.week_value(on(week_year)), absolute=year is not None)
    if year is None:
        if ctx.dct is None:
            ref = doc_year(ctx, 1, None, 0)
            if ref is None:
                probe = on(2001)
                return Value(DATE, f"XXXX-{probe.month:02d}-{probe.day:02d}")
            return Value(DATE, on(ref).isoformat())
        probe = on(ctx.dct.year)
        year = cal.nearest_year(ctx.dct, probe.month, probe.day, ctx.direction(m.start(), m.end()))
    return Value(DATE, on(year).isoformat(), absolute=m.group("y") is not None)


def spelled_year_number(text: str) -> int | None:
    """The year a spelled-out year names ("nineteen ninety-four" is 1994)."""
    words = re.split(r"[\s-]+", text.lower())
    if words[0] == "two":
        rest = [w for w in words[2:] if w != "and"]
        extra = number(" ".join(rest)) if rest else 0
        return 2000 + int(extra or 0)
    rest = words[1:]
    if rest == ["hundred"]:
        return 1900
    tail = number(" ".join(rest))
    return None if tail is None else 1900 + int(tail)


def spelled_year(m: re.Match[str], ctx: Ctx) -> Value | None:
    year = spelled_year_number(m.group("sy"))
    return None if year is None else Value(DATE, f"{year:04d}", absolute=True)


def quarter(m: re.Match[str], ctx: Ctx) -> Value | None:
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
    word = m.group("q").lower()
    words = set(re.split(r"[\s-]+", pre.strip()))
    after = ctx.text[m.end() : m.end() + 12].lower()
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS and ORDINALS[w] > 0), None)
    if (
        word == "quarter"
        and ordinal is None
        and re.match(r"\s+(?:of|percent|point|mile|century)\b", after)
        and not m.group("y")
    ):
        return None  # "a quarter of the vote"; "the second quarter of $8 million" is still the quarter
    if m.group("pl"):
        return None
    if word == "half" and ordinal not in (1, 2):
        return None
    if word == "quarter" and ordinal is not None and ordinal > 4:
        return None
    if not (
        ordinal
        or m.group("the")
        or words & {"latest", "current", "year-ago", "year-earlier", "fiscal", "same", "year's"}
    ):
        return None
    explicit = re.search(YEAR_RE, pre) or (m.group("y") and re.match(YEAR_RE, m.group("y")))
    direction = ctx.direction(m.start(), m.end())
    dct = ctx.dct
    if explicit:
        year: int | None = int(explicit.group(0))
    elif "last year's" in pre or (m.group("yr") or "").lower() == "last":
        year = dct.year - 1 if dct else None
    elif "next year's" in pre or (m.group("yr") or "").lower() == "next":
        year = dct.year + 1 if dct else None
    elif "this year's" in pre or (m.group("yr") or "").lower() == "this":
        year = dct.year if dct else ctx.year
    else:
        year = None
    if word == "half":
        if year is None:
            year = dct.year if dct else ctx.year
        return Value(DATE, f"{year_text(year)}-H{ordinal}")
    ago = (
        bool(words & {"ago"})
        or re.search(r"year[\s-](?:ago|earlier)", pre) is not None
        or bool(m.group("ago"))
    )
    if ordinal is None:
        current = bool(words & {"current", "this"})
        latest = bool(words & {"latest", "just-ended", "recent", "past"})
        if ctx.last_quarter is not None and not current and not latest:
            y, q = ctx.last_quarter
        elif dct is not None:
            # "the latest quarter" is the last one completed before the DCT
            cur = cal.quarter_of(dct)
            y, q = (dct.year, cur) if current else ((dct.year, cur - 1) if cur > 1 else (dct.year - 1, 4))
        else:
            return Value(DATE, "XXXX-QX")
        if ago:
            y -= 1
        return Value(DATE, cal.quarter_value(year or y, q))
    if year is None and dct is not None:
        year = dct.year
        cur = cal.quarter_of(dct)
        if (ordinal > cur and direction < 0) or (ordinal > cur + 1 and direction == 0):
            year -= 1
    if year is None:
        year = ctx.year
    if ago and year is not None:
        year -= 1
    if year is not None and not ago and (dct is None or (year, ordinal) < (dct.year, cal.quarter_of(dct))):
        # only a quarter already reported becomes "the quarter" later sentences refer to
        ctx.last_quarter = (year, ordinal)
    return Value(DATE, f"{year_text(year)}-Q{ordinal}")


def period(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.last_quarter is None:
        return None
    y, q = ctx.last_quarter
    if re.search(r"ago|earlier|last\s+year", m.group(0).lower()):
        y -= 1
    return Value(DATE, cal.quarter_value(y, q))


def season_value(ctx: Ctx, season: str, rel: str, direction: int) -> str:
    if ctx.dct is None:
        return f"{year_text(ctx.year)}-{season}"
    start = cal.SEASON_START[season]
    year = ctx.dct.year
    if rel in ("last", "past", "previous"):
        year = year if start < ctx.dct.month - 2 else year - 1
    elif rel in ("next", "coming"):
        year = year if start > ctx.dct.month else year + 1
    elif rel == "" and direction > 0 and start + 2 < ctx.dct.month:
        year += 1
    elif rel == "" and direction < 0 and start > ctx.dct.month:
        year -= 1
    return f"{year:04d}-{season}"


def season(m: re.Match[str], ctx: Ctx) -> Value | None:
    season = SEASONS[m.group("s").lower()]
    year = (
        int(m.group("y")) if m.group("y") else spelled_year_number(m.group("sy")) if m.group("sy") else None
    )
    if year is not None:
        return Value(DATE, f"{year:04d}-{season}", absolute=True)
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    if not m.group("mod") and not re.search(
        r"\b(?:in|during|by|until|this|over|through|the|for|since)\s+(?:the\s+)?$", before
    ):
        return None
    if re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 5]):
        return None
    return Value(DATE, season_value(ctx, season, "", ctx.direction(m.start(), m.end())))


def year_edge(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "post-1959 politics", "pre-1990 borders": the year the phrase is bounded by."""
    year = year_number(m.group("y"))
    ctx.mention(dt.date(year, 1, 1), "Y")
    return Value(DATE, f"{year:04d}")
