"""Exports: JSON Lines (one file, every record), CSV and Parquet (one file per record type)."""

from __future__ import annotations

import csv
import dataclasses
import enum
import gzip
import json
import types
import typing
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any, Literal

from newsgraph.records import RECORD_TYPES, Record
from newsgraph.store.codec import dump, dump_part
from newsgraph.store.reading import check_types
from newsgraph.store.store import Store

Format = Literal["jsonl", "csv", "parquet"]
ALL_TYPES: tuple[str, ...] = tuple(RECORD_TYPES)
FILE_NAMES = {
    "document": "documents",
    "entity": "entities",
    "timex": "timexes",
    "claim": "claims",
    "event": "events",
    "error": "errors",
}
# Parquet rows buffered per record type before a row group is written.
_ROW_GROUP = 5000


def export(store: Store, path: Path, fmt: Format, types: Sequence[str] = ALL_TYPES) -> dict[str, int]:
    """Write the stored records of ``types`` to ``path``; returns how many of each type were written.

    jsonl: ``path`` is one file (``.gz`` compresses). csv and parquet: ``path`` is a folder that gets
    ``documents.csv``, ``entities.csv``, ... or, if it has a suffix, a prefix (``out/news.csv`` ->
    ``out/news-documents.csv``).
    """
    wanted = check_types(types)
    if fmt == "jsonl":
        return _jsonl(store, path, wanted)
    if fmt == "csv":
        return _csv(store, path, wanted)
    if fmt == "parquet":
        return _parquet(store, path, wanted)
    raise ValueError(f"unknown export format {fmt!r}; use jsonl, csv or parquet")


def type_paths(path: Path, fmt: str, types: Sequence[str]) -> dict[str, Path]:
    """Where csv/parquet files go for each record type."""
    if path.suffix and not path.is_dir():
        return {t: path.with_name(f"{path.stem}-{FILE_NAMES[t]}.{fmt}") for t in types}
    return {t: path / f"{FILE_NAMES[t]}.{fmt}" for t in types}


def _jsonl(store: Store, path: Path, types: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(types, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    opener: Callable[..., IO[str]] = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:
        for record in store.iter_records(types):
            out.write(json.dumps(dump(record), ensure_ascii=False) + "\n")
            counts[record.type] += 1
    return counts


# -- csv: one column per top-level field, nested values as JSON --------------------------------------------


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _csv(store: Store, path: Path, types: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(types, 0)
    targets = type_paths(path, "csv", types)
    with ExitStack() as stack:
        writers: dict[str, tuple[list[str], Any]] = {}
        for kind, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = stack.enter_context(target.open("w", encoding="utf-8", newline=""))
            columns = ["type", *(f.name for f in dataclasses.fields(RECORD_TYPES[kind]) if f.name != "type")]
            writer = csv.writer(handle)
            writer.writerow(columns)
            writers[kind] = (columns, writer)
        for record in store.iter_records(types):
            columns, writer = writers[record.type]
            body = dump(record)
            writer.writerow([_csv_value(body[c]) for c in columns])
            counts[record.type] += 1
    return counts


# -- parquet: nested records flattened to typed columns (source_actor_country, span_start, ...) ----------


@dataclasses.dataclass(frozen=True)
class _Column:
    name: str
    path: tuple[str, ...]
    kind: Literal["plain", "enum", "start", "end", "list", "json"]
    arrow: Any


def _optional_inner(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return hint


def _columns(cls: type[Any], prefix: str = "", path: tuple[str, ...] = ()) -> list[_Column]:
    import pyarrow as pa  # here, not at the top: a quarter-second import only Parquet exports need

    hints = typing.get_type_hints(cls)
    out: list[_Column] = []
    for f in dataclasses.fields(cls):
        if f.name == "type" and prefix:
            continue
        hint = _optional_inner(hints[f.name])
        name, here = f"{prefix}{f.name}", (*path, f.name)
        origin = typing.get_origin(hint)
        if dataclasses.is_dataclass(hint) and isinstance(hint, type):
            out += _columns(hint, f"{name}_", here)
        elif origin is tuple and typing.get_args(hint) == (int, int):
            out.append(_Column(f"{name}_start", here, "start", pa.int64()))
            out.append(_Column(f"{name}_end", here, "end", pa.int64()))
        elif origin is tuple and any(dataclasses.is_dataclass(a) for a in typing.get_args(hint)):
            out.append(_Column(name, here, "json", pa.string()))  # an event's mentions, as JSON
        elif origin is tuple:
            out.append(_Column(name, here, "list", pa.list_(pa.string())))
        elif isinstance(hint, type) and issubclass(hint, enum.Enum):
            out.append(_Column(name, here, "enum", pa.string()))
        elif hint is bool:
            out.append(_Column(name, here, "plain", pa.bool_()))
        elif hint is int:
            out.append(_Column(name, here, "plain", pa.int64()))
        else:  # str and Literal vocabularies
            out.append(_Column(name, here, "plain", pa.string()))
    return out


def _value(record: Record, column: _Column) -> Any:
    value: Any = record
    for step in column.path:
        value = getattr(value, step)
        if value is None:
            return None
    if column.kind == "enum":
        return value.value
    if column.kind == "start":
        return value[0]
    if column.kind == "end":
        return value[1]
    if column.kind == "list":
        return list(value)
    if column.kind == "json":
        return json.dumps(dump_part(value), ensure_ascii=False)
    return value


def _parquet(store: Store, path: Path, types: Sequence[str]) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts = dict.fromkeys(types, 0)
    targets = type_paths(path, "parquet", types)
    # "type" first, as in every other format.
    layouts = {kind: sorted(_columns(RECORD_TYPES[kind]), key=lambda c: c.name != "type") for kind in types}
    schemas = {kind: pa.schema([(c.name, c.arrow) for c in cols]) for kind, cols in layouts.items()}
    buffers: dict[str, list[Record]] = {kind: [] for kind in types}
    with ExitStack() as stack:
        writers: dict[str, Any] = {}
        for kind, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            writers[kind] = pq.ParquetWriter(str(target), schemas[kind])
            stack.callback(writers[kind].close)

        def flush(kind: str) -> None:
            batch = buffers[kind]
            if batch:
                data = {c.name: [_value(r, c) for r in batch] for c in layouts[kind]}
                writers[kind].write_table(pa.Table.from_pydict(data, schema=schemas[kind]))
                batch.clear()

        for record in store.iter_records(types):
            buffers[record.type].append(record)
            counts[record.type] += 1
            if len(buffers[record.type]) >= _ROW_GROUP:
                flush(record.type)
        for kind in types:
            flush(kind)
    return counts
