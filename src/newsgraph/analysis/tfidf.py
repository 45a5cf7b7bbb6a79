"""TF-IDF vectors of short news texts, with numpy/scipy only (no scikit-learn dependency for one matrix)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse  # type: ignore[import-untyped]

_WORD = re.compile(r"[a-z0-9][a-z0-9'’\-]*[a-z0-9]|[a-z]")
# Function words carry no topic; without them the cosine of two unrelated articles drops near zero.
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just let me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own said same says she
    should so some such than that the their theirs them themselves then there these they this those through
    to too under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves mr mrs ms one two new year years told say according
    """
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stopwords; possessive 's folded so "Russia's" counts as "russia"."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.removesuffix("'s").removesuffix("’s")
        if len(word) > 1 and word not in STOPWORDS:
            out.append(word)
    return out


def tfidf(
    texts: Sequence[str], extras: Sequence[Sequence[str]] | None = None, extra_weight: float = 1.0
) -> sparse.csr_matrix:
    """Rows L2-normalised, sublinear tf (1 + log tf), smoothed idf: the usual choice for similarity.

    ``extras`` are more terms per text, taken as given (not split into words) and weighted by
    ``extra_weight``: what a document says beyond its words, such as the incidents it reports.
    """
    counts = [Counter(tokens(t)) for t in texts]
    weights: dict[str, float] = {}
    if extras is not None:
        for count, more in zip(counts, extras, strict=True):
            for term in more:
                key = f"\x00{term}"  # never a word token
                count[key] += 1
                weights[key] = extra_weight
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
        for word in c:
            vocab.setdefault(word, len(vocab))
    n = len(texts)
    idf = np.zeros(len(vocab))
    for word, j in vocab.items():
        idf[j] = math.log((1 + n) / (1 + df[word])) + 1.0
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, c in enumerate(counts):
        for word, tf in c.items():
            j = vocab[word]
            rows.append(i)
            cols.append(j)
            vals.append((1.0 + math.log(tf)) * idf[j] * weights.get(word, 1.0))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)), dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    normalised: sparse.csr_matrix = sparse.diags(1.0 / norms) @ matrix
    return normalised.tocsr()
