"""Scale-out benchmark: one process, spaCy ``n_process=2`` and Dask with 2 workers, as ratios in one run.

    .venv/bin/python bench/scale.py --docs 200 --memory 50,200,400

Texts: the first N documents of ../shared/data/corpora/whitehouse-2023-2024.jsonl.gz as JSONL input;
every mode reads, extracts, dedups, runs every stage and stores into its own new SQLite file (or a
PostgreSQL URL given with --db, which must be empty), so the three do the same work. Dask time excludes
starting the cluster (reported apart). Peak memory: the largest resident set of each Dask worker after
ingesting each corpus size on freshly restarted workers, and of the client (which holds the planner).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "whitehouse-2023-2024.jsonl.gz"


def write_slice(n: int, folder: Path) -> Path:
    path = folder / f"whitehouse-{n}.jsonl"
    with gzip.open(CORPUS, "rb") as fh:
        path.write_bytes(b"".join(itertools.islice(fh, n)))
    return path


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (spaCy's n_process workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_pipeline(path: Path, db: str, n_process: int, batch_size: int) -> tuple[int, int, float, float]:
    from newsgraph.pipeline import Pipeline
    from newsgraph.sources import iter_inputs
    from newsgraph.store import Store

    pipeline = Pipeline(batch_size=batch_size, n_process=n_process)
    words = docs = 0
    started, cpu = time.perf_counter(), cpu_seconds()
    with Store.open(db) as store:
        for batch in pipeline.run(
            iter_inputs([str(path)]),
            stored=store,
        ):
            store.write(batch.analyses, batch.failures)
            words += batch.words
            docs += len(batch.analyses)
    return docs, words, time.perf_counter() - started, cpu_seconds() - cpu


def peak_rss_mib() -> float:
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork+exec, so a spawned worker would report the
    # peak of the (large) process that started it.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory", default="", help="corpus sizes for the per-worker memory table")
    parser.add_argument("--memory-only", action="store_true", help="skip the speed comparison")
    args = parser.parse_args()

    from newsgraph.pipeline import pipeline_nlp
    from newsgraph.scale import connect, run
    from newsgraph.sources import iter_inputs

    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    path = write_slice(args.docs, folder)
    print(
        f"# {args.docs} documents, batch/shard size {args.batch_size}, {os.cpu_count()} CPUs, "
        f"load average before {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    rows: list[tuple[str, int, int, float, float]] = []
    if not args.memory_only:
        pipeline_nlp()
        for name, n_process in (("one process", 1), ("n_process=2", 2)):
            docs, words, seconds, cpu = run_pipeline(
                path, str(folder / f"np{n_process}.db"), n_process, args.batch_size
            )
            rows.append((name, docs, words, seconds, cpu))
            print(f"{name}: {words / seconds:,.0f} words/s", flush=True)

    started = time.perf_counter()
    memory: list[tuple[int, list[float], float]] = []
    with connect(workers=args.workers) as client:
        startup = time.perf_counter() - started
        if not args.memory_only:
            before: dict[str, float] = client.run(cpu_seconds)
            cpu = cpu_seconds()
            stats = run(client, iter_inputs([str(path)]), str(folder / "dask.db"), batch_size=args.batch_size)
            cpu = cpu_seconds() - cpu
            after: dict[str, float] = client.run(cpu_seconds)
            cpu += sum(after[w] - before[w] for w in after)
            rows.append((f"Dask, {args.workers} workers", stats.new, stats.words, stats.seconds, cpu))
            print(
                f"Dask: {stats.words / stats.seconds:,.0f} words/s; planning {stats.planning_seconds:.2f} s"
            )
        for size in [int(s) for s in args.memory.split(",") if s]:
            client.restart()  # fresh worker processes: the high-water mark is a lifetime peak
            sized = write_slice(size, folder)
            run(client, iter_inputs([str(sized)]), str(folder / f"mem-{size}.db"), batch_size=args.batch_size)
            peaks: dict[str, float] = client.run(peak_rss_mib)
            memory.append((size, sorted(peaks.values()), peak_rss_mib()))
            print(f"memory at {size} documents: {memory[-1]}", flush=True)
    print(f"\nDask cluster start (workers up, model loaded): {startup:.1f} s")

    if rows:
        base, base_cpu = rows[0][2] / rows[0][3], rows[0][2] / rows[0][4]
        print(
            "\n| mode | docs | words | wall s | words/s | ratio | CPU s | words/CPU-s | CPU ratio |"
            "\n|---|---|---|---|---|---|---|---|---|"
        )
        for name, docs, words, seconds, cpu in rows:
            rate, per_cpu = words / seconds, words / cpu
            print(
                f"| {name} | {docs} | {words:,} | {seconds:.1f} | {rate:,.0f} | {rate / base:.2f} "
                f"| {cpu:.1f} | {per_cpu:,.0f} | {per_cpu / base_cpu:.2f} |"
            )
    print(f"load average after {os.getloadavg()[0]:.1f}")
    if memory:
        print("\n| corpus docs | peak RSS per worker (MiB) | client peak RSS (MiB) |\n|---|---|---|")
        for size, worker_peaks, client_peak in memory:
            print(f"| {size} | {', '.join(f'{p:,.0f}' for p in worker_peaks)} | {client_peak:,.0f} |")


if __name__ == "__main__":
    main()
