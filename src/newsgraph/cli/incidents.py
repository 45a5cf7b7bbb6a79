"""`newsgraph incidents`: one row per happening, however many documents told it; `--rebuild` relinks all."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer

from newsgraph.cli.options import DbOption, FormatOption, check_date, settings
from newsgraph.cli.output import Format, fail, print_rows, stderr
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError

COLUMNS = [
    "date",
    "event_type",
    "source",
    "target",
    "outlet_count",
    "documents",
    "mentions",
    "stances",
    "incident",
]
CSV_COLUMNS = [
    "incident",
    "date",
    "event_type",
    "quad_class",
    "source",
    "source_name",
    "target",
    "target_name",
    "place",
    "mentions",
    "events",
    "documents",
    "outlet_count",
    "outlets",
    "stances",
    "first_report",
    "event_ids",
    "doc_ids",
]


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """One line per incident for tables and CSV: lists joined, stances as 'outlet: stance'."""
    return {
        **row,
        "source": row["source_name"] or row["source"],
        "target": row["target_name"] or row["target"],
        "outlets": "; ".join(row["outlets"]),
        "stances": "; ".join(f"{outlet}: {stance}" for outlet, stance in row["stances"].items()),
        "first_report": row["first_report"]["doc_id"],
        "event_ids": " ".join(row["event_ids"]),
        "doc_ids": " ".join(row["doc_ids"]),
    }


@app.command()
def incidents(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option("--since", help="Starting on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Starting up to this date.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="On either side: ISO3 country, actor id or name.")
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    min_outlets: Annotated[int, typer.Option("--min-outlets", help="Carried by at least N outlets.")] = 1,
    min_documents: Annotated[
        int, typer.Option("--min-documents", help="Reported by at least N documents.")
    ] = 1,
    limit: Annotated[int, typer.Option("--limit", help="At most this many (0: all).")] = 100,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many first.")] = 0,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Relink every stored event from scratch, then list.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Incidents: events from any documents that report the same happening, counted once, with each
    outlet's stance (asserted, reported, negated, predicted ...).

    Example: newsgraph incidents --actor PRK --min-outlets 2 --format jsonl
    Example: newsgraph incidents --rebuild --limit 0 --format csv > incidents.csv
    """
    from newsgraph.analysis.incidents import list_incidents
    from newsgraph.incidents.query import IncidentQuery
    from newsgraph.store import Store

    check_date(since, "--since")
    check_date(until, "--until")
    query = IncidentQuery(
        since=since,
        until=until,
        actor=actor,
        event_type=event_type,
        min_outlets=min_outlets,
        min_documents=min_documents,
        limit=limit or None,
        offset=offset,
    )
    try:
        with Store.open(settings(db).db) as store:
            if rebuild:
                started = time.perf_counter()
                events, made = store.rebuild_incidents()
                took = time.perf_counter() - started
                stderr.print(
                    f"linked {events:,} events into {made:,} incidents in {took:.1f}s", highlight=False
                )
            found = list_incidents(store, query)
    except NewsgraphError as err:
        raise fail(err) from err
    rows = [i.to_dict(reports=fmt in (Format.jsonl, Format.json)) for i in found]
    if fmt in (Format.table, Format.csv):
        rows = [_flat(r) for r in rows]
    print_rows(rows, fmt, CSV_COLUMNS if fmt is Format.csv else COLUMNS)
