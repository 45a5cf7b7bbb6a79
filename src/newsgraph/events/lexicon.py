"""The event rules' word lists, read once from ``data/rules.json`` and checked: rules are data."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsgraph.errors import DataError

RULES = "rules.json"


@dataclass(frozen=True)
class Rules:
    taken_not_seized: frozenset[str]
    directed_at: frozenset[str]
    verb_aliases: dict[str, str]
    commitments: frozenset[str]
    imminent: frozenset[str]
    open_negations: frozenset[str]
    reciprocal_quads: frozenset[int]
    reciprocal_verbs: frozenset[str]
    future_marks: frozenset[str]
    abstract_sources: frozenset[str]
    verb_objects: dict[str, dict[str, str]]
    light_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    aspectual: frozenset[str]
    never_triggers: frozenset[str]


def _words(raw: dict[str, Any], name: str) -> frozenset[str]:
    words = raw[name]["words"]
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() and w for w in words):
        raise DataError(f"events/data/{RULES}: {name}.words must be a list of lower-case words")
    return frozenset(words)


def _verb_objects(raw: dict[str, Any]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, code in raw["verb_objects"]["codes"].items():
        verb, _, noun = key.partition(" ")
        if not noun or not (isinstance(code, str) and code.isdigit()):
            raise DataError(
                f"events/data/{RULES}: verb_objects.codes wants 'verb object': 'CAMEO code', got {key!r}"
            )
        out.setdefault(verb, {})[noun] = code
    return out


@functools.cache
def rules() -> Rules:
    text = resources.files("newsgraph.events").joinpath("data", RULES).read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
        aliases = raw["verb_aliases"]["pairs"]
        quads = raw["reciprocal_quads"]["quads"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
            raise DataError(f"events/data/{RULES}: verb_aliases.pairs must map words to words")
        if not all(q in (1, 2, 3, 4) for q in quads):
            raise DataError(f"events/data/{RULES}: reciprocal_quads.quads must be quad classes 1-4")
        return Rules(
            taken_not_seized=_words(raw, "taken_not_seized"),
            directed_at=_words(raw, "directed_at"),
            verb_aliases=dict(aliases),
            commitments=_words(raw, "commitments"),
            imminent=_words(raw, "imminent"),
            open_negations=_words(raw, "open_negations"),
            reciprocal_quads=frozenset(quads),
            reciprocal_verbs=_words(raw, "reciprocal_verbs"),
            future_marks=_words(raw, "future_marks"),
            abstract_sources=_words(raw, "abstract_sources"),
            verb_objects=_verb_objects(raw),
            light_verbs=_words(raw, "light_verbs"),
            stance_verbs=_words(raw, "stance_verbs"),
            aspectual=_words(raw, "aspectual"),
            never_triggers=_words(raw, "never_triggers"),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(f"events/data/{RULES} is malformed: {exc}") from exc
