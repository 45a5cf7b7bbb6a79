"""Shared output: one way to print records as jsonl, json, csv or a table."""

from __future__ import annotations

import csv
import enum
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.errors import NewsgraphError
from newsgraph.records import Record, to_dict

stderr = Console(stderr=True, soft_wrap=True)


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


def fail(err: NewsgraphError, *, status: int = 1) -> typer.Exit:
    """One line for the user, never a traceback."""
    stderr.print(f"[red]error[/red] {err.code}: {err.message}", highlight=False, markup=True)
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
    table = Table(show_lines=False)
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(c), short=True)[:200] for c in cols])
    Console().print(table)
    return len(rows)
