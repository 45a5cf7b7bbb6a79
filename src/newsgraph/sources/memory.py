"""Inputs from memory — texts, dicts and paths given to ``newsgraph.process`` — read as files are read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError, UnsupportedInputError
from newsgraph.inputs import RawInput, content_id
from newsgraph.records import Failure
from newsgraph.sources.files import DEFAULT_MAX_BYTES, iter_inputs
from newsgraph.sources.jsonl import parse_line

Input: TypeAlias = str | Path | Mapping[str, Any]
"""A text (kept verbatim), a file or folder (``Path``), or a JSONL-style dict (``id``, ``text``, ...)."""

# What Document.path says for inputs that came from memory rather than a file.
MEMORY_PATH = "<input>"


def _parse(item: Input, number: int) -> RawInput:
    """One text or dict as a RawInput; raises the InputError that says why it is none."""
    if not isinstance(item, str | Mapping):
        raise UnsupportedInputError(
            f"input {number}: a {type(item).__name__}; give a str text, a Path or a dict",
            path=MEMORY_PATH,
            line=number,
        )
    # A text is a JSONL line with only `text`, so both take the one path the CLI takes for JSONL.
    obj: Any = {"text": item} if isinstance(item, str) else dict(item)
    try:
        line = json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise MalformedInputError(
            f"input {number}: the dict is not JSON-serialisable ({exc})", path=MEMORY_PATH, line=number
        ) from exc
    raw = parse_line(line, path=MEMORY_PATH, line=number, max_bytes=DEFAULT_MAX_BYTES)
    if raw is None:
        raise EmptyInputError(f"input {number}: the text is empty", path=MEMORY_PATH, line=number)
    return raw


def _one(item: Input, number: int) -> Iterator[RawInput | Failure]:
    if isinstance(item, Path):
        yield from iter_inputs([str(item)])
        return
    try:
        yield _parse(item, number)
    except InputError as err:
        yield Failure(
            doc_id=content_id(f"{MEMORY_PATH}:{number}"),
            code=err.code,
            message=err.message,
            path=MEMORY_PATH,
            line=number,
        )


def raw_inputs(inputs: Input | Iterable[Input]) -> Iterator[RawInput | Failure]:
    """The raw inputs ``process`` analyses: one per text or dict, every article of a path.

    >>> [r.doc_id for r in raw_inputs({"id": "a1", "text": "Kim met Putin."})]
    ['a1']
    >>> raw = next(raw_inputs("Kim met Putin."))
    >>> raw.doc_id == content_id("Kim met Putin."), raw.verbatim
    (True, True)
    >>> next(raw_inputs([3.5])).code
    'E-INPUT-UNSUPPORTED'
    """
    if isinstance(inputs, str | Path | Mapping):
        yield from _one(inputs, 1)
        return
    for number, item in enumerate(inputs, start=1):
        yield from _one(item, number)
