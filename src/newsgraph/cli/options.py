"""The options commands share, declared once (sqlite-utils' ``output_options``), and the query each
listing builds from them: a filter a user mistyped is one line naming the option, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from newsgraph.cli.output import Format, fail
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.periods import parse_period

if TYPE_CHECKING:
    from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
    from newsgraph.store import Store

    Query = TypeVar("Query", DocumentQuery, ClaimQuery, EventQuery)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (default: newsgraph.db, or NEWSGRAPH_DB)."),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
Since = Annotated[str | None, typer.Option("--since", help="From this date: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[
    str | None, typer.Option("--until", help="Up to and including this date (or month, or year).")
]
# Listings page by default (0 lifts it); analyses read everything unless told.
Limit = Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")]
MaxRows = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Source or target actor (ISO3 country, id or name).")
]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. AID.")]
FactualityOption = Annotated[str | None, typer.Option(help="asserted, reported, predicted, ...")]
SourceOption = Annotated[str | None, typer.Option(help="Who made the claim (text or actor).")]
KindOption = Annotated[str | None, typer.Option(help="statement, prediction, warning, ...")]
QUERY_HELP = 'Full-text query over the documents: all words, "a phrase", OR, -word.'


def settings(db: str | None = None, **overrides: object) -> Settings:
    """The settings with the options given on the command line over the environment and defaults."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if db is not None:
        values["db"] = db
    try:
        return Settings.load(values)
    except NewsgraphError as err:
        raise fail(err, status=2) from err


def read_store(db: str | None) -> Store:
    """The store at ``--db`` for a command that only reads: E-STORE-MISSING, and nothing made, if absent."""
    from newsgraph.store import Store

    return Store.open(settings(db).db, create=False)


def check_date(value: str | None, name: str) -> None:
    """A date option: YYYY, YYYY-MM or YYYY-MM-DD, read by the function the API and the pages use."""
    if value is not None:
        try:
            parse_period(value, name)
        except NewsgraphError as err:
            raise fail(err) from err


def build_query(kind: type[Query], /, **filters: Any) -> Query:
    """The listing query the options make; an option outside its vocabulary or no date is a usage error
    that names the option as typed (``--type``)."""
    try:
        return kind(**filters, flags=True)
    except NewsgraphError as err:
        raise fail(err) from err


def unlimited(limit: int | None) -> int | None:
    """``--limit 0`` is every row."""
    return limit or None
