"""Score story clustering: B-cubed precision, recall and F1 against gold stories.

Two data sets, chosen by ``data``:

- a folder (BASIL, ``../shared/data/corpora/basil``): each event told by Fox News, the New York Times and
  HuffPost; articles with the same ``triplet-uuid`` are one story. Easy: different events are far apart.
- a ``.jsonl``/``.jsonl.gz`` file (the White House corpus): the hard case, different statements about the
  same actors in the same week. From the real documents we keep those whose title names a much-covered
  actor (Ukraine, Israel, China, ...) in an ISO week with at least three such documents; every distinct
  statement (its title and date; exact re-publications share both) is its own story. To each of a seeded
  share of them we add wire copies made from the real text: another headline (the lead sentence), wire
  boilerplate (dateline, agency credit, copyright line), the text trimmed to its first paragraphs, and the
  date moved by up to a day. A copy belongs to its original's story and must be counted as a copy.

Both sets are clustered by :func:`newsgraph.analysis.clusters.cluster_stories`, the function used on
stored documents. Besides B-cubed: ``copy_recall`` (copies clustered with their original),
``copy_independent_accuracy`` (stories with copies whose independent-source count is right) and, on the
White House set, ``split_rate`` (pairs of distinct statements on the same actor in the same week kept in
different clusters).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from newsgraph.analysis.clusters import Cluster, StoryText, cluster_stories
from newsgraph.errors import DataError
from newsgraph.eval.gold import GoldItem
from newsgraph.eval.report import EvalReport

# Actors much covered by White House statements; a title naming one puts the document in that topic.
TOPICS = (
    "Ukraine",
    "Russia",
    "Israel",
    "Gaza",
    "China",
    "Japan",
    "Korea",
    "India",
    "Mexico",
    "Canada",
    "Haiti",
    "Iran",
    "Taiwan",
    "Philippines",
    "Vietnam",
    "Germany",
    "France",
    "United Kingdom",
    "Australia",
    "Brazil",
    "Africa",
    "NATO",
    "G7",
    "G20",
)
_AGENCIES = (
    ("(Reuters)", "Reporting by Jeff Mason; Editing by Alistair Bell\nOur Standards: Trust Principles."),
    ("(AP)", "Copyright 2024 The Associated Press. All rights reserved. This material may not be published."),
    (
        "(AFP)",
        "© Agence France-Presse. Read more: latest world news on our site. Subscribe to our newsletter.",
    ),
)


BASIL_OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def read_basil(folder: Path) -> list[GoldItem]:
    """BASIL articles (``YEAR/*.json``): title, date, paragraphs (lists of sentences), triplet-uuid."""
    items = []
    for path in sorted(folder.rglob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = [" ".join(p) if isinstance(p, list) else str(p) for p in data.get("body-paragraphs", [])]
        story = StoryText(
            doc_id=path.stem,
            title=data.get("title"),
            text="\n\n".join(paragraphs),
            published=data.get("date"),
        )
        outlet = BASIL_OUTLETS.get(str(data.get("source", "")).lower())
        items.append(GoldItem(story, gold=str(data["triplet-uuid"]), outlet=outlet))
    if not items:
        raise DataError(f"{folder}: no BASIL .json files; give ../shared/data/corpora/basil")
    return items


def _seed(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def wire_copy(story: StoryText, variant: int) -> StoryText:
    """The same article as a wire service would carry it: new headline, boilerplate, trimmed, date moved."""
    seed = _seed(f"{story.doc_id}:{variant}")
    paragraphs = _paragraphs(story.text)
    lead = re.split(r"(?<=[.!?])\s", paragraphs[0] if paragraphs else story.text, maxsplit=1)[0]
    headline = " ".join(lead.split()[:14]).rstrip(",;:")
    keep = max(1, round(len(paragraphs) * (0.4 + 0.4 * ((seed >> 4) % 100) / 100)))
    dateline, credit = _AGENCIES[(seed + variant) % len(_AGENCIES)]
    body = [f"WASHINGTON {dateline} — {paragraphs[0]}" if paragraphs else story.text, *paragraphs[1:keep]]
    published = story.published
    if published and seed % 2:
        published = (date.fromisoformat(published[:10]) + timedelta(days=1)).isoformat()
    return StoryText(
        doc_id=f"{story.doc_id}~wire{variant}",
        title=headline,
        text="\n\n".join([*body, "Advertisement", credit]),
        published=published,
    )


def _norm_title(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def read_whitehouse(path: Path, *, copies: bool = True) -> list[GoldItem]:
    """Documents naming a much-covered actor in their title, in ISO weeks with >= 3 of them, plus copies."""
    by_week: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in _read_jsonl(path):
        title, published, text = (
            row.get("title") or "",
            (row.get("published") or "")[:10],
            row.get("text") or "",
        )
        if not (title and published and text.strip()):
            continue
        topic = next((t for t in TOPICS if re.search(rf"\b{re.escape(t)}\b", title)), None)
        if topic is None:
            continue

        year, week, _ = date.fromisoformat(published).isocalendar()
        by_week[(topic, f"{year}-W{week:02d}")].append(row)
    items: list[GoldItem] = []
    seen: set[str] = set()
    for (topic, _week), rows in sorted(by_week.items()):
        if len(rows) < 3:
            continue
        for row in rows:
            if row["id"] in seen:  # a title naming two topics: keep the first
                continue
            seen.add(row["id"])
            published = row["published"][:10]
            story = StoryText(row["id"], row["title"], row["text"], published)
            gold = f"{published}|{_norm_title(row['title'])}"
            items.append(GoldItem(story, gold=gold, topic=topic, outlet=row.get("outlet")))
    if not items:
        raise DataError(
            f"{path}: no White House documents found; give ../shared/data/corpora/whitehouse-….jsonl.gz"
        )
    if copies:
        originals = list(items)
        for item in originals:
            seed = _seed(item.story.doc_id)
            # about half the statements get one wire copy, a fifth of those a second one
            count = (1 if seed % 2 == 0 else 0) + (1 if seed % 10 == 0 else 0)
            for variant in range(count):
                copy = wire_copy(item.story, variant)
                agency = _AGENCIES[(_seed(f"{item.story.doc_id}:{variant}") + variant) % len(_AGENCIES)][0]
                items.append(
                    GoldItem(
                        copy,
                        gold=item.gold,
                        topic=item.topic,
                        copy_of=item.story.doc_id,
                        outlet=agency.strip("()"),
                    )
                )
    return items


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """B-cubed precision and recall (Bagga & Baldwin 1998) of item -> cluster labels."""
    pred_members: dict[str, set[str]] = defaultdict(set)
    gold_members: dict[str, set[str]] = defaultdict(set)
    for item, label in predicted.items():
        pred_members[label].add(item)
    for item, label in gold.items():
        gold_members[label].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = pred_members[predicted[item]], gold_members[gold[item]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    return precision / len(gold), recall / len(gold)


def score(items: Sequence[GoldItem], clusters: Sequence[Cluster]) -> tuple[dict[str, float], dict[str, int]]:
    predicted = {doc_id: c.cluster for c in clusters for doc_id in c.doc_ids}
    gold = {i.story.doc_id: i.gold for i in items}
    precision, recall = bcubed(predicted, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
    }
    counts = {"documents": len(items), "gold_stories": len(set(gold.values())), "clusters": len(clusters)}
    wire = [i for i in items if i.copy_of]
    if wire:
        together = sum(predicted[i.story.doc_id] == predicted[i.copy_of or ""] for i in wire)
        metrics["copy_recall"] = round(together / len(wire), 4)
        # a gold story with copies should come out as one cluster counting one independent source
        stories_with_copies = {i.gold for i in wire}
        by_cluster = {c.cluster: c for c in clusters}
        right = 0
        for i in items:
            if not i.copy_of and i.gold in stories_with_copies:
                cluster = by_cluster[predicted[i.story.doc_id]]
                group = next(g for g in cluster.copies if i.story.doc_id in g)
                members = {x.story.doc_id for x in items if x.gold == i.gold}
                right += set(group) == members
        metrics["copy_independent_accuracy"] = round(right / len(stories_with_copies), 4)
        counts["wire_copies"] = len(wire)
    topical = [i for i in items if i.topic and not i.copy_of]
    if topical:
        week: dict[tuple[str, str], list[GoldItem]] = defaultdict(list)

        for i in topical:
            year, number, _ = date.fromisoformat(i.story.published or "").isocalendar()
            week[(i.topic or "", f"{year}-{number}")].append(i)
        apart = total = 0
        for same_week in week.values():
            for x, a in enumerate(same_week):
                for b in same_week[x + 1 :]:
                    if a.gold != b.gold:
                        total += 1
                        apart += predicted[a.story.doc_id] != predicted[b.story.doc_id]
        metrics["split_rate"] = round(apart / total, 4) if total else 1.0
        counts["same_week_pairs"] = total
    return metrics, counts


def evaluate(
    data: Path, *, limit: int | None = None, through_store: bool = False, db: Path | None = None
) -> EvalReport:
    """Cluster BASIL (a folder) or the White House set (a .jsonl[.gz] file) and score against gold stories.

    ``through_store``: run the documents through the real pipeline into a store (``db``, kept and reused,
    else a temporary one) and cluster with :func:`newsgraph.analysis.stories.story_clusters`, as
    `newsgraph ingest` then `newsgraph clusters` do; otherwise cluster the texts alone.
    """
    started = time.perf_counter()
    if data.is_dir():
        items = read_basil(data)
        name = "BASIL (same triplet-uuid = one story)"
    else:
        items = read_whitehouse(data)
        name = "White House, same actor same week, with wire copies"
    if limit is not None:
        # whole gold stories, so a subset is still a fair test
        keep = sorted({i.gold for i in items})[:limit]
        wanted = set(keep)
        items = [i for i in items if i.gold in wanted]
    notes = [
        "clustered with newsgraph.analysis.clusters.cluster_stories (TF-IDF cosine, average linkage, "
        "date window), the function the store uses"
    ]
    if through_store or db is not None:
        clusters = _through_store(items, db)
        notes = ["ingested by the real pipeline into a store, clustered by `newsgraph clusters`"]
        name += ", through the store"
    else:
        clusters = cluster_stories(i.story for i in items)
    metrics, counts = score(items, clusters)
    return EvalReport(
        stage="clusters",
        data=f"{data} — {name}",
        metrics=metrics,
        counts=counts,
        seconds=time.perf_counter() - started,
        notes=notes,
    )


def _through_store(items: Sequence[GoldItem], db: Path | None) -> list[Cluster]:
    import tempfile

    from newsgraph.analysis.stories import story_clusters
    from newsgraph.eval.stored import ingest, open_store

    wanted = {i.story.doc_id for i in items}
    with tempfile.TemporaryDirectory() as folder, open_store(db, Path(folder)) as store:
        ingest(items, store)
        found = story_clusters(store)
    # a kept store may hold more documents than this run scores: score the gold ones
    kept = []
    for cluster in found:
        ids = tuple(d for d in cluster.doc_ids if d in wanted)
        if ids:
            copies = tuple(g for g in (tuple(d for d in c if d in wanted) for c in cluster.copies) if g)
            kept.append(Cluster(ids[0], ids, copies, cluster.title, cluster.first, cluster.last))
    return kept
