"""Gold documents through the real pipeline into a store, so evaluations score what users get from
`newsgraph ingest` then `newsgraph clusters` / `newsgraph incidents`."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from pathlib import Path

from newsgraph.eval.gold import GoldItem
from newsgraph.ingest import ingest as ingest_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.sources import iter_inputs
from newsgraph.store import Store


def jsonl_row(item: GoldItem) -> dict[str, object]:
    story = item.story
    return {
        "id": story.doc_id,
        "text": story.text,
        "title": story.title,
        "outlet": item.outlet,
        "published": story.published,
    }


def ingest(items: Iterable[GoldItem], store: Store, *, batch_size: int = 16) -> int:
    """Parse and store the items not stored yet (JSONL ids are the gold ids); returns how many were added."""
    wanted = list(items)
    missing = [i for i in wanted if i.story.doc_id not in store.known(i.story.doc_id for i in wanted)]
    if not missing:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for item in missing:
                handle.write(json.dumps(jsonl_row(item), ensure_ascii=False) + "\n")
        inputs = iter_inputs([str(path)], max_bytes=10**9)
        return ingest_inputs(inputs, store, pipeline=Pipeline(batch_size=batch_size)).written.new


def open_store(db: Path | None, folder: Path) -> Store:
    """The store to evaluate through: ``db`` (kept, reused when run again), else a new one in ``folder``."""
    return Store.open(str(db) if db is not None else str(folder / "eval.db"))
