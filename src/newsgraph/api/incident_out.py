"""Response schemas of /api/incidents (kept apart from outputs.py, which other resources share)."""

from __future__ import annotations

from newsgraph.api.schemas import Out
from newsgraph.records import Span


class ReportOut(Out):
    event_id: str
    doc_id: str
    outlet: str | None
    published: str | None
    event_type: str
    factuality: str
    sentence: str
    span: Span
    mentions: int


class FirstReportOut(Out):
    doc_id: str
    outlet: str | None
    published: str | None


class StanceOut(Out):
    outlet: str
    stance: str
    factualities: dict[str, int]


class IncidentOut(Out):
    """One happening: every report of it, counted, with each outlet's stance."""

    incident: str
    event_type: str
    quad_class: int
    source: str | None
    source_name: str | None
    target: str | None
    target_name: str | None
    date: str | None
    date_from: str | None
    date_to: str | None
    place: str | None
    mentions: int
    events: int
    documents: int
    outlet_count: int
    outlets: list[str]
    first_report: FirstReportOut
    stances: dict[str, str]
    event_ids: list[str]
    doc_ids: list[str]
    reports: list[ReportOut]
    stance_counts: list[StanceOut]
