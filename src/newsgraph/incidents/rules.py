"""The rules of incident linking, read from ``rules.json``: one loader that checks them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsgraph.errors import DataError
from newsgraph.records import EventType


@dataclass(frozen=True, slots=True)
class Rules:
    """What decides that two events tell one happening.

    - ``state_sectors``: sectors of an actor that stand for its state. "Pyongyang" (PRK, GOV), "Kim Jong
      Un" (PRK, GOV), "the North Korean army" (PRK, MIL) and "North Korea" (PRK) are one side, PRK.
    - ``symmetric_types``: PLOVER types whose direction outlets word either way ("Kim met Putin",
      "Putin met Kim").
    - ``report_days``: how many days before its publication a report may tell a happening it does not
      date (and after, for what it predicts).
    - ``max_span_days``: a date vaguer than this (a year, a quarter) places no event on a day.
    - ``name_skip``: words that are no name when an unlinked mention is keyed by its name.
    """

    state_sectors: frozenset[str]
    symmetric_types: frozenset[str]
    report_days: int
    max_span_days: int
    name_skip: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rules:
        known = {"_comment", "state_sectors", "symmetric_types", "report_days", "max_span_days", "name_skip"}
        unknown = set(data) - known
        if unknown:
            raise DataError(f"incident rules: unknown keys {sorted(unknown)}; known: {sorted(known)}")
        types = {t.value for t in EventType}
        symmetric = frozenset(str(t) for t in data["symmetric_types"])
        if not symmetric <= types:
            raise DataError(f"incident rules: {sorted(symmetric - types)} are no PLOVER types")
        report_days, max_span = int(data["report_days"]), int(data["max_span_days"])
        if not 0 <= report_days <= 30 or not 1 <= max_span <= 92:
            raise DataError("incident rules: report_days must be 0-30 and max_span_days 1-92")
        return cls(
            state_sectors=frozenset(str(s) for s in data["state_sectors"]),
            symmetric_types=symmetric,
            report_days=report_days,
            max_span_days=max_span,
            name_skip=frozenset(str(w).lower() for w in data["name_skip"]),
        )


@cache
def load_rules() -> Rules:
    """The packaged rules (``newsgraph/incidents/rules.json``)."""
    text = (resources.files("newsgraph.incidents") / "rules.json").read_text(encoding="utf-8")
    return Rules.from_dict(json.loads(text))
