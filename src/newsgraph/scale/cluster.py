"""Connecting to Dask: a local cluster of worker processes, or an existing scheduler; dask is optional."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsgraph.errors import ConfigError, DaskMissingError

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "pip install 'newsgraph[scale]' (or: pip install 'dask[distributed]>=2024.1')"


def require_dask() -> None:
    """Raise an error saying how to install dask when it is not installed."""
    for module in ("dask", "distributed"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            raise DaskMissingError(
                f"--workers and --scheduler need the optional Dask extra ({module} is not installed): "
                f"{INSTALL_HINT}"
            ) from exc


@contextmanager
def connect(workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client with the model plugin registered: on a new local cluster of ``workers`` processes, or at
    ``scheduler`` (tcp://HOST:PORT) whose workers must have newsgraph and its model installed."""
    require_dask()
    from distributed import Client, LocalCluster

    from newsgraph.scale.tasks import ModelPlugin

    if scheduler is None and (workers is None or workers < 1):
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="30s")  # type: ignore[no-untyped-call]
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        try:
            client.register_plugin(ModelPlugin())
            yield client
        finally:
            client.close()  # type: ignore[no-untyped-call]
        return
    # One thread per worker process: spaCy parsing holds the GIL, so threads would only queue.
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        client.register_plugin(ModelPlugin())
        yield client
