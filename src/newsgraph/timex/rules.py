"""The grammar of time expressions: each rule is a regex and a resolver that turns a match into a value."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateutil.easter import easter

from newsgraph.records import TimexKind
from newsgraph.timex import calendar as cal
from newsgraph.timex.lexicon import (
    DAYNUM_RE,
    FULL_MONTH_RE,
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    number,
    number_text,
)


@dataclass
class Ctx:
    """What a resolver may consult: the text, the DCT or an inferred year, the tense, the running references."""

    text: str
    dct: dt.date | None
    year: int | None
    tense: Callable[[int, int], int]
    date_ents: frozenset[int] = frozenset()
    last_quarter: tuple[int, int] | None = None
    last_day: dt.date | None = None
    used_year: bool = field(default=False)

    def direction(self, start: int, end: int) -> int:
        """PAST (-1), UNKNOWN (0) or FUTURE (1); a bare present tense counts as unknown."""
        way = self.tense(start, end)
        return way if way in (-1, 0, 1) else 0


@dataclass(frozen=True)
class Value:
    kind: TimexKind
    value: str
    end_value: str | None = None
    approximate: bool = False
    relative: bool = False
    absolute: bool = False


Resolver = Callable[[re.Match[str], Ctx], Value | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    priority: int = 0


DATE, TIME, DURATION, SET = TimexKind.DATE, TimexKind.TIME, TimexKind.DURATION, TimexKind.SET
APPROX_RE = (
    r"(?:(?P<approx>about|around|roughly|approximately|nearly|almost|some|more\s+than|less\s+than|over"
    r"|under|at\s+least|at\s+most|up\s+to|fewer\s+than|upwards\s+of|close\s+to|barely|just\s+over"
    r"|just\s+under)\s+)?"
)
MOD_RE = (
    r"(?:(?:the\s+)?(?P<mod>early|late|mid|middle|end|beginning|start|close|turn)(?:\s+of\s+(?:the\s+)?|-|\s+)"
    r"(?=\S))?"
)
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|til|of|during|from|before|after|through|to|and|between|early|late|mid|"
    r"year|years|around|for|at|circa|the|until|fiscal|last|this|next|that|on|about|'s|or|as)\s*|[-–(,]\s*)$",
    re.I,
)


def _cap(s: str) -> bool:
    return s[:1].isupper()


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _weekday(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def _year(s: str) -> int:
    if s.startswith("'"):
        y = int(s[1:])
        return 1900 + y if y > 30 else 2000 + y
    return int(s)


def _doc_year(ctx: Ctx, month: int, day: int | None, direction: int) -> int | None:
    if ctx.dct is not None:
        return cal.nearest_year(ctx.dct, month, day, direction)
    if ctx.year is not None:
        ctx.used_year = True
    return ctx.year


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def _approx(m: re.Match[str]) -> bool:
    return "approx" in m.re.groupindex and m.group("approx") is not None


# --- absolute and month/day dates -------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    if not _cap(m.group("m")):
        return None
    month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    month2 = _month(m.group("m2")) if m.group("m2") else month
    year = int(m.group("y")) if m.group("y") else None
    absolute = year is not None
    if year is None:
        year = _doc_year(ctx, month, day, ctx.direction(m.start(), m.end()))
    try:
        if year is not None:
            dt.date(year, month, day)
    except ValueError:
        return None
    end = None
    if m.group("d2"):
        day2 = int(re.sub(r"\D", "", m.group("d2")))
        if not (1 <= day2 <= 31) or (month2 == month and day2 <= day):
            return None
        end = f"{_y(year)}-{month2:02d}-{day2:02d}"
    if year is not None:
        ctx.last_day = dt.date(year, month, day)
    return Value(DATE, f"{_y(year)}-{month:02d}-{day:02d}", end, absolute=absolute)


def _dmy_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    return _full_date(m, ctx)


def _numeric_date(m: re.Match[str], ctx: Ctx) -> Value | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if y < 100:
        y += 1900 if y > 30 else 2000
    try:
        return Value(DATE, dt.date(y, mo, d).isoformat(), absolute=True)
    except ValueError:
        return None


def _month_year(m: re.Match[str], ctx: Ctx) -> Value | None:
    if not _cap(m.group("m")):
        return None
    return Value(DATE, f"{_year(m.group('y')):04d}-{_month(m.group('m')):02d}", absolute=True)


def _month_alone(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = m.group("m")
    if not _cap(name):
        return None
    rel = (m.group("rel") or "").lower()
    if name.lower() in ("may", "march") and not (rel or m.group("mod")):
        if not _PREP_BEFORE.search(ctx.text[max(0, m.start() - 12) : m.start()]):
            return None
    month = _month(name)
    if ctx.dct is None:
        return Value(DATE, f"{_y(_doc_year(ctx, month, None, 0))}-{month:02d}")
    if rel in ("last", "past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        year = cal.nearest_year(ctx.dct, month, None, ctx.direction(m.start(), m.end()))
    return Value(DATE, f"{year:04d}-{month:02d}")


def _year_alone(m: re.Match[str], ctx: Ctx) -> Value | None:
    before = ctx.text[max(0, m.start() - 15) : m.start()]
    after = ctx.text[m.end() : m.end() + 12]
    if re.search(r"[$£€#]\s*$|\d[,.]?$", before) or re.match(r"(?:\s*(?:%|percent|[-–]?\w*(?:ton|meter|mile)))", after):
        return None
    if re.match(r"[,.]\d", after):
        return None
    if not (m.group("fy") or m.group("mod") or m.start() in ctx.date_ents or _PREP_BEFORE.search(before)):
        return None
    return Value(DATE, f"{int(m.group('y')):04d}", absolute=True)


def _decade(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group("dy"):
        return Value(DATE, m.group("dy"), absolute=True)
    if m.group("dy2"):
        return Value(DATE, "19" + m.group("dy2"), absolute=True)
    words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
    return Value(DATE, f"19{words.index(m.group('dw').lower()) + 2}", absolute=True)


def _century(m: re.Match[str], ctx: Ctx) -> Value | None:
    ordinal = m.group("ord").lower()
    n = ORDINALS.get(ordinal)
    if n is None:
        digits = re.sub(r"\D", "", ordinal)
        n = int(digits) if digits else None
    if n is None or n < 1:
        return None
    return Value(DATE, f"{n - 1:02d}", absolute=True)


def _holiday(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = re.sub(r"\s+", " ", m.group("h").lower())
    if not _cap(m.group("h")):
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
            return easter(y)
        if name == "labor day":
            first = dt.date(y, 9, 1)
            return first + dt.timedelta(days=(-first.weekday()) % 7)
        last = dt.date(y, 5, 31)  # memorial day
        return last - dt.timedelta(days=last.weekday())

    if year is None:
        if ctx.dct is None:
            ref = _doc_year(ctx, 1, None, 0)
            if ref is None:
                probe = on(2001)
                return Value(DATE, f"XXXX-{probe.month:02d}-{probe.day:02d}")
            return Value(DATE, on(ref).isoformat())
        probe = on(ctx.dct.year)
        year = cal.nearest_year(ctx.dct, probe.month, probe.day, ctx.direction(m.start(), m.end()))
    return Value(DATE, on(year).isoformat(), absolute=m.group("y") is not None)


# --- weekdays, times, deictic days ------------------------------------------------------------


def _weekday_date(m: re.Match[str], ctx: Ctx, name: str) -> tuple[dt.date | None, str]:
    wd = _weekday(name)
    if ctx.dct is None:
        return None, f"XXXX-WXX-{wd + 1}"
    rel = (m.group("rel") or "").lower() if "rel" in m.re.groupindex else ""
    if rel in ("next", "this coming"):
        d = cal.weekday_date(ctx.dct + dt.timedelta(days=1), wd, 1)
    elif rel in ("last", "this past"):
        d = cal.weekday_date(ctx.dct - dt.timedelta(days=1), wd, -1)
    else:
        way = ctx.tense(m.start(), m.end())
        d = cal.weekday_date(ctx.dct, wd, 1 if way > 0 else -1)
    return d, d.isoformat()


def _weekday_rule(m: re.Match[str], ctx: Ctx) -> Value | None:
    name = m.group("w")
    if not _cap(name):
        return None
    d, value = _weekday_date(m, ctx, name)
    if d is not None:
        ctx.last_day = d
    pod = m.group("pod")
    if pod:
        return Value(TIME, f"{value}T{PARTS_OF_DAY[pod.lower()]}")
    return Value(DATE, value)


def _relative_day(word: str, ctx: Ctx) -> tuple[dt.date | None, str]:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1, "this": 0}[word]
    if ctx.dct is None:
        return None, "XXXX-XX-XX"
    d = ctx.dct + dt.timedelta(days=offset)
    return d, d.isoformat()


def _deictic_day(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = (m.group("rd") or m.group("this")).lower()
    d, value = _relative_day(word, ctx)
    pod = m.group("pod") or m.group("pod2")
    if word == "tonight":
        pod = "night"
    if word == "last" and pod and pod.lower() != "night":
        return None
    if pod:
        return Value(TIME, f"{value}T{PARTS_OF_DAY[pod.lower()]}")
    if d is not None:
        ctx.last_day = d
    return Value(DATE, value)


def _clock(m: re.Match[str], ctx: Ctx) -> Value | None:
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
        _, day = _weekday_date(m, ctx, m.group("w"))
    elif m.group("rd"):
        _, day = _relative_day(m.group("rd").lower(), ctx)
    elif ctx.last_day is not None and ctx.dct is not None and abs((ctx.last_day - ctx.dct).days) <= 7:
        day = ctx.last_day.isoformat()
    else:
        day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return Value(TIME, f"{day}T{hour:02d}:{minute:02d}")


_REFS = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
}  # fmt: skip


def _reference(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = re.sub(r"\s+", " ", m.group("ref").lower())
    after = ctx.text[m.end() : m.end() + 20].lower()
    if word == "future" and not re.search(r"(?:in|near|the|foreseeable)\s+$", ctx.text[max(0, m.start() - 14) : m.start()].lower()):
        return None
    if word in ("the past", "the future") and re.match(r"\s*(?:\w+\s+)?(?:year|month|week|day|decade|few)", after):
        return None
    if word == "recent" and not re.match(r"\s+(?:years|months|weeks|days|times|decades|period|quarter|level|levels|price|prices|rate|rates|year|month|week|fiscal)\b", after):
        return None
    if word == "recent" and re.match(r"\s+(?:months|weeks|days)\b", after):
        return None
    return Value(DATE, _REFS[word])


# --- units relative to the DCT ----------------------------------------------------------------


def _unit_date(ctx: Ctx, unit: str, offset: int, base: dt.date | None = None) -> str:
    ref = base or ctx.dct
    if ref is None:
        if unit == "Y" and offset == 0 and ctx.year is not None:
            ctx.used_year = True
            return f"{ctx.year:04d}"
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX", "DE": "XXX", "CE": "XX"}.get(unit, "XXXX-XX-XX")
    if unit == "WE":
        d = ref + dt.timedelta(days=7 * offset)
        return f"{cal.week_value(d)}-WE"
    if unit == "DE":
        return f"{(ref.year // 10) + offset:03d}"
    if unit == "CE":
        return f"{(ref.year // 100) + offset:02d}"
    return cal.at_granularity(cal.shift(ref, unit, offset), unit)


def _season_value(ctx: Ctx, season: str, rel: str, direction: int) -> str:
    if ctx.dct is None:
        return f"{_y(ctx.year)}-{season}"
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


def _relative_unit(m: re.Match[str], ctx: Ctx) -> Value | None:
    rel = re.sub(r"\s+", " ", (m.group("rel") or "").lower())
    word = re.sub(r"\s+", " ", m.group("u").lower())
    has_the = rel.startswith("the ")
    core = rel.split(" ")[-1]
    if word in SEASONS:
        return Value(DATE, _season_value(ctx, SEASONS[word], core, ctx.direction(m.start(), m.end())))
    unit = "Y" if word in ("fiscal year", "season") else UNITS[word]
    if has_the and core in ("past", "last", "next", "coming", "previous", "following", "latest"):
        if unit == "WE":
            return Value(DATE, _unit_date(ctx, "WE", -1 if core in ("past", "last", "previous") else 0))
        if unit == "Q":
            return None  # the quarter rule reads these
        if core == "following" and ctx.last_day is not None:
            return Value(DATE, _unit_date(ctx, unit, 1, ctx.last_day), relative=True)
        amount = {"DE": "10Y", "CE": "100Y"}.get(unit, "1" + unit)
        return Value(DURATION, f"P{amount}")
    if core in ("same", "that", "following") and ctx.last_day is not None:
        return Value(DATE, _unit_date(ctx, unit, 1 if core == "following" else 0, ctx.last_day), relative=True)
    if core in ("same", "that", "following"):
        return None
    offset = {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1}.get(core, 0)
    if unit == "Q":
        return None
    if unit == "WE" and core == "this" and ctx.dct is not None:
        return Value(DATE, _unit_date(ctx, "WE", 0))
    return Value(DATE, _unit_date(ctx, unit, offset))


def _ago(m: re.Match[str], ctx: Ctx) -> Value | None:
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
    if unit == "Y" and n == 1 and sign < 0 and ctx.last_quarter and re.search(r"quarter|period", window):
        y, q = ctx.last_quarter
        return Value(DATE, cal.quarter_value(y - 1, q), approximate=_approx(m), relative=True)
    base = ctx.last_day if relative and ctx.last_day is not None else None
    if unit == "WE":
        unit = "W"
    value = _unit_date(ctx, unit, int(sign * n) if n == int(n) else 0, base)
    return Value(DATE, value, approximate=_approx(m), relative=base is not None)


def _duration_value(n: float | None, unit_word: str) -> str:
    unit = UNITS[unit_word.lower()]
    amount = "X" if n is None else number_text(n)
    if unit == "DE":
        amount, unit = ("X" if n is None else number_text(10 * n)), "Y"
    elif unit == "CE":
        amount, unit = ("X" if n is None else number_text(100 * n)), "Y"
    elif unit == "Q":
        amount, unit = ("X" if n is None else number_text(3 * n)), "M"
    elif unit == "WE":
        amount, unit = ("X" if n is None else number_text(2 * n)), "D"
    elif unit == "2W":
        amount, unit = ("X" if n is None else number_text(2 * n)), "W"
    if unit_word.lower() in TIME_UNITS:
        return f"PT{amount}{unit}"
    return f"P{amount}{unit}"


def _duration(m: re.Match[str], ctx: Ctx) -> Value | None:
    n_text = m.group("n")
    n = number(n_text)
    word = m.group("u").lower()
    before = ctx.text[max(0, m.start() - 25) : m.start()].lower()
    if n_text.lower() in ("a", "an") and not m.group("the") and not m.group("approx"):
        if re.search(r"(?:\d|percent|cents?|dollars?|yen|euros?|pounds?|times|once|twice)\W*$", before):
            return Value(SET, _duration_value(1, word))
    if n is None and n_text.lower() == "some" and not m.group("pl"):
        return None
    if re.match(r"-?\s*old\b", ctx.text[m.end() : m.end() + 6], re.I):
        return None  # an age ("a 6-year-old"), not a stretch of time
    if n is not None and n > 1 and not m.group("pl") and not m.group("hyph") and word not in ("night",):
        if not re.match(r"-", ctx.text[m.start("u") - 1 : m.start("u")]):
            pass
    if n is not None and n > 500:
        return None
    # A half ("4½ years", "two and a half years") is a rounded figure, so it is marked approximate.
    approximate = _approx(m) or n is None or (n is not None and n != int(n))
    return Value(DURATION, _duration_value(n, word), approximate=approximate)


def _vague_duration(m: re.Match[str], ctx: Ctx) -> Value | None:
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").lower())
    word = m.group("u").lower()
    if adj == "recent" and word in ("year", "decade"):
        return Value(DATE, "PAST_REF")
    if adj in ("coming", "next", "the next few", "the coming") and word in ("year", "decade"):
        return Value(DATE, "FUTURE_REF") if adj == "coming" else Value(DURATION, _duration_value(None, word))
    return Value(DURATION, _duration_value(None, word), approximate=True)


# --- quarters and halves ----------------------------------------------------------------------


def _quarter(m: re.Match[str], ctx: Ctx) -> Value | None:
    pre = re.sub(r"\s+", " ", (m.group("pre") or "").lower())
    word = m.group("q").lower()
    words = set(re.split(r"[\s-]+", pre.strip()))
    after = ctx.text[m.end() : m.end() + 12].lower()
    if word == "quarter" and re.match(r"\s+(?:of|percent|point|mile|century)\b", after) and not m.group("y"):
        return None
    if m.group("pl"):
        return None
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS and ORDINALS[w] > 0), None)
    if word == "half" and ordinal not in (1, 2):
        return None
    if word == "quarter" and ordinal is not None and ordinal > 4:
        return None
    if not (ordinal or m.group("the") or words & {"latest", "current", "year-ago", "year-earlier", "fiscal", "same"}):
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
        return Value(DATE, f"{_y(year)}-H{ordinal}")
    ago = bool(words & {"ago"}) or re.search(r"year[\s-](?:ago|earlier)", pre) is not None
    if ordinal is None:
        if ctx.last_quarter is not None:
            y, q = ctx.last_quarter
        elif dct is not None:
            cur = cal.quarter_of(dct)
            y, q = (dct.year, cur) if words & {"current", "this"} else ((dct.year, cur - 1) if cur > 1 else (dct.year - 1, 4))
        else:
            return Value(DATE, "XXXX-QX")
        if ago:
            y -= 1
        return Value(DATE, cal.quarter_value(year or y, q))
    if year is None and dct is not None:
        year = dct.year
        cur = cal.quarter_of(dct)
        if ordinal > cur and direction < 0:
            year -= 1
        elif ordinal > cur + 1 and direction == 0:
            year -= 1
    if year is None:
        year = ctx.year
    if ago and year is not None:
        year -= 1
    if year is not None and not ago:
        ctx.last_quarter = (year, ordinal)
    return Value(DATE, f"{_y(year)}-Q{ordinal}")


# --- seasons, sets ----------------------------------------------------------------------------


def _season(m: re.Match[str], ctx: Ctx) -> Value | None:
    season = SEASONS[m.group("s").lower()]
    if m.group("y"):
        return Value(DATE, f"{int(m.group('y')):04d}-{season}", absolute=True)
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    if not m.group("mod") and not re.search(r"\b(?:in|during|by|until|this|over|through|the|for|since)\s+(?:the\s+)?$", before):
        return None
    if re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 5]):
        return None
    return Value(DATE, _season_value(ctx, season, "", ctx.direction(m.start(), m.end())))


_ADVERB_SET = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "semiannually": "P6M", "annual": "P1Y",
}  # fmt: skip


def _set(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group("adv"):
        adv = re.sub(r"\s+", " ", m.group("adv").lower())
        if adv in _ADVERB_SET:
            return Value(SET, _ADVERB_SET[adv])
        unit = adv.split(" ")[-1]
        return Value(SET, _duration_value(1, unit))
    if m.group("wd"):
        return Value(SET, f"XXXX-WXX-{_weekday(m.group('wd')[:-1]) + 1}")
    what = m.group("u").lower()
    if what.rstrip("s").rstrip(".") in WEEKDAYS or what.rstrip(".") in WEEKDAYS:
        return Value(SET, f"XXXX-WXX-{_weekday(what.rstrip('s') if what.endswith('s') and what[:-1] in WEEKDAYS else what) + 1}")
    if what in PARTS_OF_DAY:
        return Value(SET, f"TXX{PARTS_OF_DAY[what]}" if False else f"T{PARTS_OF_DAY[what]}")
    n = number(m.group("n")) if m.group("n") else 1
    if m.group("other"):
        n = 2 if m.group("other").lower() == "other" else 1
    return Value(SET, _duration_value(n, what.rstrip("s") if what.rstrip("s") in UNITS else what))


def _anchored_rel(m: re.Match[str], ctx: Ctx) -> Value | None:
    """"that day", "the same day", "later that year": the last date the text mentioned."""
    unit = UNITS[m.group("u").lower()]
    if ctx.last_day is None:
        return None
    offset = 1 if (m.group("w") or "").lower() in ("following", "next") else 0
    return Value(DATE, _unit_date(ctx, unit, offset, ctx.last_day), relative=True)


def _period(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.last_quarter is None:
        return None
    y, q = ctx.last_quarter
    if re.search(r"ago|earlier", m.group(0).lower()):
        y -= 1
    return Value(DATE, cal.quarter_value(y, q))


def _spelled_year(m: re.Match[str], ctx: Ctx) -> Value | None:
    words = re.split(r"[\s-]+", m.group("sy").lower())
    if words[0] == "two":
        rest = [w for w in words[2:] if w != "and"]
        extra = number(" ".join(rest)) if rest else 0
        return Value(DATE, f"{2000 + int(extra or 0):04d}", absolute=True)
    rest = words[1:]
    if rest == ["hundred"]:
        return Value(DATE, "1900", absolute=True)
    tail = number(" ".join(rest))
    if tail is None:
        return None
    return Value(DATE, f"{1900 + int(tail):04d}", absolute=True)


def _unit_edge(m: re.Match[str], ctx: Ctx) -> Value | None:
    word = m.group("u").lower()
    if word == "end":
        if not m.group(0).lower().startswith("year-"):
            return None
        word = "year"
    return Value(DATE, _unit_date(ctx, UNITS[word], 0))


def _year_ago(m: re.Match[str], ctx: Ctx) -> Value | None:
    """"year-earlier" results: the reported quarter a year back, else the year before the DCT."""
    if ctx.last_quarter is not None:
        y, q = ctx.last_quarter
        return Value(DATE, cal.quarter_value(y - 1, q))
    return Value(DATE, _unit_date(ctx, "Y", -1))


def _weekend(m: re.Match[str], ctx: Ctx) -> Value | None:
    if ctx.dct is None:
        return Value(DATE, "XXXX-WXX-WE")
    way = ctx.direction(m.start(), m.end())
    saturday = cal.weekday_date(ctx.dct, 5, 1 if way > 0 else -1)
    return Value(DATE, f"{cal.week_value(saturday)}-WE")


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-]){pattern}(?![\w]|-\w)", re.I)


RULES: tuple[Rule, ...] = (
    Rule("full_date", _c(
        rf"(?:{WEEKDAY_RE},?\s+)?(?P<m>{MONTH_RE})\s*(?P<d>{DAYNUM_RE})(?!\d)"
        rf"(?:\s*(?:-|–|to|through|and|until)\s*(?:(?P<m2>{MONTH_RE})\s*)?(?P<d2>{DAYNUM_RE})(?!\d))?"
        rf"(?:,?\s*(?P<y>{YEAR_RE}))?"), _full_date, 3),
    Rule("dmy_date", _c(
        rf"(?:{WEEKDAY_RE},?\s+)?(?P<d>{DAYNUM_RE})(?:\s*(?:-|–)\s*(?P<d2>{DAYNUM_RE}))?\s+(?:of\s+)?"
        rf"(?P<m>{MONTH_RE})(?P<m2>)(?:,?\s+(?P<y>{YEAR_RE}))?"), _dmy_date, 3),
    Rule("numeric_date", _c(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)|(?P<m_>\d{1,2})/(?P<d_>\d{1,2})/(?P<y_>\d{2,4})"),
         lambda m, ctx: _numeric_date(m, ctx) if m.group("y") else None, 3),
    Rule("month_year", _c(rf"{MOD_RE}(?P<m>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR_RE}|'\d\d)"), _month_year, 2),
    Rule("month", _c(rf"{MOD_RE}(?:(?P<rel>last|this|next|past|coming|previous)\s+)?"
                     rf"(?P<m>{FULL_MONTH_RE}|(?:jan|feb|aug|sept|oct|nov|dec)\.)"), _month_alone, 1),
    Rule("year", _c(rf"{MOD_RE}(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year)\s*)?(?P<y>{YEAR_RE})"),
         _year_alone, 1),
    Rule("decade", _c(rf"(?:the\s+)?{MOD_RE}(?:(?P<dy>1[5-9]\d|20\d)0'?s|'(?P<dy2>\d)0s"
                      r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"), _decade, 1),
    Rule("century", _c(r"(?:the\s+)?(?P<ord>\w+)[\s-]century"), _century, 1),
    Rule("holiday", _c(r"(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?"
                       r"|easter(?:\s+sunday)?|independence\s+day|labor\s+day|memorial\s+day|veterans\s+day"
                       rf"|halloween|valentine's\s+day)(?:,?\s+(?P<y>{YEAR_RE}))?"), _holiday, 1),
    Rule("weekday", _c(rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late)\s+)?(?P<w>{WEEKDAY_RE})"
                       r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"), _weekday_rule, 1),
    Rule("deictic", _c(r"(?:(?:early|late)\s+)?(?P<rd>today|yesterday|tomorrow|tonight)"
                       r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
                       r"|(?P<this>this|last)\s+(?P<pod2>morning|afternoon|evening|night)"), _deictic_day, 1),
    Rule("clock", _c(
        r"(?:(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m)|(?P<noon>noon|midnight|midday))"
        r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<w>{WEEKDAY_RE})|(?P<rd>today|yesterday|tomorrow)))?"), _clock, 2),
    Rule("reference", _c(r"(?P<ref>now|nowadays|currently|current|presently|at\s+present|these\s+days|the\s+present"
                         r"|recently|recent|lately|the\s+past|the\s+future|future)"),
         _reference, 0),
    Rule("relative_unit", _c(
        rf"{MOD_RE}(?P<rel>(?:the\s+)?(?:last|this|next|past|previous|coming|current|same|following|prior|latest)"
        r"|this\s+past|this\s+coming|(?:earlier|later|late|early)\s+(?:this|last|next))\s+"
        r"(?P<u>week|month|year|weekend|decade|century|spring|summer|fall|autumn|winter|fiscal\s+year|season|day)"),
         _relative_unit, 1),
    Rule("ago", _c(rf"{APPROX_RE}(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})s?\s+"
                   r"(?P<dir>ago|earlier|later|from\s+now|hence|back)"), _ago, 2),
    Rule("duration", _c(
        rf"{APPROX_RE}(?:(?P<the>the|a|another)\s+)?(?:(?:first|last|past|next|previous|coming|final|initial|latest"
        r"|following|preceding|remaining|full|entire|whole|additional|further|another|better\s+part\s+of)\s+)?"
        rf"(?P<n>{NUMBER_RE})(?P<hyph>[\s-]+)(?:(?:more|additional|consecutive|straight|full|long)\s+)?"
        rf"(?P<u>{UNIT_RE})(?P<pl>s)?(?:-long)?"), _duration, 1),
    Rule("vague_duration", _c(
        r"(?P<adj>recent|several|many|the\s+next\s+few|the\s+past\s+few|the\s+last\s+few|coming|the\s+coming)\s+"
        r"(?P<u>year|month|week|day|decade|hour|minute)s"), _vague_duration, 1),
    Rule("quarter", _c(
        rf"(?:(?P<the>the)\s+)?(?P<pre>(?:(?:{YEAR_RE}|this\s+year's|last\s+year's|next\s+year's|fiscal|year-ago"
        r"|year-earlier|year\s+ago|year\s+earlier|same|latest|current|past|last|recent|previous|prior|just-ended"
        r"|comparable|corresponding|calendar|first|second|third|fourth|1st|2nd|3rd|4th|fiscal)[\s-]+)*)"
        rf"(?P<q>quarter|half)(?P<pl>s)?(?:\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})|fiscal\s+(?P<fy>{YEAR_RE})"
        r"|(?P<yr>this|last|next)\s+year))?"), _quarter, 1),
    Rule("period", _c(r"the\s+(?:same|latest|year-earlier|year-ago|comparable|corresponding|year-before)\s+period"
                      r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"), _period, 1),
    Rule("spelled_year", _c(r"(?:the\s+year\s+)?(?P<sy>nineteen[\s-](?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy"
                            r"|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
                            r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two[\s-]thousand"
                            r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"), _spelled_year, 1),
    Rule("unit_edge", _c(r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|balance)\s+of\s+(?:the|this)\s+"
                         r"|(?:the\s+)?full\s+|year-|the\s+current\s+)(?P<u>year|month|week|end)"), _unit_edge, 1),
    Rule("year_ago", _c(r"year-(?:earlier|ago)|year\s+earlier"), _year_ago, 0),
    Rule("weekend", _c(r"the\s+weekend"), _weekend, 0),
    Rule("season", _c(rf"(?:(?P<mod>early|late|mid)[-\s]+)?(?P<s>spring|summer|fall|autumn|winter)"
                      rf"(?:\s+(?:of\s+)?(?P<y>{YEAR_RE}))?"), _season, 0),
    Rule("set", _c(
        rf"(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>{NUMBER_RE})\s+)?"
        rf"(?P<u>{UNIT_RE}s?|{WEEKDAY_RE}|morning|afternoon|evening|night)"
        r"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually"
        r"|(?:once|twice|(?:\d+|two|three|four|five|six)\s+times)\s+a\s+(?:year|month|week|day))"
        r"|(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"), _set, 1),
    Rule("anchored", _c(r"(?:later|earlier)?\s*(?P<w>that|the\s+same|the\s+following|the\s+next)\s+"
                        r"(?P<u>day|week|month|year)"), _anchored_rel, 0),
)  # fmt: skip
