"""The dossier's network picture, measured in real Chromium: no label runs off the picture."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.web.harness import CHROMIUM_ARGS, chromium_path, playwright_sync

from newsgraph.analysis.network import Edge, Network, Node
from newsgraph.analysis.network_picture import circle_layout
from newsgraph.analysis.report import Dossier, render_html

NAMES = [
    "Kremlin (Russian government)",
    "Zhongnanhai (Chinese government)",
    "Democratic People's Republic of Korea",
    "United Nations Security Council sanctions committee",
    "Kim Jong Un",
    "Japan",
    "Korean People's Army General Staff",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_sync()() as p:
        launched = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def _dossier(count: int) -> Dossier:
    nodes = tuple(Node(f"n{i}", NAMES[i % len(NAMES)], "state", None, 10 - i % 10) for i in range(count))
    edges = tuple(
        Edge(f"n{i}", f"n{(i + 1) % count}", 1, {4: 1}, {"asserted": 1}, {"ASSAULT": 1}, (f"e{i}",))
        for i in range(count)
    )
    net = Network(nodes, edges, None, None, "actor", 0)
    return Dossier("Dossier", None, None, None, "now", (), (), net, circle_layout(net), None, (), ())


@pytest.mark.parametrize("count", [4, 7, 13])
def test_every_label_is_inside_the_picture(browser: Any, count: int) -> None:
    """The picture clipped "Kremlin (Russian government)" where a label reached past its left edge."""
    page = browser.new_page()
    page.set_content(render_html(_dossier(count)))
    outside = page.evaluate(
        """() => {
            const svg = document.querySelector('svg');
            const view = svg.viewBox.baseVal;
            return [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox()])
                .filter(([_, b]) => b.x < view.x || b.y < view.y
                    || b.x + b.width > view.x + view.width || b.y + b.height > view.y + view.height)
                .map(([text]) => text);
        }"""
    )
    assert page.locator("svg text").count() == count
    page.close()
    assert outside == []
