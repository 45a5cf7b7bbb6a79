from __future__ import annotations

import dataclasses
import re
import xml.dom.minidom

import pytest

from newsgraph.analysis.report import Dossier, build_dossier, render_html
from newsgraph.errors import NotFoundError
from newsgraph.queries import DocumentQuery
from newsgraph.store import Store


@pytest.fixture(scope="module")
def dossier(analysis_store: Store) -> Dossier:
    return build_dossier(analysis_store, query="North Korea")


def test_dossier_covers_the_matching_documents(analysis_store: Store, dossier: Dossier) -> None:
    ids = {s.doc_id for s in dossier.sources}
    assert ids == {
        d.doc_id for d in analysis_store.documents(DocumentQuery(search="North Korea", limit=None))
    }
    assert dossier.timeline and all(t.source.doc_id in ids for t in dossier.timeline)
    assert dossier.roundup is not None and dossier.roundup.outlets
    assert dossier.network.edges and dossier.picture.nodes
    # the network counts incidents: the summit both seed pages tell is one tie carried by two outlets
    assert dossier.counting == "incidents" and dossier.network.counting == "incidents"
    assert any(len(i.doc_ids) == 2 for i in dossier.incidents)
    assert max(e.outlets for e in dossier.network.edges) >= 2
    mentions = build_dossier(analysis_store, query="North Korea", counting="mentions")
    assert sum(e.count for e in mentions.network.edges) > sum(e.count for e in dossier.network.edges)


@pytest.mark.parametrize(
    "needle",
    [
        "<h2>Timeline</h2>",
        "<h2>Incidents</h2>",
        "<h2>Actor network</h2>",
        "<h2>Outlet roundup</h2>",
        "<h2>Sources</h2>",
        "<svg",
        "Nikkei",
    ],
)
def test_html_has_every_part(dossier: Dossier, needle: str) -> None:
    assert needle in render_html(dossier)


def test_html_is_self_contained_with_a_valid_svg(dossier: Dossier) -> None:
    page = render_html(dossier)
    assert "<script" not in page.lower()
    assert not re.search(r"<(link|img|iframe)\b", page)
    svg = re.search(r"<svg.*?</svg>", page, re.S)
    assert svg is not None
    parsed = xml.dom.minidom.parseString(svg.group(0))
    assert len(parsed.getElementsByTagName("circle")) == len(dossier.picture.nodes)


def test_text_is_escaped(dossier: Dossier) -> None:
    hostile = dataclasses.replace(dossier, title='<script>alert("x")</script>')
    page = render_html(hostile)
    assert "<script>" not in page and "&lt;script&gt;alert(" in page


def test_no_match_is_an_error(analysis_store: Store) -> None:
    with pytest.raises(NotFoundError):
        build_dossier(analysis_store, query="zzzz no such words zzzz")
