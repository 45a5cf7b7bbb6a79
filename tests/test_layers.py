"""Layers point one way: every import in src/newsgraph, at module level or inside a function, goes down.

The order is the renovation issue's — records/errors/config <- sources/extract/nlp <- stages <- store <-
analysis <- api/web/cli — cut into finer rungs where one group of a tier really builds on another. An import
inside a function is still an import: hiding one there is how the api/web cycle went unseen.
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "newsgraph"

# Bottom to top. A module may import its own group (a sub-package's inside) and any group on a lower rung;
# never a peer on its own rung, never a rung above. Each rung says why it sits where it does.
RUNGS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("errors", "records"), "the floor: typed records and coded errors import nothing of ours"),
    (
        ("config", "inputs", "lexicon", "periods", "vocabulary", "wording"),
        "settings, raw inputs, the word-list loader and value helpers (dates, option names, counts in words)",
    ),
    (("queries",), "the listing filters, each checked once where made, over dates and option names"),
    (("sources", "nlp"), "readers turn bytes into raw inputs; nlp is the only home of spaCy"),
    (("extract",), "a raw input becomes a Document; decodes bytes with sources/decode.py"),
    (("actors", "timex"), "the first stages: mentions to actors, time expressions; they need nlp only"),
    (("claims",), "a claim's source is resolved to an actor"),
    (("events",), "an event's roles are actors"),
    (("incidents",), "links the events of many documents into incidents; reads records only"),
    (("store",), "rows and queries over records, incidents and dedup signatures; knows no pipeline"),
    (("components", "workers"), "spaCy components over the stages; parsing processes that move records"),
    (("pipeline",), "runs the components over batches, failures as records, with the workers"),
    (("ingest",), "the one run-and-write service: inputs through the pipeline into the store"),
    (("training",), "fits the stages' models on gold data, parsed by the pipeline's own components"),
    (("analysis",), "timeline, network, roundup and clusters over the store's records"),
    (("library",), "the notebook surface: process, open, result sets over pipeline, store and analysis"),
    (("scale",), "Dask runs the pipeline over shards and writes the store, as the library does in-process"),
    (("eval",), "scores every stage on gold data, through the stages, the pipeline and the library"),
    (("serving",), "what both interfaces share: the view cache, request context and error shape"),
    (("api", "web"), "the interfaces: JSON and pages over the same views from below, never each other"),
    (("server",), "the one app that mounts the API and the dashboard"),
    (("cli",), "the outermost shell: `serve` starts the server, `eval` runs the evaluations"),
    ((PACKAGE,), "the package's public names, loaded lazily from the library and the records"),
)

# Names of the package root that are metadata, not the facade: importing them pulls nothing in.
ROOT_METADATA = frozenset({"__version__"})

# Imports that break the order today: (importing module, imported module), each with its owner. The list
# may only shrink: fixing one fails test_known_violations_still_exist until its line here goes too.
KNOWN: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it was written."""

    module: str
    path: Path
    line: int
    target: str
    text: str

    def where(self) -> str:
        return f"{self.path.relative_to(SRC.parent)}:{self.line}: {self.text}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = SRC.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _targets(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The modules one statement loads: `from a import b` loads a.b when b is a module, else a."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        anchor = module.split(".") if is_package else module.split(".")[:-1]
        anchor = anchor[: len(anchor) - node.level + 1]
        base = ".".join(anchor + ([node.module] if node.module else []))
    found: list[str] = []
    for alias in node.names:
        child = f"{base}.{alias.name}"
        target = child if _is_module(child) else base
        if target not in found and not (target == PACKAGE and alias.name in ROOT_METADATA):
            found.append(target)
    return found


@functools.cache
def imports() -> tuple[Import, ...]:
    """Every import of our own package in src/newsgraph, at any depth of any function."""
    found = []
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        module = module_name(path)
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source, filename=str(path))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            text = ast.get_source_segment(source, node) or ""
            for target in _targets(node, module, path.name == "__init__.py"):
                if target == PACKAGE or target.startswith(PACKAGE + "."):
                    found.append(Import(module, path, node.lineno, target, " ".join(text.split())))
    return tuple(found)


def group(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


RUNG = {name: number for number, (names, _why) in enumerate(RUNGS) for name in names}


def violations() -> list[Import]:
    """Imports of a peer on the same rung or of a rung above."""
    bad = []
    for item in imports():
        source, target = group(item.module), group(item.target)
        if source != target and RUNG[target] >= RUNG[source]:
            bad.append(item)
    return bad


def test_every_module_has_a_rung() -> None:
    groups = {group(module_name(path)) for path in (SRC / PACKAGE).rglob("*.py")}
    # A rung may name a group that another branch of the same renovation brings (lexicon, queries, ingest,
    # serving, server), so only the other direction is checked.
    assert groups - set(RUNG) == set(), "a new top-level module or package needs a rung in RUNGS"


def test_the_floor_imports_nothing_of_ours() -> None:
    floor = set(RUNGS[0][0])
    assert [item.where() for item in imports() if group(item.module) in floor] == []


def test_layers_point_one_way() -> None:
    """Fails with the module, line and import of each new upward or sideways import."""
    new = [item for item in violations() if (item.module, item.target) not in KNOWN]
    lines = [
        f"{item.where()}  ({group(item.module)} may not import {group(item.target)}: "
        f"{RUNGS[RUNG[group(item.target)]][1]})"
        for item in new
    ]
    assert lines == [], "imports against the layer order:\n" + "\n".join(lines)


def test_known_violations_still_exist() -> None:
    """KNOWN only shrinks: a fixed violation must leave the list, so it cannot come back unseen."""
    current = {(item.module, item.target) for item in violations()}
    assert sorted(KNOWN - current) == [], "fixed: remove these from KNOWN in tests/test_layers.py"


# Private names imported from another module (importing module, imported module, name), with their owner.
KNOWN_PRIVATE: frozenset[tuple[str, str, str]] = frozenset()


def private_imports() -> set[tuple[str, str, str]]:
    """Each `from module import _name` of another module of ours: a helper used outside needs a real name."""
    found = set()
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        module = module_name(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.add((module, str(node.module), alias.name))
    return found


def test_no_module_imports_another_modules_private_names() -> None:
    current = private_imports()
    assert sorted(current - KNOWN_PRIVATE) == [], "give the helper a public name where it is shared"
    assert sorted(KNOWN_PRIVATE - current) == [], "fixed: remove these from KNOWN_PRIVATE"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in the graph, as the modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None


# Sub-packages with an import loop inside today, with their owner; the list may only shrink.
KNOWN_CYCLES: dict[str, str] = {}
PACKAGES = sorted(p.name for p in (SRC / PACKAGE).iterdir() if (p / "__init__.py").is_file())


def package_cycle(package: str) -> list[str] | None:
    prefix = f"{PACKAGE}.{package}"
    graph: dict[str, set[str]] = {}
    for item in imports():
        if item.module.startswith(prefix) and item.target.startswith(prefix):
            graph.setdefault(item.module, set()).add(item.target)
    return _cycle(graph)


@pytest.mark.parametrize("package", PACKAGES)
def test_sub_package_has_no_cycle(package: str) -> None:
    """No loop inside a sub-package: sources/files.py dispatches to readers that do not import it back."""
    loop = package_cycle(package)
    if package in KNOWN_CYCLES:
        assert loop is not None, f"fixed: remove {package!r} from KNOWN_CYCLES"
    else:
        assert loop is None, " -> ".join(loop or [])


def test_the_cycle_finder_finds_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
