"""The dashboard in real headless Chromium over a real uvicorn server and a pipeline-filled store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.api.seeded import HOSTILE_ID, HOSTILE_IMG, HOSTILE_SCRIPT, shared_store
from tests.web.harness import CHROMIUM_ARGS, area, chromium_path, ink, playwright_sync, png_pixels, running

from newsgraph.analysis.corpus import overview
from newsgraph.analysis.network import network
from newsgraph.analysis.timeline import timeline
from newsgraph.incidents.query import IncidentQuery
from newsgraph.server import create_app
from newsgraph.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Store:
    return shared_store(tmp_path_factory, seeds_dir)


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    with running(create_app(store, token="")) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    with playwright_sync()() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    opened = context.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Nothing outside the server: a CDN or remote font would show up here.
    outside: list[str] = []
    opened.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    yield opened
    context.close()
    assert errors == [], f"script errors on the page: {errors}"
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert [u for u in outside if not u.startswith(("data:", "about:"))] == []


def test_overview_counts(page: Any, store: Store) -> None:
    page.goto("/")
    expected = overview(store)
    assert page.text_content("#count-documents") == str(expected.documents)
    assert page.text_content("#count-claims") == str(expected.claims)
    assert page.text_content("#count-events") == str(expected.events)
    assert page.locator(".doclist li a").count() == expected.documents


def test_article_markup_is_text_never_run(page: Any, store: Store) -> None:
    page.goto(f"/documents/{HOSTILE_ID}")
    shown = page.inner_text("#doc-text")
    assert HOSTILE_SCRIPT in shown and HOSTILE_IMG in shown
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.title() != "pwned"
    assert "<script>" in page.inner_text("h1.doc-title")
    assert page.locator("#doc-text script, #doc-text img, h1 script, h1 b").count() == 0
    # The document's javascript: URL is not offered as a link.
    assert page.locator("a[href^='javascript']").count() == 0
    page.goto(f"/search?q={HOSTILE_SCRIPT[:8]}")
    assert page.locator("#doc-hits li").count() == 1
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_document_marks_follow_spans(page: Any, store: Store) -> None:
    analysis = store.get(HOSTILE_ID)
    page.goto(f"/documents/{HOSTILE_ID}")
    text = analysis.document.text

    def marked(mark_id: str) -> str:
        return "".join(page.locator(f"#doc-text [data-marks~='{mark_id}']").all_inner_texts())

    for i, entity in enumerate(analysis.entities):
        assert marked(f"ent-{i}") == entity.text
    for i, claim in enumerate(analysis.claims):
        assert marked(f"claim-{i}") == claim.content
    for i, event in enumerate(analysis.events):
        start, end = event.trigger_span or event.span
        assert marked(f"event-{i}") == text[start:end]
    assert page.locator("#doc-text a.anchor").count() == page.locator("#doc-text a.anchor[id]").count()
    assert page.locator(".doc-side li").count() == (
        len(analysis.entities) + len(analysis.claims) + len(analysis.events)
    )


def test_network_renders_and_moves(page: Any, store: Store) -> None:
    expected = network(store)
    page.goto("/network")
    page.wait_for_selector(f"#network[data-ready='{len(expected.nodes)}']")
    assert page.locator("#network circle.nw-node").count() == len(expected.nodes)
    assert page.locator("#network line.nw-edge").count() == len(expected.edges)
    labels = set(page.locator("#network text.nw-label").all_text_contents())
    assert labels == {n.name for n in expected.nodes}
    pixels = png_pixels(page.locator("#network").screenshot())
    assert ink(pixels) > 0.01 * area(pixels), "the network picture is blank"
    node = page.locator("#network circle.nw-node").first
    before = node.bounding_box()
    node.hover()
    assert page.locator("#network-tip").is_visible()
    assert expected.nodes[0].name in page.inner_text("#network-tip")
    assert page.locator("#network .dim").count() > 0 or len(expected.nodes) <= 2
    page.mouse.down()
    page.mouse.move(before["x"] + 120, before["y"] + 80, steps=5)
    page.mouse.up()
    after = node.bounding_box()
    assert abs(after["x"] - before["x"]) > 50 and abs(after["y"] - before["y"]) > 30


def test_timeline_counts_incidents(page: Any, store: Store) -> None:
    page.goto("/timeline")
    dated = store.incidents(IncidentQuery(limit=None))
    assert page.text_content("#timeline-total").startswith(str(len([i for i in dated if i.date_from])))
    rows = page.locator("table.timeline-rows tr.incident-row")
    assert rows.count() == min(len(dated), 50)
    assert page.locator("#timeline-chart rect.tl-bar").count() > 0
    pixels = png_pixels(page.locator("#timeline-chart").screenshot())
    assert ink(pixels) > 0.005 * area(pixels), "the timeline picture is blank"
    summit = rows.filter(has_text="North Korea")
    assert summit.count() >= 1


def test_incidents_page_puts_each_outlets_reports_side_by_side(page: Any, store: Store) -> None:
    page.goto("/incidents?min_outlets=2")
    shown = store.incidents(IncidentQuery(min_outlets=2, limit=None))
    assert page.locator("section.incident").count() == len(shown) >= 1
    first = page.locator("section.incident").first
    assert first.locator(".outlet-reports").count() == len(shown[0].stances)
    assert "The Yomiuri Shimbun" in first.inner_text() and "asserted" in first.inner_text()
    page.goto("/incidents?type=consul")
    assert "E-UNKNOWN-TYPE" in page.content() and "CONSULT" in page.content()


def test_timeline_of_mentions_renders(page: Any, store: Store) -> None:
    entries = timeline(store)
    page.goto("/timeline?count=mentions")
    dated = [t for t in entries if t.date]
    assert page.locator("#timeline-chart circle.tl-event").count() == len(dated)
    assert page.locator("table.timeline-rows tr[id^='row-']").count() == len(entries)
    pixels = png_pixels(page.locator("#timeline-chart").screenshot())
    assert ink(pixels) > 0.005 * area(pixels), "the timeline picture is blank"
    page.goto("/timeline?count=mentions&actor=PRK")
    assert 0 < page.locator("#timeline-chart circle.tl-event").count() <= len(dated)


def test_search_from_the_header(page: Any) -> None:
    page.goto("/")
    page.fill("header input[name=q]", "Pyongyang")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Pyongyang")
    assert page.locator(".results li").count() >= 2
    assert page.locator(".results mark").first.inner_text().lower() == "pyongyang"


def test_search_finds_every_word_not_the_string(page: Any) -> None:
    """Several words were one substring to find; now each must occur, in any order, best match first."""
    page.goto("/search?q=Putin+North+Korea")
    assert page.locator("#doc-hits li").count() == 3
    page.goto("/search?q=%22North+Korea%22+Pyongyang+ammunition")
    assert page.locator("#doc-hits li").count() == 1
    assert "Putin-Kim Summit" in page.locator("#doc-hits li a").first.inner_text()
    marks = {m.lower() for m in page.locator("#doc-hits mark").all_inner_texts()}
    assert {"pyongyang", "ammunition"} <= marks
    assert page.locator("#claim-hits li").count() >= 1
    assert page.locator("#event-hits li").count() >= 1


def test_roundup_page(page: Any) -> None:
    page.goto("/roundup?q=Putin")
    assert page.locator("section.outlet").count() >= 1
    assert page.locator("section.outlet li").count() >= 1
    # its own placeholder found nothing while the query was a substring
    page.goto("/roundup?q=Putin+North+Korea")
    outlets = page.locator("section.outlet h2").all_inner_texts()
    assert {"Nikkei", "The Asahi Shimbun", "The Sankei Shimbun", "The Yomiuri Shimbun"} <= set(outlets)
