"""Train the event coder's two models from labelled sentences: what ``make train`` runs.

- ``quad``: the sentence's quad class (0 no event or a bare statement/appeal, 1-4 the Phoenix quads)
  from its words, main verb, entity labels and the rule coder's candidate events.
- ``relevance``: whether a sentence is about politics at all, from its words and vector; sport, weather,
  accidents, products and the like are 0.

Honest evaluation: the labelled file is split into train and dev by quad class with a fixed seed
(``SEED``, ``DEV_FRACTION``); the models are fitted on the train part only, so dev scores are out of
sample. The visible test file is never read here.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from newsgraph.components import FACTORIES
from newsgraph.errors import DataError, StageError
from newsgraph.events.coder import Ranked, as_candidate, code_ranked
from newsgraph.events.features import VECTOR_WIDTH, Sentence, columns, eventive, topic
from newsgraph.events.model import LinearModel
from newsgraph.nlp.model import parse
from newsgraph.pipeline import docs as pipeline_docs
from newsgraph.pipeline import pipeline_nlp
from newsgraph.records import Claim, Document, Failure

SEED = 14
DEV_FRACTION = 0.2
TERM_BITS = 16
QUAD_C = 1.0
RELEVANCE_C = 1.0
QUAD_CLASSES = (0, 1, 2, 3, 4)
# The Lee corpus ships inside gensim's wheel; its labels are ours (train/lee-relevance.md).
LEE_PACKAGE = "gensim"
LEE_FOLDER = "test/test_data"


@dataclass(frozen=True)
class Labelled:
    """A labelled sentence: ``text``, ``quad_class`` and ``actors``, as in ConfliBERT's CAMEO files."""

    text: str
    quad_class: int
    actors: tuple[dict[str, Any], ...] | None = None


def read_labelled(path: Path) -> list[Labelled]:
    """Labelled sentences from a JSON Lines file; a malformed line is an error naming it."""
    rows: list[Labelled] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc})", path=str(path)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, quad = obj["text"], int(obj["quad_class"])
        except (ValueError, KeyError, TypeError) as exc:
            raise DataError(
                f"{path}:{number}: expected a JSON object with 'text' and 'quad_class' ({exc})",
                path=str(path),
                line=number,
            ) from exc
        if quad not in QUAD_CLASSES or not isinstance(text, str) or not text.strip():
            raise DataError(
                f"{path}:{number}: 'quad_class' must be 0-4 and 'text' a non-empty string",
                path=str(path),
                line=number,
            )
        actors = obj.get("actors")
        rows.append(Labelled(text, quad, tuple(actors) if isinstance(actors, list) else None))
    if not rows:
        raise DataError(f"{path}: no labelled sentences", path=str(path))
    return rows


def split(
    rows: Sequence[Labelled], seed: int = SEED, dev_fraction: float = DEV_FRACTION
) -> tuple[list[Labelled], list[Labelled]]:
    """Train and dev parts, stratified by quad class, the same for the same rows and seed."""
    rng = random.Random(seed)
    dev: set[int] = set()
    for quad in QUAD_CLASSES:
        ids = [i for i, r in enumerate(rows) if r.quad_class == quad]
        rng.shuffle(ids)
        dev.update(ids[: round(len(ids) * dev_fraction)])
    return [r for i, r in enumerate(rows) if i not in dev], [r for i, r in enumerate(rows) if i in dev]


@dataclass(frozen=True)
class LeeDocument:
    key: str
    label: str
    text: str


def read_lee(labels: Path) -> list[LeeDocument]:
    """The Lee corpus stories with our labels; the text comes from the installed gensim package."""
    try:
        folder = resources.files(LEE_PACKAGE).joinpath(LEE_FOLDER)
    except ModuleNotFoundError as exc:
        raise DataError(
            "training the relevance model reads the Lee news corpus from the gensim package: "
            "`pip install gensim==4.4.0` (it is in the project's dev extra)"
        ) from exc
    texts: dict[str, list[str]] = {}
    out: list[LeeDocument] = []
    with labels.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = row["file"]
            if name not in texts:
                # lee.cor holds one Latin-1 byte (a pound sign); the other file is ASCII.
                texts[name] = folder.joinpath(name).read_bytes().decode("latin-1").splitlines()
            out.append(LeeDocument(f"{name}:{row['index']}", row["label"], texts[name][int(row["index"])]))
    return out


@dataclass
class Design:
    """Rows of hashed term columns and vectors, with labels and weights, ready for scikit-learn."""

    bits: int
    columns: list[np.ndarray] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    def add(self, sentences: Iterable[Sentence], label: int, weight: float = 1.0) -> None:
        for s in sentences:
            self.columns.append(columns(s.terms, self.bits))
            self.vectors.append(s.vector)
            self.labels.append(label)
            self.weights.append(weight)

    def matrix(self) -> Any:
        from scipy.sparse import csr_matrix, hstack  # installed with scikit-learn

        indptr = np.cumsum([0, *(len(c) for c in self.columns)])
        data = np.ones(int(indptr[-1]))
        cols = np.concatenate(self.columns) if self.columns else np.zeros(0, dtype=np.int64)
        terms = csr_matrix((data, cols, indptr), shape=(len(self.columns), 1 << self.bits))
        terms.sum_duplicates()
        return hstack([terms, csr_matrix(np.vstack(self.vectors))]).tocsr()


def fit(name: str, design: Design, c: float, meta: dict[str, Any], balanced: bool = False) -> LinearModel:
    """A logistic regression over the design (scikit-learn, lbfgs: deterministic for the same rows)."""
    from sklearn.linear_model import LogisticRegression  # a core dependency; loaded only when training

    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None)
    model.fit(design.matrix(), np.array(design.labels), sample_weight=np.array(design.weights))
    coef = model.coef_.astype(np.float32)
    width = 1 << design.bits
    return LinearModel(
        name=name,
        classes=tuple(int(c) for c in model.classes_),
        bits=design.bits,
        terms=np.ascontiguousarray(coef[:, :width]),
        dense=np.ascontiguousarray(coef[:, width : width + VECTOR_WIDTH]),
        intercept=model.intercept_.astype(np.float32),
        meta={**meta, "C": c, "class_weight": "balanced" if balanced else None},
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@dataclass
class Trained:
    """The two models and what they were fitted on."""

    quad: LinearModel
    relevance: LinearModel | None  # None: trained without relevance labels, the existing model is kept
    train: list[Labelled]
    dev: list[Labelled]


@dataclass(frozen=True)
class Coded:
    """A text's parse, its ranked events (or candidates) and the claims the pipeline found in it."""

    doc: Doc
    ranked: list[Ranked]
    claims: list[Claim]


def code_texts(
    texts: Iterable[str], *, published: str | None = None, select: bool = True, batch_size: int = 64
) -> Iterator[Coded]:
    """Each text through the pipeline's components up to claims, then the event coder with its ranking
    (``select=False``: the rule coder's candidates, before the models judge them), as training needs."""
    documents = [Document(hashlib.sha1(t.encode()).hexdigest()[:16], t, published=published) for t in texts]
    for doc in pipeline_docs(documents, stages=("timex", "claims"), batch_size=batch_size):
        failure: Failure | None = doc._.newsgraph_failure
        if failure is not None:
            raise StageError(f"{failure.doc_id}: {failure.message}")
        document: Document = doc._.newsgraph_document
        claims: list[Claim] = doc._.newsgraph_claims
        ranked = code_ranked(
            doc, document, doc._.newsgraph_entities, doc._.newsgraph_timexes, claims, select=select
        )
        yield Coded(doc, ranked, claims)


def _quad_sentences(rows: Sequence[Labelled]) -> list[Sentence]:
    texts = [r.text for r in rows]
    return [
        eventive(coded.doc[:], [as_candidate(r) for r in coded.ranked])
        for coded in code_texts(texts, select=False)
    ]


def _topic_sentences(texts: Sequence[str], whole: bool) -> list[list[Sentence]]:
    """Each text's sentences as the relevance model reads them (``whole``: the text as one sentence)."""
    # The parse only, by the pipeline's own nlp (one model in the process, not a second load).
    parsed = parse(texts, batch_size=32, nlp=pipeline_nlp(), disable=FACTORIES)
    return [[topic(doc[:])] if whole else [topic(s) for s in doc.sents] for doc in parsed]


def train(labelled: Sequence[Path], lee_labels: Path | None, *, seed: int = SEED) -> Trained:
    """Fit both models on the train part of the labelled files (and the Lee stories for relevance)."""
    rows = [row for path in labelled for row in read_labelled(path)]
    train_rows, dev_rows = split(rows, seed)
    sources = {str(p): digest(p) for p in labelled}
    meta = {"seed": seed, "dev_fraction": DEV_FRACTION, "data": sources, "train_sentences": len(train_rows)}
    quad = Design(TERM_BITS)
    for quad_class in QUAD_CLASSES:
        part = [r for r in train_rows if r.quad_class == quad_class]
        quad.add(_quad_sentences(part), quad_class)
    relevance = Design(TERM_BITS)
    if lee_labels is not None:
        for sentences in _topic_sentences([r.text for r in train_rows], whole=True):
            relevance.add(sentences, 1)
        meta["lee_labels"] = digest(lee_labels)
        lee = [d for d in read_lee(lee_labels) if d.label in {"political", "non-political"}]
        for doc, sentences in zip(lee, _topic_sentences([d.text for d in lee], whole=False), strict=True):
            relevance.add(sentences, int(doc.label == "political"))
    if lee_labels is None:  # a relevance model needs negatives: without the Lee stories, keep the old one
        return Trained(quad=fit("quad", quad, QUAD_C, meta), relevance=None, train=train_rows, dev=dev_rows)
    return Trained(
        quad=fit("quad", quad, QUAD_C, meta),
        relevance=fit("relevance", relevance, RELEVANCE_C, meta, balanced=True),
        train=train_rows,
        dev=dev_rows,
    )


def write(trained: Trained, out: Path, keep_relevance_from: Path) -> list[Path]:
    """Save the models into ``out``; with no new relevance model, copy the one in ``keep_relevance_from``."""
    import shutil

    trained.quad.save(out)
    if trained.relevance is not None:
        trained.relevance.save(out)
    else:
        for suffix in (".npz", ".json"):
            source = keep_relevance_from / f"relevance{suffix}"
            if source.resolve() != (out / source.name).resolve():
                shutil.copyfile(source, out / source.name)
    return sorted(out.glob("*.npz")) + sorted(out.glob("*.json"))
