"""`newsgraph actors …`: resolve a mention, import PETRARCH/Phoenix actor dictionaries."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.options import check_date
from newsgraph.cli.output import fail, stderr
from newsgraph.cli.root import app
from newsgraph.errors import NewsgraphError

actors_app = typer.Typer(
    help="Actor dictionaries: resolve mentions, import Phoenix/PETRARCH dictionaries.\n\n"
    "Example: newsgraph actors resolve 'North Korean soldiers'",
    no_args_is_help=True,
)
app.add_typer(actors_app, name="actors")


@actors_app.command("import-phoenix")
def import_phoenix_command(
    path: Annotated[
        Path, typer.Argument(help="A Phoenix/PETRARCH actor dictionary file or a folder of them.")
    ],
    output: Annotated[
        Path | None, typer.Option("--output", help="Write the dictionary here instead of installing it.")
    ] = None,
) -> None:
    """Import a PETRARCH/Phoenix actor dictionary (dated roles included) for the resolver to use.

    Example: newsgraph actors import-phoenix ../shared/data/dictionaries/phoenix
    """
    from newsgraph.actors.installed import install
    from newsgraph.actors.phoenix import import_phoenix

    try:
        dictionary = import_phoenix(path)
        written = dictionary.save(output) if output else install(dictionary)
    except NewsgraphError as err:
        raise fail(err) from err
    roles = sum(len(entry.roles) for entry in dictionary)
    stderr.print(
        f"imported {len(dictionary):,} actors ({roles:,} dated roles) and {len(dictionary.agents):,} sector "
        f"nouns -> {written}" + ("" if output else " (the resolver loads it from now on)"),
        highlight=False,
    )


@actors_app.command("resolve")
def resolve_command(
    text: Annotated[str, typer.Argument(help="A mention, e.g. 'North Korean soldiers' or 'Putin'.")],
    date: Annotated[
        str | None, typer.Option(help="The date the mention is from (YYYY-MM-DD), for roles.")
    ] = None,
) -> None:
    """Show the actor a mention resolves to (country, sector, kind) on a date.

    Example: newsgraph actors resolve "the Kremlin" --date 2024-06-17
    """
    from newsgraph.actors import resolve

    check_date(date, "--date")
    actor = resolve(text, date=date)
    if actor is None:
        stderr.print(f"no actor found for {text!r}")
        raise typer.Exit(1)
    print(json.dumps(asdict(actor), ensure_ascii=False))
