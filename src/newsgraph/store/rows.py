"""Records to table rows and back; rows never leave the store package."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.records import (
    Actor,
    Claim,
    Document,
    Entity,
    Event,
    Failure,
    Mention,
    Record,
    Timex,
)
from newsgraph.store.codec import dump, load

_YEAR = re.compile(r"^\d{4}")


def _clean(value: str | None) -> str | None:
    # PostgreSQL text cannot hold NUL; U+FFFD keeps every character offset where it was.
    return value.replace("\x00", "\ufffd") if value is not None and "\x00" in value else value


_ESCAPED_NUL = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")


def json_text(value: Any) -> str:
    """JSON for the record columns; a NUL inside a string becomes U+FFFD, as in the text columns."""
    text = json.dumps(value, ensure_ascii=False)
    # json escapes NUL as \u0000 (an escaped backslash before "u0000" is literal text, not a NUL).
    return _ESCAPED_NUL.sub(r"\1\\ufffd", text) if "\\u0000" in text else text


def _json(record: Record) -> dict[str, Any]:
    return dump(record)


def _actor(mention: Mention | None) -> Actor | None:
    return mention.actor if mention is not None else None


def document_row(document: Document) -> dict[str, Any]:
    body = _json(document)
    del body["text"]  # kept once, in its own column
    return {
        "doc_id": document.doc_id,
        "content_hash": document.content_hash,
        "title": _clean(document.title),
        "outlet": _clean(document.outlet),
        "published": document.published,
        "language": document.language,
        "url": _clean(document.url),
        "path": _clean(document.path),
        "duplicate_of": document.duplicate_of,
        "text": _clean(document.text),
        "record": body,
    }


def entity_row(entity: Entity, seq: int) -> dict[str, Any]:
    actor = entity.actor
    return {
        "doc_id": entity.doc_id,
        "seq": seq,
        "label": entity.label,
        "text": _clean(entity.text),
        "actor_id": actor.id if actor else None,
        "actor_name": actor.name if actor else None,
        "actor_country": actor.country if actor else None,
        "record": _json(entity),
    }


def timex_row(timex: Timex, seq: int) -> dict[str, Any]:
    return {
        "doc_id": timex.doc_id,
        "seq": seq,
        "kind": timex.kind.value,
        "value": timex.value,
        "end_value": timex.end_value,
        "record": _json(timex),
    }


def claim_row(claim: Claim, seq: int, published: str | None) -> dict[str, Any]:
    actor = _actor(claim.source)
    return {
        "doc_id": claim.doc_id,
        "seq": seq,
        "claim_id": claim.id,
        "source_text": _clean(claim.source.text) if claim.source else None,
        "source_actor_id": actor.id if actor else None,
        "source_actor_name": actor.name if actor else None,
        "kind": claim.kind.value,
        "cue": _clean(claim.cue),
        "direct": claim.direct,
        "published": published,
        "record": _json(claim),
    }


def event_day(event: Event, published: str | None) -> str | None:
    """The date an event is filed under: its own when it has a calendar year, else its document's."""
    value = event.date.value if event.date else None
    if value and _YEAR.match(value):
        return value
    return published


def event_row(event: Event, seq: int, published: str | None) -> dict[str, Any]:
    source, target = _actor(event.source), _actor(event.target)
    return {
        "doc_id": event.doc_id,
        "seq": seq,
        "event_id": event.id,
        "event_type": event.event_type.value,
        "quad_class": event.quad_class,
        "factuality": event.factuality.value,
        "source_text": _clean(event.source.text) if event.source else None,
        "source_actor_id": source.id if source else None,
        "source_actor_name": source.name if source else None,
        "source_country": source.country if source else None,
        "target_text": _clean(event.target.text) if event.target else None,
        "target_actor_id": target.id if target else None,
        "target_actor_name": target.name if target else None,
        "target_country": target.country if target else None,
        "date_value": event.date.value if event.date else None,
        "day": event_day(event, published),
        "claim_id": event.claim_id,
        "record": _json(event),
    }


def failure_key(failure: Failure) -> str:
    """One key per (doc_id, path, line), so the same failure seen twice is one row."""
    parts = (failure.doc_id, failure.path or "", "" if failure.line is None else str(failure.line))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def failure_row(failure: Failure) -> dict[str, Any]:
    return {
        "failure_key": failure_key(failure),
        "doc_id": failure.doc_id,
        "path": _clean(failure.path),
        "line": failure.line,
        "code": failure.code,
        "message": _clean(failure.message),
    }


def document_from(row: Mapping[Any, Any]) -> Document:
    record = load({**row["record"], "text": row["text"]})
    if not isinstance(record, Document):
        raise StoreError(f"documents row holds a {record.type} record; the database was edited by hand")
    return record


def record_from(row: Mapping[Any, Any]) -> Record:
    return load(row["record"])


def failure_from(row: Mapping[Any, Any]) -> Failure:
    return Failure(
        doc_id=row["doc_id"], code=row["code"], message=row["message"], path=row["path"], line=row["line"]
    )
