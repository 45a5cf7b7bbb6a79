"""Quote finding: curly and straight marks, two-apostrophe quotes, unclosed quotes, scare quotes."""

from __future__ import annotations

import pytest

from newsgraph.claims.quotes import find_quotes, is_speech, quoted_share

CASES = [
    ("He said “we will win this war” today.", ["“we will win this war”"]),
    ('He said "we will win this war" today.', ['"we will win this war"']),
    ("He said ''we will win this war'' today.", ["''we will win this war''"]),
    ("“First part,” he said, “second part.”", ["“First part,”", "“second part.”"]),
    ("“An unclosed quote runs on\nto nothing", ["“An unclosed quote runs on"]),
    ('A "quote" on one line\nand "another" below', ['"quote"', '"another"']),
    ("No quotes at all.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in find_quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "speech"),
    [("the so-called “reset”", False), ("“We will not back down now”", True), ("“Mostly True.”", False)],
)
def test_is_speech(text: str, speech: bool) -> None:
    (quote,) = find_quotes(text)
    assert is_speech(text, quote) is speech


def test_quoted_share() -> None:
    text = "said “abcd” then"
    quotes = find_quotes(text)
    assert quoted_share((5, 11), quotes) == 1.0
    assert quoted_share((0, 4), quotes) == 0.0
