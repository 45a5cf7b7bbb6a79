"""Records stay byte-identical across refactorings: the seeds and the first 200 White House documents.

A change meant to alter records rebuilds the files with `.venv/bin/python tests/golden.py --write` and
commits the difference beside the change that caused it.
"""

from __future__ import annotations

import difflib

import pytest
from tests import golden

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def _shared() -> None:
    if not golden.CORPUS.is_file() or not golden.SEEDS.is_dir():
        pytest.skip(f"gold data not found at {golden.SHARED} (clone the project beside ../shared)")


def test_seed_records_are_unchanged(_shared: None) -> None:
    expected = golden.SEED_FILE.read_text(encoding="utf-8").splitlines()
    actual = golden.seed_lines()
    diff = list(difflib.unified_diff(expected, actual, "golden", "now", lineterm="", n=0))
    assert not diff, "seed records changed:\n" + "\n".join(diff[:40])


def test_corpus_records_are_unchanged(_shared: None) -> None:
    expected = golden.CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    actual = golden.corpus_lines()
    assert len(actual) == golden.CORPUS_DOCS
    changed = [a.split("\t")[0] for a, e in zip(actual, expected, strict=True) if a != e]
    assert not changed, f"{len(changed)} of {len(actual)} documents' records changed, first: {changed[:5]}"
