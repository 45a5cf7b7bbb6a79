"""What runs on a Dask worker: the model loaded once per worker, extraction, and parse-and-store per shard.

A shard is stored in one transaction by the worker that parsed it, so a worker killed mid-shard leaves
nothing behind; Dask reruns the shard elsewhere, and the store's ON CONFLICT DO NOTHING makes a shard
that did commit before its worker died a no-op the second time.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from newsgraph.ingest import store_batches
from newsgraph.inputs import RawInput
from newsgraph.pipeline import Batch, Pipeline, complete, pipeline_nlp
from newsgraph.records import Document, Failure
from newsgraph.scale.plan import Shard, extract
from newsgraph.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What storing one shard did, reported back to the client."""

    index: int
    new: int
    skipped: int
    failed: int
    words: int
    failures: tuple[Failure, ...] = ()


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model when a worker starts, so no task pays for it and each worker pays once."""

    name = "newsgraph-model"

    def setup(self, worker: Any) -> None:
        pipeline_nlp()

    def teardown(self, worker: Any) -> None:
        for store in _STORES.values():
            store.close()
        _STORES.clear()


_STORES: dict[str, Store] = {}


def _store(url: str) -> Store:
    # One engine (and connection pool) per worker process and URL, not one per shard.
    if url not in _STORES:
        _STORES[url] = Store.open(url)
    return _STORES[url]


@functools.cache
def _pipeline(batch_size: int) -> Pipeline:
    return Pipeline(batch_size=batch_size)


def extract_task(
    raws: Sequence[RawInput], published: str | None, outlet: str | None, language: str | None = None
) -> list[Document | Failure]:
    return extract(raws, published=published, outlet=outlet, language=language)


def store_task(shard: Shard, db: str, batch_size: int, force: bool) -> ShardResult:
    """Parse the shard's documents, run every stage and store the shard in one transaction."""
    prepared = Batch(
        analyses=list(shard.unparsed), failures=list(shard.failures), skipped=list(shard.skipped)
    )
    batch = complete(prepared, _pipeline(batch_size).analyse(shard.to_parse))
    done = store_batches([batch], _store(db), force=force, kept_failures=len(batch.failures))
    return ShardResult(
        index=shard.index,
        new=done.written.new + done.written.replaced,
        skipped=done.skipped + done.written.skipped,
        failed=done.failed,
        words=done.words,
        failures=tuple(done.failures),
    )
