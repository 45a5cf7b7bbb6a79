"""Counts in words, for every message and page: "1 claim", "2 claims", never "1 claims" or "2 document(s)"."""

from __future__ import annotations

# Nouns whose plural is not the singular plus "s".
IRREGULAR = {
    "entity": "entities",
    "timex": "timexes",
    "story": "stories",
    "query": "queries",
    "expression": "expressions",
    "time expression": "time expressions",
    "prediction or warning": "predictions and warnings",
}


def plural(count: int, noun: str) -> str:
    """The count and the noun in the right number.

    >>> plural(1, "claim"), plural(2, "document"), plural(0, "entity"), plural(1200, "event")
    ('1 claim', '2 documents', '0 entities', '1,200 events')
    """
    if count == 1:
        return f"1 {noun}"
    return f"{count:,} {IRREGULAR.get(noun, noun + 's')}"
