"""Score incident linking. There is no public gold for cross-document event identity, so we made it:

- a hand-labelled ``.jsonl`` (``bench/gold/incidents-*.jsonl``, rules in ``docs/incidents-labelling.md``):
  a ``source`` line (the inputs, relative to the file) and ``mention`` lines, each a happening, a
  document and an anchor, words of the sentence that tells it there. Every pair of mentions in
  different documents is scored: the same happening should share an incident (recall), different
  happenings should not (precision). A mention the coder found no event for counts as unlinked.
- a BASIL folder (``../shared/data/corpora/basil``): an incident whose documents belong to different
  stories (``triplet-uuid``) is an error (precision); incidents carried by two or three outlets of one
  story, and the stories that have one, measure recall.

Documents go through the real pipeline into a store (``db``, kept and reused, else a temporary one),
as `newsgraph ingest` would, and incidents are read back from it.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from newsgraph.errors import DataError
from newsgraph.eval.report import PRF, EvalReport
from newsgraph.incidents.query import IncidentQuery
from newsgraph.store import Store

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class GoldMention:
    happening: str
    doc_id: str
    anchor: str


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def read_gold(path: Path) -> tuple[Path, list[GoldMention]]:
    """The inputs' path (resolved against the gold file's folder) and the mentions."""
    source: Path | None = None
    mentions = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("type") == "source":
            source = (path.parent / row["path"]).resolve()
        elif row.get("type") == "mention":
            mentions.append(GoldMention(row["happening"], row["doc_id"], row["anchor"]))
        else:
            raise DataError(f"{path}:{number}: a line is a 'source' or a 'mention'")
    if source is None or not mentions:
        raise DataError(
            f"{path}: needs a 'source' line and 'mention' lines (see docs/incidents-labelling.md)"
        )
    if not source.exists():
        raise DataError(f"{path}: its source {source} does not exist")
    return source, mentions


def _rows(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _ingest(source: Path, wanted: set[str], store: Store) -> None:
    """The gold documents into the store: a JSONL corpus filtered to them, or every file of a folder."""
    from newsgraph.ingest import ingest
    from newsgraph.pipeline import Pipeline
    from newsgraph.sources import iter_inputs

    missing = wanted - store.known(wanted)
    if not missing:
        return
    with tempfile.TemporaryDirectory() as folder:
        inputs = [str(source)]
        if source.is_file():
            subset = Path(folder) / "gold.jsonl"
            with subset.open("w", encoding="utf-8") as handle:
                for row in _rows(source):
                    if row.get("id") in missing:
                        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            inputs = [str(subset)]
        ingest(iter_inputs(inputs, max_bytes=10**9), store, pipeline=Pipeline(batch_size=8))


def _incidents_of(store: Store, mention: GoldMention) -> set[str]:
    """The incidents of the events told in the mention's sentence (matched by the anchor's words)."""
    try:
        events = store.get(mention.doc_id).events
    except Exception as exc:
        raise DataError(f"gold document {mention.doc_id!r} was not stored: {exc}") from exc
    anchor = _norm(mention.anchor)

    def tells(sentence: str) -> bool:
        return anchor in _norm(sentence) or _norm(sentence) in anchor

    # an event keeps every telling of its happening in the document (Event.mentions), not only its first
    told = [e.id for e in events if any(tells(s) for s in (e.sentence, *(m.sentence for m in e.mentions)))]
    return set(store.incident_of_events(told).values())


def score_gold(store: Store, mentions: list[GoldMention]) -> tuple[dict[str, float], dict[str, int]]:
    found = {m: _incidents_of(store, m) for m in mentions}
    tp = fp = fn = 0
    for a, b in combinations(mentions, 2):
        if a.doc_id == b.doc_id:
            continue
        linked = bool(found[a] & found[b])
        if a.happening == b.happening:
            tp += linked
            fn += not linked
        else:
            fp += linked
    metrics = PRF(tp, fp, fn).as_dict("pair")
    metrics["mentions_with_an_event"] = round(sum(bool(v) for v in found.values()) / len(mentions), 4)
    counts = {
        "mentions": len(mentions),
        "happenings": len({m.happening for m in mentions}),
        "documents": len({m.doc_id for m in mentions}),
        "same_happening_pairs": tp + fn,
        "linked_same_pairs": tp,
        "linked_different_pairs": fp,
    }
    return metrics, counts


def score_basil(store: Store, folder: Path) -> tuple[dict[str, float], dict[str, int]]:
    story: dict[str, str] = {}
    year: dict[str, str] = {}
    for path in folder.rglob("*.json"):
        story[path.stem] = str(json.loads(path.read_text(encoding="utf-8"))["triplet-uuid"])
        year[path.stem] = path.parent.name
    multi = [
        i for i in store.incidents(IncidentQuery(min_documents=2, limit=None)) if set(i.doc_ids) <= set(story)
    ]
    mixed = [i for i in multi if len({story[d] for d in i.doc_ids}) > 1]
    pure = [i for i in multi if i not in mixed]
    cross_outlet = [i for i in pure if 2 <= len(i.outlets) <= 3]
    covered = {story[i.doc_ids[0]] for i in cross_outlet}
    # the halves of the visible years, to see that a figure does not rest on one of them
    by_half: dict[str, int] = defaultdict(int)
    for incident in multi:
        half = "2010_2014" if year[incident.doc_ids[0]] <= "2014" else "2016_2018"
        by_half[f"multi_document_incidents_{half}"] += 1
    metrics = {
        "incident_precision": round(1 - len(mixed) / len(multi), 4) if multi else 0.0,
        "mixed_story_rate": round(len(mixed) / len(multi), 4) if multi else 0.0,
        "stories_with_a_cross_outlet_incident": round(len(covered) / len(set(story.values())), 4),
    }
    counts = {
        "documents": len(story),
        "stories": len(set(story.values())),
        "multi_document_incidents": len(multi),
        "mixed_story_incidents": len(mixed),
        "cross_outlet_incidents": len(cross_outlet),
        **by_half,
    }
    return metrics, counts


def evaluate(data: Path, *, limit: int | None = None, db: Path | None = None) -> EvalReport:
    """Score incidents on a hand-labelled gold file or on BASIL (a folder), through a store."""
    from newsgraph.eval.clusters import read_basil
    from newsgraph.eval.stored import ingest, open_store

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, open_store(db, Path(folder)) as store:
        if data.is_dir():
            items = read_basil(data)
            if limit is not None:
                keep = set(sorted({i.gold for i in items})[:limit])
                items = [i for i in items if i.gold in keep]
            ingest(items, store)
            if store.incidents_stale():
                store.rebuild_incidents()
            metrics, counts = score_basil(store, data)
            name = "BASIL: incidents mixing stories (precision), cross-outlet incidents (recall)"
        else:
            source, mentions = read_gold(data)
            if limit is not None:
                keep = set(sorted({m.happening for m in mentions})[:limit])
                mentions = [m for m in mentions if m.happening in keep]
            _ingest(source, {m.doc_id for m in mentions}, store)
            if store.incidents_stale():
                store.rebuild_incidents()
            metrics, counts = score_gold(store, mentions)
            name = "hand-labelled happenings: pairs of mentions in different documents"
    return EvalReport(
        stage="incidents",
        data=f"{data} — {name}",
        metrics=metrics,
        counts=counts,
        seconds=time.perf_counter() - started,
        notes=["documents ingested by the real pipeline; incidents read back from the store"],
    )
