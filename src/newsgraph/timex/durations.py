"""Durations ("three days", "about four and a half years") and sets ("every Tuesday", "daily")."""

from __future__ import annotations

import re

from newsgraph.timex import calendar as cal
from newsgraph.timex.context import DATE, DURATION, SET, Ctx, Value, has_approx, weekday_number
from newsgraph.timex.lexicon import (
    PARTS_OF_DAY,
    TIME_UNITS,
    UNITS,
    WEEKDAYS,
    number,
    number_text,
)

_NEXT_SMALLER = {"H": ("M", 60), "M": ("S", 60)}


def duration_value(n: float | None, unit_word: str) -> str:
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
        if n is not None and n != int(n) and unit in _NEXT_SMALLER:
            # "5 1/2 hours" is PT5H30M and "a minute and a half" PT1M30S: TimeBank and AQUAINT both write a
            # clock fraction in the next smaller unit (calendar fractions stay decimal: "4½ years" is P4.5Y)
            smaller, per = _NEXT_SMALLER[unit]
            whole, part = int(n), round((n - int(n)) * per)
            return f"PT{f'{whole}{unit}' if whole else ''}{part}{smaller}"
        return f"PT{amount}{unit}"
    return f"P{amount}{unit}"


def duration(m: re.Match[str], ctx: Ctx) -> Value | None:
    n_text = m.group("n")
    n = number(n_text)
    if n is not None and m.group("half"):
        n += 0.5  # "an hour and a half"
    word = m.group("u").lower()
    before = ctx.text[max(0, m.start() - 25) : m.start()].lower()
    # "$5 a year", "twice a week": a rate, not a stretch of time
    if (
        n_text.lower() in ("a", "an")
        and not m.group("the")
        and not m.group("approx")
        and re.search(r"(?:\d|percent|cents?|dollars?|yen|euros?|pounds?|times|once|twice)\W*$", before)
    ):
        return Value(SET, duration_value(1, word))
    if n is None and n_text.lower() == "some" and not m.group("pl"):
        return None
    if word == "second" and n_text.lower() in ("a", "an") and _ORDINAL_USE.match(ctx.text, m.end()):
        return None  # "a second betrayal", "a second group": the ordinal, not a stretch of time
    if word == "quarter" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "three-quarters of its food", "more than a quarter of the market": a fraction
    if re.match(r"-?\s*old\b", ctx.text[m.end() : m.end() + 6], re.I):
        return None  # an age ("a 6-year-old"), not a stretch of time
    if n is not None and n > 500:
        return None
    # A half ("4½ years", "two and a half years") is a rounded figure, so it is marked approximate.
    approximate = has_approx(m) or n is None or (n is not None and n != int(n))
    return Value(DURATION, duration_value(n, word), approximate=approximate)


# what follows "a second" when it is the ordinal: a word that is not a preposition, conjunction or time cue
_ORDINAL_USE = re.compile(
    r"\s+(?!(?:or|and|to|of|in|on|at|for|ago|later|earlier|before|after|longer|too|then|than|when|while|as|"
    r"that|the|a|an|but)\b)[a-z]"
)


def vague_duration(m: re.Match[str], ctx: Ctx) -> Value | None:
    adj = re.sub(r"\s+", " ", (m.group("adj") or "").lower())
    word = m.group("u").lower()
    if adj == "recent" and word in ("year", "decade"):
        return Value(DATE, "PAST_REF")
    if adj in ("coming", "next", "the next few", "the coming") and word in ("year", "decade"):
        return Value(DATE, "FUTURE_REF") if adj == "coming" else Value(DURATION, duration_value(None, word))
    return Value(DURATION, duration_value(None, word), approximate=True)


# a quantity just before a frequency adverb makes it a rate: a number, percent or money within a few words
_RATE_BEFORE = re.compile(r"(?:\d|percent|million|billion)\S*(?:\s+\w+){0,2}\s+$", re.I)

_ADVERB_SET = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W", "semiannually": "P6M", "annual": "P1Y",
}  # fmt: skip


def frequency(m: re.Match[str], ctx: Ctx) -> Value | None:
    if m.group("adv"):
        adv = re.sub(r"\s+", " ", m.group("adv").lower())
        if adv == "annually" and _RATE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
            return None  # "rise 8.5% annually", "10,000 units annually": a rate, not a recurrence
        if adv in _ADVERB_SET:
            return Value(SET, _ADVERB_SET[adv])
        unit = adv.split(" ")[-1]
        return Value(SET, duration_value(1, unit))
    if m.group("wd"):
        return Value(SET, f"XXXX-WXX-{weekday_number(m.group('wd')[:-1]) + 1}")
    what = m.group("u").lower()
    day_name = what.rstrip(".")
    day_name = day_name[:-1] if day_name.endswith("s") and day_name[:-1] in WEEKDAYS else day_name
    if day_name in WEEKDAYS:
        return Value(SET, f"XXXX-WXX-{weekday_number(day_name) + 1}")
    if what in PARTS_OF_DAY:
        return Value(SET, f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    n = number(m.group("n")) if m.group("n") else 1
    if m.group("other"):
        n = 2 if m.group("other").lower() == "other" else 1
    return Value(SET, duration_value(n, what.rstrip("s") if what.rstrip("s") in UNITS else what))


def whole_unit(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "(results) for the year": the whole unit as a stretch of time."""
    after = ctx.text[m.end() : m.end() + 16].lower()
    if re.match(r"\s*(?:-|earlier|ago|before|two|nineteen|\d)", after):
        return None
    if re.match(r"\s*(?:ended|ending|to\b|through)", after) or ctx.dct is None:
        return Value(DURATION, duration_value(1, m.group("u")))
    # Without "ended ...", "for the year" in a report is the current one ("a high for the year").
    unit = UNITS[m.group("u").lower()]
    return Value(DATE, cal.at_granularity(ctx.dct, unit))


def bare_plural(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "for years", "for weeks": an unstated number of units."""
    return Value(DURATION, duration_value(None, m.group("u").lower()[:-1]), approximate=True)


def unit_long(m: re.Match[str], ctx: Ctx) -> Value | None:
    """ "a day-long meeting" is one day; "a decades-long battle" an unstated number of decades."""
    unit = m.group("u").lower()
    if m.group("pl"):
        return Value(DURATION, duration_value(None, unit), approximate=True)
    return Value(DURATION, duration_value(1, unit))
