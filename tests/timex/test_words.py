"""The words of time in timex/data/words.json and the patterns that spell them in timex/lexicon.py agree."""

from __future__ import annotations

import re

import pytest

from newsgraph.errors import LexiconError
from newsgraph.lexicon import parse
from newsgraph.timex import lexicon as words

# The one difference today, written down: "min" is a unit word (the tagger looks closer at a sentence with it)
# but UNIT_RE does not search for it, so the patterns do not read "5 min" as a duration.
UNITS_NOT_SEARCHED = frozenset({"min"})


def _spelled(pattern: str, word: str) -> bool:
    return any(re.fullmatch(pattern, form, re.IGNORECASE) for form in (word, f"{word}."))


@pytest.mark.parametrize(
    ("names", "pattern"),
    [(words.MONTHS, words.MONTH_RE), (words.WEEKDAYS, words.WEEKDAY_RE)],
    ids=["months", "weekdays"],
)
def test_every_name_is_found_by_its_pattern(names: dict[str, int], pattern: str) -> None:
    assert [w for w in names if not _spelled(pattern, w)] == []


@pytest.mark.parametrize(
    ("names", "pattern"),
    [(words.MONTHS, words.MONTH_RE), (words.WEEKDAYS, words.WEEKDAY_RE)],
    ids=["months", "weekdays"],
)
def test_the_pattern_spells_no_name_the_data_lacks(names: dict[str, int], pattern: str) -> None:
    assert [w for w in re.findall(r"[a-z]+", pattern) if w not in names] == []


def test_full_month_names_are_the_months() -> None:
    full = re.findall(r"[a-z]+", words.FULL_MONTH_RE)
    assert [words.MONTHS[m] for m in full] == list(range(1, 13))


def test_units_and_their_pattern() -> None:
    assert {w for w in words.UNITS if not re.fullmatch(words.UNIT_RE, w)} == UNITS_NOT_SEARCHED
    assert set(words.UNITS) >= words.TIME_UNITS


def test_number_words_keep_their_values() -> None:
    assert words.number("twenty-five") == 25 and words.number("half a") == 0.5
    assert words.number("a dozen") == 12 and words.number("several") is None


def test_a_malformed_entry_is_an_error() -> None:
    raw = {
        name: {"_why": "x", "map": {"a": 1}} for name in ("months", "weekdays", "ordinals", "small", "tens")
    }
    raw |= {name: {"_why": "x", "map": {"a": "A"}} for name in ("units", "seasons", "parts_of_day")}
    raw["time_units"] = {"_why": "x", "words": ["second"]}
    assert parse(words.TimeWords, raw, "words.json").small == {"a": 1}
    raw["small"] = {"_why": "x", "map": {"a": "one"}}
    with pytest.raises(LexiconError, match="not a number"):
        parse(words.TimeWords, raw, "words.json")
