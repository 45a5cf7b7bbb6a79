"""Result sets: what the store queries return, as typed items with table conversions for notebooks."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from newsgraph.errors import (
    MissingExtraError as MissingExtraError,  # raised here, defined with the other errors
)

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, import-not-found, unused-ignore]
    import polars  # type: ignore[import-not-found, unused-ignore]

T = TypeVar("T")

_HINTS = {
    "pandas": 'pip install "newsgraph[pandas]"  (or: pip install "pandas>=2")',
    "polars": 'pip install "newsgraph[polars]"  (or: pip install "polars>=0.20")',
}


def _require(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(f"{module} is not installed; {_HINTS[module]}") from exc


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts become ``outer.inner`` columns; lists stay values; enums become their values.

    >>> flatten({"source": {"text": "Russia", "actor": {"country": "RUS"}}, "span": [0, 6]})
    {'source.text': 'Russia', 'source.actor.country': 'RUS', 'span': [0, 6]}
    """
    flat: dict[str, Any] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, enum.Enum):
            flat[name] = value.value
        else:
            flat[name] = value
    return flat


class ResultSet(Sequence[T], Generic[T]):
    """Items of one query in order: a sequence of typed records, convertible to tables.

    ``to_records()`` gives the typed items (the classes of ``newsgraph.records`` for documents, claims and
    events; the analysis classes for timeline, network, roundup and clusters); ``to_dicts()`` their JSON
    form; ``to_pandas()`` / ``to_polars()`` one row per item with nested fields as ``outer.inner`` columns.

    >>> from newsgraph.records import Entity, to_dict
    >>> rows = ResultSet([Entity("d1", "Russia", "GPE", (0, 6))], to_dict)
    >>> len(rows), rows[0].label
    (1, 'GPE')
    >>> rows.to_dicts()[0]["type"]
    'entity'
    """

    def __init__(self, items: Sequence[T], to_dict: Callable[[T], dict[str, Any]]) -> None:
        self._items = list(items)
        self._to_dict = to_dict

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> ResultSet[T]: ...

    def __getitem__(self, index: int | slice) -> T | ResultSet[T]:
        if isinstance(index, slice):
            return ResultSet(self._items[index], self._to_dict)
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __repr__(self) -> str:
        kinds = sorted({type(i).__name__ for i in self._items})
        return f"<ResultSet of {len(self._items)} {'/'.join(kinds) or 'items'}>"

    def to_records(self) -> list[T]:
        """The typed items, as a plain list.

        >>> from newsgraph.records import Entity, to_dict
        >>> ResultSet([Entity("d1", "Russia", "GPE", (0, 6))], to_dict).to_records()
        [Entity(doc_id='d1', text='Russia', label='GPE', span=(0, 6), actor=None, type='entity')]
        """
        return list(self._items)

    def to_dicts(self) -> list[dict[str, Any]]:
        """The JSON form of each item (for records: the JSON Lines contract of DESIGN.md).

        >>> from newsgraph.records import Entity, to_dict
        >>> ResultSet([Entity("d1", "Russia", "GPE", (0, 6))], to_dict).to_dicts()
        [{'type': 'entity', 'doc_id': 'd1', 'text': 'Russia', 'label': 'GPE', 'span': [0, 6], 'actor': None}]
        """
        return [self._to_dict(item) for item in self._items]

    def rows(self) -> list[dict[str, Any]]:
        """Flat rows: nested fields as ``outer.inner`` keys, the shape of the data frames.

        >>> from newsgraph.records import Actor, Entity, to_dict
        >>> e = Entity("d1", "Russia", "GPE", (0, 6), Actor("RUS", "Russia", "state", "RUS"))
        >>> ResultSet([e], to_dict).rows()[0]["actor.country"]
        'RUS'
        """
        return [flatten(self._to_dict(item)) for item in self._items]

    def _columns(self, rows: list[dict[str, Any]]) -> list[str]:
        return list(dict.fromkeys(key for row in rows for key in row))

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per item; needs the ``pandas`` extra.

        >>> from newsgraph.records import Entity, to_dict
        >>> frame = ResultSet([Entity("d1", "Russia", "GPE", (0, 6))], to_dict).to_pandas()
        >>> list(frame.columns), frame.shape
        (['type', 'doc_id', 'text', 'label', 'span', 'actor'], (1, 6))
        """
        pd = _require("pandas")
        rows = self.rows()
        frame: pandas.DataFrame = pd.DataFrame(rows, columns=self._columns(rows))
        return frame

    def to_polars(self) -> polars.DataFrame:
        """A polars DataFrame, one row per item; needs the ``polars`` extra.

        >>> from newsgraph.records import Entity, to_dict
        >>> ResultSet([Entity("d1", "Russia", "GPE", (0, 6))], to_dict).to_polars().shape
        (1, 6)
        """
        pl = _require("polars")
        rows = self.rows()
        columns = self._columns(rows)
        # Rows missing a key (a null nested field) get None, so every row has every column.
        full = [{c: row.get(c) for c in columns} for row in rows]
        frame: polars.DataFrame = pl.DataFrame(full, schema=columns, infer_schema_length=None, strict=False)
        return frame
