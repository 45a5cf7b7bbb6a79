"""Bytes to text: size limits, gzip, binary sniffing and encodings, each failure a specific error."""

from __future__ import annotations

import re
import zlib

from charset_normalizer import from_bytes

from newsgraph.errors import BinaryInputError, EmptyInputError, EncodingError, TooLargeError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_\-:]+)""", re.IGNORECASE)
# Control bytes that never appear in text (tab, newline, carriage return, form feed are allowed).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def gunzip(data: bytes, *, max_bytes: int, path: str) -> bytes:
    """Decompress with the size limit applied to the output, so a zip bomb is refused, not read."""
    stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = stream.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise BinaryInputError(f"{path}: not a valid gzip file ({exc})", path=path) from exc
    if len(out) > max_bytes:
        raise TooLargeError(
            f"{path}: decompresses to more than {max_bytes:,} bytes; raise max_bytes to read it", path=path
        )
    if not stream.eof:
        raise BinaryInputError(f"{path}: not a valid gzip file (truncated or corrupt)", path=path)
    return out


def check_size(size: int, *, max_bytes: int, path: str) -> None:
    if size > max_bytes:
        raise TooLargeError(
            f"{path}: {size:,} bytes is over the limit of {max_bytes:,}; "
            "raise it with --max-bytes (or NEWSGRAPH_MAX_BYTES) to read it",
            path=path,
        )


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = sum(1 for b in head if b in _CONTROL)
    return control / len(head) > 0.05


def decode(data: bytes, *, path: str, html: bool = False) -> tuple[str, str | None]:
    """Decode bytes to text; returns the text and the legacy encoding used, if any (None for UTF-8)."""
    if not data.strip():
        raise EmptyInputError(f"{path}: the file is empty", path=path)
    if looks_binary(data):
        raise BinaryInputError(
            f"{path}: binary content, not text or HTML (NUL or control bytes in the first 8 KB)", path=path
        )
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    if html:
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii", "replace")
            try:
                return data.decode(name), name.lower()
            except (LookupError, UnicodeDecodeError):
                pass
    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties are common between the single-byte Latin code pages; the web's usual one is windows-1252
        # (WHATWG decodes even declared latin-1 as it), so it wins a tie.
        for match in matches:
            tied = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.01
            if match.encoding == "cp1252" and tied:
                best = match
    if best is None or best.encoding is None:
        raise EncodingError(
            f"{path}: not valid UTF-8 and no legacy encoding fits; convert it to UTF-8 (e.g. with iconv)",
            path=path,
        )
    text = str(best)
    if not text.strip():
        raise EmptyInputError(f"{path}: no text after decoding", path=path)
    return text, best.encoding
