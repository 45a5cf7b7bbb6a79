"""Load benchmark: concurrent clients over the dashboard and the API of a real `newsgraph serve`.

    .venv/bin/python bench/load.py --db out/bench1000.db --clients 20 --requests 200
    .venv/bin/python bench/load.py --db out/bench1000.db --ingest more.jsonl   # while an ingest runs

Starts `newsgraph serve` on the store as a subprocess (a fresh server: nothing cached), waits for
/api/health, then ``--clients`` threads share ``--requests`` requests, each client taking the URLs in
turn from its own starting point: /, /timeline, /network, /api/network, /api/events, /api/incidents and a
roundup. Prints each request's latency percentiles, errors (any status other than 200, or a refused or
timed-out connection) and the machine's load average. With ``--ingest`` a `newsgraph ingest` of that
file into the same store runs meanwhile, so views go stale as batches land. Not a timed test: the
figures go to bench/RESULTS.md with the command, date and load.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSGRAPH = ROOT / ".venv" / "bin" / "newsgraph"
URLS = (
    "/",
    "/timeline",
    "/network",
    "/api/network",
    "/api/events",
    "/api/incidents",
    "/roundup?q=Ukraine",
)
TIMEOUT = 60.0


def store_version(db: str) -> int:
    from newsgraph.store import Store

    with Store.open(db) as store:
        return store.version()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/api/health", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise SystemExit(f"the server at {base} did not come up in {seconds:.0f}s")


def fetch(url: str) -> tuple[float, int | str, int]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            body = response.read()
            return time.perf_counter() - started, response.status, len(body)
    except urllib.error.HTTPError as exc:
        return time.perf_counter() - started, exc.code, 0
    except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
        return time.perf_counter() - started, type(exc).__name__, 0


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def run(base: str, clients: int, requests: int) -> list[tuple[str, float, int | str, int]]:
    results: list[tuple[str, float, int | str, int]] = []
    lock = threading.Lock()
    left = [requests]

    def client(start: int) -> None:
        n = start
        while True:
            with lock:
                if left[0] == 0:
                    return
                left[0] -= 1
            path = URLS[n % len(URLS)]
            n += 1
            seconds, status, size = fetch(base + path)
            with lock:
                results.append((path, seconds, status, size))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def report(results: list[tuple[str, float, int | str, int]], wall: float) -> None:
    latencies = [r[1] for r in results]
    errors = [r for r in results if r[2] != 200]
    print(f"requests {len(results)} in {wall:.1f}s ({len(results) / wall:.1f}/s), errors {len(errors)}")
    p50, p90, p99 = statistics.median(latencies), percentile(latencies, 0.9), percentile(latencies, 0.99)
    print(f"latency s: p50 {p50:.3f}  p90 {p90:.3f}  p99 {p99:.3f}  max {max(latencies):.3f}")
    for path in URLS:
        mine = [r[1] for r in results if r[0] == path]
        if mine:
            print(f"  {path:22} n={len(mine):3}  p50 {statistics.median(mine):.3f}  max {max(mine):.3f}")
    for path, seconds, status, _ in errors[:10]:
        print(f"  error {status} on {path} after {seconds:.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="the store to serve (SQLite file or URL)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--ingest", help="a JSONL file to ingest into the same store meanwhile")
    args = parser.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [str(NEWSGRAPH), "serve", "--db", args.db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    ingest = None
    try:
        wait_up(base)
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        if args.ingest:
            ingest = subprocess.Popen(
                [str(NEWSGRAPH), "ingest", args.ingest, "--db", args.db, "--batch-size", "8"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(5)  # let its first batches land while the clients run
        writes = store_version(args.db)
        started = time.perf_counter()
        results = run(base, args.clients, args.requests)
        wall = time.perf_counter() - started
        report(results, wall)
        if ingest is not None:
            print(f"ingest still running at the end: {ingest.poll() is None}")
            print(f"writes to the store while the clients ran: {store_version(args.db) - writes}")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        for process in (ingest, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=30)
    sys.exit(0)


if __name__ == "__main__":
    main()
