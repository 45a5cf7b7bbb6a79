"""Throughput of the whole pipeline against bare spaCy on the same texts, measured in one run.

    .venv/bin/python bench/throughput.py --docs 500
    .venv/bin/python bench/throughput.py --docs 500 --memory 500,2000

Texts: the first N documents of ../shared/data/corpora/whitehouse-2023-2024.jsonl.gz (as JSONL
input, so the pipeline reads, extracts, dedups and runs every stage on exactly the texts that bare
``nlp.pipe`` parses). Peak memory is measured in a fresh process per corpus size.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "whitehouse-2023-2024.jsonl.gz"


def load_lines(n: int) -> list[bytes]:
    with gzip.open(CORPUS, "rb") as fh:
        return list(itertools.islice(fh, n))


def run_bare(lines: list[bytes], batch_size: int) -> tuple[int, float]:
    import spacy

    from newsgraph.nlp.model import model_location

    # The model as spaCy ships it: without even newsgraph's blank-line sentence breaks (newsgraph_paragraphs).
    nlp = spacy.load(model_location())
    nlp.max_length = 2_000_000
    texts = [json.loads(line)["text"] for line in lines]
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    # words as whitespace-separated tokens, counted the same way for every run
    return sum(len(t.split()) for t in texts), time.perf_counter() - started


def run_pipeline(
    lines: list[bytes], batch_size: int, stages: tuple[str, ...], db: str | None
) -> tuple[int, float]:
    from newsgraph.pipeline import Pipeline
    from newsgraph.sources.jsonl import read_jsonl

    pipeline = Pipeline(stages=stages, batch_size=batch_size)
    _ = pipeline.nlp  # loaded before the clock starts, as bare spaCy's model is
    store = None
    if db:
        from newsgraph.store import Store

        store = Store.open(db)
    started = time.perf_counter()
    words = 0
    for batch in pipeline.run(read_jsonl(lines, path="bench", max_bytes=20_000_000)):
        if store is not None:
            store.write(batch.analyses, batch.failures)
        for analysis in batch.analyses:
            words += len(analysis.document.text.split())
    elapsed = time.perf_counter() - started
    if store is not None:
        store.close()
    return words, elapsed


def stage_profile(lines: list[bytes], batch_size: int) -> dict[str, float]:
    """Seconds spent in each stage over the same parses (parse time included as 'parse')."""
    from newsgraph import actors, claims, events, timex
    from newsgraph.events import selection
    from newsgraph.extract import build_document
    from newsgraph.nlp import load_model
    from newsgraph.nlp.entities import entities
    from newsgraph.sources.jsonl import read_jsonl

    nlp = load_model()
    docs = [build_document(raw) for raw in read_jsonl(lines, path="bench", max_bytes=20_000_000)]  # type: ignore[arg-type]
    spent = dict.fromkeys(("parse", "entities", "actors", "timex", "claims", "events", "learned"), 0.0)
    # The learned parts of the events stage (relevance and quad models, features included), timed inside it.
    for name in ("relevance", "judge"):
        original = getattr(selection, name)

        def timed(*args: Any, _original: Any = original) -> Any:
            t = time.perf_counter()
            try:
                return _original(*args)
            finally:
                spent["learned"] += time.perf_counter() - t

        setattr(selection, name, timed)
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=batch_size))
    spent["parse"] = time.perf_counter() - started
    for document, doc in zip(docs, parsed, strict=True):
        t = time.perf_counter()
        ents = entities(doc, document)
        spent["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        ents = actors.link(doc, document, ents)
        spent["actors"] += time.perf_counter() - t
        t = time.perf_counter()
        txs = timex.tag(doc, document)
        spent["timex"] += time.perf_counter() - t
        t = time.perf_counter()
        cls = claims.attribute(doc, document, ents)
        spent["claims"] += time.perf_counter() - t
        t = time.perf_counter()
        events.code(doc, document, ents, txs, cls)
        spent["events"] += time.perf_counter() - t
    return spent


def peak_memory(n: int, batch_size: int) -> float:
    """Peak RSS in MiB of a fresh process running the pipeline over n documents."""
    here = str(Path(__file__).parent)
    code = (
        f"import sys, resource; sys.path.insert(0, {here!r}); import throughput as t; "
        f"t.run_pipeline(t.load_lines({n}), {batch_size}, ('actors','timex','claims','events'), None); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument(
        "--memory", default="", help="comma-separated corpus sizes for peak memory, e.g. 500,2000"
    )
    parser.add_argument("--profile", action="store_true", help="also time each stage on the same parses")
    args = parser.parse_args()

    lines = load_lines(args.docs)
    print(f"{len(lines)} documents from {CORPUS.name}", file=sys.stderr)
    bare_words, bare_s = run_bare(lines, args.batch_size)
    rows = [("bare nlp.pipe (the model as spaCy ships it)", bare_words, bare_s)]
    all_stages = ("actors", "timex", "claims", "events")
    for label, stages, db in (
        ("pipeline: extract + entities only", (), None),
        ("pipeline: every stage", all_stages, None),
        ("pipeline: every stage + SQLite store", all_stages, "sqlite:///" + tempfile.mktemp(suffix=".db")),
    ):
        words, seconds = run_pipeline(lines, args.batch_size, stages, db)
        rows.append((label, words, seconds))
    bare_rate = bare_words / bare_s
    print("| run | words | seconds | words/s | ratio to bare spaCy |")
    print("|---|---:|---:|---:|---:|")
    for label, words, seconds in rows:
        rate = words / seconds
        print(f"| {label} | {words:,} | {seconds:.1f} | {rate:,.0f} | {rate / bare_rate:.2f} |")
    if args.profile:
        spent = stage_profile(lines, args.batch_size)
        learned = spent.pop("learned")
        total = sum(spent.values())
        print("\n| stage | seconds | share of pipeline time |\n|---|---:|---:|")
        for stage, seconds in spent.items():
            print(f"| {stage} | {seconds:.2f} | {seconds / total:.1%} |")
        print(f"| of events: learned models (features, scoring) | {learned:.2f} | {learned / total:.1%} |")
    if args.memory:
        print("\n| documents | peak RSS (MiB) |\n|---:|---:|")
        for n in (int(x) for x in args.memory.split(",")):
            print(f"| {n} | {peak_memory(n, args.batch_size):,.0f} |")
    print(
        f"\nmax RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
