"""Named fixtures shared by the whole suite; the model is loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT / "examples" / "articles"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every evaluation gate is slow: `make quick` leaves them out, `make test` and CI run them."""
    gates = ROOT / "tests" / "eval"
    for item in items:
        if gates in item.path.parents or item.path.name == "test_golden.py":
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"gold data not found at {SHARED_DATA} (clone the project beside ../shared)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("NEWSGRAPH_TEST_POSTGRES is not set in CI: .ci/run must set it")
        pytest.skip("NEWSGRAPH_TEST_POSTGRES is not set: PostgreSQL tests need a server URL")
    return url
