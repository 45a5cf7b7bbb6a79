"""The Typer app every command module registers its commands on (``cli/app.py`` loads them all)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Turn raw news pages into a sourced, queryable picture of international politics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
