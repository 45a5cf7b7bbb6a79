"""A gold story's article, shared by the clustering scorer and the store-backed run that ingests it."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.analysis.clusters import StoryText


@dataclass(frozen=True)
class GoldItem:
    story: StoryText
    gold: str  # the gold story id
    topic: str | None = None
    copy_of: str | None = None  # the doc_id of the original, for a wire copy
    outlet: str | None = None
