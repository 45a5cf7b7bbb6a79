"""Size: no module under src/ over 500 lines and no function over 80, so each reads as one job.

A module past 500 lines is split by noun, a function past 80 by step. Today's offenders are listed with
their owners; the lists may only shrink (and an entry's limit only fall) until they are empty.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

# Module -> its line count today.
KNOWN_MODULES: dict[str, int] = {}
# "module:function" -> its line count today, from `def` to the last line.
KNOWN_FUNCTIONS: dict[str, int] = {
    "newsgraph/store/migrations/versions/0001_initial.py:upgrade": 97,  # C: a migration, frozen once shipped
}


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@functools.cache
def module_sizes() -> dict[str, int]:
    return {p.relative_to(SRC).as_posix(): len(p.read_text("utf-8").splitlines()) for p in _modules()}


@functools.cache
def function_sizes() -> dict[str, int]:
    """Every function and method, nested ones included, by `module:name` (the longest of a repeated name)."""
    sizes: dict[str, int] = {}
    for path in _modules():
        name = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                key = f"{name}:{node.name}"
                sizes[key] = max(sizes.get(key, 0), node.end_lineno - node.lineno + 1)
    return sizes


def _over(sizes: dict[str, int], limit: int, known: dict[str, int]) -> list[str]:
    return [
        f"{name}: {size} lines (limit {known.get(name, limit)})"
        for name, size in sorted(sizes.items())
        if size > known.get(name, limit)
    ]


def _stale(sizes: dict[str, int], limit: int, known: dict[str, int]) -> list[str]:
    """Known entries that shrank: their limit must come down with them (or the entry go)."""
    return [
        f"{name}: now {sizes.get(name, 0)} lines, listed at {size}"
        for name, size in sorted(known.items())
        if sizes.get(name, 0) < size
    ]


def test_no_module_over_500_lines() -> None:
    assert _over(module_sizes(), MAX_MODULE_LINES, KNOWN_MODULES) == [], "split the module by noun"


def test_no_function_over_80_lines() -> None:
    assert _over(function_sizes(), MAX_FUNCTION_LINES, KNOWN_FUNCTIONS) == [], "split the function by step"


def test_known_offenders_only_shrink() -> None:
    stale = _stale(module_sizes(), MAX_MODULE_LINES, KNOWN_MODULES)
    stale += _stale(function_sizes(), MAX_FUNCTION_LINES, KNOWN_FUNCTIONS)
    assert stale == [], "lower (or remove) these entries in tests/test_size.py"
