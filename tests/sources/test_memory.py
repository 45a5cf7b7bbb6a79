"""Texts, dicts and paths from memory: each a raw input or the Failure whose error class says why not."""

from __future__ import annotations

import doctest
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import MalformedInputError, MissingPathError, UnsupportedInputError
from newsgraph.inputs import content_id
from newsgraph.records import Failure
from newsgraph.sources import memory
from newsgraph.sources.memory import MEMORY_PATH, raw_inputs

TEXT = "Russia accused Ukraine of shelling Donetsk on Monday, the Kremlin said."


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (TEXT, [content_id(TEXT)]),
        ({"id": "a1", "text": TEXT}, ["a1"]),
        ([TEXT, {"id": "b", "html": "<p>x</p>"}], [content_id(TEXT), "b"]),
        ("", [MalformedInputError.code]),
        ({"text": TEXT, "when": object()}, [MalformedInputError.code]),
        ([TEXT, 3.5], [content_id(TEXT), UnsupportedInputError.code]),
        (Path("/no/such/file.txt"), [MissingPathError.code]),
    ],
)
def test_raw_inputs(inputs: Any, expected: list[str]) -> None:
    got = [item.code if isinstance(item, Failure) else item.doc_id for item in raw_inputs(inputs)]
    assert got == expected


def test_a_failure_names_the_input_by_its_number() -> None:
    failure = list(raw_inputs([TEXT, b"bytes"]))[1]  # type: ignore[list-item]
    assert isinstance(failure, Failure)
    assert (failure.path, failure.line, failure.doc_id) == (MEMORY_PATH, 2, content_id(f"{MEMORY_PATH}:2"))
    assert "a bytes; give a str text, a Path or a dict" in failure.message


def test_docstring_examples_run() -> None:
    assert doctest.testmod(memory).failed == 0
