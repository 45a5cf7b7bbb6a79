"""Worker processes that parse documents and run the stages, started once and kept for a whole run.

spaCy's ``nlp.pipe(n_process=N)`` starts its worker processes at every call and stops them when the call
ends. The pipeline parses batch by batch, so each batch paid for new workers and the second core sat idle
(``ingest --n-process 2`` ran at 101 % CPU). Here the pool starts once per run: the workers are forked
from the parent after it loaded the model, so they load nothing and share its memory pages, and each
takes chunks of documents from one queue for as long as the run lasts, parsing *and* running every stage,
so the parent only reads, extracts, deduplicates and stores.

A worker that dies (killed for memory, a crash in native code) costs only the documents it held: they
become failure records, and a new worker takes its place.
"""

from __future__ import annotations

import gc
import itertools
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from newsgraph.errors import WorkerLostError
from newsgraph.records import Analysis, Document, Failure

log = logging.getLogger(__name__)

Analyse = Callable[[list[Document]], Iterator[Analysis | Failure]]
# What one worker holds at a time: few enough documents that the two cores share the load evenly,
# enough for spaCy's batching to pay off.
CHUNK_DOCS = 8
CHUNK_CHARS = 60_000
# A worker's peak memory with the character-capped batches is about 1.4 GiB (bench/RESULTS.md).
WORKER_BYTES = 1_500_000_000
_POLL_SECONDS = 1.0


def available_memory() -> int | None:
    """Bytes of memory available to new processes (Linux MemAvailable), or None where unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_processes() -> int:
    """As many spaCy processes as cores, as long as memory holds one worker's peak each."""
    wanted = cores()
    memory = available_memory()
    if memory is not None:
        wanted = min(wanted, max(1, memory // WORKER_BYTES))
    return max(1, wanted)


def chunks(documents: Sequence[Document]) -> Iterator[list[Document]]:
    """Documents in order, in chunks of at most CHUNK_DOCS documents and CHUNK_CHARS characters."""
    chunk: list[Document] = []
    chars = 0
    for document in documents:
        if chunk and (len(chunk) >= CHUNK_DOCS or chars + len(document.text) > CHUNK_CHARS):
            yield chunk
            chunk, chars = [], 0
        chunk.append(document)
        chars += len(document.text)
    if chunk:
        yield chunk


def _serve(analyse: Analyse, tasks: Any, answers: Connection) -> None:
    """A worker's life: take a chunk, answer its analyses, until told to stop."""
    while True:
        task = tasks.get()
        if task is None:
            return
        key, documents = task
        # Sent at once (a pipe, not a queue with a feeder thread), so the parent knows what a worker held
        # even if it dies the next moment.
        answers.send(("start", key))
        answers.send(("done", key, list(analyse(documents))))


@dataclass
class _Ticket:
    """The chunks of one submission."""

    keys: list[tuple[int, int]]


@dataclass
class _Worker:
    process: BaseProcess
    answers: Connection
    holds: tuple[int, int] | None = None


class WorkerPool:
    """``processes`` long-lived workers running ``analyse`` (a module-level function, run in the worker)."""

    def __init__(self, analyse: Analyse, processes: int) -> None:
        self._analyse = analyse
        self._context = multiprocessing.get_context("fork")
        self._tasks: Any = self._context.Queue()
        self._workers: list[_Worker] = []
        self._chunks: dict[tuple[int, int], list[Document]] = {}
        self._answers: dict[tuple[int, int], list[Analysis | Failure]] = {}
        self._tickets = itertools.count()
        # The model's objects move out of the collector's reach before the fork: a worker's garbage
        # collections then leave them alone, so their memory pages stay shared instead of being copied.
        gc.collect()
        gc.freeze()
        for _ in range(processes):
            self._spawn()

    @property
    def processes(self) -> int:
        return len(self._workers)

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def _spawn(self) -> None:
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_serve, args=(self._analyse, self._tasks, writer), daemon=True, name="newsgraph-nlp"
        )
        process.start()
        writer.close()  # the worker's end: when the worker dies, reading says so (EOF)
        self._workers.append(_Worker(process, reader))

    def submit(self, documents: Sequence[Document]) -> _Ticket:
        """Queue documents for analysis; :meth:`collect` the ticket for the answers, in input order."""
        number = next(self._tickets)
        keys = []
        for index, chunk in enumerate(chunks(documents)):
            key = (number, index)
            self._chunks[key] = chunk
            self._tasks.put((key, chunk))
            keys.append(key)
        return _Ticket(keys)

    def collect(self, ticket: _Ticket) -> list[Analysis | Failure]:
        """The answers for a submission's documents, in their order; waits for the workers."""
        while any(key not in self._answers for key in ticket.keys):
            self._receive()
        out: list[Analysis | Failure] = []
        for key in ticket.keys:
            out.extend(self._answers.pop(key))
            self._chunks.pop(key, None)
        return out

    def _receive(self) -> None:
        by_pipe = {w.answers: w for w in self._workers}
        for ready in wait(list(by_pipe), timeout=_POLL_SECONDS):
            worker = by_pipe[ready]  # type: ignore[index]
            try:
                message = worker.answers.recv()
            except (EOFError, OSError):
                self._replace(worker)
                continue
            if message[0] == "start":
                worker.holds = message[1]
            else:
                self._answers[message[1]] = message[2]
                worker.holds = None

    def _replace(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        self._workers.remove(worker)
        worker.answers.close()
        if worker.holds is not None and worker.holds not in self._answers:
            self._answers[worker.holds] = [_lost(d, code) for d in self._chunks.get(worker.holds, [])]
        log.warning("an NLP worker died (exit code %s); starting another", code)
        self._spawn()

    def close(self) -> None:
        """Stop the workers (they finish the chunk they are on)."""
        for _ in self._workers:
            self._tasks.put(None)
        for worker in self._workers:
            worker.process.join(timeout=10)
            if worker.process.is_alive():
                worker.process.terminate()
            worker.answers.close()
        self._tasks.close()
        self._workers.clear()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _lost(document: Document, exitcode: int | None) -> Failure:
    return Failure(
        doc_id=document.doc_id,
        code=WorkerLostError.code,
        message=f"the worker process analysing it died (exit code {exitcode}); if memory ran out, "
        "run with --n-process 1 or split the document",
        path=document.path,
        line=document.line,
    )
