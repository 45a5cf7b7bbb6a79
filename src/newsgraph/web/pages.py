"""Dashboard pages: overview, documents, one document with its marks, timeline, network, roundup, search."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsgraph.analysis import corpus
from newsgraph.analysis.incidents import checked
from newsgraph.analysis.naming import entity_name
from newsgraph.analysis.network import QUAD_NAMES, Counting, network
from newsgraph.analysis.network_picture import QUAD_COLOURS
from newsgraph.analysis.report import build_dossier, render_html
from newsgraph.analysis.roundup import roundup
from newsgraph.analysis.timeline import timeline
from newsgraph.incidents.query import IncidentQuery
from newsgraph.queries import DocumentQuery, EventQuery
from newsgraph.serving.cache import ViewCache
from newsgraph.serving.context import CacheDep, DocumentFilters, Since, StoreDep, Until
from newsgraph.store import Store
from newsgraph.web.chart import chart, count_chart
from newsgraph.web.highlight import marks, segments
from newsgraph.wording import plural

router = APIRouter(include_in_schema=False)
PAGE = 50
TIMELINE_ROWS = 500
NETWORK_NODES = 80  # the busiest actors; the API has them all
SIDE_HITS = 10  # claims and events shown under the documents a search finds


@cache
def environment() -> jinja2.Environment:
    # Autoescape everything: article text, titles and outlets come from pages that may carry markup.
    loader = jinja2.FunctionLoader(
        lambda name: (resources.files("newsgraph.web") / "templates" / name).read_text(encoding="utf-8")
    )
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(quad_names=QUAD_NAMES, quad_colours=QUAD_COLOURS)
    env.filters["plural"] = plural
    env.filters["entity_name"] = entity_name
    return env


def render(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)


def page(name: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(name, **context))


def kept(cache: ViewCache, store: Store, name: str, key: Hashable, build: Callable[[], str]) -> HTMLResponse:
    """A page rendered once per write of the store: busy pages are served from memory."""
    return HTMLResponse(cache.get(store, f"page:{name}", key, build))


def render_error(code: str, message: str, status: int) -> str:
    return render("error.html", code=code, message=message, status=status, active=None)


@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep, cache: CacheDep) -> HTMLResponse:
    return kept(
        cache,
        store,
        "/",
        (),
        lambda: render(
            "overview.html",
            active="overview",
            o=corpus.overview(store),
            recent=store.documents(DocumentQuery(limit=10)),
            actors=corpus.top_actors(store, 15),
        ),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(
    store: StoreDep, filters: DocumentFilters, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    found = store.documents(replace(filters, limit=PAGE + 1, offset=offset))
    return page(
        "documents.html",
        active="documents",
        docs=found[:PAGE],
        offset=offset,
        more=len(found) > PAGE,
        page_size=PAGE,
        outlet=filters.outlet or "",
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
    key = (actor, since, until, count, offset)
    return kept(
        cache, store, "/timeline", key, lambda: _timeline_html(store, actor, since, until, count, offset)
    )


def _timeline_html(
    store: Store, actor: str | None, since: str | None, until: str | None, count: Counting, offset: int
) -> str:
    form = {"actor": actor or "", "since": since or "", "until": until or "", "count": count}
    if count == "mentions":
        entries = timeline(store, EventQuery(actor=actor, since=since, until=until))
        shown = entries[:TIMELINE_ROWS]
        return render("timeline.html", active="timeline", entries=shown, chart=chart(shown), **form)
    query = checked(IncidentQuery(since=since or None, until=until or None, actor=actor or None, limit=None))
    days = store.incident_days(query)
    listed = store.incidents(replace(query, limit=PAGE + 1, offset=offset))
    return render(
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
    key = (since, until, level, count)
    return kept(cache, store, "/network", key, lambda: _network_html(store, since, until, level, count))


def _network_html(
    store: Store, since: str | None, until: str | None, level: Literal["actor", "country"], count: Counting
) -> str:
    net = network(store, EventQuery(since=since, until=until), level=level, counting=count)
    data = net.to_dict()
    # The browser lays the graph out pairwise: beyond a few dozen nodes it is slow and unreadable anyway.
    shown = {n["id"] for n in data["nodes"][:NETWORK_NODES]}
    data["nodes"] = [n for n in data["nodes"] if n["id"] in shown]
    data["edges"] = [e for e in data["edges"] if e["source"] in shown and e["target"] in shown]
    return render(
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
    if not q:
        return page("roundup.html", active="roundup", r=None, q="")
    return kept(
        cache,
        store,
        "/roundup",
        q,
        lambda: render("roundup.html", active="roundup", r=roundup(store, query=q), q=q),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    store: StoreDep,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    context: dict[str, Any] = {"hits": [], "claims": [], "events": [], "more": False}
    if q:
        found = store.search(q, limit=PAGE + 1, offset=offset)
        context.update(
            hits=found[:PAGE],
            more=len(found) > PAGE,
            total=store.count_matches(q),
            claims=store.search(q, kind="claim", limit=SIDE_HITS) if offset == 0 else [],
            events=store.search(q, kind="event", limit=SIDE_HITS) if offset == 0 else [],
            claim_total=store.count_matches(q, kind="claim"),
            event_total=store.count_matches(q, kind="event"),
        )
    return page("search.html", active="search", q=q or "", offset=offset, page_size=PAGE, **context)


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
