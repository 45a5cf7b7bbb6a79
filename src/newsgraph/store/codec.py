"""Records to JSON-ready dicts and back, as ``records.to_dict``/``from_dict`` do, with per-class plans cached.

The store converts every record twice per round trip; the generic functions look up dataclass fields on
every call, which made them most of the store's write and export time. The tests pin the equivalence.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from typing import Any

from newsgraph.records import RECORD_TYPES, Record

Loader = Callable[[Any], Any]

_DUMPERS: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
_BUILDERS: dict[type[Any], Callable[[dict[str, Any]], Any]] = {}


def _optional_inner(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return inner[0] if len(inner) == 1 else hint
    return hint


def _value_dumper(hint: Any) -> Callable[[Any], Any] | None:
    """How to turn a value of this annotation into JSON, or None when it already is JSON."""
    hint = _optional_inner(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dumper(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda v: v.value
    if typing.get_origin(hint) is tuple:
        items = [_value_dumper(a) for a in typing.get_args(hint) if a is not Ellipsis]
        convert = items[0] if len(set(items)) == 1 else None
        if convert is None:
            return list
        return lambda v: [convert(x) for x in v]
    return None


def _dumper(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    cached = _DUMPERS.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _value_dumper(hints[f.name])) for f in dataclasses.fields(cls) if f.name != "type"]
    typed = any(f.name == "type" for f in dataclasses.fields(cls))

    def dump_one(value: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"type": value.type} if typed else {}
        for name, convert in plan:
            item = getattr(value, name)
            body[name] = convert(item) if convert is not None and item is not None else item
        return body

    _DUMPERS[cls] = dump_one
    return dump_one


def dump(record: Record) -> dict[str, Any]:
    """The same dict as ``records.to_dict``: ``type`` first, enums as values, tuples as lists."""
    return _dumper(type(record))(record)


def dump_part(parts: tuple[Any, ...]) -> list[dict[str, Any]]:
    """A tuple of a record's dataclass parts (an event's mentions) as JSON-ready dicts."""
    return [_dumper(type(p))(p) for p in parts]


def _loader(hint: Any) -> Loader | None:
    """How to rebuild a value of this annotation from JSON, or None when the JSON value is already right."""
    hint = _optional_inner(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        build = _builder(hint)
        return lambda v: build(v) if isinstance(v, dict) else v
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if typing.get_origin(hint) is tuple:
        items = [a for a in typing.get_args(hint) if a is not Ellipsis]
        if len(items) == 1 and isinstance(items[0], type) and dataclasses.is_dataclass(items[0]):
            # a tuple of records' parts (an event's mentions): each item rebuilt
            item = _loader(items[0])
            assert item is not None
            return lambda v: tuple(item(x) for x in v) if isinstance(v, list) else v
        return lambda v: tuple(v) if isinstance(v, list) else v
    return None


def _builder(cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
    cached = _BUILDERS.get(cls)
    if cached is not None:
        return cached
    hints = typing.get_type_hints(cls)
    plan = [(f.name, _loader(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def build(data: dict[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, load in plan:
            if name in data:
                value = data[name]
                kwargs[name] = load(value) if load is not None and value is not None else value
        return cls(**kwargs)

    _BUILDERS[cls] = build
    return build


def load(data: dict[str, Any]) -> Record:
    """The record ``records.from_dict`` would build from ``data``."""
    try:
        cls = RECORD_TYPES[data["type"]]
    except KeyError as exc:
        raise ValueError(f"unknown record type: {data.get('type')!r}") from exc
    record: Record = _builder(cls)(data)
    return record
