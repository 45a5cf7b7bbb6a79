"""The client side of a distributed ingest: shard the inputs, decide duplicates in order, gather results.

Flow per shard of ``shard_size`` inputs: the client admits it (stored and repeated doc_ids set aside),
a worker extracts it, the client's :class:`Planner` decides duplicates (strictly in shard order, so
the answer is the single-process one), and a worker parses and stores it in one transaction. A bounded
number of shards is in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.inputs import RawInput
from newsgraph.records import Document, Failure
from newsgraph.scale.plan import Admitted, Planner
from newsgraph.store import Store

if TYPE_CHECKING:
    from distributed import Client, Future

    from newsgraph.scale.tasks import ShardResult


@dataclass
class RunStats:
    """Totals of a distributed run, as the CLI reports them."""

    new: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    shards: int = 0
    seconds: float = 0.0
    # Client time spent admitting and planning: the serial part, which bounds how many workers can be fed.
    planning_seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _duplicate_of(store: Store) -> Callable[[str], str | None]:
    def lookup(doc_id: str) -> str | None:
        return store.get(doc_id).document.duplicate_of

    return lookup


def run(
    client: Client,
    items: Iterable[RawInput | Failure],
    db: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    force: bool = False,
    batch_size: int = 32,
    shard_size: int | None = None,
    max_failures_kept: int = 20,
    on_shard: Callable[[RunStats], None] | None = None,
) -> RunStats:
    """Ingest ``items`` into the store at ``db`` on the cluster behind ``client``; returns the totals."""
    from distributed import wait

    from newsgraph.scale.tasks import extract_task, store_task

    started = time.perf_counter()
    stats = RunStats()
    size = shard_size or batch_size
    workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    # Enough shards in flight to keep every worker busy while the client plans the next ones.
    in_flight = 2 * workers + 2
    with Store.open(db) as store:
        planner = Planner(
            stored=None if force else store, duplicate_of=None if force else _duplicate_of(store)
        )
        stream = iter(items)
        extracting: deque[tuple[Admitted, Future[list[Document | Failure]]]] = deque()
        storing: set[Future[ShardResult]] = set()
        exhausted = False
        while True:
            while not exhausted and len(extracting) + len(storing) < in_flight:
                chunk = list(itertools.islice(stream, size))
                if not chunk:
                    exhausted = True
                    break
                planning = time.perf_counter()
                admitted = planner.admit(chunk)
                stats.planning_seconds += time.perf_counter() - planning
                # Extraction is short and planning waits on it: let it jump the queue of parse tasks.
                future = client.submit(
                    extract_task, admitted.raws, published, outlet, language, pure=False, priority=1
                )
                extracting.append((admitted, future))
            if not extracting and not storing:
                break
            head = [extracting[0][1]] if extracting else []
            wait([*head, *storing], return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]
            for done in [f for f in storing if f.done()]:  # type: ignore[no-untyped-call]
                storing.discard(done)
                result = done.result()
                stats.new += result.new
                stats.skipped += result.skipped
                stats.failed += result.failed
                stats.words += result.words
                stats.shards += 1
                room = max(0, max_failures_kept - len(stats.failures))
                stats.failures.extend(result.failures[:room])
                stats.seconds = time.perf_counter() - started
                if on_shard:
                    on_shard(stats)
            # Planning strictly in admission order is what makes duplicates come out as in one process.
            while extracting and extracting[0][1].done():  # type: ignore[no-untyped-call]
                admitted, future = extracting.popleft()
                extracted = future.result()
                planning = time.perf_counter()
                shard = planner.decide(admitted, extracted)
                stats.planning_seconds += time.perf_counter() - planning
                storing.add(client.submit(store_task, shard, store.url, batch_size, force, pure=False))
    stats.seconds = time.perf_counter() - started
    return stats
