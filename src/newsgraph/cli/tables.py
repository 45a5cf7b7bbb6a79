"""Tables for people: one line per row, cut only between words (with "…"), as wide as the terminal.

In a terminal a table fits the window: the widest text columns give up width first, identifiers never do,
and a cell that must be shortened ends at a word with an ellipsis ("Vladimir Putin" never becomes
"Vladimir P"). Piped or redirected, nothing is shortened: a row is a line however long, so ``grep`` and
``less -S`` see every cell whole; ``--format csv`` or ``jsonl`` is the form for programs.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.console import stderr

ELLIPSIS = "…"
# Columns whose values are keys to type back (ids): never shortened.
KEYS = frozenset({"doc_id", "id", "cluster", "event_id", "claim_id", "date", "published", "made_on"})
# Rich's default box: a border before every column, one after the last, one space of padding each side.
_PER_COLUMN = 3
_NARROWEST = 6


def shorten(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` characters, cut between words with an ellipsis.

    >>> shorten("the threats they pose will increase", 20)
    'the threats they…'
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if width <= 1:
        return ELLIPSIS[:width]
    cut = flat.rfind(" ", 0, width)
    if cut < width // 3:
        # one word longer than the column (a URL, a name in a narrow column): no word boundary to use
        return flat[: width - 1] + ELLIPSIS
    return flat[:cut].rstrip(" ,;:-–—") + ELLIPSIS


def widths(natural: Sequence[int], keys: Sequence[bool], room: int) -> list[int]:
    """Column widths that fit ``room`` characters of cells: the widest shrink first, keys never."""
    out = list(natural)
    while sum(out) > room:
        free = [i for i, w in enumerate(out) if not keys[i] and w > _NARROWEST]
        if not free:
            break
        widest = max(free, key=lambda i: out[i])
        others = [out[i] for i in free if i != widest]
        # shrink the widest to the next widest (or as far as needed), one step at a time
        target = max(max(others, default=_NARROWEST), _NARROWEST, out[widest] - (sum(out) - room))
        out[widest] = target if target < out[widest] else out[widest] - 1
    return out


def print_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    out: TextIO | None = None,
    width: int | None = None,
) -> None:
    """Rows under their column names: fitted to the terminal, or whole when the output is not one."""
    stream = out or sys.stdout
    cells = [[" ".join(str(c).split()) for c in row] for row in rows]
    natural = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    overhead = _PER_COLUMN * len(columns) + 1
    terminal = width or (shutil.get_terminal_size().columns if stream.isatty() else None)
    shortened = False
    if terminal is not None:
        fitted = widths(natural, [c in KEYS for c in columns], max(terminal - overhead, len(columns)))
        for row in cells:
            for i, cell in enumerate(row):
                if len(cell) > fitted[i]:
                    row[i] = shorten(cell, fitted[i])
                    shortened = True
        natural = [min(n, f) for n, f in zip(natural, fitted, strict=True)]
    table = Table(show_lines=False)
    for name, size in zip(columns, natural, strict=True):
        table.add_column(name, no_wrap=True, overflow="ellipsis", min_width=min(size, len(name)))
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))  # article text is never read as Rich markup
    console = Console(file=stream, width=sum(natural) + overhead, highlight=False, soft_wrap=False)
    console.print(table)
    if shortened:
        stderr.print(
            "(cells shortened to fit the terminal; --format csv or jsonl gives them whole)", highlight=False
        )
