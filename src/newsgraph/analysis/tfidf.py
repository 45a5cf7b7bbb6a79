"""TF-IDF vectors of short news texts: our tokens and incident terms, weighted by scikit-learn."""

from __future__ import annotations

import re
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
# Marks an extra term, so that it never equals a word token.
_EXTRA = "\x00"


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stopwords; possessive 's folded so "Russia's" counts as "russia"."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.removesuffix("'s").removesuffix("’s")
        if len(word) > 1 and word not in STOPWORDS:
            out.append(word)
    return out


def _terms(doc: list[str]) -> list[str]:
    # The documents are handed over already split (tokens plus extras): the analyzer passes them through.
    return doc


def tfidf(
    texts: Sequence[str], extras: Sequence[Sequence[str]] | None = None, extra_weight: float = 1.0
) -> sparse.csr_matrix:
    """Rows L2-normalised, sublinear tf (1 + log tf), smoothed idf: the usual choice for similarity.

    ``extras`` are more terms per text, taken as given (not split into words) and weighted by
    ``extra_weight``: what a document says beyond its words, such as the incidents it reports.

    >>> tfidf(["Russia shelled Kharkiv", "Russia shelled Kyiv"]).shape
    (2, 4)
    """
    # Imported here: scikit-learn takes over a second to load, and only clustering and roundups need it.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    docs = [tokens(t) for t in texts]
    if extras is not None:
        docs = [words + [_EXTRA + term for term in more] for words, more in zip(docs, extras, strict=True)]
    if not any(docs):
        # No term at all (or no text): one empty column, so products with the matrix still work.
        return sparse.csr_matrix((len(docs), 1), dtype=np.float64)
    vectorizer = TfidfVectorizer(analyzer=_terms, sublinear_tf=True, smooth_idf=True, norm=None)
    matrix = vectorizer.fit_transform(docs)
    if extras is not None and extra_weight != 1.0:
        # Python strings, not numpy's: numpy drops the NUL a prefix test would look for.
        names = vectorizer.get_feature_names_out().tolist()
        matrix = matrix @ sparse.diags([extra_weight if n.startswith(_EXTRA) else 1.0 for n in names])
    normalised: sparse.csr_matrix = normalize(matrix, norm="l2").tocsr()
    return normalised
