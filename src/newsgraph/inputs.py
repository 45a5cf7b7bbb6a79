"""Raw inputs, one per article as read and before extraction, and the stable ids they carry.

This module sits on the floor beside ``records``: the readers in ``sources/`` make raw inputs, and
``extract/``, the pipeline and the Dask tasks consume them, so none of those has to import a reader.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

InputKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article as read, before extraction: its text or HTML and what the container said of it."""

    doc_id: str
    path: str
    kind: InputKind
    content: str
    line: int | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    author: str | None = None
    # JSONL `text` is kept exactly as given: offsets must index the user's input.
    verbatim: bool = False
    encoding: str | None = None


def content_id(data: bytes | str) -> str:
    """A stable document id from the raw content: the same bytes give the same id on every run.

    >>> content_id("Kim met Putin.") == content_id(b"Kim met Putin."), len(content_id(b""))
    (True, 16)
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:16]
