"""Scale-out: the pipeline as Dask tasks over shards, storing into PostgreSQL (or SQLite); the only dask user.

Dask is an optional extra; importing this package does not import it, and the entry points raise
:class:`DaskMissingError` with an install hint when it is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newsgraph.errors import DaskMissingError
from newsgraph.scale.cluster import INSTALL_HINT, connect, require_dask
from newsgraph.scale.plan import Planner, Shard, extract
from newsgraph.scale.run import RunStats, run
from newsgraph.sources import iter_inputs
from newsgraph.sources.files import DEFAULT_MAX_BYTES

__all__ = [
    "INSTALL_HINT",
    "DaskMissingError",
    "Planner",
    "RunStats",
    "Shard",
    "connect",
    "extract",
    "ingest",
    "require_dask",
    "run",
]


def ingest(
    paths: Sequence[str],
    db: str,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    force: bool = False,
    batch_size: int = 32,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_shard: Callable[[RunStats], None] | None = None,
) -> RunStats:
    """``newsgraph ingest --workers N | --scheduler tcp://HOST:PORT``: the inputs into the store at ``db``."""
    with connect(workers, scheduler) as client:
        return run(
            client,
            iter_inputs(paths, max_bytes=max_bytes),
            db,
            published=published,
            outlet=outlet,
            language=language,
            force=force,
            batch_size=batch_size,
            on_shard=on_shard,
        )
