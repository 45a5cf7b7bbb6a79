"""The Phoenix/PETRARCH CAMEO verb dictionary, read into verb entries with their object patterns.

The dictionary (MIT, Open Event Data; copy and licence in ``data/``) is written for PETRARCH's
treebank matcher. We keep what a dependency parse can check cheaply: a verb (optionally with a
particle such as ``ASK_FOR``), its default CAMEO code, and patterns whose words must occur before or
after the verb inside its clause. Order inside a pattern and the source/target markers are dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

DICTIONARY = "CAMEO.2.0.txt"
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
# Markers PETRARCH uses for source, target, compound actors and negation of a pattern word.
_MARKERS = {"$", "+", "%", "^", "*", "-", ""}


@dataclass(frozen=True, slots=True)
class Pattern:
    """Word sets that must all occur before / after the verb; ``code`` None means "not an event"."""

    before: tuple[frozenset[str], ...]
    after: tuple[frozenset[str], ...]
    code: str | None

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    particle: str | None
    code: str | None
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    verbs: dict[tuple[str, str | None], VerbEntry]

    def lookup(self, lemma: str, particle: str | None = None) -> VerbEntry | None:
        if particle is not None:
            entry = self.verbs.get((lemma, particle))
            if entry is not None:
                return entry
        return self.verbs.get((lemma, None))


def _first_code(raw: str) -> str | None:
    code = raw.strip().split(":")[0].strip()
    return None if not code or code.startswith("-") else code


def _words(text: str, synsets: dict[str, frozenset[str]]) -> tuple[frozenset[str], ...]:
    elements: list[frozenset[str]] = []
    for raw in re.split(r"[\s(){}]+", text):
        word = raw.strip().rstrip("_").lower()
        if raw.startswith("&"):
            members = synsets.get(raw.rstrip("_").upper())
            if members:
                elements.append(members)
            continue
        if word in {m.lower() for m in _MARKERS} or not word or not word[0].isalpha():
            continue
        # A multi-word item ("COMBAT_BRIGADES") is matched by its last word, the head of the phrase.
        elements.append(frozenset([word.split("_")[-1]]))
    return tuple(elements)


def _parse(text: str) -> VerbDictionary:
    synsets: dict[str, frozenset[str]] = {}
    verbs: dict[tuple[str, str | None], VerbEntry] = {}
    lines = [line.split("#", 1)[0].rstrip() for line in text.splitlines()]
    # Synonym sets first: patterns refer to them by name.
    current: str | None = None
    members: list[str] = []
    for line in lines:
        if line.startswith("&"):
            if current:
                synsets[current] = frozenset(members)
            current, members = line.strip().rstrip("_").upper(), []
        elif line.startswith("+") and current:
            members.append(line[1:].strip().rstrip("_").lower().replace("_", " ").split(" ")[-1])
        elif line.startswith("---"):
            break
    if current:
        synsets[current] = frozenset(members)

    block_code: str | None = None
    block_verbs: list[tuple[str, str | None, str | None]] = []
    block_patterns: list[Pattern] = []

    def flush() -> None:
        for lemma, particle, code in block_verbs:
            key = (lemma, particle)
            if key not in verbs:
                verbs[key] = VerbEntry(lemma, particle, code, tuple(block_patterns))

    in_verbs = False
    for line in lines:
        if line.startswith("---"):
            in_verbs = True
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            flush()
            codes = _CODE.findall(line)
            block_code = _first_code(codes[0]) if codes else None
            block_verbs, block_patterns = [], []
        elif line.startswith("- "):
            codes = _CODE.findall(line)
            if not codes:
                continue
            body = _CODE.sub(" ", line[2:])
            left, _, right = body.partition("*")
            block_patterns.append(
                Pattern(_words(left, synsets), _words(right, synsets), _first_code(codes[0]))
            )
        elif line[0].isalpha() or line.startswith("+"):
            codes = _CODE.findall(line)
            code = _first_code(codes[0]) if codes else block_code
            head = _FORMS.sub(" ", _CODE.sub(" ", line)).strip().lstrip("+").split()
            if not head:
                continue
            parts = head[0].lower().split("_")
            lemma = parts[0]
            particle = parts[1] if len(parts) > 1 and parts[1] else None
            block_verbs.append((lemma, particle, code))
    flush()
    return VerbDictionary(verbs)


@functools.cache
def load_verbs() -> VerbDictionary:
    """The shipped CAMEO verb dictionary, parsed once per process."""
    text = resources.files("newsgraph.events").joinpath("data", DICTIONARY).read_text(encoding="utf-8")
    return _parse(text)
