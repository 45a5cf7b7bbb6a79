"""Already-scraped page text: drop the site furniture line by line, keep every article sentence.

Scraped text arrives with the page around the article: breadcrumbs, the title again, share
counters, photo credits, comment forms, "Exit mobile version". Each rule below removes a kind of
line that never carries article prose; a line that reads like a sentence is kept unless the furniture
rules of ``data/boilerplate.tsv`` name it (a paywall prompt, a newsletter call to action).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.extract.patterns import patterns

_COUNTER = re.compile(r"^\d{1,6}(\s*(shares?|comments?|views?|likes?))?$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(©|\(c\)|copyright\b|photo\s*(credit)?\s*[:/]|\(?photo\s+by\b|image\s*[:/]|"
    r"(ap|afp|reuters|getty images|yonhap|epa|kcna|news1)\s*(photo|/|$))",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"all rights reserved\.?$", re.IGNORECASE)
_BREADCRUMB_SEP = re.compile(r"^(home|main)\s*[>»›/|]", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


@dataclass(frozen=True)
class CleanText:
    """The article's paragraphs and the title found among the lines."""

    paragraphs: tuple[str, ...]
    title: str | None
    removed: tuple[str, ...]


def _words(line: str) -> int:
    return len(line.split())


def is_sentence(line: str) -> bool:
    """A line that reads as prose: several words and a sentence end. Such a line is never dropped."""
    return _words(line) >= 8 and bool(_SENTENCE_END.search(line))


def _is_heading(line: str) -> bool:
    return 2 <= _words(line) <= 30 and len(line) <= 250 and not _SENTENCE_END.search(line.rstrip('"”'))


def _is_furniture(line: str) -> bool:
    low = line.lower().strip(" :·|")
    if patterns().is_line(line) or _COUNTER.match(low):
        return True
    if _words(line) <= 12 and (_CREDIT.match(line) or _RIGHTS.search(line)):
        return True
    return bool(_BREADCRUMB_SEP.match(line)) and not is_sentence(line)


def clean_lines(text: str) -> CleanText:
    """Split scraped text into article paragraphs, dropping furniture and finding the title."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", raw).strip() for raw in text.splitlines()]
    lines = [line for line in lines if line]
    kept: list[str] = []
    removed: list[str] = []
    title: str | None = None
    seen: set[str] = set()
    in_tail = False
    for index, line in enumerate(lines):
        later = lines[index + 1 : index + 4]
        if in_tail and not is_sentence(line):
            removed.append(line)
            continue
        if patterns().is_tail(line) and kept:
            in_tail = True
            removed.append(line)
            continue
        # A breadcrumb ends with the title that follows it: "Home North Korea <title>" then "<title>".
        if not is_sentence(line) and any(
            nxt != line and line.endswith(nxt) and _is_heading(nxt) and _words(line) > _words(nxt)
            for nxt in later
        ):
            removed.append(line)
            continue
        if _is_furniture(line) and not is_sentence(line):
            removed.append(line)
            continue
        # Calls to action and paywall prompts read like sentences; the furniture rules know them.
        if patterns().is_furniture(line):
            removed.append(line)
            continue
        if line in seen and not is_sentence(line):
            removed.append(line)  # the title or a credit repeated
            continue
        seen.add(line)
        if title is None and not kept and _is_heading(line):
            title = line
            continue
        kept.append(line)
    stripped = patterns().strip(kept)  # datelines at either end ("May 06, 2022 News")
    removed.extend(line for line in kept if line not in stripped)
    return CleanText(paragraphs=tuple(stripped), title=title, removed=tuple(removed))
