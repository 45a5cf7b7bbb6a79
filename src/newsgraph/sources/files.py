"""Paths, folders and globs to raw inputs; every unreadable thing becomes a Failure, never an exception."""

from __future__ import annotations

import glob
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsgraph.errors import (
    InputError,
    MissingPathError,
    UnreadableError,
)
from newsgraph.records import Failure
from newsgraph.sources.decode import check_size, decode, gunzip

InputKind = Literal["text", "html"]

DEFAULT_MAX_BYTES = 20_000_000

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES


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
    """A stable document id from the raw content: the same bytes give the same id on every run."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:16]


def _suffix(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def expand(paths: Sequence[str]) -> Iterator[Path | Failure | str]:
    """Each argument as files: a folder recursively (known suffixes only), a glob, a file, or '-'."""
    for arg in paths:
        if arg == "-":
            yield "-"
            continue
        if any(ch in arg for ch in "*?["):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                err = MissingPathError(f"{arg}: no file matches this pattern", path=arg)
                yield Failure(doc_id=content_id(arg), code=err.code, message=err.message, path=arg)
            for match in matches:
                if os.path.isfile(match):
                    yield Path(match)
            continue
        path = Path(arg)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    if _suffix(child) in KNOWN_SUFFIXES and not name.startswith("."):
                        yield child
        elif path.exists() or path.is_symlink():
            yield path
        else:
            err = MissingPathError(f"{arg}: no such file or folder", path=arg)
            yield Failure(doc_id=content_id(arg), code=err.code, message=err.message, path=arg)


def _failure(err: InputError, path: str, ident: str | None = None) -> Failure:
    return Failure(
        doc_id=ident or content_id(path), code=err.code, message=err.message, path=path, line=err.line
    )


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise MissingPathError(f"{name}: no such file (a broken link?)", path=name) from exc
    check_size(size, max_bytes=max_bytes, path=name)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise UnreadableError(
            f"{name}: permission denied; check the file's owner and mode", path=name
        ) from exc
    except IsADirectoryError as exc:
        raise UnreadableError(f"{name}: is a folder, not a file", path=name) from exc
    except OSError as exc:
        raise UnreadableError(f"{name}: cannot be read ({exc.strerror})", path=name) from exc
    if name.lower().endswith(".gz"):
        data = gunzip(data, max_bytes=max_bytes, path=name)
    check_size(len(data), max_bytes=max_bytes, path=name)
    return data


def _read_file(path: Path, *, max_bytes: int) -> Iterator[RawInput | Failure]:
    from newsgraph.sources import feeds, jsonl, warc

    name = str(path)
    suffix = _suffix(path)
    try:
        data = read_bytes(path, max_bytes=max_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from jsonl.read_jsonl(data.splitlines(), path=name, max_bytes=max_bytes)
            return
        if suffix in WARC_SUFFIXES:
            yield from warc.read_warc(data, path=name, max_bytes=max_bytes)
            return
        if suffix in FEED_SUFFIXES or (suffix not in KNOWN_SUFFIXES and feeds.looks_like_feed(data)):
            yield from feeds.read_feed(data, path=name)
            return
        is_html = suffix in HTML_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _sniff_html(data))
        text, encoding = decode(data, path=name, html=is_html)
        yield RawInput(
            doc_id=content_id(data),
            path=name,
            kind="html" if is_html else "text",
            content=text,
            encoding=encoding,
        )
    except InputError as err:
        yield _failure(err, name)


def _sniff_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def iter_inputs(
    paths: Sequence[str] | str, *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: Iterable[bytes] | None = None
) -> Iterator[RawInput | Failure]:
    """Every article in the given paths, in a stable order; what cannot be read comes as a Failure."""
    from newsgraph.sources import jsonl

    if isinstance(paths, str):
        paths = [paths]
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif item == "-":
            lines = stdin if stdin is not None else sys.stdin.buffer
            yield from jsonl.read_jsonl(lines, path="-", max_bytes=max_bytes)
        else:
            assert isinstance(item, Path)
            yield from _read_file(item, max_bytes=max_bytes)
