"""Incidents: one happening, every report of it, and how each outlet told it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.incidents.items import LinkItem, iso
from newsgraph.records import Factuality

UNKNOWN_OUTLET = "(outlet unknown)"
# When an outlet tells a happening more than one way, its stance is the most common; ties go to the
# firmer one in this order.
_FIRMNESS = [f.value for f in Factuality]


@dataclass(frozen=True, slots=True)
class Report:
    """One event of an incident: where it was read and how it was told."""

    event_id: str
    doc_id: str
    outlet: str | None
    published: str | None
    event_type: str
    factuality: str
    sentence: str
    span: tuple[int, int]
    mentions: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "published": self.published,
            "event_type": self.event_type,
            "factuality": self.factuality,
            "sentence": self.sentence,
            "span": list(self.span),
            "mentions": self.mentions,
        }


@dataclass(frozen=True, slots=True)
class Stance:
    """How one outlet told the incident: its most common factuality, and all of them counted."""

    outlet: str
    stance: str
    counts: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "stance": self.stance, "factualities": dict(self.counts)}


@dataclass(frozen=True, slots=True)
class Incident:
    """One happening as every stored document told it."""

    incident: str
    event_type: str
    quad_class: int
    source: str | None  # side key: a country code, an actor id, or name:… for an unlinked name
    source_name: str | None
    target: str | None
    target_name: str | None
    date_from: str | None
    date_to: str | None
    place: str | None
    reports: tuple[Report, ...]  # first published first
    stances: tuple[Stance, ...]

    @property
    def date(self) -> str | None:
        """A day, or an ISO 8601 range ``2023-09-12/2023-09-15`` when the reports allow several days."""
        if self.date_from is None:
            return None
        return self.date_from if self.date_from == self.date_to else f"{self.date_from}/{self.date_to}"

    @property
    def event_ids(self) -> tuple[str, ...]:
        return tuple(r.event_id for r in self.reports)

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.doc_id for r in self.reports))

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(s.outlet for s in self.stances)

    @property
    def mentions(self) -> int:
        return sum(r.mentions for r in self.reports)

    @property
    def first_report(self) -> Report:
        return self.reports[0]

    def to_dict(self, *, reports: bool = True) -> dict[str, Any]:
        body: dict[str, Any] = {
            "incident": self.incident,
            "event_type": self.event_type,
            "quad_class": self.quad_class,
            "source": self.source,
            "source_name": self.source_name,
            "target": self.target,
            "target_name": self.target_name,
            "date": self.date,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "place": self.place,
            "mentions": self.mentions,
            "events": len(self.reports),
            "documents": len(self.doc_ids),
            "outlet_count": len(self.stances),
            "outlets": list(self.outlets),
            "first_report": {
                "doc_id": self.first_report.doc_id,
                "outlet": self.first_report.outlet,
                "published": self.first_report.published,
            },
            "stances": {s.outlet: s.stance for s in self.stances},
            "event_ids": list(self.event_ids),
            "doc_ids": list(self.doc_ids),
        }
        if reports:
            body["reports"] = [r.to_dict() for r in self.reports]
            body["stance_counts"] = [s.to_dict() for s in self.stances]
        return body


def _most(values: Iterable[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    if not counted:
        return None
    return sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _dates(items: Sequence[LinkItem]) -> tuple[str | None, str | None]:
    """The days every report allows (their ranges' overlap), else all the days any allows."""
    ranged = [(i.lo, i.hi) for i in items if i.lo is not None and i.hi is not None]
    if not ranged:
        return None, None
    lo, hi = max(r[0] for r in ranged), min(r[1] for r in ranged)
    if lo > hi:
        lo, hi = min(r[0] for r in ranged), max(r[1] for r in ranged)
    return iso(lo), iso(hi)


def _published_order(item: LinkItem) -> tuple[bool, str, str, int]:
    return (item.published is None, item.published or "", item.doc_id, item.seq)


def build_incident(incident: str, items: Sequence[LinkItem]) -> Incident:
    """The incident made of these items (all assigned to ``incident``)."""
    ordered = sorted(items, key=_published_order)
    # The direction most reports give; a symmetric type's reports may give either.
    direction = Counter((i.source_key, i.target_key) for i in ordered)
    source, target = sorted(direction.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]
    names_of = {}
    for key in (source, target):
        if key is not None:
            labels = [i.source_name for i in ordered if i.source_key == key]
            labels += [i.target_name for i in ordered if i.target_key == key]
            # a leader or capital standing for its state is labelled with the code: the state's name wins
            names_of[key] = _most(n for n in labels if n != key) or key
    by_outlet: dict[str, Counter[str]] = {}
    for item in ordered:
        by_outlet.setdefault(item.outlet or UNKNOWN_OUTLET, Counter())[item.factuality] += 1
    stances = tuple(
        Stance(
            outlet=outlet,
            stance=sorted(counts.items(), key=lambda kv: (-kv[1], _FIRMNESS.index(kv[0])))[0][0],
            counts=tuple(sorted(counts.items(), key=lambda kv: _FIRMNESS.index(kv[0]))),
        )
        for outlet, counts in by_outlet.items()
    )
    types = Counter(i.event_type for i in ordered)
    date_from, date_to = _dates(ordered)
    return Incident(
        incident=incident,
        event_type=sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
        quad_class=ordered[0].quad_class,
        source=source,
        source_name=names_of.get(source) if source else None,
        target=target,
        target_name=names_of.get(target) if target else None,
        date_from=date_from,
        date_to=date_to,
        place=_most(i.place for i in ordered),
        reports=tuple(
            Report(
                event_id=i.event_id,
                doc_id=i.doc_id,
                outlet=i.outlet,
                published=i.published,
                event_type=i.event_type,
                factuality=i.factuality,
                sentence=i.sentence,
                span=i.span,
                mentions=i.mentions,
            )
            for i in ordered
        ),
        stances=stances,
    )


def incident_from_dict(data: dict[str, Any]) -> Incident:
    """Read back :meth:`Incident.to_dict` (with reports)."""
    return Incident(
        incident=data["incident"],
        event_type=data["event_type"],
        quad_class=int(data["quad_class"]),
        source=data["source"],
        source_name=data["source_name"],
        target=data["target"],
        target_name=data["target_name"],
        date_from=data["date_from"],
        date_to=data["date_to"],
        place=data["place"],
        reports=tuple(
            Report(
                event_id=r["event_id"],
                doc_id=r["doc_id"],
                outlet=r["outlet"],
                published=r["published"],
                event_type=r["event_type"],
                factuality=r["factuality"],
                sentence=r["sentence"],
                span=(int(r["span"][0]), int(r["span"][1])),
                mentions=int(r["mentions"]),
            )
            for r in data["reports"]
        ),
        stances=tuple(
            Stance(outlet=s["outlet"], stance=s["stance"], counts=tuple(s["factualities"].items()))
            for s in data["stance_counts"]
        ),
    )
