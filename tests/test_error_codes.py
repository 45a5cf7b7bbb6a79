"""Error codes live in errors.py: elsewhere a code is named through its class (``TooLargeError.code``).

A code typed as a string elsewhere drifts from the class that should carry it — ``E-INPUT-UNSUPPORTED`` was
written out while ``UnsupportedInputError`` was never raised.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from newsgraph import errors

SRC = Path(__file__).resolve().parents[1] / "src"
CODE = re.compile(r"E-[A-Z]+(?:-[A-Z]+)*")

# Files that still type codes as strings today, each with its owner. The list may only shrink.
KNOWN: frozenset[str] = frozenset()


def literals() -> dict[str, list[str]]:
    """Per file outside errors.py, each string constant that is an error code, with its line."""
    found: dict[str, list[str]] = {}
    for path in sorted((SRC / "newsgraph").rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name == "newsgraph/errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                found.setdefault(name, []).append(f"{name}:{node.lineno}: {node.value!r}")
    return found


def test_no_error_code_literal_outside_errors_py() -> None:
    new = [hit for name, hits in literals().items() if name not in KNOWN for hit in hits]
    assert new == [], "name the code through its class in errors.py:\n" + "\n".join(new)


def test_known_offenders_still_offend() -> None:
    fixed = sorted(KNOWN - set(literals()))
    assert fixed == [], "fixed: remove these from KNOWN in tests/test_error_codes.py"


def test_the_pattern_matches_codes_only() -> None:
    assert CODE.fullmatch("E-INPUT-TOO-LARGE") and CODE.fullmatch("E-DATE")
    assert not CODE.fullmatch("GE-AB") and not CODE.fullmatch("see E-DATE") and not CODE.fullmatch("E-")


def test_every_code_is_unique_and_well_formed() -> None:
    root = errors.NewsgraphError
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, root)]
    # A subclass may keep its parent's code (a narrower case of one error); two classes may not name one.
    codes = [c.__dict__["code"] for c in classes if "code" in c.__dict__]
    assert len(codes) == len(set(codes)), "two error classes define the same code"
    assert [c for c in codes if not CODE.fullmatch(c)] == []


def test_unsupported_input_is_raised_by_a_reader() -> None:
    from newsgraph.records import Failure
    from newsgraph.sources.memory import raw_inputs

    (failure,) = raw_inputs([1.5])  # type: ignore[list-item]  # the wrong kind is the point
    assert isinstance(failure, Failure) and failure.code == errors.UnsupportedInputError.code
