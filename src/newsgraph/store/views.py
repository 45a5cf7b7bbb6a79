"""Reads the dashboard and lists answer from: incidents and counts done by SQL, not by Python over rows."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, exists, func, or_, select

from newsgraph.errors import NotFoundError, UnknownActorError
from newsgraph.incidents import Incident, load_rules
from newsgraph.incidents.query import IncidentQuery
from newsgraph.store import incidents, schema
from newsgraph.store.dates import before, check_date, like

log = logging.getLogger("newsgraph.store")
STALE_MESSAGE = (
    "this store was made before incidents were linked: its documents have no incidents yet; "
    "run `newsgraph incidents --rebuild` (once) to link them"
)


class Views:
    """Mixed into :class:`~newsgraph.store.Store`: the incident queries and the store's write version."""

    _engine: Engine

    # -- state ------------------------------------------------------------------------------------------

    def version(self) -> int:
        """How many writes the store has seen: cached views are good until it moves."""
        with self._engine.connect() as conn:
            value = incidents.get_state(conn, "version")
        return int(value or 0)

    def incidents_stale(self) -> bool:
        """True for a store made before incidents, until ``newsgraph incidents --rebuild``."""
        with self._engine.connect() as conn:
            return incidents.get_state(conn, "incidents") == "stale"

    def rebuild_incidents(self) -> tuple[int, int]:
        """Link every stored event from scratch: (events, incidents)."""
        return incidents.rebuild(self._engine, load_rules())

    # -- incidents --------------------------------------------------------------------------------------

    def _incident_filter(self, query: Select[Any], q: IncidentQuery) -> Select[Any]:
        table = schema.incidents
        if q.since:
            query = query.where(table.c.date_from >= check_date(q.since, "since"))
        if q.until:
            query = query.where(table.c.date_from < before(q.until, "until"))
        if q.event_type:
            query = query.where(table.c.event_type == q.event_type.upper())
        if q.actor:
            query = query.where(_actor_match(q.actor))
        if q.min_outlets > 1:
            query = query.where(table.c.n_outlets >= q.min_outlets)
        if q.min_documents > 1:
            query = query.where(table.c.n_documents >= q.min_documents)
        if q.doc_id:
            items = schema.incident_items
            query = query.where(
                exists().where(items.c.incident_id == table.c.incident_id, items.c.doc_id == q.doc_id)
            )
        return query

    def incidents(self, q: IncidentQuery | None = None) -> list[Incident]:
        """Incidents in date order (undated last), most outlets first within a day."""
        q = q or IncidentQuery()
        table = schema.incidents
        query = self._incident_filter(select(table.c.record), q).order_by(
            table.c.date_from.nulls_last(), table.c.n_outlets.desc(), table.c.incident_id
        )
        with self._engine.connect() as conn:
            rows = list(conn.execute(query.limit(q.limit).offset(q.offset)))
            if not rows and q.actor:
                self._check_actor(conn, q.actor)
        return [incidents.incident_from(r) for r in rows]

    def count_incidents(self, q: IncidentQuery | None = None) -> int:
        query = self._incident_filter(
            select(func.count()).select_from(schema.incidents), q or IncidentQuery()
        )
        with self._engine.connect() as conn:
            return int(conn.scalar(query) or 0)

    def incident(self, incident_id: str) -> Incident:
        table = schema.incidents
        with self._engine.connect() as conn:
            row = conn.execute(select(table.c.record).where(table.c.incident_id == incident_id)).first()
        if row is None:
            raise NotFoundError(f"no incident {incident_id!r}; list them with `newsgraph incidents`")
        return incidents.incident_from(row)

    def incident_of_events(self, event_ids: Sequence[str]) -> dict[str, str]:
        """event id -> incident id, for these events."""
        items = schema.incident_items
        found: dict[str, str] = {}
        with self._engine.connect() as conn:
            for start in range(0, len(event_ids), 500):
                chunk = list(event_ids[start : start + 500])
                query = select(items.c.event_id, items.c.incident_id).where(items.c.event_id.in_(chunk))
                found.update({r.event_id: r.incident_id for r in conn.execute(query)})
        return found

    def shared_incidents(self) -> dict[str, list[str]]:
        """doc_id -> the incidents it reports that other documents report too, both sides named."""
        items, table = schema.incident_items, schema.incidents
        query = (
            select(items.c.doc_id, items.c.incident_id)
            .join(table, table.c.incident_id == items.c.incident_id)
            .where(table.c.n_documents >= 2, table.c.source_key.is_not(None), table.c.target_key.is_not(None))
            .distinct()
        )
        found: dict[str, list[str]] = {}
        with self._engine.connect() as conn:
            for row in conn.execute(query.order_by(items.c.doc_id, items.c.incident_id)):
                found.setdefault(row.doc_id, []).append(row.incident_id)
        return found

    def event_days(self) -> dict[str, int]:
        """doc_id -> the latest day (proleptic ordinal) an event of the document is dated to by a timex."""
        items = schema.incident_items
        query = (
            select(items.c.doc_id, func.max(items.c.lo))
            .where(items.c.basis == "day")
            .group_by(items.c.doc_id)
        )
        with self._engine.connect() as conn:
            return {doc_id: int(day) for doc_id, day in conn.execute(query)}

    def _check_actor(self, conn: Any, actor: str) -> None:
        """Raise with suggestions when no incident has this actor on either side at all."""
        table = schema.incidents
        if conn.scalar(select(exists().where(_actor_match(actor)))):
            return
        names: set[str] = set()
        for column in (table.c.source_key, table.c.source_name, table.c.target_key, table.c.target_name):
            names.update(v for v in conn.scalars(select(column).distinct()) if v)
        close = difflib.get_close_matches(actor, sorted(names), n=5, cutoff=0.6)
        close += [n for n in sorted(names) if actor.lower() in n.lower() and n not in close][: 5 - len(close)]
        hint = f"did you mean: {', '.join(close)}?" if close else "list actors with `newsgraph incidents`"
        raise UnknownActorError(f"no incident has the actor {actor!r} on either side; {hint}")


def _actor_match(actor: str) -> ColumnElement[bool]:
    table = schema.incidents
    return or_(
        table.c.source_key == actor.upper(),
        table.c.target_key == actor.upper(),
        table.c.source_key == actor,
        table.c.target_key == actor,
        like(table.c.source_name, actor),
        like(table.c.target_name, actor),
    )
