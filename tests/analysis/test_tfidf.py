"""TF-IDF as clustering and roundups read it: sublinear tf, smoothed idf, L2 rows, extra terms weighted."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pytest

from newsgraph.analysis import tfidf as module
from newsgraph.analysis.tfidf import tfidf, tokens


def _by_hand(docs: list[list[str]], weights: dict[str, float]) -> dict[tuple[int, str], float]:
    """The weights written out: (1 + log tf) * (log((1 + n) / (1 + df)) + 1) * weight, each row L2-normed."""
    n = len(docs)
    df = {t: sum(t in d for d in docs) for d in docs for t in d}
    out: dict[tuple[int, str], float] = {}
    for i, doc in enumerate(docs):
        row = {
            t: (1 + math.log(doc.count(t))) * (math.log((1 + n) / (1 + df[t])) + 1) * weights.get(t, 1.0)
            for t in set(doc)
        }
        norm = math.sqrt(sum(v * v for v in row.values()))
        out.update({(i, t): v / norm for t, v in row.items()})
    return out


def test_cosines_match_the_formula() -> None:
    texts = [
        "Russia shelled Kharkiv; Russia's army shelled it again",
        "Russia shelled Kyiv",
        "Talks in Geneva",
    ]
    extras = [["inc-1"], ["inc-1", "inc-1"], []]
    matrix = tfidf(texts, extras=extras, extra_weight=2.0)
    docs = [tokens(t) + [f"\x00{e}" for e in more] for t, more in zip(texts, extras, strict=True)]
    expected = _by_hand(docs, {"\x00inc-1": 2.0})
    cosines = (matrix @ matrix.T).toarray()
    for i in range(3):
        for j in range(3):
            want = sum(v * expected.get((j, t), 0.0) for (row, t), v in expected.items() if row == i)
            assert cosines[i, j] == pytest.approx(want, abs=1e-12)


def test_an_extra_term_never_equals_a_word() -> None:
    matrix = tfidf(["russia", "moscow"], extras=[[], ["russia"]])
    assert (matrix @ matrix.T).toarray()[0, 1] == 0.0


def test_no_terms_give_an_empty_column() -> None:
    assert tfidf([]).shape == (0, 1)
    assert tfidf(["the and of", ""]).shape == (2, 1)
    assert np.all(tfidf(["the", "of"]).toarray() == 0.0)


def test_tokens_fold_possessives_and_drop_stopwords() -> None:
    assert tokens("Russia's army and the U.S. said") == ["russia", "army"]


def test_docstring_examples_run() -> None:
    assert doctest.testmod(module).failed == 0
