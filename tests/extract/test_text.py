"""The scraped-text filter on the seeds: no furniture reaches the text, no article sentence is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.extract.text import clean_lines, is_sentence

SEED_000 = "000_82a233cb85448ae9.txt"
SEED_001 = "001_9545d4441ba4f2da.txt"

FURNITURE_000 = [
    "Home North Korea",
    "\n0\n",
    "© News1 DB",
    "NO COMMENTS",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "Please enter your name here",
    "Exit mobile version",
]


def _sentences(raw: str) -> list[str]:
    """Every prose line of the raw page, the lines an analyst would call the article."""
    return [line.strip() for line in raw.splitlines() if is_sentence(line.strip())]


def test_seed_000_furniture_removed_and_sentences_kept(seeds_dir: Path) -> None:
    raw = (seeds_dir / SEED_000).read_text()
    clean = clean_lines(raw)
    text = "\n\n".join(clean.paragraphs)
    for piece in FURNITURE_000:
        assert piece not in "\n" + text + "\n", piece
    assert clean.title == "Putin’s North Korean Gambit: Bolstering Ties as Ukraine War Drags On"
    assert clean.title not in text  # the repeated title is gone too
    for sentence in _sentences(raw):
        assert sentence in text
    assert text.startswith("Upon announcing Russian President Vladimir Putin’s visit")
    assert text.endswith("posing a threat to Japan’s security.”")


def test_seed_001_keeps_everything_but_the_title(seeds_dir: Path) -> None:
    raw = (seeds_dir / SEED_001).read_text()
    clean = clean_lines(raw)
    assert clean.title and clean.title.startswith("Putin-Kim Summit")
    assert clean.removed == ()
    assert len(clean.paragraphs) == len([line for line in raw.splitlines() if line.strip()]) - 1


@pytest.mark.parametrize(
    ("page", "kept", "dropped"),
    [
        (
            "Home › World › Asia\nTalks resume\nShare\nTweet\n12 Comments\n"
            "Diplomats from both countries met in Geneva on Tuesday to resume the stalled talks.\n"
            "Photo: Reuters\nAdvertisement\nAll rights reserved.",
            ["Diplomats from both countries met in Geneva on Tuesday to resume the stalled talks."],
            ["Home ›", "Share", "Tweet", "12 Comments", "Photo: Reuters", "Advertisement", "rights"],
        ),
        (
            "Leaders meet\nThe summit opened with a joint statement on trade and security in the region.\n"
            "LEAVE A REPLY\nGreat article\nSubmit",
            ["The summit opened with a joint statement on trade and security in the region."],
            ["LEAVE A REPLY", "Great article", "Submit"],
        ),
        (
            # A sentence after a tail marker is still article text: never lose a sentence.
            "Title here\nFirst sentence of the article is long enough to count as prose.\nComments\n"
            "The minister said on Friday that the ceasefire would hold through the weekend.",
            ["The minister said on Friday that the ceasefire would hold through the weekend."],
            ["Comments"],
        ),
    ],
)
def test_furniture_table(page: str, kept: list[str], dropped: list[str]) -> None:
    text = "\n".join(clean_lines(page).paragraphs)
    for piece in kept:
        assert piece in text
    for piece in dropped:
        assert not re.search(rf"(^|\n){re.escape(piece)}", text), piece
