"""Which language a document is in, among the languages international news mostly comes in."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "zh", "ja", "ko")
# Long texts do not get more certain after this many characters; classifying fewer keeps it cheap.
SAMPLE_CHARS = 4000


@functools.cache
def _identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; 'und' when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return "und"
    code, _ = _identifier().classify(sample)
    return str(code)
