"""The kind of a claim, from its cue and then its content."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.claims.lexicon import WEAK_KINDS, load_lexicon
from newsgraph.records import ClaimKind

_WORD = re.compile(r"[a-z]+")


def claim_kind(cue_kind: ClaimKind, content_lemmas: Iterable[str]) -> ClaimKind:
    """A strong cue (warned, predicted, denied) decides; a weak one (said, pointed out) defers to the content.

    ``content_lemmas`` are the lowercased lemmas of the content's words: "there is a concern that the war
    will be prolonged", said or pointed out, is a warning; "cooperation would deepen" a prediction.
    """
    if cue_kind not in WEAK_KINDS:
        return cue_kind
    lemmas = set(content_lemmas)
    for marker, kind in load_lexicon().markers:
        if marker in lemmas:
            return kind
    return cue_kind


def text_lemmas(text: str) -> list[str]:
    """A crude lemma list for content held only as text (no parse): lowercased words."""
    return _WORD.findall(text.lower())
