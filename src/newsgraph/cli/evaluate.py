"""`newsgraph eval STAGE --data PATH`: score a stage on gold data."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.output import fail
from newsgraph.cli.root import app
from newsgraph.errors import DataError, NewsgraphError

# stage name -> the module whose evaluate(data, limit=...) scores it
EVALUATIONS = {
    "extraction": "newsgraph.eval.extraction",
    "timex": "newsgraph.eval.timex",
    "attribution": "newsgraph.eval.attribution",
    "actors": "newsgraph.eval.actors",
    "events": "newsgraph.eval.events",
    "relevance": "newsgraph.eval.relevance",
    "clusters": "newsgraph.eval.clusters",
    "incidents": "newsgraph.eval.incidents",
}


@app.command(name="eval")
def evaluate(
    stage: Annotated[str, typer.Argument(help=f"One of: {', '.join(EVALUATIONS)}.")],
    data: Annotated[
        Path, typer.Option("--data", help="The gold data (file or folder) under ../shared/data.")
    ],
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    phoenix: Annotated[
        Path | None,
        typer.Option(help="actors only: also load this Phoenix dictionary folder after the built-in one."),
    ] = None,
    through_store: Annotated[
        bool,
        typer.Option(
            "--through-store",
            help="clusters: ingest the gold documents with the real pipeline and score `newsgraph clusters`.",
        ),
    ] = False,
    db: Annotated[
        Path | None,
        typer.Option(
            help="clusters, incidents: the store to ingest into (kept and reused); implies --through-store."
        ),
    ] = None,
    errors: Annotated[
        Path | None,
        typer.Option(
            help="timex only: write every disagreement with the gold (missed, spurious, value) as TSV."
        ),
    ] = None,
) -> None:
    """Score a stage against gold data: precision, recall, F1 or accuracy.

    Example: newsgraph eval extraction --data ../shared/data/extraction/scrapinghub
    Example: newsgraph eval actors --data ../shared/data/actors/ngec_actor_cases.jsonl
    --phoenix ../shared/data/dictionaries/phoenix
    Example: newsgraph eval timex --data ../shared/data/timex/aquaint --errors aquaint-errors.tsv
    Example: newsgraph eval events --data ../shared/data/events   (train, dev, visible test, PLOVER)
    Example: newsgraph eval relevance --data ../shared/data/relevance
    Example: newsgraph eval clusters --data ../shared/data/corpora/basil --through-store
    """
    if stage not in EVALUATIONS:
        raise typer.BadParameter(f"unknown stage {stage!r}; choose from {', '.join(EVALUATIONS)}")
    if phoenix is not None and stage != "actors":
        raise typer.BadParameter("--phoenix is for the actors evaluation only")
    if errors is not None and stage != "timex":
        raise typer.BadParameter("--errors is for the timex evaluation only")
    if (through_store or db is not None) and stage not in ("clusters", "incidents"):
        raise typer.BadParameter("--through-store and --db are for the clusters and incidents evaluations")
    for path in (data, phoenix):
        if path is not None and not path.exists():
            raise fail(DataError(f"{path}: no such file or folder"), status=2)
    module = importlib.import_module(EVALUATIONS[stage])
    try:
        if phoenix is not None:
            report = module.evaluate_with_phoenix(data, phoenix, limit=limit)
        elif errors is not None:
            report = module.evaluate(data, limit=limit, errors=errors)
        elif stage == "clusters" and (through_store or db is not None):
            report = module.evaluate(data, limit=limit, through_store=True, db=db)
        elif stage == "incidents":
            report = module.evaluate(data, limit=limit, db=db)
        else:
            report = module.evaluate(data, limit=limit)
    except NewsgraphError as err:
        raise fail(err) from err
    print(report.to_json() if as_json else report.to_text())
