"""Commands that read the store: docs, show, claims, events, failures, export."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli.options import (
    ActorOption,
    DbOption,
    FactualityOption,
    FormatOption,
    KindOption,
    Limit,
    Since,
    SourceOption,
    TypeOption,
    Until,
    build_query,
    read_store,
    unlimited,
)
from newsgraph.cli.output import EventFormat, Format, SearchKind, emit, emit_hits, fail, stderr
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError, NotFoundError
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.vocabulary import choose
from newsgraph.wording import plural


@app.command()
def docs(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Since = None,
    until: Until = None,
    search: Annotated[
        str | None,
        typer.Option(help='Full-text query: all words, "a phrase", OR, -word (best matches first).'),
    ] = None,
    limit: Limit = 100,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored documents.

    Example: newsgraph docs --outlet "The Yomiuri Shimbun" --since 2023-01-01
    """
    wanted = build_query(
        DocumentQuery, outlet=outlet, since=since, until=until, search=search, limit=unlimited(limit)
    )
    try:
        with read_store(db) as store:
            found = store.documents(wanted)
    except NewsgraphError as err:
        raise fail(err) from err
    cols = ["doc_id", "published", "outlet", "title", "language", "duplicate_of"]
    if fmt is Format.table:
        emit(found, fmt, columns=cols)
    else:
        emit(found, fmt, columns=cols if fmt is Format.csv else None)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help='All words must occur; "a phrase" in order; a OR b; -word leaves out.')
    ],
    db: DbOption = None,
    kind: Annotated[
        SearchKind, typer.Option("--kind", help="Search documents, claims or events.")
    ] = SearchKind.document,
    limit: Limit = 20,
    fmt: FormatOption = Format.table,
) -> None:
    """Full-text search over the stored documents, claims or events, best matches first.

    Example: newsgraph search '"North Korea" Pyongyang -Seoul' --kind claim
    """

    try:
        with read_store(db) as store:
            hits = store.search(query, kind=kind.value, limit=unlimited(limit))
            total = store.count_matches(query, kind=kind.value)
    except NewsgraphError as err:
        raise fail(err) from err
    emit_hits(hits, fmt)
    stderr.print(f"{len(hits)} of {plural(total, kind.value)} matching {query!r}", highlight=False)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="The document's id (see `newsgraph docs`).")],
    db: DbOption = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="jsonl/json for the raw records.")
    ] = None,
) -> None:
    """Show one document with what was extracted from it.

    Example: newsgraph show 03af38b2667d0802
    """

    try:
        with read_store(db) as store:
            analysis = store.get(doc_id)
    except NotFoundError as err:
        raise fail(err) from err
    except NewsgraphError as err:
        raise fail(err) from err
    if fmt is not None:
        emit(analysis.records(), fmt)
        return
    doc = analysis.document
    out = Console(highlight=False)
    out.print(f"[bold]{doc.title or '(no title)'}[/bold]", markup=True)
    out.print(
        f"id {doc.doc_id} · outlet {doc.outlet or '-'} · published {doc.published or '-'} "
        f"({doc.published_source}) · language {doc.language}"
    )
    if doc.duplicate_of:
        out.print(f"duplicate of {doc.duplicate_of}")
    if doc.flags:
        out.print(f"flags: {', '.join(doc.flags)}", markup=False)
    out.print()
    out.print(doc.text, markup=False)
    out.print()
    from newsgraph.analysis.naming import entity_name

    by_label: dict[str, list[str]] = defaultdict(list)
    for ent in analysis.entities:
        name = entity_name(ent)
        if name not in by_label[ent.label]:
            by_label[ent.label].append(name)
    out.print("[bold]Entities[/bold]", markup=True)
    for label, texts in sorted(by_label.items()):
        out.print(f"  {label:<12} {', '.join(texts)}", markup=False)
    if analysis.timexes:
        out.print("[bold]Time expressions[/bold]", markup=True)
        for tx in analysis.timexes:
            end = f"/{tx.end_value}" if tx.end_value else ""
            out.print(f"  {tx.text!r:<36} {tx.kind.value:<9} {tx.value}{end} ({tx.anchor})", markup=False)
    if analysis.claims:
        out.print("[bold]Claims[/bold]", markup=True)
        for claim in analysis.claims:
            who = claim.source.text if claim.source else "(unknown source)"
            out.print(f"  [{claim.kind.value}] {who} —{claim.cue}→ {claim.content[:160]}", markup=False)
    if analysis.events:
        out.print("[bold]Events[/bold]", markup=True)
        for ev in analysis.events:
            src = ev.source.text if ev.source else "?"
            tgt = ev.target.text if ev.target else "?"
            out.print(
                f"  {ev.event_type.value:<10} {src} → {tgt} ({ev.factuality.value}) «{ev.trigger}»",
                markup=False,
            )


@app.command()
def claims(
    db: DbOption = None,
    source: SourceOption = None,
    kind: KindOption = None,
    since: Since = None,
    limit: Limit = 100,
    fmt: FormatOption = Format.table,
) -> None:
    """List stored claims: who said what, and what kind of claim it is.

    Example: newsgraph claims --source Nikkei --kind prediction
    """
    wanted = build_query(ClaimQuery, source=source, kind=kind, since=since, limit=unlimited(limit))
    try:
        with read_store(db) as store:
            found = store.claims(wanted)
    except NewsgraphError as err:
        raise fail(err) from err
    emit(found, fmt, columns=["doc_id", "source", "cue", "kind", "direct", "content"])


@app.command()
def events(
    db: DbOption = None,
    actor: ActorOption = None,
    event_type: TypeOption = None,
    factuality: FactualityOption = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
    fmt: Annotated[
        EventFormat,
        typer.Option("--format", "-f", help="Output format; gdelt: GDELT 2.0 columns as TSV, then ours."),
    ] = EventFormat.table,
) -> None:
    """List stored events: who did what to whom, when, and how sure.

    Example: newsgraph events --actor PRK --type AID --factuality asserted
    Example: newsgraph events --format gdelt --limit 0 > events.tsv
    """
    wanted = build_query(
        EventQuery,
        actor=actor,
        event_type=event_type,
        factuality=factuality,
        since=since,
        until=until,
        limit=unlimited(limit),
    )
    try:
        with read_store(db) as store:
            found = store.events(wanted)
            documents = store.documents_by_id(e.doc_id for e in found) if fmt is EventFormat.gdelt else {}
    except NewsgraphError as err:
        raise fail(err) from err
    if fmt is EventFormat.gdelt:
        from newsgraph.store.gdelt import write_gdelt

        write_gdelt(found, documents, sys.stdout)
        return
    columns = ["doc_id", "event_type", "source", "target", "factuality", "trigger", "date"]
    emit(found, Format(fmt.value), columns=columns)


@app.command()
def failures(db: DbOption = None, limit: Limit = 100, fmt: FormatOption = Format.table) -> None:
    """List the inputs that could not be processed, with the error code and message.

    Example: newsgraph failures --format jsonl
    """

    try:
        with read_store(db) as store:
            found = store.failures(limit=unlimited(limit))
    except NewsgraphError as err:
        raise fail(err) from err
    emit(found, fmt, columns=["path", "line", "code", "message"])


@app.command()
def export(
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            help="File (jsonl) or folder (csv, parquet; a name with a suffix is a prefix: out/x.csv -> "
            "out/x-documents.csv, ...).",
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    db: DbOption = None,
) -> None:
    """Export every stored record; prints each file written and what it holds.

    Example: newsgraph export --format parquet --out exported/
    """
    from newsgraph.store.export import export as run_export
    from newsgraph.store.export import type_paths

    try:
        fmt = choose(fmt, ["jsonl", "csv", "parquet"], "--format")
    except NewsgraphError as err:
        raise fail(err) from err
    try:
        with read_store(db) as store:
            counts = run_export(store, out, fmt)  # type: ignore[arg-type]
    except NewsgraphError as err:
        raise fail(err) from err
    if fmt == "jsonl":
        summary = ", ".join(plural(n, kind) for kind, n in counts.items())
        stderr.print(f"wrote {summary} to {out}", highlight=False)
        return
    # csv and parquet write a file per record type, not the one --out names
    for kind, path in type_paths(out, fmt, list(counts)).items():
        stderr.print(f"wrote {plural(counts[kind], kind)} to {path}", highlight=False)
