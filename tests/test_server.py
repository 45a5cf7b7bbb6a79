"""The server: the API and the dashboard side by side, neither importing the other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsgraph

SRC = Path(newsgraph.__file__).parent


def _imports(package: str) -> set[str]:
    """Every newsgraph module a package imports, at the top of a module or inside a function."""
    found: set[str] = set()
    for path in (SRC / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("newsgraph.")}


@pytest.mark.parametrize(
    ("package", "other"), [("api", "web"), ("web", "api"), ("serving", "api"), ("serving", "web")]
)
def test_api_and_web_stand_side_by_side(package: str, other: str) -> None:
    """web/pages.py imported api.corpus and api.context while api/errors.py imported web.pages."""
    crossing = sorted(
        n for n in _imports(package) if n == f"newsgraph.{other}" or n.startswith(f"newsgraph.{other}.")
    )
    assert crossing == []


def test_nothing_below_imports_the_server() -> None:
    for package in ("api", "web", "serving", "analysis", "store"):
        assert not any(
            n.startswith("newsgraph.server") and not n.startswith("newsgraph.serving")
            for n in _imports(package)
        )
