"""One loader for the stages' word lists and code maps: JSON data files, typed and checked at load.

A stage declares what it reads as a frozen dataclass (one field per list, its type the shape of the
list) and calls ``load(Schema, "newsgraph.<stage>", "<file>.json")``. The file holds one entry per field::

    {"_about": "...", "light_verbs": {"_why": "...", "words": ["make", "take"]},
     "eased": {"_why": "...", "map": {"163": "085"}}}

Tabular lexicons (a cue and its frame, kind and content; a trigger and its code) are TSV files read by
``table``, with the same checks: the column count, no empty cell, no row given twice.

``words`` holds a list (``frozenset[...]``, or ``tuple[...]`` where order matters), ``map`` a mapping
(``dict[str, ...]``), ``numbers`` a list of integers. Strings are lower case unless the field is
``Annotated[..., CASED]``; enum values are checked against the enum. An unknown or missing list, a
wrong type, an empty list or a duplicate fails at load with a ``LexiconError`` that names the file
and the entry, so a typo cannot silently turn a rule off.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
from importlib import resources
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from newsgraph.errors import LexiconError

T = TypeVar("T")
CASED = "cased"  # Annotated marker: the entry's strings keep their case (codes, labels, names)
WHY = "_why"
ABOUT = "_about"  # the one note a file may carry besides its lists


def load(schema: type[T], package: str, name: str) -> T:
    """The data file ``<package>/data/<name>`` read into ``schema``, every entry checked."""
    where = "/".join([*package.split(".")[1:], "data", name])
    try:
        text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"{where} is missing; reinstall newsgraph or restore the file") from exc
    try:
        raw = json.loads(text, object_pairs_hook=_unique_keys)
    except ValueError as exc:  # json.JSONDecodeError, and our duplicate-key error
        raise LexiconError(f"{where} is not valid JSON: {exc}") from exc
    return parse(schema, raw, where)


def table(
    package: str, name: str, columns: tuple[str, ...], *, key: int = 1, blanks: bool = False
) -> list[tuple[str, ...]]:
    """The rows of the TSV file ``<package>/data/<name>``, each checked to have ``columns``.

    Lines starting with ``#`` are comments; the first ``key`` columns identify a row and may not repeat.
    ``blanks`` lets a cell be empty (an optional field, such as a role's end date).
    """
    where = "/".join([*package.split(".")[1:], "data", name])
    try:
        text = resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LexiconError(f"{where} is missing; reinstall newsgraph or restore the file") from exc
    rows: list[tuple[str, ...]] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if len(cells) != len(columns):
            raise LexiconError(f"{where} line {number}: {len(cells)} cells; expected {', '.join(columns)}")
        if any(c != c.strip() or not (c or blanks) for c in cells):
            raise LexiconError(f"{where} line {number}: an empty or padded cell; fill every column")
        if cells[:key] in seen:
            raise LexiconError(
                f"{where} line {number}: {cells[:key]} is given on line {seen[cells[:key]]} too"
            )
        seen[cells[:key]] = number
        rows.append(cells)
    if not rows:
        raise LexiconError(f"{where}: no rows")
    return rows


def parse(schema: type[T], raw: object, where: str) -> T:
    """``raw`` (a decoded data file) as ``schema``; ``where`` names the file in errors."""
    if not dataclasses.is_dataclass(schema) or not isinstance(raw, dict):
        raise LexiconError(f"{where}: wants a JSON object of named lists")
    hints = get_type_hints(schema, include_extras=True)
    fields = [f.name for f in dataclasses.fields(schema)]
    keys = {k for k in raw if k != ABOUT}
    unknown = sorted(keys - set(fields))
    if unknown:
        raise LexiconError(f"{where}: unknown list(s) {unknown}; the code reads only {sorted(fields)}")
    missing = [f for f in fields if f not in keys]
    if missing:
        raise LexiconError(f"{where}: missing list(s) {missing}; add them or remove them from the schema")
    values = {f: _entry(hints[f], raw[f], f"{where}: {f}") for f in fields}
    return schema(**values)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"key {key!r} appears twice; keep one")
        out[key] = value
    return out


def _entry(hint: Any, entry: object, where: str) -> Any:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where}: wants an object with {WHY!r} and the list")
    cased = get_origin(hint) is Annotated and CASED in hint.__metadata__
    bare = get_args(hint)[0] if get_origin(hint) is Annotated else hint
    key = _value_key(bare)
    if not isinstance(entry.get(WHY), str) or not entry[WHY].strip():
        raise LexiconError(f"{where}: say in {WHY!r} why the list exists")
    if set(entry) != {WHY, key}:
        raise LexiconError(f"{where}: wants exactly {WHY!r} and {key!r}, got {sorted(entry)}")
    return _value(bare, entry[key], where, cased)


def _value_key(hint: Any) -> str:
    origin = get_origin(hint)
    if origin is dict:
        return "map"
    if origin in (frozenset, tuple) and get_args(hint)[0] is int:
        return "numbers"
    if origin in (frozenset, tuple):
        return "words"
    raise TypeError(f"lexicon schemas hold lists and maps, not {hint!r}")


def _value(hint: Any, value: object, where: str, cased: bool) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple and args[-1] is not Ellipsis:  # a fixed record: ["SUPPORT", null]
        if not isinstance(value, list) or len(value) != len(args):
            raise LexiconError(f"{where}: wants a list of {len(args)} values")
        return tuple(_value(a, v, where, cased) for a, v in zip(args, value, strict=True))
    if origin in (frozenset, tuple):
        if not isinstance(value, list) or not value:
            raise LexiconError(f"{where}: wants a non-empty list")
        items = [_value(args[0], v, where, cased) for v in value]
        doubled = sorted({str(v) for v in items if items.count(v) > 1})
        if doubled:
            raise LexiconError(f"{where}: {doubled} listed twice; keep one")
        return frozenset(items) if origin is frozenset else tuple(items)
    if origin is dict:
        if not isinstance(value, dict) or not value:
            raise LexiconError(f"{where}: wants a non-empty mapping")
        return {
            _value(args[0], k, where, cased): _value(args[1], v, f"{where}[{k!r}]", cased)
            for k, v in value.items()
        }
    if origin in (Union, types.UnionType) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return None if value is None else _value(inner, value, where, cased)
    if get_origin(hint) is Literal:
        if value not in args:
            raise LexiconError(f"{where}: {value!r} is not one of {list(args)}")
        return value
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        try:
            return hint(value)
        except ValueError:
            raise LexiconError(f"{where}: {value!r} is not one of {[m.value for m in hint]}") from None
    if hint is float:  # a whole number stays an int, as a literal in code would
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise LexiconError(f"{where}: {value!r} is not a number")
        return value
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise LexiconError(f"{where}: {value!r} is not a whole number")
        return value
    if hint is str:
        if not isinstance(value, str) or not value or value != value.strip():
            raise LexiconError(f"{where}: {value!r} is not a word (empty, or blank at an end)")
        if not cased and value != value.lower():
            raise LexiconError(f"{where}: {value!r} is not lower case; lemmas are compared in lower case")
        return value
    raise TypeError(f"lexicon schemas hold str, int, float, enums, lists and maps, not {hint!r}")
