"""`newsgraph demo`: ingest the sample articles and show what came out of each."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.options import DbOption, settings
from newsgraph.cli.output import fail
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError
from newsgraph.records import Analysis
from newsgraph.wording import plural

PREVIEW_LINES = 3


def _show(out: Console, analysis: Analysis) -> None:
    doc = analysis.document
    out.rule(f"[bold]{doc.title or '(no title)'}[/bold]")
    out.print(
        f"id {doc.doc_id} · outlet {doc.outlet or 'unknown'} · published {doc.published or 'unknown'}"
        f" ({doc.published_source}) · language {doc.language}",
        markup=False,
    )
    for paragraph in doc.text.split("\n\n")[:PREVIEW_LINES]:
        out.print(f"  {paragraph[:300]}{'…' if len(paragraph) > 300 else ''}", markup=False)
    from newsgraph.analysis.naming import entity_name

    by_label: dict[str, list[str]] = defaultdict(list)
    for ent in analysis.entities:
        name = entity_name(ent)
        if name not in by_label[ent.label]:
            by_label[ent.label].append(name)
    out.print("[bold]entities[/bold]")
    for label, texts in sorted(by_label.items()):
        out.print(f"  {label:<12} {', '.join(texts)}", markup=False)
    counts = (
        f"{plural(len(analysis.timexes), 'time expression')}, {plural(len(analysis.claims), 'claim')}, "
        f"{plural(len(analysis.events), 'event')}"
    )
    out.print(f"[bold]also[/bold] {counts} — `newsgraph show {doc.doc_id}`")


@app.command()
def demo(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Articles to ingest (default examples/articles).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Ingest the sample articles and print, for each, its title, outlet, date, text and entities.

    Example: newsgraph demo examples/articles --db demo.db
    """
    from newsgraph.analysis.roundup import roundup
    from newsgraph.cli.analysis import print_roundup
    from newsgraph.incidents.query import IncidentQuery
    from newsgraph.ingest import ingest
    from newsgraph.pipeline import Pipeline
    from newsgraph.queries import DocumentQuery
    from newsgraph.sources import iter_inputs
    from newsgraph.store import Store

    inputs = paths or ["examples/articles"]
    chosen = settings(db)
    out = Console(highlight=False, soft_wrap=True)
    try:
        with Store.open(chosen.db) as store:
            if store.created:
                out.print(f"created a new store at {store.location}")
            done = ingest(iter_inputs(inputs), store, pipeline=Pipeline(batch_size=chosen.batch_size))
            new = done.new
            for failure in done.failures:
                out.print(f"[yellow]failed[/yellow] {failure.path}: {failure.code} {failure.message}")
            if done.failed > len(done.failures):
                out.print(f"… and {done.failed - len(done.failures)} more: .venv/bin/newsgraph failures")
            docs = store.documents(DocumentQuery(limit=None))
            for document in sorted(docs, key=lambda d: d.path or ""):
                _show(out, store.get(document.doc_id))
            out.rule("[bold]Roundup of the sample articles: how each outlet told the story[/bold]")
            print_roundup(out, roundup(store, doc_ids=[d.doc_id for d in docs]))
            out.rule("[bold]Incidents more than one article reports: one happening, counted once[/bold]")
            for incident in store.incidents(IncidentQuery(min_documents=2, limit=20)):
                stances = "; ".join(f"{s.outlet}: {s.stance}" for s in incident.stances)
                out.print(
                    f"{incident.date or 'undated'} {incident.event_type} {incident.source_name} → "
                    f"{incident.target_name}: {len(incident.doc_ids)} documents, {stances}",
                    markup=False,
                )
            out.print("more: .venv/bin/newsgraph incidents --db …", markup=False)
            out.rule()
            where = (
                Path(store.url.removeprefix("sqlite:///")) if store.url.startswith("sqlite") else store.url
            )
            out.print(f"{plural(new, 'new document')} this run, {len(docs)} stored in {where}")
            out.print(
                f"try: .venv/bin/newsgraph docs --db {where}   ·   .venv/bin/newsgraph claims --db {where}"
            )
            out.print(
                f"open the dashboard: .venv/bin/newsgraph serve --db {where}   then http://127.0.0.1:8000/"
            )
    except NewsgraphError as err:
        raise fail(err) from err
