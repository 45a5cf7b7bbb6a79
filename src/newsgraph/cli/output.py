"""Shared output: one way to print records as jsonl, json, csv or a table."""

from __future__ import annotations

import csv
import enum
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from newsgraph.cli.console import stderr as stderr
from newsgraph.errors import ConfigError, NewsgraphError, SearchQueryError, StoreMissingError
from newsgraph.records import Record, to_dict

if TYPE_CHECKING:
    from newsgraph.store.search import SearchHit


class Format(str, enum.Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    table = "table"


class EventFormat(str, enum.Enum):
    """The formats of ``newsgraph events``: the common ones and GDELT-style TSV."""

    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    table = "table"
    gdelt = "gdelt"


class SearchKind(str, enum.Enum):
    document = "document"
    claim = "claim"
    event = "event"


def fail(err: NewsgraphError, *, status: int | None = None) -> typer.Exit:
    """One line for the user, never a traceback; exit 2 when what the user typed is wrong, else 1."""
    stderr.print(f"[red]error[/red] {err.code}: {escape(err.message)}", highlight=False, markup=True)
    if status is None:
        status = 2 if isinstance(err, ConfigError | SearchQueryError | StoreMissingError) else 1
    return typer.Exit(status)


# "North Korean leader Kim Jong Un, who also is general secretary of ...": a table shows the name only
_RELATIVE_TAIL = re.compile(r",\s+(?:who|which|whose|whom)\b.*$", re.S)


def _cell(value: Any, *, short: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) and "text" in value:
        # a mention or a date: its words, and the actor it was linked to
        actor = value.get("actor") or {}
        tag = actor.get("country") or actor.get("id") if isinstance(actor, dict) else None
        words = str(value.get("text") or value.get("value") or "")
        if value.get("anchor") == "document" and words:
            words = f"≈{words}"  # the text gives no date: this is the publication day
        if short:
            words = _RELATIVE_TAIL.sub("", words)
        return f"{words} [{tag}]" if tag else words
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(records: Iterable[Record], fmt: Format, *, columns: Sequence[str] | None = None) -> int:
    """Print records to stdout; returns how many."""
    rows = [to_dict(r) for r in records] if fmt is not Format.jsonl else None
    count = 0
    if fmt is Format.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
            count += 1
        return count
    assert rows is not None
    if fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return len(rows)
    cols = list(columns) if columns else (list(rows[0]) if rows else [])
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
        return len(rows)
    from newsgraph.cli.tables import print_table

    print_table(cols, [[_cell(row.get(c), short=True) for c in cols] for row in rows])
    return len(rows)


def _plain_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def print_rows(rows: Sequence[dict[str, Any]], fmt: Format, columns: Sequence[str]) -> None:
    """Rows an analysis made to stdout: jsonl/json whole, csv/table in ``columns``."""
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_plain_cell(row.get(c)) for c in columns])
    else:
        from newsgraph.cli.tables import print_table

        print_table(columns, [[_plain_cell(row.get(c)) for c in columns] for row in rows])


def emit_hits(hits: Sequence[SearchHit], fmt: Format) -> None:
    """Search hits to stdout: the record with its rank and marked snippets (jsonl/json), or a row each."""
    rows: list[dict[str, Any]] = [
        {
            "kind": h.kind,
            "rank": round(h.rank, 4),
            "doc_id": h.doc_id,
            "title": h.title.plain(),
            "snippets": [s.plain() for s in h.snippets],
            "marked": [s.marked("«", "»") for s in h.snippets],
            "record": to_dict(h.record),
        }
        for h in hits
    ]
    if fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["kind", "rank", "doc_id", "title", "snippet"])
        for hit in hits:
            snippet = " … ".join(s.plain() for s in hit.snippets)
            writer.writerow([hit.kind, round(hit.rank, 4), hit.doc_id, hit.title.plain(), snippet])
    else:
        from newsgraph.cli.tables import print_table

        shown = [
            [h.doc_id, h.title.plain(), " … ".join(s.marked("«", "»") for s in h.snippets)] for h in hits
        ]
        print_table(["doc_id", "title", "match"], shown)
