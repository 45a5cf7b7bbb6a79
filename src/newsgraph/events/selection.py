"""Which of the rule coder's candidate events a sentence really reports: the learned models decide.

The rules find triggers, actors, dates and factuality; two trained models (``training/events.py``) then
judge each sentence. The relevance model asks whether the sentence, and the document around it, is about
politics at all (sport, weather, accidents and products carry no events, whatever verbs they use). The
quad model reads the sentence with its candidates and gives a probability to each quad class, 0 meaning
no event (or a bare statement): when 0 wins, the sentence yields nothing; otherwise the candidate whose
quad class is likeliest is the sentence's main event, and other candidates stay when their class is
plausible too. The thresholds are data (``data/selection.json``), chosen on the dev split and on the
relevance dev pages, never on a test file.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from spacy.tokens import Span

from newsgraph.errors import ModelFileCorruptError
from newsgraph.events.features import Candidate, eventive, topic
from newsgraph.events.model import LinearModel, load

SETTINGS = "selection.json"


@dataclass(frozen=True)
class Thresholds:
    sentence_relevance: float  # a sentence below it is not about politics
    document_relevance: float  # nor is any sentence of a document whose mean is below it
    secondary: float  # a candidate other than the main one stays when its class is at least this likely
    no_event: float  # a sentence reports no event when "no event" is the likeliest class and this likely


@functools.cache
def thresholds() -> Thresholds:
    text = resources.files("newsgraph.events").joinpath("data", SETTINGS).read_text(encoding="utf-8")
    try:
        raw = json.loads(text)
        found = Thresholds(**{k: float(raw[k]) for k in Thresholds.__dataclass_fields__})
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelFileCorruptError(f"events/data/{SETTINGS}: {exc}") from exc
    for name, value in vars(found).items():
        if not 0.0 <= value <= 1.0:
            raise ModelFileCorruptError(f"events/data/{SETTINGS}: {name} must lie in [0, 1], got {value}")
    return found


@dataclass(frozen=True)
class Models:
    quad: LinearModel
    relevance: LinearModel
    limits: Thresholds


def models() -> Models:
    """The shipped (or NEWSGRAPH_EVENT_MODELS) models, loaded once per process."""
    return Models(load("quad"), load("relevance"), thresholds())


def relevance(sentences: Sequence[Span], model: LinearModel) -> np.ndarray:
    """Each sentence's probability of being about politics."""
    probs = model.scores([topic(s) for s in sentences])
    return probs[:, model.classes.index(1)] if len(sentences) else np.zeros(0)


def relevant(scores: np.ndarray, limits: Thresholds) -> np.ndarray:
    """Which sentences may carry events: political enough themselves, in a political enough document."""
    if not len(scores) or float(np.mean(scores)) < limits.document_relevance:
        return np.zeros(len(scores), dtype=bool)
    return np.asarray(scores >= limits.sentence_relevance)


@dataclass(frozen=True)
class Verdict:
    """The quad model's reading of one sentence: the probability of each class 0-4."""

    probs: np.ndarray

    def eventful(self, no_event: float) -> bool:
        """Unless "no event" is both the likeliest class and at least ``no_event`` likely."""
        return int(np.argmax(self.probs)) != 0 or float(self.probs[0]) < no_event

    @property
    def likeliest_event(self) -> int:
        """The likeliest class among the event classes 1-4, whatever the probability of no event."""
        return int(np.argmax(self.probs[1:])) + 1

    def of(self, quad_class: int) -> float:
        return float(self.probs[quad_class])


def judge(sentence: Span, candidates: Sequence[Candidate], model: LinearModel) -> Verdict:
    probs = model.scores([eventive(sentence, candidates)])[0]
    full = np.zeros(5)
    for column, quad in enumerate(model.classes):
        full[quad] = probs[column]
    return Verdict(full)
