"""A SQLite store filled by the real pipeline: the two seed pages plus one hostile article whose text
carries markup and scripts (news pages do), kept verbatim because it comes as JSON Lines ``text``."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.pipeline import Pipeline
from newsgraph.sources import iter_inputs
from newsgraph.store import Store

HOSTILE_ID = "hostile-script"
HOSTILE_SCRIPT = "<script>window.__xss = 1; document.title = 'pwned';</script>"
HOSTILE_IMG = '<img src="x" onerror="window.__xss = 2">'
HOSTILE_TEXT = (
    "Russia and North Korea signed a mutual defence pact in Pyongyang on June 19, 2024. "
    f"{HOSTILE_SCRIPT} Russian President Vladimir Putin said the pact would deter the United States. "
    f"{HOSTILE_IMG} Japan condemned the agreement, and South Korea warned that it would send weapons "
    "to Ukraine."
)
HOSTILE = {
    "id": HOSTILE_ID,
    "text": HOSTILE_TEXT,
    "title": "Pact <b>signed</b> <script>window.__xss = 3</script>",
    "outlet": "Test Wire <i>",
    "published": "2024-06-20",
    "url": "javascript:window.__xss=4",
}


def seeded_store(folder: Path, seeds: Path) -> Store:
    """Run the pipeline over the seeds and the hostile article into a new store in ``folder``."""
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    store = Store.open(str(folder / "newsgraph.db"))
    pipeline = Pipeline()
    for batch in pipeline.run(iter_inputs([str(seeds), str(hostile)]), stored=store):
        assert not batch.failures, batch.failures
        store.write(batch.analyses, batch.failures)
    return store


_SHARED: dict[str, Store] = {}


def shared_store(folder_factory: object, seeds: Path) -> Store:
    """One seeded store per test session for the read-only tests (the pipeline run takes seconds)."""
    import pytest

    assert isinstance(folder_factory, pytest.TempPathFactory)
    if "store" not in _SHARED:
        _SHARED["store"] = seeded_store(folder_factory.mktemp("seeded"), seeds)
    return _SHARED["store"]
