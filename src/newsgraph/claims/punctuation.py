"""Attributions made by punctuation, not verbs: "Pence: …" headlines and transcripts, "“…” ― Name"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.claims.lexicon import rules
from newsgraph.records import Span

_NAME = r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|the|de|van|von|al))*"
# "Pat Caddell: Democrat voters worried …", "WALLACE: If I may, sir, …" — a short name opening a line.
_COLON = re.compile(rf"^[ \t]*(?P<source>{_NAME})(?P<cue>:)[ \t]+(?P<content>\S[^\n]*)", re.MULTILINE)
# "“… is scary.”― Pamela Padilla" — a quotation signed after a dash at the end of its line.
_DASH = re.compile(
    rf"(?P<content>[“”\"][^\n]+?[”\"])[ \t]*(?P<cue>[―—–]|--)[ \t]*(?P<source>{_NAME})[ \t]*$", re.MULTILINE
)
_MAX_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class PunctuatedAttribution:
    source: Span
    cue: Span
    content: Span


def find_punctuated(text: str) -> list[PunctuatedAttribution]:
    """Colon-introduced and dash-signed attributions, in text order."""
    found = []
    for pattern in (_COLON, _DASH):
        for m in pattern.finditer(text):
            name = m.group("source")
            if len(name.split()) > _MAX_NAME_WORDS or name.lower().strip() in rules().not_sources:
                continue
            content = m.span("content")
            if len(text[content[0] : content[1]].split()) < 3:
                continue
            found.append(PunctuatedAttribution(m.span("source"), m.span("cue"), content))
    return sorted(found, key=lambda a: a.cue)
