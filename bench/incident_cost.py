"""What incident linking adds to ingest time: a real ingest, with the linking step timed inside it.

    .venv/bin/python bench/incident_cost.py --docs 1000

Runs the pipeline over the first N White House documents and writes each batch to a new SQLite store,
as `newsgraph ingest` does; the time spent building link items and linking (inside each write
transaction) is measured by wrapping those two functions, so nothing is switched off. Prints the whole
ingest's wall and CPU seconds, the linking seconds and their share. Then a rebuild of every incident,
for comparison.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.pipeline import Pipeline
from newsgraph.sources import iter_inputs
from newsgraph.store import Store
from newsgraph.store import incidents as store_incidents

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "whitehouse-2023-2024.jsonl.gz"


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(spent: list[float], function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    args = parser.parse_args()
    spent = [0.0]
    store_incidents.link = timed(spent, store_incidents.link)  # type: ignore[assignment]
    store_incidents.items_of = timed(spent, store_incidents.items_of)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "slice.jsonl"
        with gzip.open(CORPUS, "rb") as handle:
            path.write_bytes(b"".join(itertools.islice(handle, args.docs)))
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        wall, cpu0 = time.perf_counter(), cpu()
        with Store.open(str(Path(folder) / "cost.db")) as store:
            for batch in Pipeline().run(iter_inputs([str(path)], max_bytes=10**9), stored=store):
                store.write(batch.analyses, batch.failures)
            wall, used = time.perf_counter() - wall, cpu() - cpu0
            events = sum(1 for _ in store.iter_records(("event",)))
            count = store.count_incidents()
            print(f"ingest of {args.docs} documents: {wall:.1f} s wall, {used:.1f} s CPU; {events} events")
            print(f"linking inside it: {spent[0]:.2f} s = {100 * spent[0] / wall:.1f} % of the wall time")
            print(f"{count} incidents; {store.count_incidents(_multi())} reported by 2+ documents")
            started = time.perf_counter()
            store.rebuild_incidents()
            print(f"rebuild of every incident: {time.perf_counter() - started:.2f} s")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def _multi() -> Any:
    from newsgraph.incidents.query import IncidentQuery

    return IncidentQuery(min_documents=2, limit=None)


if __name__ == "__main__":
    main()
