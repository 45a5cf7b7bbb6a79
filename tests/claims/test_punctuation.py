"""Attributions made by punctuation: headline and transcript colons, dash sign-offs."""

from __future__ import annotations

import pytest

from newsgraph.claims.punctuation import find_punctuated

CASES = [
    ("Pat Caddell: Democrat voters are worried about her health", "Pat Caddell", ":", "Democrat voters"),
    ("WALLACE: If I may, sir, we have limited time.", "WALLACE", ":", "If I may"),
    ("“He is ignorant of our culture and lives.” ― Pamela Padilla", "Pamela Padilla", "―", "“He is ignorant"),
    ("“The best candidate we have ever had.” — John Smith", "John Smith", "—", "“The best"),
]


@pytest.mark.parametrize(("text", "source", "cue", "content"), CASES)
def test_punctuated(text: str, source: str, cue: str, content: str) -> None:
    (found,) = find_punctuated(text)
    assert text[found.source[0] : found.source[1]] == source
    assert text[found.cue[0] : found.cue[1]] == cue
    assert text[found.content[0] : found.content[1]].startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "CLARIFICATION: The first sentence has been clarified.",
        "Update: the story was changed at noon today.",
        "The ministry's statement: short.",
        "It is a long sentence with a colon in the middle: and more words here.",
    ],
)
def test_not_punctuated(text: str) -> None:
    assert find_punctuated(text) == []
