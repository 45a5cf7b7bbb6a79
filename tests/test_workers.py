"""Worker processes that live for a whole run: the same records as one process, the same workers for
every batch, a dead worker's documents recorded as failures and the run going on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import workers
from newsgraph.library.processing import raw_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.records import Analysis, Document, Failure
from newsgraph.sources import iter_inputs
from newsgraph.workers import WorkerPool, chunks, default_processes


def _who(documents: list[Document]) -> Iterator[Analysis | Failure]:
    """Answers which process handled each document (and dies on the text 'die')."""
    for document in documents:
        if document.text == "die":
            os._exit(3)
        yield Failure(document.doc_id, "E-TEST", str(os.getpid()))


def _docs(*texts: str) -> list[Document]:
    return [Document(doc_id=f"d{i}", text=text) for i, text in enumerate(texts)]


def test_the_same_workers_serve_every_submission() -> None:
    """spaCy's n_process started new workers for every batch; these start once per run."""
    with WorkerPool(_who, 2) as pool:
        tickets = [pool.submit(_docs(*["x"] * 20)) for _ in range(6)]
        answers = [pool.collect(t) for t in tickets]
        pids = {a.message for batch in answers for a in batch if isinstance(a, Failure)}
        assert pool.processes == 2
    assert len(pids) <= 2 and str(os.getpid()) not in pids
    assert [a.doc_id for a in answers[0]] == [f"d{i}" for i in range(20)]  # in input order


def test_a_dead_worker_costs_only_its_documents() -> None:
    with WorkerPool(_who, 2) as pool:
        lost = pool.collect(pool.submit(_docs("die")))
        after = pool.collect(pool.submit(_docs("fine", "also fine")))
        assert pool.processes == 2
    assert [(f.doc_id, f.code) for f in lost if isinstance(f, Failure)] == [("d0", "E-STAGE-WORKER")]
    assert [f.code for f in after if isinstance(f, Failure)] == ["E-TEST", "E-TEST"]


def test_chunks_are_capped_in_documents_and_characters() -> None:
    sizes = [len(c) for c in chunks(_docs(*["x"] * 20))]
    assert sizes == [8, 8, 4]
    long = "y" * (workers.CHUNK_CHARS - 10)
    assert [len(c) for c in chunks(_docs(long, long, "z"))] == [1, 2]


def test_as_many_processes_as_cores_while_memory_lasts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "cores", lambda: 4)
    monkeypatch.setattr(workers, "available_memory", lambda: 100 * workers.WORKER_BYTES)
    assert default_processes() == 4
    monkeypatch.setattr(workers, "available_memory", lambda: 2 * workers.WORKER_BYTES + 1)
    assert default_processes() == 2
    monkeypatch.setattr(workers, "available_memory", lambda: 10)
    assert default_processes() == 1
    assert Pipeline(n_process=0).processes() == 1 and Pipeline(n_process=3).processes() == 3


def test_pooled_runs_give_the_records_of_one_process(seeds_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019.\n")

    def records(n_process: int) -> list[object]:
        run = Pipeline(batch_size=1, n_process=n_process).run(iter_inputs([str(seeds_dir), str(tmp_path)]))
        return [(b.words, [r for a in b.analyses for r in a.records()], b.failures) for b in run]

    single = records(1)
    assert single == records(2)
    assert len(single) == 3 and all(words for words, _, _ in single)


def test_a_small_input_is_parsed_without_starting_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking workers for one short file cost more than it saved."""
    started: list[int] = []
    monkeypatch.setattr(WorkerPool, "_spawn", lambda self: started.append(1))
    one = list(Pipeline(n_process=2).run(raw_inputs(["Russia accused Ukraine of shelling Donetsk."])))
    assert started == [] and len(one[0].analyses) == 1
