"""Page furniture and placeholder metadata, read from ``data/boilerplate.tsv`` by one validated loader.

The rules are data: a paywall prompt or a newsletter call to action is added to the file, not to code.
Every row is checked when loaded — a known kind, a pattern that compiles, and an example the pattern
matches — so a broken rule fails at once with its line number instead of silently matching nothing.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from newsgraph.errors import DataError

KINDS = ("line", "tail", "furniture", "edge", "cms-title")
COLUMNS = ("kind", "pattern", "example", "why")
# A paragraph longer than this is article prose, whatever it starts with.
MAX_FURNITURE_CHARS = 300
_SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class Patterns:
    """The rules of one boilerplate file, compiled."""

    lines: frozenset[str]  # casefolded whole lines
    tails: frozenset[str]
    furniture: tuple[re.Pattern[str], ...]
    edges: tuple[re.Pattern[str], ...]
    cms_titles: tuple[re.Pattern[str], ...]

    def is_line(self, text: str) -> bool:
        return _flat(text).casefold().strip(" :·|") in self.lines

    def is_tail(self, text: str) -> bool:
        return _flat(text).casefold().strip(" :") in self.tails

    def is_furniture(self, text: str) -> bool:
        """A paragraph that is page furniture wherever it stands (a paywall prompt, "Read more: …")."""
        flat = _flat(text)
        if len(flat) > MAX_FURNITURE_CHARS:
            return False
        return self.is_line(flat) or any(p.fullmatch(flat) for p in self.furniture)

    def is_edge(self, text: str) -> bool:
        """A paragraph that is furniture when it opens or closes the text (a dateline "May 06, 2022 News")."""
        flat = _flat(text)
        return len(flat) <= MAX_FURNITURE_CHARS and any(p.fullmatch(flat) for p in self.edges)

    def is_cms_title(self, title: str) -> bool:
        """A title that names the publishing system or is a placeholder ("escenic", "Untitled")."""
        return any(p.fullmatch(_flat(title)) for p in self.cms_titles)

    def strip(self, paragraphs: Sequence[str]) -> list[str]:
        """The paragraphs without furniture, and without datelines at either end."""
        kept = [p for p in paragraphs if not self.is_furniture(p)]
        while kept and self.is_edge(kept[0]):
            kept.pop(0)
        while kept and self.is_edge(kept[-1]):
            kept.pop()
        return kept


def parse_rows(rows: Iterable[tuple[int, list[str]]], where: str) -> Patterns:
    """Compile (line number, columns) rows; DataError naming the line of the first bad row."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    compiled: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in KINDS}
    for number, row in rows:
        if len(row) != len(COLUMNS):
            raise DataError(f"{where}:{number}: {len(row)} columns; want {', '.join(COLUMNS)}")
        kind, pattern, example, _why = row
        if kind not in KINDS:
            raise DataError(f"{where}:{number}: unknown kind {kind!r}; known: {', '.join(KINDS)}")
        if not pattern.strip():
            raise DataError(f"{where}:{number}: empty pattern")
        if kind in ("line", "tail"):
            if pattern.casefold() in found[kind]:
                raise DataError(f"{where}:{number}: {pattern!r} is listed twice")
            found[kind].append(pattern.casefold())
            continue
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise DataError(f"{where}:{number}: the pattern does not compile ({exc})") from exc
        if not regex.fullmatch(_flat(example)):
            raise DataError(f"{where}:{number}: the pattern does not match its own example {example!r}")
        compiled[kind].append(regex)
    return Patterns(
        lines=frozenset(found["line"]),
        tails=frozenset(found["tail"]),
        furniture=tuple(compiled["furniture"]),
        edges=tuple(compiled["edge"]),
        cms_titles=tuple(compiled["cms-title"]),
    )


def load(path: Path | None = None) -> Patterns:
    """The rules in a boilerplate TSV file (default: the one shipped with newsgraph)."""
    source = path or resources.files("newsgraph.extract") / "data" / "boilerplate.tsv"
    text = source.read_text(encoding="utf-8")
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if not header_seen:
            if tuple(row) != COLUMNS:
                raise DataError(f"{source}:{number}: the header must be {', '.join(COLUMNS)}")
            header_seen = True
            continue
        rows.append((number, row))
    return parse_rows(rows, str(source))


@functools.cache
def patterns() -> Patterns:
    """The shipped rules, loaded once per process."""
    return load()
