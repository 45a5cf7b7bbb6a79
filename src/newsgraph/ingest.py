"""The one run-and-write service: inputs through the pipeline into a store, batch by batch.

``newsgraph ingest``, ``StoreView.add`` and the Dask shard tasks all store through :func:`store_batches`
(the first two by way of :func:`ingest`), so what a run skips, writes and counts is decided in one place.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsgraph.inputs import RawInput
from newsgraph.pipeline import Batch, Pipeline, Stats
from newsgraph.records import Failure
from newsgraph.store import Store, WriteResult

# Failures kept in memory for the caller to show; the store keeps every one (``newsgraph failures``).
KEPT_FAILURES = 20


@dataclass
class Ingested(Stats):
    """What a run did: the pipeline's counts (``Stats``), what the store wrote, the first failures."""

    written: WriteResult = field(default_factory=WriteResult)
    failures: list[Failure] = field(default_factory=list)


def store_batches(
    batches: Iterable[Batch],
    store: Store,
    *,
    force: bool = False,
    on_batch: Callable[[Ingested], None] | None = None,
    kept_failures: int = KEPT_FAILURES,
) -> Ingested:
    """Write each batch in its own transaction and count it; ``on_batch`` sees the totals after each."""
    started = time.perf_counter()
    done = Ingested()
    for batch in batches:
        done.written += store.write(batch.analyses, batch.failures, force=force)
        done.add(batch)
        done.failures.extend(batch.failures[: max(0, kept_failures - len(done.failures))])
        done.seconds = time.perf_counter() - started
        if on_batch is not None:
            on_batch(done)
    done.seconds = time.perf_counter() - started
    return done


def ingest(
    inputs: Iterable[RawInput | Failure],
    store: Store,
    *,
    pipeline: Pipeline,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    force: bool = False,
    on_batch: Callable[[Ingested], None] | None = None,
    kept_failures: int = KEPT_FAILURES,
) -> Ingested:
    """Analyse ``inputs`` and store them; inputs already stored are skipped unless ``force``."""
    batches = pipeline.run(
        inputs,
        published=published,
        outlet=outlet,
        stored=None if force else store,
        language=language,
    )
    return store_batches(batches, store, force=force, on_batch=on_batch, kept_failures=kept_failures)
