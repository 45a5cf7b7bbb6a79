"""A network picture laid out without JavaScript: nodes on a circle, busiest first, for an inline SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsgraph.analysis.network import QUAD_NAMES, Network

# Dominant quad class -> stroke colour: cooperation blue/green, conflict orange/red (colour-blind safe pair).
QUAD_COLOURS = {1: "#4477aa", 2: "#228833", 3: "#ee7733", 4: "#cc3311"}
MAX_NODES = 40
# Labels are 11 px text (dossier.html); a character is at most this wide on average, so a label's box
# estimated with it is never narrower than the drawn one, and the picture's frame can hold every label.
LABEL_FONT_PX = 11
CHAR_PX = 7.0
MARGIN = 8


@dataclass(frozen=True, slots=True)
class PlacedNode:
    id: str
    label: str
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of the label, outward from the circle
    label_x: float
    label_y: float

    def label_box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) the label may take, estimated generously."""
        width = len(self.label) * CHAR_PX
        left = {"start": self.label_x, "end": self.label_x - width}.get(self.anchor, self.label_x - width / 2)
        return left, self.label_y - LABEL_FONT_PX, left + width, self.label_y + LABEL_FONT_PX / 3


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
    left: float = 0.0  # the viewBox's origin: the frame grows to hold labels that reach past the circle
    top: float = 0.0


def _label_at(x: float, y: float, r: float, anchor: str, centre: float) -> tuple[float, float]:
    if anchor == "start":
        return x + r + 4, y + 4
    if anchor == "end":
        return x - r - 4, y + 4
    return x, (y - r - 4) if y < centre else (y + r + 12)


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
        lx, ly = _label_at(x, y, r, anchor, centre)
        placed[node.id] = PlacedNode(
            node.id, node.name, round(x, 1), round(y, 1), round(r, 1), anchor, round(lx, 1), round(ly, 1)
        )
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
    # The frame: the square, grown to every label's box (a long name on the left ran off the picture).
    left, top, right, bottom = 0.0, 0.0, float(size), float(size)
    for spot in placed.values():
        box = spot.label_box()
        left, top = min(left, box[0] - MARGIN), min(top, box[1] - MARGIN)
        right, bottom = max(right, box[2] + MARGIN), max(bottom, box[3] + MARGIN)
    return Picture(
        math.ceil(right - left),
        math.ceil(bottom - top),
        tuple(placed.values()),
        tuple(edges),
        max(0, len(network.nodes) - len(shown)),
        math.floor(left),
        math.floor(top),
    )
