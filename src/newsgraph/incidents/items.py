"""Events as link items: what incident linking reads of an event, its document and its date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from newsgraph.incidents.rules import Rules
from newsgraph.incidents.sides import Side, side_of
from newsgraph.records import Document, Event, Factuality

# How an item is placed in time:
# day    - on one calendar day (a timex "June 18", "2023-09-13")
# span   - within a week or month its timex names ("September 2023"), at most ``max_span_days`` long
# report - only by its publication: some day up to ``report_days`` before it (after, for a prediction)
# none   - nowhere: a year, a quarter, a season ("in 2016"); no date and no publication date; or no
#          side another document could name
Basis = Literal["day", "span", "report", "none"]
UNKNOWN = "?"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PERIOD = re.compile(r"^\d{3,4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI))?$")
_FORWARD = frozenset({Factuality.PREDICTED, Factuality.INTENDED})


@dataclass(frozen=True, slots=True)
class LinkItem:
    """One event as linking sees it. ``lo``/``hi`` are proleptic ordinals of the first and last possible
    day; ``ref`` the publication day of a report-based item."""

    doc_id: str
    seq: int  # the event's place in its document
    event_id: str
    block: str  # quad class and the unordered pair of side keys: only items of one block can link
    orient: str  # ">SRC|TGT" directed, "~A|B" for a symmetric type
    event_type: str
    quad_class: int
    basis: Basis
    lo: int | None
    hi: int | None
    ref: int | None
    place: str | None
    factuality: str
    mentions: int
    source_key: str | None
    source_name: str | None
    target_key: str | None
    target_name: str | None
    outlet: str | None
    published: str | None
    sentence: str
    span: tuple[int, int]

    @property
    def sym(self) -> bool:
        return self.orient.startswith("~")


def ordinal(value: str | None) -> int | None:
    """The proleptic ordinal of an ISO date (its first 10 characters), None when it is no full date."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def timex_range(value: str) -> tuple[int, int] | None:
    """First and last day a calendar value names: a day, an ISO week or a month; None otherwise."""
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            first = dt.date(year, month, 1)
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            return monday, monday + 6
    except ValueError:
        return None
    return None


def _when(
    event: Event, published: str | None, rules: Rules
) -> tuple[Basis, int | None, int | None, int | None]:
    """basis, lo, hi and ref of an event."""
    date = event.date
    value = date.value if date is not None else None
    if date is not None and date.anchor == "timex" and value:
        found = timex_range(value)
        if found is not None:
            lo, hi = found
            if lo == hi:
                return "day", lo, hi, None
            if hi - lo + 1 <= rules.max_span_days:
                return "span", lo, hi, None
        if _PERIOD.match(value) or found is not None:
            # "in 2016", "last quarter": no day to meet other reports on
            return "none", None, None, None
    # Dated by the document only (or by a value no calendar holds, "PAST_REF"): near the publication day.
    anchor = ordinal(published) if published else None
    if anchor is None and date is not None and date.anchor == "document":
        anchor = ordinal(value)
    if anchor is None:
        return "none", None, None, None
    if event.factuality in _FORWARD:
        return "report", anchor, anchor + rules.report_days, anchor
    return "report", anchor - rules.report_days, anchor, anchor


def _orient(
    event: Event, source: Side | None, target: Side | None, rules: Rules, document_id: str
) -> tuple[str, str]:
    a = source.key if source else UNKNOWN
    b = target.key if target else UNKNOWN
    low, high = sorted((a, b))
    block = f"{event.quad_class}|{low}|{high}"
    if UNKNOWN in (a, b):
        # One side unnamed ("attacked", "were charged"): across documents that says too little to tell
        # two happenings apart, so such an event links only with its own document's.
        block += f"|{document_id}"
    if event.event_type.value in rules.symmetric_types:
        return block, f"~{low}|{high}"
    return block, f">{a}|{b}"


def link_items(document: Document, events: Iterable[Event], rules: Rules) -> list[LinkItem]:
    """The link items of a document's events, in document order (``seq`` as the store numbers them)."""
    items = []
    for seq, event in enumerate(events):
        source, target = side_of(event.source, rules), side_of(event.target, rules)
        block, orient = _orient(event, source, target, rules, document.doc_id)
        basis, lo, hi, ref = _when(event, document.published, rules)
        if source is None and target is None:
            basis, lo, hi, ref = "none", None, None, None
        items.append(
            LinkItem(
                doc_id=document.doc_id,
                seq=seq,
                event_id=event.id,
                block=block,
                orient=orient,
                event_type=event.event_type.value,
                quad_class=event.quad_class,
                basis=basis,
                lo=lo,
                hi=hi,
                ref=ref,
                place=event.location.country if event.location else None,
                factuality=event.factuality.value,
                mentions=max(1, len(event.mentions)),
                source_key=source.key if source else None,
                source_name=source.name if source else None,
                target_key=target.key if target else None,
                target_name=target.name if target else None,
                outlet=document.outlet,
                published=document.published,
                sentence=event.sentence,
                span=event.span,
            )
        )
    return items
