"""The learned parts of the event coder: linear models over hashed terms and a sentence vector.

A model is two files in the models folder: ``NAME.npz`` (weights) and ``NAME.json`` (what it was trained
on, its classes, the split and seed, the scores it made, and the weights' SHA-256). They ship with the
package and are rebuilt by ``make train`` (``newsgraph train events``); ``NEWSGRAPH_EVENT_MODELS`` points at
a folder of one's own. Scoring is numpy only: no scikit-learn at run time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from newsgraph.errors import ModelFileCorruptError, ModelFileMissingError
from newsgraph.events.features import VECTOR_WIDTH, Sentence, columns

MODELS_ENV = "NEWSGRAPH_EVENT_MODELS"
REBUILD = (
    "rebuild it with `make train` (or `newsgraph train events --out DIR`, then NEWSGRAPH_EVENT_MODELS=DIR)"
)


@dataclass(frozen=True)
class LinearModel:
    """Multinomial (or binary) logistic regression: ``terms`` weighs hashed columns, ``dense`` the vector."""

    name: str
    classes: tuple[int, ...]
    bits: int
    terms: npt.NDArray[np.float32]  # (rows, 2**bits); one row for a binary model
    dense: npt.NDArray[np.float32]  # (rows, VECTOR_WIDTH)
    intercept: npt.NDArray[np.float32]  # (rows,)
    meta: dict[str, Any]

    def scores(self, sentences: Sequence[Sentence]) -> npt.NDArray[np.float64]:
        """Class probabilities, one row per sentence, columns in ``classes`` order."""
        if not sentences:
            return np.zeros((0, len(self.classes)))
        logits = np.empty((len(sentences), self.terms.shape[0]))
        vectors = np.stack([s.vector for s in sentences])
        dense = vectors @ self.dense.T + self.intercept
        for i, sentence in enumerate(sentences):
            cols = columns(sentence.terms, self.bits)
            logits[i] = dense[i] + self.terms[:, cols].sum(axis=1)
        if self.terms.shape[0] == 1:
            p = 1.0 / (1.0 + np.exp(-logits[:, 0]))
            return np.column_stack([1.0 - p, p])
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probs: npt.NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
        return probs

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        weights = folder / f"{self.name}.npz"
        np.savez_compressed(weights, terms=self.terms, dense=self.dense, intercept=self.intercept)
        meta = {
            **self.meta,
            "name": self.name,
            "classes": list(self.classes),
            "bits": self.bits,
            "sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
        }
        (folder / f"{self.name}.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")


def models_folder() -> Path:
    explicit = os.environ.get(MODELS_ENV)
    if explicit:
        return Path(explicit)
    return Path(str(resources.files("newsgraph.events").joinpath("data", "models")))


def read(folder: Path, name: str) -> LinearModel:
    """Load one model, checking that its weights are the ones its manifest names."""
    weights, manifest = folder / f"{name}.npz", folder / f"{name}.json"
    for path in (weights, manifest):
        if not path.is_file():
            raise ModelFileMissingError(f"the event model file {path} is missing: {REBUILD}", path=str(path))
    try:
        meta = json.loads(manifest.read_text(encoding="utf-8"))
        blob = weights.read_bytes()
        if hashlib.sha256(blob).hexdigest() != meta["sha256"]:
            raise ValueError("the weights' SHA-256 differs from the manifest's")
        with np.load(weights) as arrays:
            terms, dense, intercept = arrays["terms"], arrays["dense"], arrays["intercept"]
        classes = tuple(int(c) for c in meta["classes"])
        bits = int(meta["bits"])
        rows = 1 if len(classes) == 2 else len(classes)
        if (
            terms.shape != (rows, 1 << bits)
            or dense.shape != (rows, VECTOR_WIDTH)
            or intercept.shape != (rows,)
        ):
            raise ValueError(f"weight shapes {terms.shape}, {dense.shape}, {intercept.shape} do not fit")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelFileCorruptError(
            f"the event model {weights} cannot be read ({exc}): {REBUILD}", path=str(weights)
        ) from exc
    return LinearModel(name, classes, bits, terms, dense, intercept, meta)


@functools.cache
def load(name: str, folder: str | None = None) -> LinearModel:
    """A shipped (or NEWSGRAPH_EVENT_MODELS) model, loaded once per process."""
    return read(Path(folder) if folder else models_folder(), name)
