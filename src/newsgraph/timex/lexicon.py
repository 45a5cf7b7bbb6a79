"""Words of time: months, weekdays, units, numbers, and the regex fragments built from them."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "2W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
    "quarter": "Q", "weekend": "WE", "yr": "Y", "hr": "H", "min": "M",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour", "hr", "min"})
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "last": -1, "final": -1,
}  # fmt: skip
SMALL: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
    "dozen": 12, "a dozen": 12, "half a": 0.5, "a half": 0.5, "a couple of": 2, "couple of": 2,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip


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
