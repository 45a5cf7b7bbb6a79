"""`newsgraph train events`: rebuild the event coder's models from labelled sentences."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.output import fail, stderr
from newsgraph.cli.root import app
from newsgraph.errors import DataError, NewsgraphError

train_app = typer.Typer(
    help="Train the learned parts of the pipeline from labelled data.\n\n"
    "Example: newsgraph train events --data my-sentences.jsonl --out my-models",
    no_args_is_help=True,
)
app.add_typer(train_app, name="train")


@train_app.command("events")
def train_events(
    data: Annotated[
        list[Path],
        typer.Option(
            "--data",
            help="JSON Lines of labelled sentences: 'text', 'quad_class' (0 no event or a bare statement, "
            "1-4 the quad classes), optional 'actors'; the shape of ConfliBERT's CAMEO files. Repeatable.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the models into.")],
    relevance_labels: Annotated[
        Path | None,
        typer.Option(
            "--relevance-labels",
            help="Lee-corpus topic labels (train/lee-relevance.tsv) to retrain the relevance model too; "
            "without it the current relevance model is copied.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Seed of the train/dev split.")] = 14,
) -> None:
    """Train the quad model (and the relevance model) on the train part of a fixed train/dev split, then
    score the dev part. Use the result with NEWSGRAPH_EVENT_MODELS=OUT.

    Example: newsgraph train events --data ../shared/data/events/conflibert_cameo_train.jsonl
    --relevance-labels train/lee-relevance.tsv --out src/newsgraph/events/data/models
    """
    from newsgraph.eval.events import score_sentences
    from newsgraph.events import model
    from newsgraph.training.events import train, write

    for path in (*data, *([relevance_labels] if relevance_labels else [])):
        if not path.is_file():
            raise fail(DataError(f"{path}: no such file"), status=2)
    current = model.models_folder()
    try:
        trained = train(data, relevance_labels, seed=seed)
        written = write(trained, out, keep_relevance_from=current)
    except NewsgraphError as err:
        raise fail(err) from err
    for path in written:
        stderr.print(f"wrote {path}")
    os.environ[model.MODELS_ENV] = str(out)
    model.load.cache_clear()
    scores, _, _ = score_sentences(trained.dev)
    print(
        f"train: {len(trained.train)} sentences, dev: {len(trained.dev)} sentences (seed {seed})\n"
        f"dev quad macro-F1 {scores['quad_macro_f1']:.4f}, accuracy {scores['quad_accuracy']:.4f}, "
        f"actor span F1 {scores['actor_span_f1']:.4f}\n"
        f"use them with: NEWSGRAPH_EVENT_MODELS={out} newsgraph ingest ..."
    )
