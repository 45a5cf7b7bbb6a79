"""Words of time (months, weekdays, units, numbers) from ``data/words.json``, and the patterns over them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from newsgraph.lexicon import CASED, load


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The words of time in ``data/words.json``, read by the one loader."""

    months: dict[str, int]
    weekdays: dict[str, int]
    units: Annotated[dict[str, str], CASED]  # TimeML's letters are upper case
    time_units: frozenset[str]
    seasons: Annotated[dict[str, str], CASED]
    parts_of_day: Annotated[dict[str, str], CASED]
    ordinals: dict[str, int]
    small: dict[str, float]
    tens: dict[str, int]


WORDS = load(TimeWords, "newsgraph.timex", "words.json")
MONTHS = WORDS.months
WEEKDAYS = WORDS.weekdays
UNITS = WORDS.units
TIME_UNITS = WORDS.time_units
SEASONS = WORDS.seasons
PARTS_OF_DAY = WORDS.parts_of_day
ORDINALS = WORDS.ordinals
SMALL = WORDS.small
TENS = WORDS.tens


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)"
)
FULL_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
WEEKDAY_RE = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|(?:mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.)"
)
_NUMWORD = rf"(?:(?:{_alt(list(TENS))})(?:[\s-](?:{_alt([w for w in SMALL if SMALL[w] in range(1, 10)])}))?"
_NUMWORD += rf"|{_alt([w for w in SMALL if ' ' not in w])})"
NUMBER_RE = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s*½|\s+1/2)?|½|(?:{_NUMWORD}|a\s+couple\s+of|a\s+few|several|few|many|some"
    rf"|hundreds\s+of|thousands\s+of|a\s+hundred|one\s+hundred|a\s+dozen|half\s+a)"
    rf"(?:\s+and\s+a\s+half)?)"
)
UNIT_RE = (
    r"(?:second|minute|hour|hr|day|night|week|fortnight|month|year|yr|decade|centur(?:y|ie)|quarter|weekend)"
)
# a year said in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand and one"
SPELLED_YEAR_RE = (
    r"(?:nineteen[\s-](?:hundred|(?:twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two[\s-]thousand"
    r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
DAYNUM_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR_RE = r"(?:1[6-9]\d\d|20\d\d)"


def number(text: str) -> float | None:
    """The number a count phrase denotes; None for vague counts ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if t.endswith("½"):
        half, t = 0.5, t[:-1].strip()
    if t.endswith(" 1/2"):
        half, t = 0.5, t[:-4].strip()
    if t in ("", "½"):
        return half or None
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return float(t.replace(",", "")) + half
    if t in SMALL:
        return SMALL[t] + half
    if t in ("a hundred", "one hundred"):
        return 100 + half
    parts = re.split(r"[\s-]", t)
    if parts[0] in TENS:
        total = TENS[parts[0]]
        if len(parts) == 2 and parts[1] in SMALL:
            total += int(SMALL[parts[1]])
        elif len(parts) > 1:
            return None
        return total + half
    return None


def number_text(value: float) -> str:
    """A count as TimeML writes it: 4 not 4.0, 4.5 as is."""
    return str(int(value)) if value == int(value) else f"{value:g}"
