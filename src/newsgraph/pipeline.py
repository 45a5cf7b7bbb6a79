"""Run the stages over batches of documents; a failing document becomes a Failure and the batch goes on.

The stages are the spaCy components of :mod:`newsgraph.components`, run by ``nlp.pipe`` over one nlp (the
model plus those components, :func:`pipeline_nlp`); this module adds what comes before them (reading,
extraction, duplicates, what the store already holds) and turns each Doc into an Analysis or a Failure.

Memory stays bounded: inputs stream in, one batch of documents and parses is alive at a time,
and the store (when there is one) is asked per batch which documents it already holds, so a
re-run skips them before any parsing.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.components import FACTORIES, Component
from newsgraph.errors import DuplicateIdError, StageError
from newsgraph.events.selection import models
from newsgraph.extract import extract
from newsgraph.extract.dedup import Duplicates
from newsgraph.inputs import RawInput, content_id
from newsgraph.nlp.model import new_model, parse
from newsgraph.records import Analysis, Document, Failure
from newsgraph.workers import WorkerPool, chunks, default_processes

log = logging.getLogger(__name__)

STAGES: tuple[str, ...] = ("actors", "timex", "claims", "events")
# Each stage's component, and the stages whose output it reads (these run too when it is chosen).
COMPONENTS = {stage: f"newsgraph_{stage}" for stage in STAGES}
REQUIRES: dict[str, tuple[str, ...]] = {
    "actors": (),
    "timex": (),
    "claims": ("actors",),
    "events": ("actors", "timex", "claims"),
}


class StoredDocuments(Protocol):
    """What the pipeline asks a store before parsing a batch (:class:`~newsgraph.store.Store` answers it):
    which inputs it holds by id, which by content, and which stored documents may be near copies."""

    def known(self, doc_ids: Iterable[str]) -> set[str]: ...

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]: ...

    def near_candidates(self, wanted: Iterable[str]) -> dict[str, tuple[set[str], bytes]]: ...


@dataclass
class Batch:
    """What one batch produced: analyses to store, failures to record, and what was passed over."""

    analyses: list[Analysis] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    words: int = 0


@dataclass
class Stats:
    new: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def add(self, batch: Batch) -> None:
        self.new += len(batch.analyses)
        self.skipped += len(batch.skipped)
        self.failed += len(batch.failures)
        self.words += batch.words


class SeenInputs:
    """The inputs of one run by id, so that every input is accounted for.

    A byte-identical second file has the first one's content id; dropped as "already seen", it would leave
    no record at all. It gets an id of its own (from its id and where it was read) and goes on: extraction
    finds it has the first one's content and stores it as an exact copy pointing at it (``duplicate_of``).
    Two inputs with one given id but different texts (a JSONL ``id`` used twice) are an error record.
    """

    def __init__(self) -> None:
        self._first: dict[str, tuple[str, int | None, str]] = {}  # doc_id -> (path, line, content digest)

    def account(self, item: RawInput | Failure) -> RawInput | Failure:
        if isinstance(item, Failure):
            return item
        where = (item.path, item.line)
        digest = content_id(item.content)
        first = self._first.setdefault(item.doc_id, (*where, digest))
        if first[:2] == where:
            return item
        if first[2] == digest:
            return replace(item, doc_id=content_id(f"{item.doc_id}\x1f{item.path}\x1f{item.line}"))
        at = f"{first[0]}:{first[1]}" if first[1] is not None else first[0]
        return Failure(
            doc_id=content_id(f"{item.doc_id}\x1f{item.path}\x1f{item.line}"),
            code=DuplicateIdError.code,
            message=f"id {item.doc_id!r} was already used by {at} for a different text; the first is kept. "
            "Give each article its own id",
            path=item.path,
            line=item.line,
        )


class Pipeline:
    """Inputs to records: extraction and duplicates here, then :func:`pipeline_nlp` (the model and the
    stages' components, loaded once per process) over each batch; reuse one Pipeline for many runs.

    ``stages`` chooses among actors, timex, claims and events; a stage brings the ones it reads (events
    all three, claims actors). Entities are always found.
    """

    def __init__(
        self,
        *,
        stages: Sequence[str] = STAGES,
        batch_size: int = 32,
        n_process: int = 1,
        near_duplicates: bool = True,
    ) -> None:
        unknown = set(stages) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stages {sorted(unknown)}; choose from {', '.join(STAGES)}")
        chosen = {needed for stage in stages for needed in (*REQUIRES[stage], stage)}
        self.stages = tuple(s for s in STAGES if s in chosen)
        if "events" in self.stages:
            models()  # a missing or corrupt model file stops the run here, with its code, not per document
        self.batch_size = batch_size
        self.n_process = n_process
        self._duplicates = Duplicates(near_duplicates=near_duplicates)

    @property
    def nlp(self) -> Language:
        """The nlp this pipeline runs (:func:`pipeline_nlp`), loaded on first use: ask to load it now."""
        return pipeline_nlp()

    def run(
        self,
        items: Iterable[RawInput | Failure],
        *,
        published: str | None = None,
        outlet: str | None = None,
        stored: StoredDocuments | None = None,
        language: str | None = None,
    ) -> Iterator[Batch]:
        """Analyse the inputs batch by batch; inputs ``stored`` already holds (a Store) are skipped.

        ``language`` (an ISO 639-1 code) overrides detection for every input: ``"en"`` parses them all.

        ``stored`` is asked per batch, so exact and near duplicates of documents stored in earlier runs
        (and earlier batches of this one, once written) are found too.

        With ``n_process`` above 1 the documents are parsed and analysed by that many worker processes
        that live for the whole run (:mod:`newsgraph.workers`), while this process reads, extracts and
        deduplicates the next batches; batches still come out in input order.
        """
        stream = iter(items)
        inputs = SeenInputs()

        def prepared() -> Iterator[tuple[Batch, list[Document]]]:
            while chunk := list(itertools.islice(stream, self.batch_size)):
                chunk = [inputs.account(item) for item in chunk]
                yield self._prepare(chunk, published, outlet, stored, language)

        batches = prepared()
        processes = self.processes()
        if processes > 1:
            # An input that fits one chunk (a file of a few articles) is parsed here: starting workers
            # would cost more than they could save.
            ahead = list(itertools.islice(batches, 2))
            small = len(ahead) < 2 and sum(1 for _ in chunks(ahead[0][1] if ahead else [])) <= 1
            batches = itertools.chain(ahead, batches)
            if not small:
                yield from self._run_pooled(batches, processes)
                return
        for batch, to_parse in batches:
            yield complete(batch, self._analyse(to_parse))

    def processes(self) -> int:
        """How many processes parse: ``n_process``, or with 0 as many as cores and memory allow."""
        if self.n_process > 0:
            return self.n_process
        return default_processes()

    def _run_pooled(
        self, prepared: Iterator[tuple[Batch, list[Document]]], processes: int
    ) -> Iterator[Batch]:
        pool: WorkerPool | None = None
        pending: deque[tuple[Batch, Any]] = deque()
        try:
            for batch, to_parse in prepared:
                if pool is None and to_parse:
                    pipeline_nlp()  # once, here: the forked workers share it instead of loading their own
                    work = functools.partial(analyse, stages=self.stages, batch_size=self.batch_size)
                    pool = WorkerPool(work, processes)
                pending.append((batch, pool.submit(to_parse) if pool is not None and to_parse else None))
                # Keep a batch per worker queued ahead, so no worker waits while this process extracts.
                while len(pending) > processes:
                    done, ticket = pending.popleft()
                    yield complete(done, pool.collect(ticket) if pool and ticket else [])
            while pending:
                done, ticket = pending.popleft()
                yield complete(done, pool.collect(ticket) if pool and ticket else [])
        finally:
            if pool is not None:
                pool.close()

    def analyse(self, documents: Iterable[Document]) -> Iterator[Analysis | Failure]:
        """Run the NLP stages over ready Documents (no extraction, no dedup)."""
        stream = iter(documents)
        while chunk := list(itertools.islice(stream, self.batch_size)):
            yield from self._analyse(chunk)

    def _prepare(
        self,
        chunk: list[RawInput | Failure],
        published: str | None,
        outlet: str | None,
        stored: StoredDocuments | None,
        language: str | None = None,
    ) -> tuple[Batch, list[Document]]:
        """Extraction and duplicate decisions for one batch: the batch so far, and what is left to parse."""
        batch = Batch()
        raws = [item for item in chunk if isinstance(item, RawInput)]
        batch.failures.extend(item for item in chunk if isinstance(item, Failure))
        held = stored.known([r.doc_id for r in raws]) if stored is not None else set()
        docs: list[Document] = []
        seen_ids: set[str] = set()
        for raw in raws:
            if raw.doc_id in held or raw.doc_id in seen_ids:
                batch.skipped.append(raw.doc_id)
                continue
            seen_ids.add(raw.doc_id)
            extracted = extract(raw, published=published, outlet=outlet, language=language)
            if isinstance(extracted, Failure):
                batch.failures.append(extracted)
            else:
                docs.append(extracted)
        stored_hashes = stored.known_hashes([d.content_hash for d in docs]) if stored is not None else {}
        decision = self._duplicates.decide(
            docs, stored_hashes, stored.near_candidates if stored is not None else None
        )
        batch.analyses.extend(decision.unparsed)
        return batch, decision.to_parse

    def _analyse(self, documents: list[Document]) -> Iterator[Analysis | Failure]:
        return analyse(documents, stages=self.stages, batch_size=self.batch_size)


def complete(batch: Batch, results: Iterable[Analysis | Failure]) -> Batch:
    """Add the parsed documents' analyses (or failures) to a prepared batch."""
    for result in results:
        if isinstance(result, Failure):
            batch.failures.append(result)
        else:
            batch.analyses.append(result)
            batch.words += len(result.document.text.split())
    return batch


@functools.cache
def pipeline_nlp() -> Language:
    """The one nlp of this process: the model with every newsgraph component added, loaded once.

    A component that fails on a Doc records a Failure on it (``doc._.newsgraph_failure``) instead of
    raising, and the components after it pass the Doc by: one document fails, the batch goes on.
    """
    nlp = new_model()
    for name in FACTORIES:
        component = nlp.add_pipe(name)
        assert isinstance(component, Component)
        component.set_error_handler(_record_failure)
    return nlp


def _record_failure(name: str, component: Any, docs: list[Doc], exc: Exception) -> None:
    for doc in docs:
        document: Document = doc._.newsgraph_document
        log.error("%s failed for %s", name, document.doc_id, exc_info=exc)
        doc._.newsgraph_failure = Failure.internal(
            StageError.code, exc, document.doc_id, document.path, document.line
        )


def _components(stages: Sequence[str]) -> list[str]:
    """The components that run for these stages, their prerequisites included, in pipeline order."""
    wanted = {"newsgraph_entities"}
    for stage in stages:
        wanted |= {COMPONENTS[s] for s in (*REQUIRES[stage], stage)}
    return [name for name in FACTORIES if name in wanted]


def docs(documents: list[Document], *, stages: Sequence[str], batch_size: int) -> Iterator[Doc]:
    """Each document parsed and through the stages' components, its records on ``Doc._``, in order.

    The model's components and the newsgraph ones run in two passes over the same nlp: a long text is
    parsed in pieces joined back into one Doc, and the stages must see the whole of it.
    """
    if not documents:
        return
    nlp = pipeline_nlp()
    parsed = parse((d.text for d in documents), batch_size=batch_size, nlp=nlp, disable=FACTORIES)

    def ready() -> Iterator[Doc]:
        for document, doc in zip(documents, parsed, strict=True):
            doc._.newsgraph_document = document
            yield doc

    running = set(_components(stages))
    skipped = [name for name in nlp.pipe_names if name not in running]
    yield from nlp.pipe(ready(), batch_size=batch_size, disable=skipped)


def analyse(
    documents: list[Document], *, stages: Sequence[str], batch_size: int
) -> Iterator[Analysis | Failure]:
    """Parse documents and run the stages over each; a document whose stages fail becomes a Failure.

    The one place documents are analysed, in this process or in a worker of :mod:`newsgraph.workers`.
    """
    for doc in docs(documents, stages=stages, batch_size=batch_size):
        failure: Failure | None = doc._.newsgraph_failure
        yield failure or Analysis(
            document=doc._.newsgraph_document,
            entities=tuple(doc._.newsgraph_entities or ()),
            timexes=tuple(doc._.newsgraph_timexes or ()),
            claims=tuple(doc._.newsgraph_claims or ()),
            events=tuple(doc._.newsgraph_events or ()),
        )
