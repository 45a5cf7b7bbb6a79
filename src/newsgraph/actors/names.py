"""Name keys: the one normal form every dictionary and every mention is looked up by."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
# Dots go (U.S. = US, U.N. = UN); hyphens, slashes and underscores separate words, as Phoenix writes them.
_SEPARATORS = re.compile(r"[-_/–—]+")
# Apostrophes become spaces, as countrynames writes its keys ("people s republic of china").
_DROP = re.compile(r"[^\w\s&]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """ASCII-folded text, case kept, dots dropped, separators and punctuation as single spaces."""
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.replace(".", "")
    folded = _SEPARATORS.sub(" ", folded)
    folded = _DROP.sub(" ", folded)
    return _SPACES.sub(" ", folded).strip()


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """The lookup key of a name: :func:`fold` in lower case ("the U.S." -> "the us")."""
    return fold(text).lower()


def slug(text: str) -> str:
    """An id-safe form of a name: "Vladimir Putin" -> "vladimir-putin"."""
    return "-".join(re.sub(r"[^a-z0-9 ]+", "", name_key(text)).split())
