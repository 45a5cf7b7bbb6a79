"""Quoted stretches of text: straight and curly double quotes, paired within a paragraph."""

from __future__ import annotations

import re

from newsgraph.records import Span

_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN = "“"
_CLOSE = "”"
# Titles and initials whose full stop ends no sentence ("…?” Mr. Manafort asked", "said Gov. J. Smith").
ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Gov|Rep|Reps|Jr|Sr|St|Lt|Gen|Col|Sgt|Capt|Prof|Rev|Hon|Adm|Gens|Mt|Ft|[A-Z])\."
)
# Quotes shorter than this are scare quotes or titles ("so-called “reset”"), not someone's words.
MIN_QUOTE_WORDS = 4


def find_quotes(text: str) -> list[Span]:
    """Spans of quoted text, marks included; a quote left open runs to the end of its paragraph."""
    spans: list[Span] = []
    # Some wires write a double quote as two apostrophes (''like this''); scan them as one mark.
    scan = text.replace("''", '"\x01')
    for para in _PARAGRAPH.finditer(scan):
        start: int | None = None
        for i in range(para.start(), para.end()):
            ch = scan[i]
            if ch == _OPEN or (ch == '"' and start is None):
                # A curly opener while a quote is open means the writer left the last one unclosed.
                if start is not None:
                    spans.append((start, i))
                start = i
            elif (ch == _CLOSE or ch == '"') and start is not None:
                end = i + 2 if scan[i + 1 : i + 2] == "\x01" else i + 1
                spans.append((start, end))
                start = None
        if start is not None:
            spans.append((start, para.end()))
    return spans


def is_speech(text: str, span: Span) -> bool:
    """Whether a quote is long enough to be someone's words rather than a scare quote."""
    return len(text[span[0] : span[1]].split()) >= MIN_QUOTE_WORDS


def quoted_share(span: Span, quotes: list[Span]) -> float:
    """The share of a span's characters that lie inside quotes."""
    length = span[1] - span[0]
    if length <= 0:
        return 0.0
    inside = sum(max(0, min(span[1], q[1]) - max(span[0], q[0])) for q in quotes)
    return inside / length
