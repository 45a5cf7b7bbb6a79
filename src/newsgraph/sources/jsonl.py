"""JSON Lines input: one article a line (`id`, `text` or `html`, optional title, url, outlet, published)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.errors import InputError, MalformedInputError, TooLargeError
from newsgraph.inputs import RawInput, content_id
from newsgraph.records import Failure

_OPTIONAL = ("title", "url", "outlet", "published", "author")


def _line_failure(err: InputError, path: str, line: int) -> Failure:
    return Failure(
        doc_id=content_id(f"{path}:{line}"), code=err.code, message=err.message, path=path, line=line
    )


def parse_line(raw: bytes | str, *, path: str, line: int, max_bytes: int) -> RawInput | None:
    """One JSONL line to a RawInput; None for a blank line; raises a specific InputError otherwise."""
    if len(raw) > max_bytes:
        raise TooLargeError(
            f"{path}:{line}: line of {len(raw):,} bytes is over the limit", path=path, line=line
        )
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise MalformedInputError(
            f"{path}:{line}: not valid UTF-8 (JSON Lines must be UTF-8)", path=path, line=line
        ) from exc
    if not text.strip():
        return None
    try:
        obj: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"{path}:{line}: not valid JSON ({exc.msg})", path=path, line=line) from exc
    if not isinstance(obj, dict):
        raise MalformedInputError(f"{path}:{line}: expected a JSON object", path=path, line=line)
    body_text, body_html = obj.get("text"), obj.get("html")
    if not isinstance(body_text, str) and not isinstance(body_html, str):
        raise MalformedInputError(
            f"{path}:{line}: the object has no 'text' or 'html' string field", path=path, line=line
        )
    content = body_text if isinstance(body_text, str) else str(body_html)
    if not content.strip():
        raise MalformedInputError(f"{path}:{line}: the article text is empty", path=path, line=line)
    ident = obj.get("id")
    doc_id = str(ident) if ident not in (None, "") else content_id(content)
    extra = {key: str(obj[key]) if obj.get(key) not in (None, "") else None for key in _OPTIONAL}
    return RawInput(
        doc_id=doc_id,
        path=path,
        kind="text" if isinstance(body_text, str) else "html",
        content=content,
        line=line,
        verbatim=isinstance(body_text, str),
        **extra,
    )


def read_jsonl(lines: Iterable[bytes | str], *, path: str, max_bytes: int) -> Iterator[RawInput | Failure]:
    for number, raw in enumerate(lines, start=1):
        try:
            item = parse_line(raw, path=path, line=number, max_bytes=max_bytes)
        except InputError as err:
            yield _line_failure(err, path, number)
            continue
        if item is not None:
            yield item
