"""The one lexicon loader: every malformed list fails at load with a coded error naming the entry."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Literal

import pytest

from newsgraph.errors import LexiconError
from newsgraph.lexicon import CASED, _unique_keys, parse
from newsgraph.records import EventType


@dataclass(frozen=True)
class Schema:
    verbs: frozenset[str]
    order: tuple[str, ...]
    codes: dict[str, str]
    types: dict[str, tuple[EventType, str | None]]
    labels: Annotated[frozenset[str], CASED]
    quads: frozenset[int]
    kinds: dict[str, tuple[Literal["person", "state"], ...]]


GOOD = {
    "_about": "a test file",
    "verbs": {"_why": "w", "words": ["say", "tell"]},
    "order": {"_why": "w", "words": ["against", "to"]},
    "codes": {"_why": "w", "map": {"163": "085"}},
    "types": {"_why": "w", "map": {"057": ["SUPPORT", None], "041": ["CONSULT", "phone"]}},
    "labels": {"_why": "w", "words": ["GPE", "ORG"]},
    "quads": {"_why": "w", "numbers": [1, 2]},
    "kinds": {"_why": "w", "map": {"he": ["person"]}},
}


def _with(name: str, entry: object) -> dict[str, object]:
    return {**GOOD, name: entry}


def test_a_good_file_loads_typed() -> None:
    got = parse(Schema, GOOD, "t.json")
    assert got.verbs == frozenset({"say", "tell"})
    assert got.order == ("against", "to")
    assert got.types["057"] == (EventType.SUPPORT, None)
    assert got.quads == frozenset({1, 2})


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({**GOOD, "extra": {"_why": "w", "words": ["x"]}}, "unknown list"),
        ({**GOOD, "_verbs": {"_why": "w", "words": ["x"]}}, "unknown list"),
        ({k: v for k, v in GOOD.items() if k != "codes"}, "missing list"),
        (_with("verbs", {"_why": "w", "words": []}), "non-empty list"),
        (_with("verbs", {"_why": "w", "words": ["say", "say"]}), "listed twice"),
        (_with("verbs", {"_why": "w", "words": ["Say"]}), "lower case"),
        (_with("verbs", {"_why": "w", "words": [" say"]}), "not a word"),
        (_with("verbs", {"_why": "w", "words": [3]}), "not a word"),
        (_with("verbs", {"_why": "w", "map": {"a": "b"}}), "wants exactly"),
        (_with("verbs", {"words": ["say"]}), "why the list exists"),
        (_with("verbs", ["say"]), "wants an object"),
        (_with("codes", {"_why": "w", "map": {}}), "non-empty mapping"),
        (_with("types", {"_why": "w", "map": {"057": ["AGREED", None]}}), "is not one of"),
        (_with("types", {"_why": "w", "map": {"057": ["AGREE"]}}), "list of 2"),
        (_with("quads", {"_why": "w", "numbers": [True]}), "whole number"),
        (_with("kinds", {"_why": "w", "map": {"he": ["persons"]}}), "is not one of"),
        ([], "JSON object"),
    ],
)
def test_a_malformed_file_fails_with_a_coded_error(raw: object, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as caught:
        parse(Schema, raw, "t.json")
    assert caught.value.code == "E-DATA-LEXICON"
    assert "t.json" in str(caught.value)


def test_a_key_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        json.loads('{"a": 1, "a": 2}', object_pairs_hook=_unique_keys)


def test_a_table_with_optional_cells_reads_them_empty() -> None:
    from newsgraph.lexicon import table

    rows = table(
        "newsgraph.actors",
        "people.tsv",
        ("id", "name", "aliases", "country", "sector", "title", "start", "end"),
        key=7,
        blanks=True,
    )
    assert any(row[7] == "" for row in rows)  # a role still held has no end
