"""Incidents in the store: link items written with each batch, incidents kept up to date, and their queries.

Linking runs inside the write transaction of the documents it links, after their events are stored. On
PostgreSQL concurrent writers (Dask workers) take one advisory lock for it, so each links against every
batch committed before it; SQLite writers are serialised by the database already.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Integer, String, and_, bindparam, cast, delete, or_, select, update

from newsgraph.incidents import (
    Incident,
    LinkItem,
    Rules,
    assign,
    build_incident,
    incident_from_dict,
    link_items,
    reach,
)
from newsgraph.records import Document, Event
from newsgraph.store import schema
from newsgraph.store.bulk import insert_rows
from newsgraph.store.rows import record_from

# Any constant: the lock PostgreSQL writers take to link one batch at a time.
_LINK_LOCK = 0x696E6364  # "incd"
_CHUNK = 500
# Blocks per context query (an OR of one range condition per block).
_BLOCKS_PER_QUERY = 50


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def item_row(item: LinkItem, incident: str | None) -> dict[str, Any]:
    return {
        "doc_id": item.doc_id,
        "seq": item.seq,
        "event_id": item.event_id,
        "block": item.block,
        "orient": item.orient,
        "event_type": item.event_type,
        "quad_class": item.quad_class,
        "basis": item.basis,
        "lo": item.lo,
        "hi": item.hi,
        "ref": item.ref,
        "place": item.place,
        "factuality": item.factuality,
        "mentions": item.mentions,
        "source_key": item.source_key,
        "source_name": item.source_name,
        "target_key": item.target_key,
        "target_name": item.target_name,
        "outlet": item.outlet,
        "published": item.published,
        "sentence": item.sentence.replace("\x00", "\ufffd"),
        "span_start": item.span[0],
        "span_end": item.span[1],
        "incident_id": incident,
    }


def item_from(row: Any) -> LinkItem:
    return LinkItem(
        doc_id=row.doc_id,
        seq=row.seq,
        event_id=row.event_id,
        block=row.block,
        orient=row.orient,
        event_type=row.event_type,
        quad_class=row.quad_class,
        basis=row.basis,
        lo=row.lo,
        hi=row.hi,
        ref=row.ref,
        place=row.place,
        factuality=row.factuality,
        mentions=row.mentions,
        source_key=row.source_key,
        source_name=row.source_name,
        target_key=row.target_key,
        target_name=row.target_name,
        outlet=row.outlet,
        published=row.published,
        sentence=row.sentence,
        span=(row.span_start, row.span_end),
    )


def incident_row(incident: Incident) -> dict[str, Any]:
    record = incident.to_dict()
    return {
        "incident_id": incident.incident,
        "event_type": incident.event_type,
        "quad_class": incident.quad_class,
        "source_key": incident.source,
        "source_name": incident.source_name,
        "target_key": incident.target,
        "target_name": incident.target_name,
        "date_from": incident.date_from,
        "date_to": incident.date_to,
        "place": incident.place,
        "mentions": incident.mentions,
        "n_events": len(incident.reports),
        "n_documents": len(incident.doc_ids),
        "n_outlets": len(incident.stances),
        "first_doc_id": incident.first_report.doc_id,
        "first_published": incident.first_report.published,
        "stance": incident.stances[0].stance,
        "record": record,
    }


def incident_from(row: Any) -> Incident:
    return incident_from_dict(row.record if isinstance(row.record, dict) else dict(row.record))


def stored_items(conn: Connection, doc_ids: Sequence[str]) -> list[tuple[LinkItem, str | None]]:
    """The link items of these documents with their incidents (read before the documents are replaced)."""
    table = schema.incident_items
    found: list[tuple[LinkItem, str | None]] = []
    for chunk in _chunks(sorted(doc_ids)):
        for row in conn.execute(select(table).where(table.c.doc_id.in_(chunk))):
            found.append((item_from(row), row.incident_id))
    return found


Side = tuple[int, str]  # (quad class, side key): items that could meet share one


def _sides(item: LinkItem) -> set[Side]:
    return {(item.quad_class, key) for key in (item.source_key, item.target_key) if key}


def _ranges(items: Iterable[LinkItem]) -> dict[Side, tuple[int, int]]:
    """Per (quad class, side), the first and last day the items can be on (items with no range left out)."""
    found: dict[Side, tuple[int, int]] = {}
    for item in items:
        if item.lo is None or item.hi is None:
            continue
        for side in _sides(item):
            lo, hi = found.get(side, (item.lo, item.hi))
            found[side] = (min(lo, item.lo), max(hi, item.hi))
    return found


def _context(conn: Connection, ranges: dict[Side, tuple[int, int]]) -> list[tuple[LinkItem, str | None]]:
    """Stored items with one of these sides in the quad class whose days meet the given ranges."""
    table = schema.incident_items
    found: dict[tuple[str, int], tuple[LinkItem, str | None]] = {}
    sides = sorted(ranges)
    for start in range(0, len(sides), _BLOCKS_PER_QUERY):
        conditions = []
        for quad, key in sides[start : start + _BLOCKS_PER_QUERY]:
            lo, hi = ranges[(quad, key)]
            near = and_(table.c.quad_class == quad, table.c.lo <= hi, table.c.hi >= lo)
            conditions += [and_(near, table.c.source_key == key), and_(near, table.c.target_key == key)]
        for row in conn.execute(select(table).where(or_(*conditions))):
            found[(row.doc_id, row.seq)] = (item_from(row), row.incident_id)
    return list(found.values())


def link(
    conn: Connection,
    new: Sequence[LinkItem],
    removed: Sequence[tuple[LinkItem, str | None]],
    rules: Rules,
) -> None:
    """Link the new items (stored in this transaction) and re-link their neighbourhood."""
    if not new and not removed:
        return
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LINK_LOCK})")
    near, far = reach(rules)
    ranges = _ranges([*new, *(item for item, _ in removed)])
    stored = _context(conn, {side: (lo - far, hi + far) for side, (lo, hi) in ranges.items()})
    targets: list[LinkItem] = list(new)
    current: dict[tuple[str, int], str | None] = {}
    for item, incident in stored:
        assert item.lo is not None and item.hi is not None
        for side in _sides(item):
            if side in ranges and item.lo <= ranges[side][1] + near and item.hi >= ranges[side][0] - near:
                targets.append(item)
                current[(item.doc_id, item.seq)] = incident
                break
    assigned = assign(targets, [*(item for item, _ in stored), *new], rules)
    insert_rows(conn, schema.incident_items, [item_row(i, assigned[(i.doc_id, i.seq)]) for i in new])
    touched = {incident for _, incident in removed if incident} | {assigned[(i.doc_id, i.seq)] for i in new}
    changed = []
    for key, before in current.items():
        after = assigned[key]
        if after != before:
            changed.append({"d": key[0], "s": key[1], "incident": after})
            touched.add(after)
            if before:
                touched.add(before)
    if changed:
        table = schema.incident_items
        conn.execute(
            update(table)
            .where(table.c.doc_id == bindparam("d"), table.c.seq == bindparam("s"))
            .values(incident_id=bindparam("incident")),
            changed,
        )
    _rebuild_incidents(conn, sorted(touched))


def _rebuild_incidents(conn: Connection, ids: Sequence[str]) -> None:
    """Recompute the incident rows of these ids from their items (an id with no items any more goes)."""
    items_table, table = schema.incident_items, schema.incidents
    for chunk in _chunks(ids):
        conn.execute(delete(table).where(table.c.incident_id.in_(chunk)))
        members: dict[str, list[LinkItem]] = defaultdict(list)
        query = select(items_table).where(items_table.c.incident_id.in_(chunk))
        for row in conn.execute(query):
            members[row.incident_id].append(item_from(row))
        insert_rows(conn, table, [incident_row(build_incident(i, members[i])) for i in sorted(members)])


def items_of(document: Document, events: Iterable[Event], rules: Rules) -> list[LinkItem]:
    return link_items(document, events, rules)


def rebuild(engine: Engine, rules: Rules, page: int = 200) -> tuple[int, int]:
    """Link every stored event from scratch; returns (events, incidents)."""
    documents, events = schema.documents, schema.events
    with engine.connect().execution_options(newsgraph_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LINK_LOCK})")
        conn.execute(delete(schema.incidents))
        conn.execute(delete(schema.incident_items))
        items: list[LinkItem] = []
        after = ""
        while True:
            query = (
                select(documents.c.doc_id, documents.c.text, documents.c.record)
                .where(documents.c.doc_id > after)
                .order_by(documents.c.doc_id)
                .limit(page)
            )
            docs = {r.doc_id: r for r in conn.execute(query)}
            if not docs:
                break
            owned: dict[str, list[Event]] = defaultdict(list)
            child = select(events.c.doc_id, events.c.record).where(events.c.doc_id.in_(sorted(docs)))
            for row in conn.execute(child.order_by(events.c.doc_id, events.c.seq)):
                record = record_from(row._mapping)
                if isinstance(record, Event):
                    owned[row.doc_id].append(record)
            for doc_id in sorted(owned):
                document = _document(docs[doc_id])
                items += link_items(document, owned[doc_id], rules)
            after = max(docs)
        assigned = assign(items, items, rules)
        for chunk in _chunks(items, 2000):
            insert_rows(
                conn, schema.incident_items, [item_row(i, assigned[(i.doc_id, i.seq)]) for i in chunk]
            )
        members: dict[str, list[LinkItem]] = defaultdict(list)
        for item in items:
            members[assigned[(item.doc_id, item.seq)]].append(item)
        rows = [incident_row(build_incident(i, members[i])) for i in sorted(members)]
        for chunk in _chunks(rows, 1000):
            insert_rows(conn, schema.incidents, chunk)
        set_state(conn, "incidents", "ok")
        bump_version(conn)
    return len(items), len(members)


def _document(row: Any) -> Document:
    from newsgraph.store.rows import document_from

    return document_from(row._mapping)


# -- store state -------------------------------------------------------------------------------------------


def get_state(conn: Connection, key: str) -> str | None:
    table = schema.store_state
    value = conn.scalar(select(table.c.value).where(table.c.key == key))
    return str(value) if value is not None else None


def set_state(conn: Connection, key: str, value: str) -> None:
    table = schema.store_state
    if conn.execute(update(table).where(table.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(schema.store_state.insert().values(key=key, value=value))


def bump_version(conn: Connection) -> None:
    """Count one more write: cached views over the store are stale from now on."""
    table = schema.store_state
    bumped = cast(cast(table.c.value, Integer) + 1, String)
    if conn.execute(update(table).where(table.c.key == "version").values(value=bumped)).rowcount == 0:
        conn.execute(table.insert().values(key="version", value="1"))
