"""Actor network: actors as nodes, their events aggregated into directed edges, over a time window."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from newsgraph.records import Actor, Event
from newsgraph.store import Store

Level = Literal["actor", "country"]
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "count": self.count,
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
    skipped: int  # events without a linked actor on both sides, or an actor acting on itself

    def to_dict(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "level": self.level,
            "skipped_events": self.skipped,
            "nodes": [
                {"id": n.id, "name": n.name, "kind": n.kind, "country": n.country, "events": n.events}
                for n in self.nodes
            ],
            "edges": [e.to_dict() for e in self.edges],
        }

    def to_graphml(self) -> str:
        """GraphML (readable by Gephi, networkx, yEd): counts per quad class and factuality as edge data."""
        ns = "http://graphml.graphdrawing.org/xmlns"
        ET.register_namespace("", ns)
        root = ET.Element(f"{{{ns}}}graphml")
        keys: list[tuple[str, str, str]] = [
            ("name", "node", "string"),
            ("kind", "node", "string"),
            ("country", "node", "string"),
            ("events", "node", "int"),
            ("count", "edge", "int"),
            *((f"quad{q}", "edge", "int") for q in QUAD_NAMES),
            *((f"fact_{f}", "edge", "int") for f in _FACTUALITIES),
            ("types", "edge", "string"),
        ]
        for name, domain, kind in keys:
            ET.SubElement(
                root, f"{{{ns}}}key", id=name, attrib={"for": domain, "attr.name": name, "attr.type": kind}
            )
        graph = ET.SubElement(root, f"{{{ns}}}graph", id="actors", edgedefault="directed")

        def data(parent: ET.Element, key: str, value: object) -> None:
            ET.SubElement(parent, f"{{{ns}}}data", key=key).text = str(value)

        for n in self.nodes:
            node = ET.SubElement(graph, f"{{{ns}}}node", id=n.id)
            data(node, "name", n.name)
            data(node, "kind", n.kind)
            if n.country:
                data(node, "country", n.country)
            data(node, "events", n.events)
        for i, e in enumerate(self.edges):
            edge = ET.SubElement(graph, f"{{{ns}}}edge", id=f"e{i}", source=e.source, target=e.target)
            data(edge, "count", e.count)
            for q in QUAD_NAMES:
                data(edge, f"quad{q}", e.by_quad.get(q, 0))
            for f in _FACTUALITIES:
                data(edge, f"fact_{f}", e.by_factuality.get(f, 0))
            data(edge, "types", " ".join(f"{t}:{c}" for t, c in sorted(e.by_type.items())))
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


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
    events: list[Event], *, level: Level = "actor", since: str | None = None, until: str | None = None
) -> Network:
    """Aggregate events into a network; an event needs two different linked actors."""
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
            )
        )
    node_list = tuple(
        Node(id=i, name=name, kind=kind, country=country, events=degree[i])
        for i, (name, kind, country) in sorted(nodes.items(), key=lambda kv: (-degree[kv[0]], kv[0]))
    )
    return Network(node_list, tuple(edges), since, until, level, skipped)


def network(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    event_type: str | None = None,
    factuality: str | None = None,
    level: Level = "actor",
) -> Network:
    """The actor network of the stored events in ``[since, until]`` (event date, else document date)."""
    events = store.events(actor=actor, event_type=event_type, factuality=factuality, since=since, until=until)
    return build_network(events, level=level, since=since, until=until)
