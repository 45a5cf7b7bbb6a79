"""Golden records: what the pipeline writes for the two seeds and the first 200 White House documents.

A refactoring must leave every record byte-identical; `tests/test_golden.py` compares a fresh run with the
files kept here. When a change is *meant* to alter records (a better rule, a retrained model), rebuild them
and commit the difference with the change that caused it:

    .venv/bin/python tests/golden.py --write

Seeds are kept whole (a diff shows what moved); the 200 documents as one digest of their records each.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "data" / "corpora" / "whitehouse-2023-2024.jsonl.gz"
GOLDEN = ROOT / "tests" / "data" / "golden"
SEED_FILE = GOLDEN / "seeds.jsonl"
CORPUS_FILE = GOLDEN / "whitehouse-200.tsv"
CORPUS_DOCS = 200


def _line(record: object) -> str:
    from newsgraph.records import to_dict

    return json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True)  # type: ignore[arg-type]


def _analyses(items: list[object]) -> Iterator[list[str]]:
    """Each input's records as canonical JSON lines, in pipeline order (failures included)."""
    from newsgraph.pipeline import Pipeline
    from newsgraph.records import Analysis, Failure

    for batch in Pipeline(n_process=1).run(items):  # type: ignore[arg-type]
        for result in [*batch.analyses, *batch.failures]:
            if isinstance(result, Analysis):
                yield [_line(r) for r in result.records()]
            else:
                assert isinstance(result, Failure)
                yield [_line(result)]


def seed_lines() -> list[str]:
    from newsgraph.sources.files import iter_inputs

    # Relative paths, so the records name the same path on every machine.
    paths = sorted(os.path.relpath(p, ROOT) for p in SEEDS.glob("*.txt"))
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        items = list(iter_inputs(paths))
        return [line for records in _analyses(items) for line in records]
    finally:
        os.chdir(cwd)


def corpus_lines() -> list[str]:
    from newsgraph.sources.jsonl import read_jsonl

    with gzip.open(CORPUS, "rb") as fh:
        head = list(itertools.islice(fh, CORPUS_DOCS))
    items = list(read_jsonl(head, path="whitehouse-2023-2024.jsonl.gz", max_bytes=10_000_000))
    rows = []
    for records in _analyses(items):
        doc_id = json.loads(records[0])["doc_id"]
        digest = hashlib.sha256("\n".join(records).encode()).hexdigest()
        rows.append(f"{doc_id}\t{len(records)}\t{digest}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="rebuild the golden files from this checkout")
    args = parser.parse_args(argv)
    if not args.write:
        parser.print_help()
        return 2
    GOLDEN.mkdir(parents=True, exist_ok=True)
    SEED_FILE.write_text("\n".join(seed_lines()) + "\n", encoding="utf-8")
    CORPUS_FILE.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    print(f"wrote {SEED_FILE.relative_to(ROOT)} and {CORPUS_FILE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
