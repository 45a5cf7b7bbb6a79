"""Tables never cut inside a word, fit the terminal, and are whole when piped; the network table says
what its counts are instead of printing JSON."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.cli.tables import ELLIPSIS, print_table, shorten

ROWS = [
    [
        "03af38b2667d0802",
        "Vladimir Putin [RUS]",
        "If Russia advances military cooperation, the threats they pose will increase.",
    ],
    [
        "1816d411d63a7963",
        "North Korea [PRK]",
        "North Korea would receive technical support for satellites in return.",
    ],
]
COLUMNS = ["doc_id", "source", "content"]


@pytest.mark.parametrize(
    ("text", "width", "shown"),
    [
        ("Vladimir Putin", 12, "Vladimir…"),  # was "Vladimir P"
        ("North Korea", 10, "North…"),  # was "North Kore"
        ("the threats they pose will increase", 20, "the threats they…"),  # was "the threats they po"
        ("short", 10, "short"),
        ("two\n\nlines", 20, "two lines"),
        ("https://example.org/a/very/long/path", 12, "https://exa…"),  # one word: no boundary to use
    ],
)
def test_shorten_cuts_between_words(text: str, width: int, shown: str) -> None:
    assert shorten(text, width) == shown


@given(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=12), st.integers(4, 60))
def test_a_shortened_cell_ends_at_a_whole_word(words: list[str], width: int) -> None:
    text = " ".join(words)
    shown = shorten(text, width)
    assert len(shown) <= width
    if shown != text and all(len(w) < width // 3 for w in words):
        kept = shown.removesuffix(ELLIPSIS).split()
        assert kept == words[: len(kept)]


def test_piped_tables_keep_every_cell_whole() -> None:
    out = io.StringIO()
    print_table(COLUMNS, ROWS, out=out)
    lines = out.getvalue().splitlines()
    assert ELLIPSIS not in out.getvalue()
    for row in ROWS:
        assert any(all(cell in line for cell in row) for line in lines)  # one line per row, wider than 80
    assert max(len(line) for line in lines) > 80


@pytest.mark.parametrize("width", [60, 80, 120])
def test_terminal_tables_fit_and_keep_ids(width: int) -> None:
    out = io.StringIO()
    print_table(COLUMNS, ROWS, out=out, width=width)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= width
    for row in ROWS:
        [line] = [line for line in lines if row[0] in line]  # ids whole, a row on one line
        shown = [cell.strip() for cell in line.strip("│").split("│")]
        for cell, whole in zip(shown, row, strict=True):
            if cell.endswith(ELLIPSIS):
                kept = cell.removesuffix(ELLIPSIS)
                assert whole.startswith(kept) and whole[len(kept)] == " ", (cell, whole)


def test_network_table_names_the_quad_classes(tmp_path: Path, seeds_dir: Path) -> None:
    db = str(tmp_path / "news.db")
    assert CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    result = CliRunner().invoke(app, ["network", "--db", db, "--format", "table"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[1]
    for name in ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict"):
        assert name in header
    assert "{" not in result.stdout and not re.search(r'"\d": \d', result.stdout)
    assert re.search(r"asserted \d", result.stdout) and re.search(r"ASSAULT \d", result.stdout)
