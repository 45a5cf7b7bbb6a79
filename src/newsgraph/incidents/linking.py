"""Which incident each event belongs to: a function of the events alone, not of the order they came in.

Inside a block (one quad class, one unordered pair of sides) an item goes to an incident by its date:

1. An item dated to a day makes, with every item of the same direction on that day, the incident of
   that day.
2. An item dated more loosely (a week, a month, or only by its publication: some day up to
   ``report_days`` before it) joins a day incident of the block inside its range, if one exists: the
   one of its own PLOVER type first, then the day nearest its publication (or the range's start).
3. Otherwise a week- or month-dated item makes, with the others of that week or month, a span
   incident; a report-dated item joins the narrowest span incident its range overlaps.
4. Otherwise a report-dated item is grouped with the reports of the same direction published up to
   ``report_days`` before it: its incident is named by the earliest such publication day.
5. An item dated no closer than a year or a quarter, with no date at all, or with no side another
   document could name, is an incident alone.

Each step reads only items within a few days of the item, so adding documents changes the incidents of
their neighbourhood only (:func:`reach`), and linking in any order, in one run or many, gives the same
incidents.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsgraph.incidents.items import LinkItem
from newsgraph.incidents.rules import Rules

ItemKey = tuple[str, int]  # (doc_id, seq)


def item_key(item: LinkItem) -> ItemKey:
    return (item.doc_id, item.seq)


def incident_id(key: str) -> str:
    """A stable id from the incident's key: the same happening gets the same id in every store."""
    return "inc-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Day:
    types: set[str]
    places: set[str]


def _joins(item: LinkItem, orient: str, found: _Day) -> bool:
    """Whether an item may join an incident of this direction, types and places.

    Same block, so the unordered pair of sides is the same. The same direction: any type of the quad
    class ("accused", "condemned"). A symmetric type against a directed one ("met" and "hosted"): only
    the same type, or "Russia supports" would join "Putin and Kim met".
    """
    if orient != item.orient and item.event_type not in found.types:
        return False
    if orient != item.orient and not (orient.startswith("~") or item.orient.startswith("~")):
        return False
    return not (item.place and found.places and item.place not in found.places)


class _Block:
    """The day incidents and the report days of one block, for the items given as context."""

    def __init__(self, items: Iterable[LinkItem], rules: Rules) -> None:
        self.rules = rules
        self.days: dict[int, dict[str, _Day]] = defaultdict(dict)
        reports: list[LinkItem] = []
        spans: list[LinkItem] = []
        for item in items:
            if item.basis == "day" and item.lo is not None:
                day = self.days[item.lo].setdefault(item.orient, _Day(set(), set()))
                day.types.add(item.event_type)
                if item.place:
                    day.places.add(item.place)
            elif item.basis == "report":
                reports.append(item)
            elif item.basis == "span":
                spans.append(item)
        # week and month incidents: span items that join no day incident
        self.spans: dict[tuple[int, int, str], _Day] = {}
        for item in spans:
            if self.day_for(item) is None:
                assert item.lo is not None and item.hi is not None
                found = self.spans.setdefault((item.lo, item.hi, item.orient), _Day(set(), set()))
                found.types.add(item.event_type)
                if item.place:
                    found.places.add(item.place)
        # publication days of report items that join no day or span incident, by direction
        self.loose: dict[str, set[int]] = defaultdict(set)
        for item in reports:
            if self.day_for(item) is None and self.span_for(item) is None and item.ref is not None:
                self.loose[item.orient].add(item.ref)

    def day_for(self, item: LinkItem) -> tuple[int, str] | None:
        """The day incident a loosely dated item joins, as (day, direction), if any."""
        assert item.lo is not None and item.hi is not None
        ref = item.ref if item.ref is not None else item.lo
        best: tuple[tuple[int, int, int, str], tuple[int, str]] | None = None
        for day in range(item.lo, item.hi + 1):
            for orient, found in self.days.get(day, {}).items():
                if not _joins(item, orient, found):
                    continue
                rank = (item.event_type not in found.types, abs(day - ref), day, orient)
                if best is None or rank < best[0]:
                    best = (rank, (day, orient))
        return best[1] if best else None

    def span_for(self, item: LinkItem) -> tuple[int, int, str] | None:
        """The week or month incident a report-dated item joins: the narrowest its range overlaps."""
        assert item.lo is not None and item.hi is not None
        best: tuple[tuple[int, bool, int, int, str], tuple[int, int, str]] | None = None
        for (lo, hi, orient), found in self.spans.items():
            if hi < item.lo or lo > item.hi or not _joins(item, orient, found):
                continue
            rank = (hi - lo, item.event_type not in found.types, lo, hi, orient)
            if best is None or rank < best[0]:
                best = (rank, (lo, hi, orient))
        return best[1] if best else None

    def key(self, item: LinkItem) -> str:
        base = f"{item.block}#"
        if item.basis == "day":
            return f"{base}{item.orient}#d{item.lo}"
        if item.basis in ("span", "report"):
            found = self.day_for(item)
            if found is not None:
                return f"{base}{found[1]}#d{found[0]}"
            if item.basis == "report":
                span = self.span_for(item)
                if span is not None:
                    return f"{base}{span[2]}#s{span[0]}-{span[1]}"
            if item.basis == "report" and item.ref is not None:
                days = self.loose[item.orient]
                window = range(item.ref - self.rules.report_days, item.ref + 1)
                anchor = min(d for d in window if d in days or d == item.ref)
                return f"{base}{item.orient}#r{anchor}"
            return f"{base}{item.orient}#s{item.lo}-{item.hi}"
        return f"event#{item.doc_id}#{item.seq}"


class _Named:
    """Day incidents of two named sides, by (quad class, one side, day): what completes a one-sided item."""

    def __init__(self, items: Iterable[LinkItem]) -> None:
        self.by: dict[tuple[int, str, int], dict[str, tuple[LinkItem, _Day]]] = defaultdict(dict)
        for item in items:
            if item.basis != "day" or item.lo is None or not (item.source_key and item.target_key):
                continue
            key = f"{item.block}#{item.orient}#d{item.lo}"
            for side in {item.source_key, item.target_key}:
                _, day = self.by[(item.quad_class, side, item.lo)].setdefault(key, (item, _Day(set(), set())))
                day.types.add(item.event_type)
                if item.place:
                    day.places.add(item.place)

    def complete(self, item: LinkItem) -> str | None:
        """The one day incident a one-sided item dated to that day can join: same type, its named side
        on the same side (for a directed type), its place; None when there is none, or several."""
        known = item.source_key or item.target_key
        if known is None or item.basis != "day" or (item.source_key and item.target_key):
            # only an item dated to a day: "vowed to respond" in a report of the week could be anything
            return None
        assert item.lo is not None and item.hi is not None
        found: set[str] = set()
        for day in range(item.lo, item.hi + 1):
            for key, (first, incident) in self.by.get((item.quad_class, known, day), {}).items():
                if item.event_type not in incident.types:
                    continue
                if item.place and incident.places and item.place not in incident.places:
                    continue
                directed = not (item.sym or first.sym)
                if directed and known != (first.source_key if item.source_key else first.target_key):
                    continue
                found.add(key)
        return found.pop() if len(found) == 1 else None


def assign(targets: Sequence[LinkItem], context: Iterable[LinkItem], rules: Rules) -> dict[ItemKey, str]:
    """The incident id of each target; ``context`` must hold every item near the targets (see
    :func:`reach`), the targets included.

    An item dated to a day with one side unnamed ("welcoming Prime Minister Kishida on January 13") joins
    the day incident of the named side when exactly one fits; otherwise it links only with its own
    document's events, since across documents "X was welcomed" says too little.
    """
    by_block: dict[str, list[LinkItem]] = defaultdict(list)
    kept = list(context)
    for item in kept:
        by_block[item.block].append(item)
    named = _Named(kept)
    blocks: dict[str, _Block] = {}
    out: dict[ItemKey, str] = {}
    for item in targets:
        if item.basis == "none":
            out[item_key(item)] = incident_id(_Block((), rules).key(item))
            continue
        completed = named.complete(item)
        if completed is not None:
            out[item_key(item)] = incident_id(completed)
            continue
        if item.block not in blocks:
            blocks[item.block] = _Block(by_block.get(item.block, ()), rules)
        out[item_key(item)] = incident_id(blocks[item.block].key(item))
    return out


def reach(rules: Rules) -> tuple[int, int]:
    """How far (days) new items can change others' incidents, and how far those need context.

    An item's incident depends on day items inside its range and on report items published up to
    ``report_days`` before it, whose own standing depends on day items within ``report_days`` of them.
    """
    targets = 2 * rules.report_days + rules.max_span_days + 2
    return targets, targets + 2 * rules.report_days + 2 * rules.max_span_days + 2


def link_all(items: Sequence[LinkItem], rules: Rules) -> dict[ItemKey, str]:
    """Every item's incident, from all items at once (what a rebuild does)."""
    return assign(items, items, rules)
