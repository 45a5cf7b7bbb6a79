"""Commands over the analysis layer: timeline, network, roundup, clusters, predictions, report."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console

from newsgraph.cli.options import (
    QUERY_HELP,
    ActorOption,
    DbOption,
    FactualityOption,
    FormatOption,
    MaxRows,
    Since,
    TypeOption,
    Until,
    build_query,
    check_date,
    read_store,
)
from newsgraph.cli.output import Format, fail, print_rows, stderr
from newsgraph.cli.root import app
from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.queries import EventQuery
from newsgraph.wording import plural

if TYPE_CHECKING:  # the analysis layer loads the store, SQLAlchemy and pyarrow: only for commands that run
    from newsgraph.analysis.roundup import Roundup

# analysis.network.Counting, spelled here: importing the analysis layer would load the store at start-up.
Counting = Literal["incidents", "mentions"]
CountOption = Annotated[
    Counting,
    typer.Option(
        "--count", help="incidents: one row per happening, however many documents told it; mentions: events."
    ),
]


class NetworkFormat(str, enum.Enum):
    json = "json"
    graphml = "graphml"
    table = "table"


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


@app.command()
def timeline(
    db: DbOption = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    factuality: FactualityOption = None,
    since: Since = None,
    until: Until = None,
    limit: MaxRows = None,
    count: CountOption = "incidents",
    fmt: FormatOption = Format.table,
) -> None:
    """Incidents in the order they happened (one row per happening, with how many outlets carry it), or
    with --count mentions every event, each with its sentence, document, outlet and link.

    Example: newsgraph timeline --actor PRK --since 2024-01-01
    Example: newsgraph timeline --count mentions --actor PRK --factuality asserted
    """
    from newsgraph.analysis.timeline import timeline as build

    query = build_query(
        EventQuery,
        actor=actor,
        event_type=event_type,
        factuality=factuality,
        since=since,
        until=until,
        limit=limit,
    )
    if count == "incidents":
        _incident_timeline(db, query, fmt)
        return
    try:
        with read_store(db) as store:
            entries = build(store, query)
    except NewsgraphError as err:
        raise fail(err) from err
    rows = [e.to_dict() for e in entries]
    if fmt in (Format.table, Format.csv):
        for entry, row in zip(entries, rows, strict=True):
            if fmt is Format.table:
                row["date"] = entry.shown_date  # "≈" marks a publication day standing in for the event's
            row.pop("event")
            doc = row.pop("document")
            row.update(outlet=doc["outlet"], doc_id=doc["doc_id"], link=doc["link"])
    cols = [
        "date",
        "event_type",
        "source_actor",
        "target_actor",
        "factuality",
        "sentence",
        "outlet",
        "doc_id",
    ]
    print_rows(rows, fmt, [*cols, "link"] if fmt is Format.csv else cols)


def _incident_timeline(db: str | None, events: EventQuery, fmt: Format) -> None:
    from newsgraph.analysis.incidents import list_incidents
    from newsgraph.incidents.query import IncidentQuery

    try:
        if events.factuality:
            raise ConfigError("--factuality filters events: add --count mentions (incidents have stances)")
        query = IncidentQuery(
            since=events.since,
            until=events.until,
            actor=events.actor,
            event_type=events.event_type,
            limit=events.limit,
        )
        with read_store(db) as store:
            found = list_incidents(store, query)
    except NewsgraphError as err:
        raise fail(err) from err
    rows = [i.to_dict(reports=fmt in (Format.jsonl, Format.json)) for i in found]
    if fmt in (Format.table, Format.csv):
        for row, incident in zip(rows, found, strict=True):
            first = incident.first_report
            row.update(
                source=row["source_name"] or row["source"],
                target=row["target_name"] or row["target"],
                sentence=first.sentence,
                outlet=first.outlet,
                doc_id=first.doc_id,
            )
    cols = [
        "date",
        "event_type",
        "source",
        "target",
        "outlet_count",
        "mentions",
        "sentence",
        "outlet",
        "doc_id",
    ]
    print_rows(rows, fmt, [*cols, "incident"] if fmt is Format.csv else cols)


@app.command()
def network(
    db: DbOption = None,
    since: Since = None,
    until: Until = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    factuality: FactualityOption = None,
    by_country: Annotated[
        bool, typer.Option("--by-country", help="One node per country instead of per actor.")
    ] = False,
    count: CountOption = "incidents",
    fmt: Annotated[NetworkFormat, typer.Option("--format", "-f", help="json, graphml or table.")] = (
        NetworkFormat.json
    ),
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
) -> None:
    """The actor network: actors as nodes, edges counting incidents (or with --count mentions, events) by
    quad class and factuality, with how many outlets carry each.

    Example: newsgraph network --since 2024-06-01 --until 2024-06-30 --format graphml --out june.graphml
    """
    from newsgraph.analysis.network import network as build

    query = build_query(
        EventQuery, since=since, until=until, actor=actor, event_type=event_type, factuality=factuality
    )
    try:
        with read_store(db) as store:
            net = build(store, query, level="country" if by_country else "actor", counting=count)
    except NewsgraphError as err:
        raise fail(err) from err
    if fmt is NetworkFormat.table:
        from newsgraph.analysis.network import QUAD_NAMES

        names = {n.id: n.name for n in net.nodes}
        # One column per quad class, named; factualities and types as words with counts, not JSON.
        rows = [
            {
                "source": names[e.source],
                "target": names[e.target],
                "count": e.count,
                "mentions": e.mentions,
                "outlets": e.outlets,
                **{QUAD_NAMES[q]: e.by_quad.get(q, "") for q in QUAD_NAMES},
                "factuality": ", ".join(f"{k} {v}" for k, v in sorted(e.by_factuality.items(), key=_most)),
                "types": ", ".join(f"{k} {v}" for k, v in sorted(e.by_type.items(), key=_most)),
            }
            for e in net.edges
        ]
        cols = [
            "source",
            "target",
            "count",
            "mentions",
            "outlets",
            *QUAD_NAMES.values(),
            "factuality",
            "types",
        ]
        print_rows(rows, Format.table, cols)
        return
    text = net.to_graphml() if fmt is NetworkFormat.graphml else json.dumps(net.to_dict(), ensure_ascii=False)
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        out.write_text(text, encoding="utf-8")
        nodes, edges = plural(len(net.nodes), "actor"), plural(len(net.edges), "edge")
        stderr.print(f"wrote {nodes} and {edges} to {out}", highlight=False)


def print_roundup(out: Console, result: Roundup) -> None:
    """The roundup as text: per outlet its claims by kind, then agreements and differences."""
    counts = f"{plural(len(result.doc_ids), 'document')}, {plural(len(result.outlets), 'outlet')}"
    out.print(f"{counts}. {result.rule}", markup=False)
    for view in result.outlets:
        out.print(f"\n[bold]{view.outlet}[/bold] (by {' and '.join(view.grouped_by)})", markup=True)
        carriers = ", ".join(f"{who} ({n})" for who, n in view.carriers().items())
        out.print(f"  carried by: {carriers}", markup=False)
        for kind, claims in view.by_kind().items():
            out.print(f"  {kind}:", markup=False)
            for c in claims:
                out.print(
                    f"    - {c.carrier or '(unnamed)'} {c.claim.cue}: {c.claim.content[:200]}", markup=False
                )
    if result.agreements:
        out.print("\n[bold]Where outlets agree[/bold]", markup=True)
        for a in result.agreements[:20]:
            first, second = a.claims
            out.print(f"  {a.similarity:.2f} {first.outlet}: {first.claim.content[:100]}", markup=False)
            out.print(f"       {second.outlet}: {second.claim.content[:100]}", markup=False)
    if result.only_in:
        out.print("\n[bold]Where they differ (claims only one outlet makes)[/bold]", markup=True)
        for outlet, unique in result.only_in.items():
            example = unique[0].claim.content[:120]
            out.print(f"  {outlet}: {plural(len(unique), 'claim')}, e.g. {example}", markup=False)


@app.command()
def roundup(
    db: DbOption = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help=QUERY_HELP)] = None,
    cluster: Annotated[
        str | None, typer.Option("--cluster", help="A story: a cluster id or any of its doc_ids.")
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """How each outlet told a story: its claims by kind, who carries them, where outlets agree and differ.

    Example: newsgraph roundup --query "Putin" --format json
    """
    from newsgraph.analysis.roundup import roundup as build
    from newsgraph.analysis.stories import cluster_of

    try:
        if bool(query) == bool(cluster):
            raise ConfigError("give either --query or --cluster")
        with read_store(db) as store:
            doc_ids = cluster_of(store, cluster).doc_ids if cluster else None
            result = build(store, query=query, doc_ids=doc_ids)
    except NewsgraphError as err:
        raise fail(err) from err
    if fmt is Format.json or fmt is Format.jsonl:
        indent = 2 if fmt is Format.json else None
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
        return
    if fmt is Format.csv:
        rows = [c.to_dict() for o in result.outlets for c in o.claims]
        for row in rows:
            row.update(doc_id=row.pop("document")["doc_id"])
        print_rows(rows, fmt, ["outlet", "grouped_by", "kind", "carrier", "cue", "content", "doc_id"])
        return
    print_roundup(Console(highlight=False), result)


@app.command()
def clusters(
    db: DbOption = None,
    since: Since = None,
    until: Until = None,
    min_size: Annotated[int, typer.Option("--min-size", help="Only stories of at least this many.")] = 1,
    fmt: FormatOption = Format.table,
) -> None:
    """Story clusters: documents about the same event, with copies counted once as independent sources.

    Example: newsgraph clusters --since 2024-06-01 --min-size 2 --format jsonl
    """
    from newsgraph.analysis.stories import story_clusters

    check_date(since, "--since")
    check_date(until, "--until")
    try:
        with read_store(db) as store:
            found = story_clusters(store, since=since, until=until, min_size=min_size)
    except NewsgraphError as err:
        raise fail(err) from err
    print_rows(
        [c.to_dict() for c in found],
        fmt,
        ["cluster", "first", "size", "independent", "title", "doc_ids"],
    )


@app.command()
def predictions(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Who made it (text or actor).")] = None,
    since: Since = None,
    limit: MaxRows = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Predictions and warnings: who made them and when, with later events involving the same actors.

    Example: newsgraph predictions --source Nikkei --format json
    """
    from newsgraph.analysis.predictions import predictions as build

    check_date(since, "--since")
    try:
        with read_store(db) as store:
            found = build(store, source=source, since=since, limit=limit)
    except NewsgraphError as err:
        raise fail(err) from err
    rows = [p.to_dict() for p in found]
    if fmt in (Format.table, Format.csv):
        for row, p in zip(rows, found, strict=True):
            row.pop("claim")
            row.update(
                doc_id=p.source.doc_id,
                later=" | ".join(f"{t.date} {t.event.event_type.value} {t.who}→{t.whom}" for t in p.later),
            )
    print_rows(rows, fmt, ["kind", "made_by", "made_on", "content", "later", "doc_id"])


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    db: DbOption = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help=QUERY_HELP)] = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Write a self-contained HTML dossier: timeline, network picture, roundup, predictions, sources.

    Example: newsgraph report --query "North Korea" --out dossier.html
    """
    from newsgraph.analysis.report import build_dossier, render_html

    check_date(since, "--since")
    check_date(until, "--until")
    try:
        with read_store(db) as store:
            dossier = build_dossier(store, query=query, since=since, until=until)
    except NewsgraphError as err:
        raise fail(err) from err
    out.write_text(render_html(dossier), encoding="utf-8")
    stderr.print(
        f"wrote {out}: {plural(len(dossier.sources), 'document')}, {plural(len(dossier.timeline), 'event')}, "
        f"{plural(len(dossier.network.nodes), 'actor')}",
        highlight=False,
    )
