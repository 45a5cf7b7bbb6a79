"""What every rule shares: the resolving context, the value a rule returns, and small readers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.records import TimexKind
from newsgraph.timex import calendar as cal
from newsgraph.timex.lexicon import (
    MONTHS,
    WEEKDAYS,
)


@dataclass
class Ctx:
    """What a resolver may consult: text, DCT or inferred year, tense, and the running references."""

    text: str
    dct: dt.date | None
    year: int | None
    tense: Callable[[int, int], int]
    date_ents: frozenset[int] = frozenset()
    last_quarter: tuple[int, int] | None = None
    last_day: dt.date | None = None
    used_year: bool = field(default=False)
    # the last date mentioned at any granularity (D, M or Y), for "later that year", "the following month"
    last_ref: dt.date | None = None
    last_ref_unit: str = "D"

    def mention(self, day: dt.date, unit: str) -> None:
        if unit == "D":
            self.last_day = day
        self.last_ref, self.last_ref_unit = day, unit

    def anchor(self, unit: str) -> dt.date | None:
        """The last date mentioned that is at least as fine as ``unit`` (a year can anchor "that year")."""
        order = {"D": 0, "W": 1, "M": 2, "Q": 3, "Y": 4, "DE": 5, "CE": 6}
        if self.last_ref is not None and order.get(self.last_ref_unit, 0) <= order.get(unit, 0):
            return self.last_ref
        return None

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
    # Two dates written as one phrase ("April 24 and 25", "Aug. 26 to Oct. 20") are two timexes in TimeML:
    # the match is cut at ``cut`` and ``also`` holds the second one's (start, end, value).
    cut: int | None = None
    also: tuple[tuple[int, int, str], ...] = ()


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


PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|til|of|during|from|before|after|through|to|and|between|early|late|mid|"
    r"year|years|around|for|at|circa|the|until|fiscal|last|this|next|that|on|about|'s|or|as)\s*|[-–(,]\s*)$",
    re.I,
)


def capitalised(s: str) -> bool:
    return s[:1].isupper()


def month_number(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def weekday_number(s: str) -> int:
    return WEEKDAYS[s.lower().rstrip(".")]


def year_number(s: str) -> int:
    if s.startswith("'"):
        y = int(s[1:])
        return 1900 + y if y > 30 else 2000 + y
    return int(s)


def doc_year(ctx: Ctx, month: int, day: int | None, direction: int) -> int | None:
    if ctx.dct is not None:
        return cal.nearest_year(ctx.dct, month, day, direction)
    if ctx.year is not None:
        ctx.used_year = True
    return ctx.year


def year_text(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def has_approx(m: re.Match[str]) -> bool:
    return "approx" in m.re.groupindex and m.group("approx") is not None
