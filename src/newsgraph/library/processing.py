"""``newsgraph.process``: texts, paths or dicts in, typed records out, without a store."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError, UnsupportedInputError
from newsgraph.pipeline import Pipeline
from newsgraph.records import Failure, Record
from newsgraph.sources import RawInput, iter_inputs
from newsgraph.sources.files import DEFAULT_MAX_BYTES, content_id
from newsgraph.sources.jsonl import parse_line

Input: TypeAlias = str | Path | Mapping[str, Any]
"""A text (kept verbatim), a file or folder (``Path``), or a JSONL-style dict (``id``, ``text``, ...)."""

# What Document.path says for inputs that came from memory rather than a file.
MEMORY_PATH = "<input>"


def _one(item: Input, number: int) -> Iterator[RawInput | Failure]:
    if isinstance(item, Path):
        yield from iter_inputs([str(item)])
        return
    # A text is a JSONL line with only `text`, so both take the one path the CLI takes for JSONL.
    obj: Any = {"text": item} if isinstance(item, str) else dict(item)
    try:
        line = json.dumps(obj, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        yield Failure(
            doc_id=content_id(f"{MEMORY_PATH}:{number}"),
            code=MalformedInputError.code,
            message=f"input {number}: the dict is not JSON-serialisable ({exc})",
            path=MEMORY_PATH,
            line=number,
        )
        return
    try:
        raw = parse_line(line, path=MEMORY_PATH, line=number, max_bytes=DEFAULT_MAX_BYTES)
    except InputError as err:
        yield Failure(
            doc_id=content_id(f"{MEMORY_PATH}:{number}"),
            code=err.code,
            message=err.message,
            path=MEMORY_PATH,
            line=number,
        )
        return
    if raw is None:
        yield Failure(
            doc_id=content_id(f"{MEMORY_PATH}:{number}"),
            code=EmptyInputError.code,
            message=f"input {number}: the text is empty",
            path=MEMORY_PATH,
            line=number,
        )
        return
    yield raw


def raw_inputs(inputs: Input | Iterable[Input]) -> Iterator[RawInput | Failure]:
    """The raw inputs ``process`` analyses: one per text or dict, every article of a path.

    >>> [r.doc_id for r in raw_inputs({"id": "a1", "text": "Kim met Putin."})]
    ['a1']
    >>> raw = next(raw_inputs("Kim met Putin."))
    >>> raw.doc_id == content_id("Kim met Putin."), raw.verbatim
    (True, True)
    """
    if isinstance(inputs, str | Path | Mapping):
        yield from _one(inputs, 1)
        return
    for number, item in enumerate(inputs, start=1):
        if not isinstance(item, str | Path | Mapping):
            yield Failure(
                doc_id=content_id(f"{MEMORY_PATH}:{number}"),
                code=UnsupportedInputError.code,
                message=f"input {number}: a {type(item).__name__}; give a str text, a Path or a dict",
                path=MEMORY_PATH,
                line=number,
            )
            continue
        yield from _one(item, number)


def process(
    inputs: Input | Iterable[Input],
    *,
    published: str | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    pipeline: Pipeline | None = None,
    language: str | None = None,
) -> Iterator[Record]:
    """Analyse texts, paths or dicts and yield typed records: per document its Document, then its Entity,
    Timex, Claim and Event records; a Failure for an input that could not be processed.

    A ``str`` is an article text, kept verbatim (its ``doc_id`` is a hash of the text, offsets index it);
    a ``Path`` is read like ``newsgraph extract PATH``; a dict is a JSON Lines article (``id``, ``text`` or
    ``html``, ``title``, ``url``, ``outlet``, ``published``). ``published`` and ``outlet`` given here win
    over what the input says; so does ``language`` ("en" parses every input as English, whatever the
    detector says). Pass a :class:`newsgraph.Pipeline` to choose stages or batch size once.

    >>> import newsgraph
    >>> text = "Russia and North Korea signed a defense pact in Pyongyang on Wednesday."
    >>> records = list(newsgraph.process(text, published="2024-06-19"))
    >>> [r.type for r in records][:1], records[0].published
    (['document'], '2024-06-19')
    >>> [(t.text, t.value) for t in records if isinstance(t, newsgraph.Timex)]
    [('Wednesday', '2024-06-19')]
    """
    runner = pipeline or Pipeline(batch_size=batch_size)
    for batch in runner.run(raw_inputs(inputs), published=published, outlet=outlet, language=language):
        for analysis in batch.analyses:
            yield from analysis.records()
        yield from batch.failures
