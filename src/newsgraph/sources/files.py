"""Paths, folders and globs to raw inputs; every unreadable thing becomes a Failure, never an exception."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from newsgraph.errors import (
    InputError,
    MissingPathError,
    UnreadableError,
)
from newsgraph.inputs import RawInput, content_id
from newsgraph.records import Failure
from newsgraph.sources.decode import check_size, decode, gunzip
from newsgraph.sources.feeds import looks_like_feed, read_feed
from newsgraph.sources.jsonl import read_jsonl
from newsgraph.sources.warc import read_warc

DEFAULT_MAX_BYTES = 20_000_000

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc",)
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES


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
    name = str(path)
    suffix = _suffix(path)
    try:
        data = read_bytes(path, max_bytes=max_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(data.splitlines(), path=name, max_bytes=max_bytes)
            return
        if suffix in WARC_SUFFIXES:
            yield from read_warc(data, path=name, max_bytes=max_bytes)
            return
        if suffix in FEED_SUFFIXES or (suffix not in KNOWN_SUFFIXES and looks_like_feed(data)):
            yield from read_feed(data, path=name)
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
    if isinstance(paths, str):
        paths = [paths]
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
        elif item == "-":
            lines = stdin if stdin is not None else sys.stdin.buffer
            yield from read_jsonl(lines, path="-", max_bytes=max_bytes)
        else:
            assert isinstance(item, Path)
            yield from _read_file(item, max_bytes=max_bytes)
