"""``newsgraph.process``: texts, paths or dicts in, typed records out, without a store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newsgraph.pipeline import Pipeline
from newsgraph.records import Record

# The readers of texts, dicts and paths live with the other readers; re-exported for the library surface.
from newsgraph.sources.memory import MEMORY_PATH, Input, raw_inputs

__all__ = ["MEMORY_PATH", "Input", "process", "raw_inputs"]


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
