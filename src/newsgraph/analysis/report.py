"""The dossier: timeline, network picture, roundup, predictions, stories and sources as one HTML page.

Self-contained (inline CSS and SVG, no scripts, no CDN) so it can be mailed or archived; every piece of
article text goes through Jinja2 autoescaping because news pages carry scripts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources

import jinja2

from newsgraph.analysis.citations import SourceDoc, SourceDocs
from newsgraph.analysis.clusters import Cluster, StoryText, cluster_stories
from newsgraph.analysis.network import QUAD_NAMES, Counting, Network, build_network, network_of_incidents
from newsgraph.analysis.network_picture import QUAD_COLOURS, Picture, circle_layout
from newsgraph.analysis.predictions import Prediction, predictions
from newsgraph.analysis.roundup import Roundup, roundup
from newsgraph.analysis.timeline import TimelineEntry, event_date
from newsgraph.errors import NotFoundError
from newsgraph.incidents import Incident
from newsgraph.incidents.query import IncidentQuery
from newsgraph.queries import DocumentQuery, EventQuery
from newsgraph.store import Store
from newsgraph.wording import plural

# Documents a dossier reads at most: a dossier is for one story, not the whole store.
MAX_DOCUMENTS = 500


@dataclass(frozen=True)
class Dossier:
    title: str
    query: str | None
    since: str | None
    until: str | None
    made: str
    sources: tuple[SourceDoc, ...]
    timeline: tuple[TimelineEntry, ...]
    network: Network
    picture: Picture
    roundup: Roundup | None
    predictions: tuple[Prediction, ...]
    clusters: tuple[Cluster, ...]
    incidents: tuple[Incident, ...] = ()  # every happening the documents report, each once
    counting: Counting = "incidents"


def build_dossier(
    store: Store,
    *,
    query: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = MAX_DOCUMENTS,
    counting: Counting = "incidents",
) -> Dossier:
    """Everything the store knows about the documents matching ``query`` (title or text) in the window.

    The network counts incidents (one happening, however many of the documents told it), or with
    ``counting="mentions"`` events."""
    documents = store.documents(DocumentQuery(search=query, since=since, until=until, limit=limit))
    if not documents:
        raise NotFoundError(
            f"no stored documents match {query!r}; try fewer words or `newsgraph docs --search`"
        )
    docs = SourceDocs(store)
    docs.prime(documents)
    ids = [d.doc_id for d in documents]
    events = [e for doc_id in ids for e in store.events(EventQuery(doc_id=doc_id))]
    entries = [TimelineEntry(event_date(e, docs(e.doc_id)), e, docs(e.doc_id)) for e in events]
    entries.sort(key=lambda t: (t.date is None, t.date or "", t.source.doc_id, t.event.span))
    wanted = set(ids)
    found: dict[str, Incident] = {}
    for doc_id in ids:
        for incident in store.incidents(IncidentQuery(doc_id=doc_id, limit=None)):
            found[incident.incident] = incident
    incidents = tuple(
        sorted(
            found.values(),
            key=lambda i: (-len(i.doc_ids), i.date_from is None, i.date_from or "", i.incident),
        )
    )
    if counting == "incidents":
        net = network_of_incidents(incidents, since=since, until=until)
    else:
        outlets = {d.doc_id: d.outlet for d in documents}
        net = build_network(events, since=since, until=until, outlets=outlets)
    return Dossier(
        title=f"Dossier: {query}" if query else "Dossier",
        query=query,
        since=since,
        until=until,
        made=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        sources=tuple(docs(i) for i in ids),
        timeline=tuple(entries),
        network=net,
        picture=circle_layout(net),
        roundup=roundup(store, doc_ids=ids, query=query),
        predictions=tuple(p for p in predictions(store) if p.claim.doc_id in wanted),
        clusters=tuple(cluster_stories(StoryText.of(d) for d in documents)),
        incidents=incidents,
        counting=counting,
    )


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: (resources.files("newsgraph.analysis") / name).read_text(encoding="utf-8")
    )
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["plural"] = plural
    return env


def render_html(dossier: Dossier) -> str:
    """The dossier as one self-contained HTML page."""
    template = _environment().get_template("dossier.html")
    return template.render(
        d=dossier,
        quads=QUAD_NAMES,
        quad_colours=QUAD_COLOURS,
        colours=list(dict.fromkeys([*QUAD_COLOURS.values(), "#777777"])),
        names={n.id: n.name for n in dossier.network.nodes},
    )
