"""Response models made from the records' dataclasses, so a field added to a record is in the API (and its
OpenAPI schema) without a second edit: the API answers with the JSON Lines contract of DESIGN.md."""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model


class Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


# The order :func:`newsgraph.records.to_dict` writes: type and doc_id first, a document's text last.
_FIRST = ("type", "doc_id")
_LAST = ("text",)


def _translate(annotation: Any) -> Any:
    """The annotation with every dataclass in it replaced by its response model."""
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return model_of(annotation)
    args = typing.get_args(annotation)
    if not args:
        return annotation
    origin = typing.get_origin(annotation)
    translated = tuple(_translate(a) if a is not Ellipsis else a for a in args)
    if origin is types.UnionType or origin is typing.Union:
        return functools.reduce(operator.or_, translated)
    if origin is typing.Literal:
        return annotation
    return origin[translated]


def _ordered(names: list[str]) -> list[str]:
    first = [n for n in _FIRST if n in names]
    last = [n for n in _LAST if n in names]
    return first + [n for n in names if n not in first and n not in last] + last


@functools.cache
def model_of(
    cls: type[Any], name: str | None = None, only: tuple[str, ...] | None = None, base: type[Out] = Out
) -> type[Out]:
    """The response model of a record (or any dataclass): its fields, types and defaults; ``only`` keeps
    some fields (a summary); ``base`` adds fields of its own."""
    hints = typing.get_type_hints(cls)
    by_name = {f.name: f for f in dataclasses.fields(cls)}
    definitions: dict[str, Any] = {}
    for field_name in _ordered(list(by_name)):
        if only is not None and field_name not in only:
            continue
        found = by_name[field_name]
        if found.default is not dataclasses.MISSING:
            default: Any = found.default
        elif found.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=found.default_factory)
        else:
            default = ...
        annotation = hints[field_name]
        if typing.get_origin(annotation) is typing.Literal and field_name != "type":
            # Open vocabularies in practice (actor kinds come from dictionary files): stored values outside
            # the Literal must still be answered, as they always were.
            annotation = str
        definitions[field_name] = (_translate(annotation), default)
    model: type[Out] = create_model(name or f"{cls.__name__}Out", __base__=base, **definitions)
    model.__doc__ = cls.__doc__ if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}(") else None
    return model
