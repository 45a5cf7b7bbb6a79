"""Evaluate relevance: events per 1,000 words on pages about politics against pages about anything else.

The labels (``relevance/scrapinghub-visible-labels.tsv``) name English pages of the scrapinghub set as
political or non-political by topic; the pages run through the whole pipeline (HTML extraction
included), and the rate of events on non-political pages should be a small fraction of the rate on
political ones, while political pages keep theirs.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from newsgraph.errors import DataError
from newsgraph.eval.report import EvalReport

LABELS = "scrapinghub-visible-labels.tsv"
PAGES = Path("..") / "extraction" / "scrapinghub" / "html"
KINDS = ("political", "non-political")


def read_labels(folder: Path) -> dict[Path, str]:
    """Page path -> label, from the labels file of the relevance folder."""
    path = folder / LABELS
    if not path.is_file():
        raise DataError(f"{path}: no labels file (expected the relevance folder of ../shared/data)")
    pages: dict[Path, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[0] not in KINDS:
            raise DataError(f"{path}:{number}: expected 'political|non-political<TAB>file'", line=number)
        pages[(folder / PAGES / fields[1]).resolve()] = fields[0]
    return pages


def evaluate(data: Path, *, limit: int | None = None) -> EvalReport:
    """Events per 1,000 words on political and on non-political pages, and their ratio."""
    from newsgraph.library.processing import process
    from newsgraph.records import Document, Event

    started = time.perf_counter()
    labels = read_labels(data)
    paths = sorted(labels)[:limit] if limit is not None else sorted(labels)
    words: Counter[str] = Counter()
    events: Counter[str] = Counter()
    by_doc: dict[str, str] = {}
    for record in process(paths):
        if isinstance(record, Document) and record.path is not None:
            kind = labels[Path(record.path).resolve()]
            by_doc[record.doc_id] = kind
            words[kind] += len(record.text.split())
        elif isinstance(record, Event):
            events[by_doc[record.doc_id]] += 1
    rates = {k: 1000 * events[k] / words[k] if words[k] else 0.0 for k in KINDS}
    ratio = rates["non-political"] / rates["political"] if rates["political"] else 0.0
    report = EvalReport(
        stage="relevance",
        data=str(data),
        metrics={
            "political_events_per_1000_words": round(rates["political"], 2),
            "non_political_events_per_1000_words": round(rates["non-political"], 2),
            "non_political_to_political_ratio": round(ratio, 4),
        },
        counts={
            "political_pages": sum(1 for k in by_doc.values() if k == "political"),
            "non_political_pages": sum(1 for k in by_doc.values() if k == "non-political"),
            "political_events": events["political"],
            "non_political_events": events["non-political"],
        },
        notes=["pages through the whole pipeline (HTML extraction included); words are whitespace tokens"],
    )
    report.seconds = time.perf_counter() - started
    return report
