"""WARC files: each HTML response record becomes one input; other records are passed over."""

from __future__ import annotations

import io
from collections.abc import Iterator

from newsgraph.errors import InputError, MalformedInputError
from newsgraph.inputs import RawInput, content_id
from newsgraph.records import Failure
from newsgraph.sources.decode import check_size, decode


def read_warc(data: bytes, *, path: str, max_bytes: int) -> Iterator[RawInput | Failure]:
    # Imported here: warcio takes 85 ms to load, and most runs read no WARC.
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode()
            if "html" not in ctype or status != "200":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read()
            try:
                check_size(len(body), max_bytes=max_bytes, path=f"{path} {url}")
                text, encoding = decode(body, path=f"{path} {url}", html=True)
            except InputError as err:
                yield Failure(
                    doc_id=content_id(body or (url or "").encode()),
                    code=err.code,
                    message=err.message,
                    path=path,
                    line=number,
                )
                continue
            yield RawInput(
                doc_id=content_id((url or "").encode() + body),
                path=path,
                kind="html",
                content=text,
                url=url,
                line=number,
                encoding=encoding,
            )
    except ArchiveLoadFailed as exc:
        bad = MalformedInputError(f"{path}: not a readable WARC file ({exc})")
        yield Failure(doc_id=content_id(data), code=bad.code, message=bad.message, path=path)
