"""Reads the dashboard and lists answer from: incidents and counts done by SQL, not by Python over rows."""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, exists, func, or_, select

from newsgraph.errors import NotFoundError, UnknownActorError
from newsgraph.incidents import Incident, load_rules
from newsgraph.incidents.query import IncidentQuery
from newsgraph.records import Actor, Entity
from newsgraph.store import incidents, schema
from newsgraph.store.dates import before, check_date, like
from newsgraph.store.rows import record_from

log = logging.getLogger("newsgraph.store")
STALE_MESSAGE = (
    "this store was made before incidents were linked: its documents have no incidents yet; "
    "run `newsgraph incidents --rebuild` (once) to link them"
)


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """What the store holds, counted by SQL."""

    documents: int
    claims: int
    events: int
    incidents: int
    failures: int
    outlets: dict[str, int]
    event_types: dict[str, int]
    claim_kinds: dict[str, int]
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A document as a list cites it, read without its text."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None


@dataclass(frozen=True, slots=True)
class EdgeCount:
    """Incidents from one side to another of one quad class, type and first outlet's stance."""

    source: str
    target: str
    quad_class: int
    event_type: str
    stance: str
    incidents: int
    mentions: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: str
    quad_class: int
    count: int


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

    # -- counts -----------------------------------------------------------------------------------------

    def counts(self) -> StoreCounts:
        """Documents, claims, events, incidents, failures and their breakdowns, counted by SQL."""
        docs, claims, events = schema.documents, schema.claims, schema.events

        def grouped(conn: Any, column: Any) -> dict[str, int]:
            query = select(column, func.count()).group_by(column).order_by(func.count().desc(), column)
            return {str(k) if k is not None else "(outlet unknown)": int(n) for k, n in conn.execute(query)}

        with self._engine.connect() as conn:
            total = {
                t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (docs, claims, events, schema.incidents, schema.failures)
            }
            first, last = conn.execute(select(func.min(docs.c.published), func.max(docs.c.published))).one()
            return StoreCounts(
                documents=total["documents"],
                claims=total["claims"],
                events=total["events"],
                incidents=total["incidents"],
                failures=total["failures"],
                outlets=grouped(conn, docs.c.outlet),
                event_types=grouped(conn, events.c.event_type),
                claim_kinds=grouped(conn, claims.c.kind),
                first=first,
                last=last,
            )

    def document_summaries(self, doc_ids: Iterable[str]) -> list[DocumentSummary]:
        """Title, outlet, date and link of these documents (missing ones left out), without their text."""
        table = schema.documents
        columns = (
            table.c.doc_id,
            table.c.title,
            table.c.outlet,
            table.c.published,
            table.c.url,
            table.c.path,
        )
        found = []
        wanted = sorted(set(doc_ids))
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                query = select(*columns).where(table.c.doc_id.in_(wanted[start : start + 500]))
                found += [DocumentSummary(*row) for row in conn.execute(query)]
        return found

    def top_actors(self, limit: int = 15) -> list[tuple[Actor, int, int]]:
        """The most mentioned linked actors: (actor, mentions, documents)."""
        table = schema.entities
        query = (
            select(
                table.c.actor_id,
                func.count(),
                func.count(table.c.doc_id.distinct()),
                func.min(table.c.row_id),
            )
            .where(table.c.actor_id.is_not(None))
            .group_by(table.c.actor_id)
            .order_by(func.count().desc(), table.c.actor_id)
            .limit(limit)
        )
        with self._engine.connect() as conn:
            ranked = list(conn.execute(query))
            first = {r[3]: r for r in ranked}
            records = conn.execute(select(table.c.row_id, table.c.record).where(table.c.row_id.in_(first)))
            actor_of = {}
            for row in records:
                entity = record_from(row._mapping)
                if isinstance(entity, Entity) and entity.actor is not None:
                    actor_of[row.row_id] = entity.actor
        return [(actor_of[r[3]], int(r[1]), int(r[2])) for r in ranked if r[3] in actor_of]

    def incident_edges(self, q: IncidentQuery | None = None) -> list[EdgeCount]:
        """Incidents with both sides named, counted per direction, quad class, type and stance."""
        table = schema.incidents
        keys = (
            table.c.source_key,
            table.c.target_key,
            table.c.quad_class,
            table.c.event_type,
            table.c.stance,
        )
        query = self._incident_filter(
            select(*keys, func.count(), func.sum(table.c.mentions)).where(
                table.c.source_key.is_not(None),
                table.c.target_key.is_not(None),
                table.c.source_key != table.c.target_key,
            ),
            q or IncidentQuery(),
        ).group_by(*keys)
        with self._engine.connect() as conn:
            return [
                EdgeCount(str(a), str(b), int(quad), str(kind), str(stance), int(n), int(m or 0))
                for a, b, quad, kind, stance, n, m in conn.execute(query)
            ]

    def edge_outlets(self, q: IncidentQuery | None = None) -> dict[tuple[str, str], int]:
        """How many outlets carry the incidents from one side to another."""
        table, items = schema.incidents, schema.incident_items
        # The incidents with two named sides first (few), then their reports' outlets by incident id:
        # joining every report of the store first costs seconds on a large one.
        named = self._incident_filter(
            select(table.c.incident_id, table.c.source_key, table.c.target_key).where(
                table.c.source_key.is_not(None),
                table.c.target_key.is_not(None),
                table.c.source_key != table.c.target_key,
            ),
            q or IncidentQuery(),
        )
        found: dict[tuple[str, str], set[str]] = {}
        with self._engine.connect() as conn:
            pair_of = {row.incident_id: (row.source_key, row.target_key) for row in conn.execute(named)}
            ids = sorted(pair_of)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                query = (
                    select(items.c.incident_id, items.c.outlet)
                    .where(items.c.incident_id.in_(chunk))
                    .distinct()
                )
                for incident_id, outlet in conn.execute(query):
                    # a document without an outlet counts as one unknown outlet, as in the incidents
                    found.setdefault(pair_of[incident_id], set()).add(outlet or "(outlet unknown)")
        return {pair: len(outlets) for pair, outlets in found.items()}

    def side_names(self) -> dict[str, str]:
        """The name each side key goes by most often across incidents with two named sides (the ones a
        network draws)."""
        table = schema.incidents
        found: dict[str, tuple[int, str]] = {}
        with self._engine.connect() as conn:
            for key_col, name_col in (
                (table.c.source_key, table.c.source_name),
                (table.c.target_key, table.c.target_name),
            ):
                query = (
                    select(key_col, name_col, func.count())
                    .where(table.c.source_key.is_not(None), table.c.target_key.is_not(None))
                    .group_by(key_col, name_col)
                )
                for key, name, n in conn.execute(query):
                    if name and (key not in found or (n, name) > found[key]):
                        found[key] = (int(n), name)
        return {k: v[1] for k, v in found.items()}

    def incident_days(self, q: IncidentQuery | None = None) -> list[DayCount]:
        """Incidents per first day and quad class, for a timeline chart."""
        table = schema.incidents
        query = self._incident_filter(
            select(table.c.date_from, table.c.quad_class, func.count()).where(table.c.date_from.is_not(None)),
            q or IncidentQuery(),
        ).group_by(table.c.date_from, table.c.quad_class)
        with self._engine.connect() as conn:
            return [
                DayCount(d, int(quad), int(n))
                for d, quad, n in conn.execute(query.order_by(table.c.date_from))
            ]

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
