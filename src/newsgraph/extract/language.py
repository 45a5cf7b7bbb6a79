"""Which language a document is in, among the languages international news mostly comes in.

The detector (py3langid) is sure of long texts and of most short ones, but a short sentence that is
mostly names ("Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019.") reads to it as Dutch
or Portuguese with low confidence. So its answer is taken only when it is confident, or when the text
is not in the Latin script (Cyrillic, Arabic, Han, Hangul, kana: the script itself rules English out);
a Latin-script text it is unsure of is processed as English and flagged, never silently dropped.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "zh", "ja", "ko")
# Long texts do not get more certain after this many characters; classifying fewer keeps it cheap.
SAMPLE_CHARS = 4000
# Fewer letters than this and no language can be told ("und", parsed as English).
MIN_LETTERS = 20
# Below this confidence a Latin-script text is taken as English: short English sentences full of names
# score 0.27-0.6 for Dutch or Portuguese, while genuine short French, Spanish or German sentences score
# 0.88-1.0 (tests/extract/test_language.py keeps both sides).
CONFIDENT = 0.8
# A text this Latin (share of its letters) could be English; below it the script decides.
LATIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Language:
    """What the text is taken to be, and why."""

    code: str  # ISO 639-1, or "und"
    detected: str  # the detector's own answer
    confidence: float  # the detector's probability for ``detected``
    uncertain: bool = False  # ``code`` is English only because the detector was unsure

    def flags(self) -> tuple[str, ...]:
        """Document flags that say what was decided: ``language-uncertain:nl@0.27``."""
        if self.uncertain:
            return (f"language-uncertain:{self.detected}@{self.confidence:.2f}",)
        return ()


@functools.cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def latin_share(text: str) -> float:
    """The share of the text's letters that are Latin script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    latin = sum(1 for ch in letters if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters)


def identify(text: str) -> Language:
    """The language to process ``text`` as, with the detector's answer and confidence."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return Language("und", "und", 0.0)
    code, probability = _identifier().classify(sample)
    detected, confidence = str(code), float(probability)
    if detected == "en" or confidence >= CONFIDENT or latin_share(sample) < LATIN_SHARE:
        return Language(detected, detected, confidence)
    return Language("en", detected, confidence, uncertain=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language to process the text as; 'und' when there is too little to tell."""
    return identify(text).code
