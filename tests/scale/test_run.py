"""Same answer at any scale, and faults: a 2-worker local Dask cluster against one process, on real data.

Every run stores into its own PostgreSQL schema; the records read back must equal, record for record,
those of a single-process run of the same documents into SQLite.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from newsgraph.incidents.query import IncidentQuery
from newsgraph.ingest import ingest
from newsgraph.pipeline import Pipeline
from newsgraph.records import to_dict
from newsgraph.sources import iter_inputs
from newsgraph.store import Store
from newsgraph.store.engine import normalise_url

if TYPE_CHECKING:
    from distributed import Client

pytest.importorskip("distributed", reason="the scale extra (dask[distributed]) is not installed")

from newsgraph.scale import RunStats, connect, run

CORPUS = "corpora/whitehouse-2023-2024.jsonl.gz"
QUICK = 60
FULL = 500


def corpus_slice(shared_data: Path, n: int, into: Path, *, keep_ids: bool = False) -> Path:
    """The first ``n`` documents of the White House corpus as a JSONL file.

    Without ``keep_ids`` the corpus ids are dropped, so doc_ids come from the content; the corpus ids
    themselves (URL slugs of up to 211 characters) have their own test below.
    """
    with gzip.open(shared_data / CORPUS, "rt", encoding="utf-8") as fh:
        objects = [json.loads(line) for line in itertools.islice(fh, n)]
    if not keep_ids:
        for obj in objects:
            del obj["id"]
    path = into / f"whitehouse-{n}{'-ids' if keep_ids else ''}.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path


def records(url: str) -> list[str]:
    """Every stored record and every incident: shards linked by workers in any order must give the
    incidents of one process."""
    # Sorted: SQLite and PostgreSQL may order doc_ids differently; content must be the same.
    with Store.open(url) as store:
        stored = [json.dumps(to_dict(r), sort_keys=True) for r in store.iter_records()]
        linked = [json.dumps(i.to_dict(), sort_keys=True) for i in store.incidents(IncidentQuery(limit=None))]
        assert linked, "no incidents were linked"
        return sorted(stored + linked)


def single_process(path: Path, db: Path) -> list[str]:
    with Store.open(str(db)) as store:
        ingest(iter_inputs([str(path)]), store, pipeline=Pipeline(batch_size=32))
    return records(str(db))


@contextmanager
def pg_schema(server_url: str) -> Iterator[str]:
    """A database URL on a new PostgreSQL schema, dropped afterwards."""
    server = normalise_url(server_url)
    schema = f"ng_scale_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield (
            make_url(server)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with connect(workers=2) as made:
        yield made


@pytest.fixture(scope="module")
def quick(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The 60-document slice and its single-process records."""
    folder = tmp_path_factory.mktemp("scale")
    path = corpus_slice(shared_data, QUICK, folder)
    return path, single_process(path, folder / "single.db")


@pytest.fixture
def pg(postgres_url: str) -> Iterator[str]:
    with pg_schema(postgres_url) as url:
        yield url


def dask_run(client: Client, path: Path, db: str, shard_size: int = 8) -> RunStats:
    return run(client, iter_inputs([str(path)]), db, shard_size=shard_size)


def test_two_workers_store_what_one_process_stores(
    client: Client, quick: tuple[Path, list[str]], pg: str
) -> None:
    path, expected = quick
    stats = dask_run(client, path, pg)
    assert (stats.new, stats.failed) == (QUICK, 0)
    assert records(pg) == expected
    # Re-running adds nothing: every document is already stored.
    again = dask_run(client, path, pg)
    assert (again.new, again.skipped) == (0, QUICK)
    assert records(pg) == expected


def test_corpus_ids_longer_than_128_characters_store_on_postgresql(
    client: Client, shared_data: Path, tmp_path: Path, pg: str
) -> None:
    path = corpus_slice(shared_data, 19, tmp_path, keep_ids=True)
    # Only the 19th document, whose id has 164 characters: one short parse is enough to show it.
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[-1], encoding="utf-8")
    doc_id = json.loads(path.read_text(encoding="utf-8"))["id"]
    stats = dask_run(client, path, pg)
    assert stats.new == 1
    with Store.open(pg) as store:
        assert store.known([doc_id]) == {doc_id}


@pytest.mark.slow
def test_two_workers_store_what_one_process_stores_500(
    client: Client, shared_data: Path, tmp_path: Path, pg: str
) -> None:
    path = corpus_slice(shared_data, FULL, tmp_path)
    expected = single_process(path, tmp_path / "single.db")
    stats = dask_run(client, path, pg, shard_size=32)
    assert (stats.new, stats.failed) == (FULL, 0)
    assert records(pg) == expected


def wait_for(condition: Callable[[], bool], timeout: float = 600.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met in time")
        time.sleep(0.2)


def stored(url: str) -> int:
    with Store.open(url) as store:
        return store.count_documents()


def test_a_worker_killed_mid_run_loses_nothing(
    client: Client, quick: tuple[Path, list[str]], pg: str
) -> None:
    path, expected = quick
    outcome: list[RunStats | BaseException] = []

    def ingest() -> None:
        try:
            outcome.append(dask_run(client, path, pg, shard_size=4))
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    runner = threading.Thread(target=ingest)
    runner.start()
    wait_for(lambda: stored(pg) > 0 or not runner.is_alive())
    pids: dict[str, int] = client.run(os.getpid)
    assert stored(pg) < QUICK, "the run finished before a worker could be killed"
    os.kill(sorted(pids.values())[0], signal.SIGKILL)  # the nanny starts a new worker; its tasks rerun
    runner.join(timeout=900)
    assert not runner.is_alive()
    [result] = outcome
    assert isinstance(result, RunStats), result
    assert records(pg) == expected


def test_sigkilled_ingest_reruns_to_the_same_store(
    client: Client, quick: tuple[Path, list[str]], pg: str, tmp_path: Path
) -> None:
    path, expected = quick
    command = [sys.executable, "-m", "newsgraph.cli.app", "ingest", str(path), "--db", pg]
    command += ["--workers", "2", "--batch-size", "4"]
    # Its own session, so the kill reaches the client and the local cluster's worker processes together.
    proc = subprocess.Popen(command, start_new_session=True, stderr=(tmp_path / "ingest.log").open("wb"))
    try:
        wait_for(lambda: stored(pg) > 0 or proc.poll() is not None)
        partial = stored(pg)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert 0 < partial < QUICK, (partial, (tmp_path / "ingest.log").read_text()[-2000:])
    stats = dask_run(client, path, pg)
    assert stats.new + stats.skipped == QUICK
    assert records(pg) == expected
