"""Dashboard pages: overview, documents, one document with its marks, timeline, network, roundup, search."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.analysis.incidents import checked
from newsgraph.analysis.layout import QUAD_COLOURS
from newsgraph.analysis.network import QUAD_NAMES, Counting, network
from newsgraph.analysis.report import build_dossier, render_html
from newsgraph.analysis.roundup import roundup
from newsgraph.analysis.timeline import timeline
from newsgraph.api import corpus
from newsgraph.api.context import CacheDep, Since, StoreDep, Until
from newsgraph.incidents.query import IncidentQuery
from newsgraph.web.chart import chart, count_chart
from newsgraph.web.highlight import marks, segments

router = APIRouter(include_in_schema=False)
PAGE = 50
TIMELINE_ROWS = 500
NETWORK_NODES = 80  # the busiest actors; the API has them all


@cache
def environment() -> jinja2.Environment:
    # Autoescape everything: article text, titles and outlets come from pages that may carry markup.
    loader = jinja2.FunctionLoader(
        lambda name: (resources.files("newsgraph.web") / "templates" / name).read_text(encoding="utf-8")
    )
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(quad_names=QUAD_NAMES, quad_colours=QUAD_COLOURS)
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def page(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **context))


def render_error(code: str, message: str, status: int) -> str:
    return render("error.html", code=code, message=message, status=status, active=None)


@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep, cache: CacheDep) -> HTMLResponse:
    return page(
        "overview.html",
        active="overview",
        o=cache.get(store, "overview", (), lambda: corpus.overview(store)),
        recent=cache.get(store, "recent", 10, lambda: store.documents(limit=10)),
        actors=cache.get(store, "top-actors", 15, lambda: corpus.top_actors(store, 15)),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(
    store: StoreDep,
    outlet: str | None = None,
    since: Since = None,
    until: Until = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    found = store.documents(outlet=outlet, since=since, until=until, limit=PAGE + 1, offset=offset)
    return page(
        "documents.html",
        active="documents",
        docs=found[:PAGE],
        offset=offset,
        more=len(found) > PAGE,
        page_size=PAGE,
        outlet=outlet or "",
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(doc_id: str, store: StoreDep) -> HTMLResponse:
    analysis = store.get(doc_id)
    found = marks(analysis)
    return page(
        "document.html",
        active="documents",
        a=analysis,
        d=analysis.document,
        segments=segments(analysis.document.text, found),
    )


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    store: StoreDep,
    cache: CacheDep,
    actor: str | None = None,
    since: Since = None,
    until: Until = None,
    count: Counting = "incidents",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    """Incidents by date, a page at a time, over a bar chart SQL counted; ``count=mentions``: events."""
    form = {"actor": actor or "", "since": since or "", "until": until or "", "count": count}
    if count == "mentions":
        entries = cache.get(
            store,
            "timeline-mentions",
            (actor, since, until),
            lambda: timeline(store, actor=actor or None, since=since or None, until=until or None)[
                :TIMELINE_ROWS
            ],
        )
        return page("timeline.html", active="timeline", entries=entries, chart=chart(entries), **form)
    query = checked(IncidentQuery(since=since or None, until=until or None, actor=actor or None, limit=None))
    days = cache.get(store, "incident-days", query, lambda: store.incident_days(query))
    listed = cache.get(
        store,
        "incidents",
        (query, PAGE + 1, offset),
        lambda: store.incidents(replace(query, limit=PAGE + 1, offset=offset)),
    )
    return page(
        "timeline.html",
        active="timeline",
        incidents=listed[:PAGE],
        bars=count_chart([(d.day, d.quad_class, d.count) for d in days]),
        total=sum(d.count for d in days),
        offset=offset,
        more=len(listed) > PAGE,
        page_size=PAGE,
        **form,
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(
    store: StoreDep,
    cache: CacheDep,
    since: Since = None,
    until: Until = None,
    level: Literal["actor", "country"] = "actor",
    count: Counting = "incidents",
) -> HTMLResponse:
    net = cache.get(
        store,
        "network",
        (since, until, level, count),
        lambda: network(store, since=since or None, until=until or None, level=level, counting=count),
    )
    data = net.to_dict()
    # The browser lays the graph out pairwise: beyond a few dozen nodes it is slow and unreadable anyway.
    shown = {n["id"] for n in data["nodes"][:NETWORK_NODES]}
    data["nodes"] = [n for n in data["nodes"] if n["id"] in shown]
    data["edges"] = [e for e in data["edges"] if e["source"] in shown and e["target"] in shown]
    return page(
        "network.html",
        active="network",
        net=net,
        data=data,
        hidden=len(net.nodes) - len(shown),
        level=level,
        count=count,
        since=since or "",
        until=until or "",
    )


@router.get("/roundup", response_class=HTMLResponse)
def roundup_page(store: StoreDep, cache: CacheDep, q: str | None = None) -> HTMLResponse:
    result = cache.get(store, "roundup", q, lambda: roundup(store, query=q)) if q else None
    return page("roundup.html", active="roundup", r=result, q=q or "")


@router.get("/search", response_class=HTMLResponse)
def search_page(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    hits = []
    more = False
    if q:
        found = store.documents(search=q, limit=PAGE + 1, offset=offset)
        more = len(found) > PAGE
        hits = [(d, *corpus.snippets(d.text, q)) for d in found[:PAGE]]
    return page(
        "search.html", active="search", q=q or "", hits=hits, offset=offset, more=more, page_size=PAGE
    )


@router.get("/dossier", response_class=HTMLResponse)
def dossier_page(
    store: StoreDep, cache: CacheDep, q: str | None = None, since: Since = None, until: Until = None
) -> HTMLResponse:
    """The analysis library's self-contained dossier (no scripts), for the documents matching ``q``."""
    return HTMLResponse(
        cache.get(
            store,
            "dossier",
            (q, since, until),
            lambda: render_html(
                build_dossier(store, query=q or None, since=since or None, until=until or None)
            ),
        )
    )


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request) -> HTMLResponse:
    """The API reference, rendered from the OpenAPI document (served as JSON at /openapi.json)."""
    spec = request.app.openapi()
    operations = [
        (method.upper(), path, op)
        for path, methods in spec.get("paths", {}).items()
        for method, op in methods.items()
    ]
    return page("reference.html", active=None, spec=spec, operations=operations)
