"""Citations: the document an analysed item comes from (title, outlet, date, link), read once per call."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from newsgraph.records import Document
from newsgraph.store import Store


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """The document an item was read from, as a reader cites it."""

    doc_id: str
    title: str | None
    outlet: str | None
    published: str | None
    link: str | None  # the URL, else the path the document was read from

    @classmethod
    def of(cls, document: Document) -> SourceDoc:
        return cls(
            document.doc_id,
            document.title,
            document.outlet,
            document.published,
            document.url or document.path,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SourceDocs:
    """A per-call cache of :class:`SourceDoc` by doc_id, so each document is read once."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._cache: dict[str, SourceDoc] = {}

    def __call__(self, doc_id: str) -> SourceDoc:
        if doc_id not in self._cache:
            self.load([doc_id])
        return self._cache[doc_id]

    def load(self, doc_ids: Iterable[str]) -> None:
        """Read these documents' summaries in one query (not their text nor their records)."""
        wanted = [d for d in dict.fromkeys(doc_ids) if d not in self._cache]
        for s in self._store.document_summaries(wanted):
            self._cache[s.doc_id] = SourceDoc(s.doc_id, s.title, s.outlet, s.published, s.url or s.path)
        for doc_id in wanted:
            self._cache.setdefault(doc_id, SourceDoc(doc_id, None, None, None, None))

    def prime(self, documents: list[Document]) -> None:
        for document in documents:
            self._cache[document.doc_id] = SourceDoc.of(document)
