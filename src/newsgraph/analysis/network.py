"""Actor network: actors as nodes, their events aggregated into directed edges, over a time window."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from newsgraph.analysis.incidents import checked
from newsgraph.incidents import Incident
from newsgraph.incidents.query import IncidentQuery
from newsgraph.queries import EventQuery
from newsgraph.records import Actor, Event
from newsgraph.store import Store

if TYPE_CHECKING:
    import networkx as nx

Level = Literal["actor", "country"]
# What an edge counts: incidents (one happening however many documents told it) or mentions (events).
Counting = Literal["incidents", "mentions"]
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: str
    country: str | None
    events: int  # events the actor is source or target of


@dataclass(frozen=True)
class Edge:
    """All events from ``source`` to ``target``, counted by quad class, factuality and PLOVER type."""

    source: str
    target: str
    count: int
    by_quad: dict[int, int] = field(default_factory=dict)
    by_factuality: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)
    event_ids: tuple[str, ...] = ()
    mentions: int = 0  # events behind the count (the count itself when counting mentions)
    outlets: int = 0  # outlets carrying them

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "count": self.count,
            "mentions": self.mentions,
            "outlets": self.outlets,
            "by_quad": {str(k): v for k, v in sorted(self.by_quad.items())},
            "by_factuality": dict(sorted(self.by_factuality.items())),
            "by_type": dict(sorted(self.by_type.items())),
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    since: str | None
    until: str | None
    level: Level
    skipped: int  # events (incidents) without a linked actor on both sides, or an actor acting on itself
    counting: Counting = "mentions"

    def to_dict(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "level": self.level,
            "counting": self.counting,
            "skipped_events": self.skipped,
            "nodes": [
                {"id": n.id, "name": n.name, "kind": n.kind, "country": n.country, "events": n.events}
                for n in self.nodes
            ],
            "edges": [e.to_dict() for e in self.edges],
        }

    def to_graph(self) -> nx.DiGraph:
        """The network as a networkx graph: counts per quad class and factuality as edge attributes."""
        import networkx as nx  # imported here: 0.4 s to load, and only GraphML export needs it

        graph = nx.DiGraph(id="actors")
        for n in self.nodes:
            extra = {"country": n.country} if n.country else {}
            graph.add_node(n.id, name=n.name, kind=n.kind, **extra, events=n.events)
        for e in self.edges:
            graph.add_edge(
                e.source,
                e.target,
                count=e.count,
                **{f"quad{q}": e.by_quad.get(q, 0) for q in QUAD_NAMES},
                **{f"fact_{f}": e.by_factuality.get(f, 0) for f in _FACTUALITIES},
                types=" ".join(f"{t}:{c}" for t, c in sorted(e.by_type.items())),
            )
        return graph

    def to_graphml(self) -> str:
        """GraphML (readable by Gephi, networkx, yEd): counts per quad class and factuality as edge data."""
        import networkx as nx

        out = io.BytesIO()
        # Keys named by their attribute ("count", "quad1") rather than d0, d1: readable without the key table.
        nx.write_graphml(self.to_graph(), out, named_key_ids=True)
        return out.getvalue().decode("utf-8")


_FACTUALITIES = ("asserted", "reported", "predicted", "intended", "possible", "hypothetical", "negated")


def _node_of(actor: Actor, level: Level) -> tuple[str, str, str, str | None]:
    if level == "country":
        country = actor.country or (
            actor.id[:3] if actor.id[:3].isupper() and actor.id[:3].isalpha() else None
        )
        if country:
            return country, country, "state", country
    return actor.id, actor.name, actor.kind, actor.country


def build_network(
    events: list[Event],
    *,
    level: Level = "actor",
    since: str | None = None,
    until: str | None = None,
    outlets: dict[str, str | None] | None = None,
) -> Network:
    """Aggregate events into a network; an event needs two different linked actors. ``outlets`` (doc_id ->
    outlet) lets each edge say how many outlets carry it."""
    nodes: dict[str, tuple[str, str, str | None]] = {}
    degree: Counter[str] = Counter()
    grouped: dict[tuple[str, str], list[Event]] = defaultdict(list)
    skipped = 0
    for event in events:
        src = event.source.actor if event.source else None
        tgt = event.target.actor if event.target else None
        if src is None or tgt is None:
            skipped += 1
            continue
        a, b = _node_of(src, level), _node_of(tgt, level)
        if a[0] == b[0]:
            skipped += 1
            continue
        for node in (a, b):
            seen = nodes.get(node[0])
            # One node per actor id, named by the curated actor when there is one: "Moscow" (the Russian
            # government, from the actor tables) and "Russian officials" (a sector the resolver composed)
            # are the same RUS-GOV.
            if seen is None or (seen[1] == "sector" and node[2] != "sector"):
                nodes[node[0]] = node[1:]
            degree[node[0]] += 1
        grouped[(a[0], b[0])].append(event)
    edges = []
    for (a_id, b_id), evs in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        edges.append(
            Edge(
                source=a_id,
                target=b_id,
                count=len(evs),
                by_quad=dict(Counter(e.quad_class for e in evs)),
                by_factuality=dict(Counter(e.factuality.value for e in evs)),
                by_type=dict(Counter(e.event_type.value for e in evs)),
                event_ids=tuple(e.id for e in evs),
                mentions=len(evs),
                outlets=len({outlets.get(e.doc_id) for e in evs}) if outlets is not None else 0,
            )
        )
    node_list = tuple(
        Node(id=i, name=name, kind=kind, country=country, events=degree[i])
        for i, (name, kind, country) in sorted(nodes.items(), key=lambda kv: (-degree[kv[0]], kv[0]))
    )
    return Network(node_list, tuple(edges), since, until, level, skipped)


def network(
    store: Store, query: EventQuery | None = None, *, level: Level = "actor", counting: Counting = "incidents"
) -> Network:
    """The actor network of the events ``query`` filters (in ``[since, until]``, of an actor, a type): edges
    count incidents (one happening, however many documents told it; factuality is a stance there, not a
    filter), or with ``counting="mentions"`` the stored events (event date, else document date). Incidents
    join sides as the linker does: a capital, a government and its leader are the state."""
    query = query or EventQuery()
    since, until = query.since, query.until
    if counting == "incidents":
        return incident_network(
            store, since=since, until=until, actor=query.actor, event_type=query.event_type, level=level
        )
    events = store.events(query)
    outlets = {d.doc_id: d.outlet for d in store.document_summaries({e.doc_id for e in events})}
    return build_network(events, level=level, since=since, until=until, outlets=outlets)


_COUNTRY = re.compile(r"^[A-Z]{3}(?=$|-)")


def _side_node(key: str, names: dict[str, str], level: Level) -> tuple[str, str, str, str | None]:
    country = m.group(0) if (m := _COUNTRY.match(key)) else None
    if level == "country" and country:
        return country, names.get(country, country), "state", country
    if country:
        return key, names.get(key, key), "state" if key == country else "sector", country
    kind = key.partition(":")[0] if ":" in key else "actor"
    return key, names.get(key, key), {"org": "organisation", "name": "name"}.get(kind, kind), None


def incident_network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    level: Level = "actor",
) -> Network:
    """Edges count incidents between their sides, counted by SQL: by quad class, type and stance (the
    first report's outlet's factuality), with the events behind them and the outlets carrying them."""
    query = checked(IncidentQuery(since=since, until=until, actor=actor, event_type=event_type, limit=None))
    names = store.side_names()
    carried = store.edge_outlets(query)
    nodes: dict[str, tuple[str, str, str | None]] = {}
    degree: Counter[str] = Counter()
    grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for row in store.incident_edges(query):
        a, b = _side_node(row.source, names, level), _side_node(row.target, names, level)
        if a[0] == b[0]:
            continue
        for node in (a, b):
            nodes.setdefault(node[0], node[1:])
            degree[node[0]] += row.incidents
        grouped[(a[0], b[0])].append(row)
    edges = []
    for (a_id, b_id), rows in grouped.items():
        by_quad: Counter[int] = Counter()
        by_stance: Counter[str] = Counter()
        by_type: Counter[str] = Counter()
        for row in rows:
            by_quad[row.quad_class] += row.incidents
            by_stance[row.stance] += row.incidents
            by_type[row.event_type] += row.incidents
        sides = {(r.source, r.target) for r in rows}
        edges.append(
            Edge(
                source=a_id,
                target=b_id,
                count=sum(r.incidents for r in rows),
                by_quad=dict(by_quad),
                by_factuality=dict(by_stance),
                by_type=dict(by_type),
                mentions=sum(r.mentions for r in rows),
                # one side pair's outlets; nodes merged by country may join several pairs: the most
                outlets=max((carried.get(pair, 0) for pair in sides), default=0),
            )
        )
    edges.sort(key=lambda e: (-e.count, e.source, e.target))
    node_list = tuple(
        Node(id=i, name=name, kind=kind, country=country, events=degree[i])
        for i, (name, kind, country) in sorted(nodes.items(), key=lambda kv: (-degree[kv[0]], kv[0]))
    )
    if actor and not edges:
        store.incidents(replace(query, limit=1))  # an actor no incident has: an error with suggestions
    # incidents with an unnamed side, or a side acting on itself
    skipped = store.count_incidents(query) - sum(e.count for e in edges)
    return Network(node_list, tuple(edges), since, until, level, skipped, counting="incidents")


def network_of_incidents(
    incidents: Sequence[Incident],
    *,
    level: Level = "actor",
    since: str | None = None,
    until: str | None = None,
) -> Network:
    """The network of these incidents (a dossier's few): edges count incidents, with their events and the
    outlets carrying them; an incident without two named sides is skipped."""
    names: dict[str, str] = {}
    for incident in incidents:
        for key, name in ((incident.source, incident.source_name), (incident.target, incident.target_name)):
            if key and name:
                names.setdefault(key, name)
    nodes: dict[str, tuple[str, str, str | None]] = {}
    degree: Counter[str] = Counter()
    grouped: dict[tuple[str, str], list[Incident]] = defaultdict(list)
    skipped = 0
    for incident in incidents:
        if not incident.source or not incident.target:
            skipped += 1
            continue
        a, b = _side_node(incident.source, names, level), _side_node(incident.target, names, level)
        if a[0] == b[0]:
            skipped += 1
            continue
        for node in (a, b):
            nodes.setdefault(node[0], node[1:])
            degree[node[0]] += 1
        grouped[(a[0], b[0])].append(incident)
    edges = tuple(
        Edge(
            source=a_id,
            target=b_id,
            count=len(found),
            by_quad=dict(Counter(i.quad_class for i in found)),
            by_factuality=dict(Counter(i.stances[0].stance for i in found)),
            by_type=dict(Counter(i.event_type for i in found)),
            event_ids=tuple(e for i in found for e in i.event_ids),
            mentions=sum(i.mentions for i in found),
            outlets=len({o for i in found for o in i.outlets}),
        )
        for (a_id, b_id), found in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    node_list = tuple(
        Node(id=i, name=name, kind=kind, country=country, events=degree[i])
        for i, (name, kind, country) in sorted(nodes.items(), key=lambda kv: (-degree[kv[0]], kv[0]))
    )
    return Network(node_list, edges, since, until, level, skipped, counting="incidents")
