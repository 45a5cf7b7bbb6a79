"""The CLI end to end, process start included, against one bare ``nlp.pipe`` process on the same texts.

    .venv/bin/python bench/cli.py --docs 300 --repeat 3

Texts: the first N documents of ../shared/data/corpora/whitehouse-2023-2024.jsonl.gz, written as a JSONL
file that every run reads. Each run is a fresh process timed from start to exit (wall clock), so model
load and imports count; CPU is the process tree's user + system time over the wall time (100 % = one
core busy). Runs are interleaved (bare, extract, ...) so a change in the machine's load hits them alike;
the load average is printed before and after, since the machine is shared.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "whitehouse-2023-2024.jsonl.gz"
EXE = str(Path(sys.executable).with_name("newsgraph"))

# One bare spaCy process: import, load the same model, parse every text with nlp.pipe, exit.
BARE = """
import json, sys
import spacy
from newsgraph.nlp.model import _model_location
nlp = spacy.load(_model_location())
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""


def write_corpus(n: int, folder: Path) -> tuple[Path, int]:
    path = folder / f"whitehouse-{n}.jsonl"
    words = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in itertools.islice(src, n):
            words += len(json.loads(line)["text"].split())
            out.write(line)
    return path, words


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
            return [int(c) for c in children.read().split()]
    except OSError:
        return []


def timed(command: list[str]) -> tuple[float, float, list[float]]:
    """Wall seconds, CPU share (user + system over wall, children included) and the CPU seconds of each
    child process that worked at least a second (the parsing workers, if any)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: dict[int, float] = {}
    while process.poll() is None:
        for child in _children(process.pid):
            try:
                workers[child] = max(workers.get(child, 0.0), _cpu_seconds(child))
            except (OSError, IndexError):
                continue
        time.sleep(0.5)
    wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{command} failed with status {process.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu / wall, sorted((s for s in workers.values() if s >= 1.0), reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--runs", default="bare,extract,extract-1,ingest-2", help="which runs, in order")
    parser.add_argument(
        "--other-src",
        help="another newsgraph source tree (e.g. `git archive COMMIT src | tar -x -C /tmp/before`): the "
        "ingest-2-other run is ingest-2 with that code",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, words = write_corpus(args.docs, folder)
        commands = {
            "bare": [sys.executable, "-c", BARE, str(corpus)],
            "extract": [EXE, "extract", str(corpus)],
            "extract-1": [EXE, "extract", str(corpus), "--n-process", "1"],
            "extract-2": [EXE, "extract", str(corpus), "--n-process", "2"],
            "ingest-2": [EXE, "ingest", str(corpus), "--n-process", "2", "--db", str(folder / "x.db")],
            "ingest": [EXE, "ingest", str(corpus), "--db", str(folder / "y.db")],
            "version": [EXE, "--help"],
            "ingest-2-other": [
                "env",
                f"PYTHONPATH={args.other_src}",
                sys.executable,
                "-m",
                "newsgraph.cli.app",
                "ingest",
                str(corpus),
                "--n-process",
                "2",
                "--db",
                str(folder / "z.db"),
            ],
        }
        runs = args.runs.split(",")
        results: dict[str, list[tuple[float, float, list[float]]]] = {name: [] for name in runs}
        print(f"{args.docs} documents, {words:,} words; load average before: {os.getloadavg()}", flush=True)
        for round_ in range(args.repeat):
            for name in runs:
                for db in folder.glob("*.db*"):
                    db.unlink()
                results[name].append(timed(commands[name]))
                wall, share, workers = results[name][-1]
                each = ", ".join(f"{s:.0f}" for s in workers) or "-"
                print(
                    f"  round {round_ + 1} {name:<10} {wall:7.1f} s  CPU {share:5.0%}  "
                    f"child processes' CPU s: {each}",
                    flush=True,
                )
        print(f"load average after: {os.getloadavg()}")
        bare = statistics.median(w for w, _, _ in results["bare"]) if "bare" in results else None
        print("| run | median s | words/s | CPU | ratio to bare |")
        print("|---|---:|---:|---:|---:|")
        for name in runs:
            wall = statistics.median(w for w, _, _ in results[name])
            share = statistics.median(c for _, c, _ in results[name])
            ratio = f"{bare / wall:.2f}" if bare else "-"
            print(f"| {name} | {wall:.1f} | {words / wall:,.0f} | {share:.0%} | {ratio} |")


if __name__ == "__main__":
    main()
