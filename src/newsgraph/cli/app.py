"""`newsgraph`: the commands. Each is a thin layer over a library call."""

from __future__ import annotations

import json
import logging
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from newsgraph.cli.options import DbOption, check_date, settings
from newsgraph.cli.output import fail, stderr
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError
from newsgraph.records import Failure

if TYPE_CHECKING:
    from newsgraph.config import Settings
    from newsgraph.ingest import Ingested

MAX_SHOWN_FAILURES = 20  # the rest are in the store: `newsgraph failures`

Paths = Annotated[
    list[str], typer.Argument(help="Files, folders (recursive), globs, or - for JSONL on stdin.")
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date (YYYY-MM-DD, or YYYY-MM, YYYY) for every input (wins over found).",
    ),
]
OutletOption = Annotated[
    str | None, typer.Option("--outlet", help="Outlet name for every input (wins over found).")
]
LanguageOption = Annotated[
    str | None,
    typer.Option(
        "--language",
        help="Language of every input (ISO 639-1), instead of detecting it: en parses them all as English.",
    ),
]


def _check_language(language: str | None) -> str | None:
    from newsgraph.extract.language import LANGUAGES
    from newsgraph.vocabulary import choose

    try:
        return None if language is None else choose(language, LANGUAGES, "--language")
    except NewsgraphError as err:
        raise fail(err) from err


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s %(message)s",
    )
    # trafilatura logs every page it finds no text in; our error records already say so.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


@app.command()
def extract(
    paths: Paths,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse inputs larger than this many bytes.")] = None,
    n_process: Annotated[
        int | None,
        typer.Option(help="Processes that parse and analyse (default: one per core, memory permitting)."),
    ] = None,
) -> None:
    """Process files without a store; write the JSON Lines records of DESIGN.md to stdout.

    Example: newsgraph extract examples/articles --published 2024-06-17 > records.jsonl
    """
    from newsgraph.pipeline import Pipeline
    from newsgraph.records import to_dict
    from newsgraph.sources import iter_inputs

    check_date(published, "--published")
    language = _check_language(language)
    chosen = settings(max_bytes=max_bytes, n_process=n_process)
    try:
        pipeline = Pipeline(batch_size=chosen.batch_size, n_process=chosen.n_process)
    except NewsgraphError as err:
        raise fail(err) from err
    failed = 0
    for batch in pipeline.run(
        iter_inputs(paths, max_bytes=chosen.max_bytes),
        published=published,
        outlet=outlet,
        language=language,
    ):
        for analysis in batch.analyses:
            for record in analysis.records():
                sys.stdout.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
        for failure in batch.failures:
            sys.stdout.write(json.dumps(to_dict(failure), ensure_ascii=False) + "\n")
            failed += 1
    sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = None,
    published: PublishedOption = None,
    outlet: OutletOption = None,
    language: LanguageOption = None,
    force: Annotated[bool, typer.Option("--force", help="Reprocess documents already stored.")] = False,
    batch_size: Annotated[
        int | None, typer.Option(help="Documents per batch (one transaction each).")
    ] = None,
    n_process: Annotated[
        int | None,
        typer.Option(help="Processes that parse and analyse (default: one per core, memory permitting)."),
    ] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse inputs larger than this many bytes.")] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Run on a local Dask cluster of N worker processes (needs dask)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Run on an existing Dask cluster at tcp://HOST:PORT (needs dask)."),
    ] = None,
) -> None:
    """Process inputs into the store; stored documents are skipped, so re-running adds nothing.

    Example: newsgraph ingest examples/articles --db newsgraph.db
    Example: newsgraph ingest corpus.jsonl.gz --workers 4 --db postgresql://localhost/news
    """
    check_date(published, "--published")
    language = _check_language(language)
    chosen = settings(db, batch_size=batch_size, n_process=n_process, max_bytes=max_bytes)
    if workers is not None or scheduler is not None:
        _ingest_on_dask(paths, chosen, published, outlet, language, force, workers, scheduler)
    try:
        stats, db_url = _ingest_here(paths, chosen, published, outlet, language, force)
    except NewsgraphError as err:
        raise fail(err) from err
    _show_failures(stats.failures, stats.failed)
    stderr.print(
        f"{stats.new} new, {stats.skipped} skipped, {stats.failed} failed in {stats.seconds:.1f}s "
        f"({stats.words:,} words, {stats.words_per_second:,.0f} words/s) -> {db_url}",
        highlight=False,
    )
    raise typer.Exit(1 if stats.failed else 0)


def _ingest_here(
    paths: list[str],
    settings: Settings,
    published: str | None,
    outlet: str | None,
    language: str | None,
    force: bool,
) -> tuple[Ingested, str]:
    """`ingest` in this process (and its workers), a spinner on stderr; the totals and the store's URL."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from newsgraph.ingest import ingest
    from newsgraph.pipeline import Pipeline
    from newsgraph.sources import iter_inputs
    from newsgraph.store import Store

    with Store.open(settings.db) as store:
        if store.created:
            stderr.print(f"created a new store at {store.location}", highlight=False)
        pipeline = Pipeline(batch_size=settings.batch_size, n_process=settings.n_process)
        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, console=stderr, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def show(done: Ingested) -> None:
                progress.update(
                    task,
                    description=f"{done.new} new · {done.skipped} skipped · {done.failed} failed · "
                    f"{done.words_per_second:,.0f} words/s",
                )

            stats = ingest(
                iter_inputs(paths, max_bytes=settings.max_bytes),
                store,
                pipeline=pipeline,
                published=published,
                outlet=outlet,
                language=language,
                force=force,
                on_batch=show,
                kept_failures=MAX_SHOWN_FAILURES,
            )
        return stats, store.url


def _show_failures(shown: list[Failure], failed: int) -> None:
    """The first failures, one line each, and how many more the store holds."""
    for failure in shown:
        where = f"{failure.path}:{failure.line}" if failure.line else failure.path
        stderr.print(f"[yellow]failed[/yellow] {where} {failure.code}: {failure.message}", highlight=False)
    if failed > len(shown):
        stderr.print(f"... and {failed - len(shown)} more: see `newsgraph failures`")


from newsgraph.cli import analysis as _analysis  # noqa: E402,F401


def _ingest_on_dask(
    paths: list[str],
    settings: Settings,
    published: str | None,
    outlet: str | None,
    language: str | None,
    force: bool,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """`ingest --workers N | --scheduler URL`: the same run as Dask tasks; exits with ingest's status."""
    from newsgraph import scale

    def show(stats: scale.RunStats) -> None:
        stderr.print(
            f"{stats.shards} shards: {stats.new} new · {stats.skipped} skipped · {stats.failed} failed · "
            f"{stats.words_per_second:,.0f} words/s",
            highlight=False,
        )

    try:
        stats = scale.ingest(
            paths,
            settings.db,
            workers=workers,
            scheduler=scheduler,
            published=published,
            outlet=outlet,
            language=language,
            force=force,
            batch_size=settings.batch_size,
            max_bytes=settings.max_bytes,
            on_shard=show if logging.getLogger().isEnabledFor(logging.INFO) else None,
        )
    except NewsgraphError as err:
        raise fail(err) from err
    _show_failures(stats.failures, stats.failed)
    stderr.print(
        f"{stats.new} new, {stats.skipped} skipped, {stats.failed} failed in {stats.seconds:.1f}s "
        f"({stats.words:,} words, {stats.words_per_second:,.0f} words/s, {stats.shards} shards on Dask) "
        f"-> {settings.db}",
        highlight=False,
    )
    raise typer.Exit(1 if stats.failed else 0)


from newsgraph.cli import actors as _actors  # noqa: E402,F401
from newsgraph.cli import demo as _demo  # noqa: E402,F401
from newsgraph.cli import evaluate as _evaluate  # noqa: E402,F401
from newsgraph.cli import incidents as _incidents  # noqa: E402,F401
from newsgraph.cli import query as _query  # noqa: E402,F401  (registers the query commands)
from newsgraph.cli import serve as _serve  # noqa: E402,F401
from newsgraph.cli import train as _train  # noqa: E402,F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
