from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import pytest

from newsgraph.analysis.network import network
from newsgraph.queries import EventQuery
from newsgraph.records import Factuality
from newsgraph.store import Store

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
FACTUALITIES = [f.value for f in Factuality]


def test_edges_add_up_to_the_incidents_with_two_named_sides(analysis_store: Store) -> None:
    net = network(analysis_store)
    assert net.counting == "incidents"
    assert sum(e.count for e in net.edges) + net.skipped == analysis_store.count_incidents()
    for edge in net.edges:
        assert sum(edge.by_quad.values()) == sum(edge.by_factuality.values()) == edge.count <= edge.mentions
        assert edge.source != edge.target and edge.outlets >= 1
    node_ids = {n.id for n in net.nodes}
    assert all(e.source in node_ids and e.target in node_ids for e in net.edges)


def test_edges_add_up_to_the_events_with_two_linked_actors(analysis_store: Store) -> None:
    net = network(analysis_store, counting="mentions")
    events = analysis_store.events()
    assert sum(e.count for e in net.edges) + net.skipped == len(events)
    for edge in net.edges:
        assert (
            sum(edge.by_quad.values())
            == sum(edge.by_factuality.values())
            == edge.count
            == len(edge.event_ids)
        )
        assert edge.source != edge.target
    node_ids = {n.id for n in net.nodes}
    assert all(e.source in node_ids and e.target in node_ids for e in net.edges)


@pytest.mark.parametrize(
    ("source", "target", "quad"),
    [
        ("RUS", "UKR", 4),  # the invasion: material conflict
        ("RUS", "PRK", 2),  # cooperation, aid: material cooperation
    ],
)
def test_seed_relations(analysis_store: Store, source: str, target: str, quad: int) -> None:
    net = network(analysis_store, level="country")
    edge = next(e for e in net.edges if (e.source, e.target) == (source, target))
    assert edge.by_quad.get(quad, 0) >= 1


@pytest.mark.parametrize(
    ("since", "until"),
    [("2024-01-01", None), (None, "2023-12-31"), ("2010-01-01", "2010-12-31")],
)
def test_time_window(analysis_store: Store, since: str | None, until: str | None) -> None:
    whole = network(analysis_store)
    part = network(analysis_store, EventQuery(since=since, until=until))
    assert 0 < sum(e.count for e in part.edges) < sum(e.count for e in whole.edges)
    assert (part.since, part.until) == (since, until)


def test_graphml_and_json_carry_the_same_graph(analysis_store: Store) -> None:
    import networkx as nx

    net = network(analysis_store)
    root = ET.fromstring(net.to_graphml())
    graph = root.find("g:graph", NS)
    assert graph is not None and graph.get("edgedefault") == "directed"
    read = nx.read_graphml(io.StringIO(net.to_graphml()))
    data = json.loads(json.dumps(net.to_dict()))
    nodes = {n["id"]: {k: v for k, v in n.items() if k != "id" and v is not None} for n in data["nodes"]}
    assert dict(read.nodes(data=True)) == nodes
    edges = {
        (e["source"], e["target"]): {
            "count": e["count"],
            **{f"quad{q}": e["by_quad"].get(str(q), 0) for q in range(1, 5)},
            **{f"fact_{f}": e["by_factuality"].get(f, 0) for f in FACTUALITIES},
            "types": " ".join(f"{t}:{c}" for t, c in e["by_type"].items()),
        }
        for e in data["edges"]
    }
    assert {(s, t): d for s, t, d in read.edges(data=True)} == edges
    assert len(edges) == len(net.edges) > 0


def test_a_metonym_and_its_government_are_one_node_named_as_the_government() -> None:
    from newsgraph.analysis.network import build_network
    from newsgraph.records import Actor, Event, EventType, Factuality, Mention

    composed = Actor(
        "RUS-GOV", "Russian Federation government", "sector", "RUS", "GOV"
    )  # "Russian officials"
    curated = Actor("RUS-GOV", "Russian government", "state", "RUS", "GOV")  # "Moscow", "the Kremlin"
    korea = Actor("PRK", "North Korea", "state", "PRK")

    def event(i: int, source: Actor) -> Event:
        return Event(
            doc_id="d", id=f"e{i}", event_type=EventType.CONSULT, trigger="met", span=(0, 3), sentence="x",
            source=Mention("x", (0, 1), source), target=Mention("y", (2, 3), korea),
            factuality=Factuality.ASSERTED, quad_class=1,
        )  # fmt: skip

    net = build_network([event(0, composed), event(1, curated)])
    assert [(n.id, n.name) for n in net.nodes if n.id == "RUS-GOV"] == [("RUS-GOV", "Russian government")]
    assert len(net.edges) == 1 and net.edges[0].count == 2


def test_an_unknown_actor_is_an_error_with_suggestions(analysis_store: Store) -> None:
    from newsgraph.errors import UnknownActorError, UnknownTypeError

    with pytest.raises(UnknownActorError, match="North Korea"):
        network(analysis_store, EventQuery(actor="North Koreaa"))
    with pytest.raises(UnknownTypeError, match="ASSAULT"):
        network(analysis_store, EventQuery(event_type="assualt"))
    assert network(analysis_store, EventQuery(actor="PRK")).edges
