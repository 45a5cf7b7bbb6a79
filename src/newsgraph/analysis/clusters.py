"""Story clusters: documents about the same event grouped; near-duplicates and wire copies counted once.

Documents are TF-IDF vectors of title and lead. Two documents can only be linked when their dates are at
most ``window_days`` apart (a missing date never blocks a link), and each day between them lowers their
cosine. Clusters are grown by average linkage over those links: two clusters merge while the mean cosine
over all their cross pairs (pairs outside the window count as 0) is at least ``threshold``. Average
linkage, unlike linking every pair above the threshold, does not chain three statements on Ukraine in one
week into one story through a shared middle one. Inside a cluster, documents sharing at least
``duplicate`` of the shorter one's word 5-grams (or marked duplicates by extract) are copies of one
another: ``independent`` counts the groups of copies.

Through the store (:mod:`newsgraph.analysis.stories`) a document also carries the incidents it reports
that other documents report too: each weighs in the cosine as a shared word would, and two documents
sharing one are compared up to ``INCIDENT_WINDOW_DAYS`` apart (reports of one happening can come days
apart in other words).
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from newsgraph.analysis.tfidf import tfidf
from newsgraph.records import Document

THRESHOLD = 0.2
WINDOW_DAYS = 3
DUPLICATE = 0.8
_SHINGLE = 5
# Each day between two documents lowers their cosine by 5 %: reports of one event come close together, while
# statements on the same actors spread over the week (White House split rate 0.83 -> 0.85, BASIL unchanged).
DECAY = 0.05
_SHINGLE_CHARS = 7_000
# An incident two documents share weighs in their cosine as this many words they share would.
INCIDENT_WEIGHT = 1.0
# Documents sharing an incident are compared this many days apart (others: ``window_days``).
INCIDENT_WINDOW_DAYS = 7
_MAX_SHARING = 50
# Pairs below this cosine are dropped before linkage: they barely move a mean and would fill memory.
_FLOOR = 0.05
# Rows of the similarity matrix computed at once (a dense block of _CHUNK x window columns).
_CHUNK = 256


@dataclass(frozen=True, slots=True)
class StoryText:
    """What clustering reads of a document: title, text and publication date (ISO, may be missing)."""

    doc_id: str
    title: str | None
    text: str
    published: str | None
    duplicate_of: str | None = None
    # What the store knows beyond the words: the incidents the document reports that other documents
    # report too (newsgraph.analysis.stories fills it; the text alone leaves it empty).
    incidents: tuple[str, ...] = ()

    @classmethod
    def of(cls, document: Document) -> StoryText:
        return cls(document.doc_id, document.title, document.text, document.published, document.duplicate_of)


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story: its documents (earliest first) and their groups of copies."""

    cluster: str  # the doc_id of the story's earliest document
    doc_ids: tuple[str, ...]
    copies: tuple[tuple[str, ...], ...]  # one group per independent source, each earliest first
    title: str | None
    first: str | None
    last: str | None

    @property
    def independent(self) -> int:
        return len(self.copies)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "doc_ids": list(self.doc_ids),
            "size": len(self.doc_ids),
            "independent": self.independent,
            "copies": [list(group) for group in self.copies],
            "title": self.title,
            "first": self.first,
            "last": self.last,
        }


def _day(published: str | None) -> int | None:
    if not published or len(published) < 10:
        return None
    try:
        return dt.date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


# Only the title and the lead are compared: the lead names the event, later paragraphs repeat background that
# different statements on the same actors share (measured: White House split rate 0.69 -> 0.83, BASIL same).
LEAD_WORDS = 200


def _lead(text: str) -> str:
    # Words average under 7 characters; cutting first spares splitting a 20,000-word speech.
    return " ".join(text[: LEAD_WORDS * 12].split()[:LEAD_WORDS])


def similar_pairs(
    items: Sequence[StoryText], *, window_days: int = WINDOW_DAYS, floor: float = _FLOOR
) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) within the date window whose cosine is at least ``floor``."""
    # The title is repeated: it names the event, the body dilutes it with background.
    matrix = tfidf(
        [f"{s.title or ''}\n{s.title or ''}\n{_lead(s.text)}" for s in items],
        extras=[s.incidents for s in items],
        extra_weight=INCIDENT_WEIGHT,
    )
    days = [_day(s.published) for s in items]
    dated = sorted((d, i) for i, d in enumerate(days) if d is not None)
    undated = [i for i, d in enumerate(days) if d is None]
    order = np.array([i for _, i in dated], dtype=np.int64)
    sorted_days = [d for d, _ in dated]
    pairs: dict[tuple[int, int], float] = {}

    def keep(rows: np.ndarray, cols: np.ndarray, sims: np.ndarray) -> None:
        for r, c in zip(*np.nonzero(sims >= floor), strict=True):
            i, j = int(rows[r]), int(cols[c])
            if i != j:
                pairs[(min(i, j), max(i, j))] = float(sims[r, c])

    for start in range(0, len(order), _CHUNK):
        rows = order[start : start + _CHUNK]
        lo = bisect.bisect_left(sorted_days, sorted_days[start] - window_days)
        hi = bisect.bisect_right(sorted_days, sorted_days[min(start + _CHUNK, len(order)) - 1] + window_days)
        cols = order[lo:hi]
        sims = (matrix[rows] @ matrix[cols].T).toarray()
        row_days = np.array(sorted_days[start : start + len(rows)])[:, None]
        col_days = np.array(sorted_days[lo:hi])[None, :]
        gap = np.abs(row_days - col_days)
        sims *= 1.0 - DECAY * gap
        sims[gap > window_days] = 0.0
        keep(rows, cols, sims)
    if undated:
        rows = np.array(undated, dtype=np.int64)
        cols = np.arange(len(items), dtype=np.int64)
        keep(rows, cols, (matrix[rows] @ matrix.T).toarray())
    _shared_beyond_window(items, days, matrix, window_days, floor, pairs)
    return pairs


def _shared_beyond_window(
    items: Sequence[StoryText],
    days: list[int | None],
    matrix: Any,
    window_days: int,
    floor: float,
    pairs: dict[tuple[int, int], float],
) -> None:
    """Documents reporting one incident may be further apart than the window: the happening's date ties
    them, so they are compared up to ``INCIDENT_WINDOW_DAYS`` apart (the day decay still applies)."""
    sharing: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for incident in item.incidents:
            sharing[incident].append(i)
    for members in sharing.values():
        if len(members) > _MAX_SHARING:
            continue  # an incident half the corpus reports ties no story
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = days[i], days[j]
                if a is None or b is None or (min(i, j), max(i, j)) in pairs:
                    continue
                gap = abs(a - b)
                if window_days < gap <= INCIDENT_WINDOW_DAYS:
                    sim = float((matrix[i] @ matrix[j].T).toarray()[0, 0]) * (1.0 - DECAY * gap)
                    if sim >= floor:
                        pairs[(min(i, j), max(i, j))] = sim


def _average_linkage(n: int, pairs: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # total similarity between two live clusters, keyed both ways
    link: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in pairs.items():
        link[i][j] = s
        link[j][i] = s
    version = [0] * n
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        mean = link[a][b] / (len(members[a]) * len(members[b]))
        if mean >= threshold:
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for (i, j), _s in pairs.items():
        push(i, j)
    while heap:
        _neg, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        # merge b into a
        members[a] += members.pop(b)
        version[a] += 1
        for c, total in link.pop(b).items():
            del link[c][b]
            if c == a:
                continue
            link[a][c] = link[a].get(c, 0.0) + total
            link[c][a] = link[a][c]
        link[a].pop(a, None)
        for c in link[a]:
            push(a, c)
    return list(members.values())


def _shingles(text: str) -> set[int]:
    # The opening ~1,000 words decide: a wire copy keeps the start; hashing whole speeches is slow.
    words = re.findall(r"\w+", text[:_SHINGLE_CHARS].lower())
    return {hash(tuple(words[k : k + _SHINGLE])) for k in range(max(1, len(words) - _SHINGLE + 1))}


def _containment(a: set[int], b: set[int]) -> float:
    """Share of the shorter text's word 5-grams found in the longer: a trimmed wire copy scores near 1."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _copies(group: list[int], items: Sequence[StoryText], duplicate: float) -> list[list[int]]:
    if len(group) == 1:
        return [group]
    parent = {i: i for i in group}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_id = {items[i].doc_id: i for i in group}
    for i in group:
        original = items[i].duplicate_of
        if original in by_id:
            parent[root(i)] = root(by_id[original])
    shingles = {i: _shingles(items[i].text) for i in group}
    for x, i in enumerate(group):
        for j in group[x + 1 :]:
            if _containment(shingles[i], shingles[j]) >= duplicate:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in group:
        groups[root(i)].append(i)
    return list(groups.values())


def cluster_stories(
    items: Iterable[StoryText],
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    duplicate: float = DUPLICATE,
) -> list[Cluster]:
    """Group documents into stories; every document is in exactly one cluster (singletons included)."""
    stories = list(items)
    if not stories:
        return []
    pairs = similar_pairs(stories, window_days=window_days)
    days = [_day(s.published) for s in stories]

    def when(i: int) -> tuple[int, str]:
        d = days[i]
        return (d if d is not None else 10**9, stories[i].doc_id)

    clusters: list[Cluster] = []
    for group in _average_linkage(len(stories), pairs, threshold):
        group.sort(key=when)
        copies = sorted(
            (sorted(c, key=when) for c in _copies(group, stories, duplicate)), key=lambda c: when(c[0])
        )
        dates = [(stories[i].published or "")[:10] for i in group if days[i] is not None]
        clusters.append(
            Cluster(
                cluster=stories[group[0]].doc_id,
                doc_ids=tuple(stories[i].doc_id for i in group),
                copies=tuple(tuple(stories[i].doc_id for i in c) for c in copies),
                title=next((stories[i].title for i in group if stories[i].title), None),
                first=min(dates) if dates else None,
                last=max(dates) if dates else None,
            )
        )
    clusters.sort(key=lambda c: (c.first or "9999", c.cluster))
    return clusters
