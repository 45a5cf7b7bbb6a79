"""A network picture laid out without JavaScript: nodes on a circle, busiest first, for an inline SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsgraph.analysis.network import QUAD_NAMES, Network

# Dominant quad class -> stroke colour: cooperation blue/green, conflict orange/red (colour-blind safe pair).
QUAD_COLOURS = {1: "#4477aa", 2: "#228833", 3: "#ee7733", 4: "#cc3311"}
MAX_NODES = 40


@dataclass(frozen=True, slots=True)
class PlacedNode:
    id: str
    label: str
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of the label, outward from the circle


@dataclass(frozen=True, slots=True)
class PlacedEdge:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    colour: str
    title: str


@dataclass(frozen=True, slots=True)
class Picture:
    width: int
    height: int
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    hidden: int  # nodes left out beyond MAX_NODES


def circle_layout(network: Network, *, size: int = 640, max_nodes: int = MAX_NODES) -> Picture:
    """Nodes on a circle (busiest at the top, clockwise); edges as chords stopping at the node's rim."""
    shown = network.nodes[:max_nodes]
    centre, radius = size / 2, size / 2 - 120
    most = max((n.events for n in shown), default=1)
    placed: dict[str, PlacedNode] = {}
    for k, node in enumerate(shown):
        angle = 2 * math.pi * k / max(len(shown), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        r = 5 + 11 * math.sqrt(node.events / most)
        placed[node.id] = PlacedNode(node.id, node.name, round(x, 1), round(y, 1), round(r, 1), anchor)
    heaviest = max((e.count for e in network.edges), default=1)
    edges = []
    for edge in network.edges:
        a, b = placed.get(edge.source), placed.get(edge.target)
        if a is None or b is None:
            continue
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1.0
        quad = max(edge.by_quad, key=lambda q: (edge.by_quad[q], q)) if edge.by_quad else 0
        mix = ", ".join(f"{QUAD_NAMES.get(q, q)} {c}" for q, c in sorted(edge.by_quad.items()))
        edges.append(
            PlacedEdge(
                x1=round(a.x + dx / length * a.r, 1),
                y1=round(a.y + dy / length * a.r, 1),
                x2=round(b.x - dx / length * (b.r + 4), 1),
                y2=round(b.y - dy / length * (b.r + 4), 1),
                width=round(1 + 5 * edge.count / heaviest, 1),
                colour=QUAD_COLOURS.get(quad, "#777777"),
                title=f"{a.label} → {b.label}: {edge.count} events ({mix})",
            )
        )
    return Picture(size, size, tuple(placed.values()), tuple(edges), max(0, len(network.nodes) - len(shown)))
