"""Who is behind a source span: in-document actors, aliases, and pronouns or "the paper" resolved backwards.

This is deliberately local to one document: ``newsgraph.actors`` does canonical, cross-document linking;
here we only need to know that "Nikkei", "Nihon Keizai Shimbun (Nikkei)" and "the paper" are one source.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from newsgraph.claims.lexicon import rules
from newsgraph.lexicon import table
from newsgraph.records import Actor, ActorKind, Entity, Mention, Span

_LABEL_KINDS: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "state",
    "NORP": "group",
    "FAC": "organisation",
}
_ALIAS = re.compile(
    r"((?:[A-Z][\w.&'’-]*\s){0,5}[A-Z][\w.&'’-]*)\s\(([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3})\)"
)
_DETERMINERS = ("the ", "The ")


@functools.cache
def _outlet_words() -> frozenset[str]:
    return frozenset(word.lower() for (word,) in table("newsgraph.claims", "outlets.txt", ("word",)))


def _normal(name: str) -> str:
    name = re.sub(r"['’]s?$", "", name.strip())
    for det in _DETERMINERS:
        if name.startswith(det):
            name = name[len(det) :]
    return " ".join(name.split()).lower()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _normal(name)).strip("-")


def actor_kind(name: str, label: str) -> ActorKind:
    """The kind of actor a named mention is: outlets are recognised by name, the rest by entity label."""
    if set(_normal(name).split()) & _outlet_words():
        return "outlet"
    return _LABEL_KINDS.get(label, "organisation")


class SourceResolver:
    """Turns source spans of one document into Mentions with in-document actors."""

    def __init__(self, doc: Doc, text: str, entities: Sequence[Entity], date: str | None = None) -> None:
        self._doc = doc
        self._text = text
        self._date = date
        self._ents = tuple(doc.ents)
        # Entities the pipeline already linked (``newsgraph.actors.link``): their actor is the canonical one.
        self._linked = sorted(
            ((e.span, e.actor) for e in entities if e.actor is not None), key=lambda p: p[0]
        )
        self._resolved: dict[str, Actor | None] = {}
        self._canon: dict[str, Actor] = {}
        # (offset, actor): every named actor in reading order, for pronouns and "the paper".
        self._seen: list[tuple[int, Actor]] = []
        aliases = {m.group(2): m.group(1) for m in _ALIAS.finditer(text)}
        self._aliases = {_normal(a): _normal(n) for a, n in aliases.items()}
        for ent in sorted(entities, key=lambda e: e.span):
            if ent.label in _LABEL_KINDS or ent.actor is not None:
                self._seen.append((ent.span[0], self._actor(ent.text, ent.label, ent.actor)))

    def _global(self, name: str) -> Actor | None:
        """The project's actor dictionaries on a source text nothing linked ("the Kremlin", "Putin")."""
        if name not in self._resolved:
            from newsgraph.actors import resolve

            self._resolved[name] = resolve(name, date=self._date)
        return self._resolved[name]

    def _actor(self, name: str, label: str, linked: Actor | None = None, lookup: bool = False) -> Actor:
        key = _normal(name)
        key = self._aliases.get(key, key)
        if key in self._canon:
            return self._canon[key]
        words = set(key.split())
        kind = actor_kind(name, label)
        # A shorter later name ("Trump", "Yomiuri") is the most recent longer one that contains its words:
        # the document's own aliases come before any dictionary.
        for other in reversed(list(self._canon)):
            if words and words < set(other.split()):
                actor = self._canon[other]
                self._canon[key] = actor
                return actor
        if linked is None and lookup:
            # Only for sources: looking up every entity of the document would cost more than the stage.
            linked = self._global(name)
        if linked is not None and (linked.kind != "sector" or linked.country is not None):
            # "U.S. officials", "a Ukrainian official": a country's sector is the speaker, as for events.
            self._canon[key] = linked
            return linked
        for alias, full in self._aliases.items():
            if full == key:
                kind = actor_kind(name + " " + alias, label)
        clean = re.sub(r"['’]s?$", "", name.strip())
        display = clean[4:] if clean.startswith(_DETERMINERS) and kind != "outlet" else clean
        actor = Actor(id=f"{kind}:{_slug(key)}", name=display, kind=kind)
        self._canon[key] = actor
        return actor

    def _before(self, offset: int, kinds: tuple[ActorKind, ...]) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for start, actor in self._seen:
            if start < offset and actor.kind in kinds and (best is None or start >= best[0]):
                best = (start, actor)
        return best[1] if best else None

    def _subject_before(self, pronoun: Token) -> TokenSpan | None:
        """The subject of an earlier clause of the pronoun's sentence that agrees with it in number."""
        plural = pronoun.lower_ == "they"
        for token in pronoun.sent:
            if token.i >= pronoun.i:
                return None
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
                continue
            number = token.morph.get("Number", [])
            if number and (number[0] == "Plur") != plural:
                continue
            subtree = list(token.subtree)
            if subtree[-1].i >= pronoun.i:
                continue
            return self._doc[subtree[0].i : subtree[-1].i + 1]
        return None

    def _entity_at(self, head: Token) -> tuple[str, str] | None:
        for ent in self._ents:
            if ent.start <= head.i < ent.end and ent.label_ in _LABEL_KINDS:
                return ent.text, ent.label_
        if head.pos_ == "PROPN":
            left = head.i
            while left > 0 and self._doc[left - 1].pos_ == "PROPN" and self._doc[left - 1].dep_ == "compound":
                left -= 1
            return self._doc[left : head.i + 1].text, "ORG"
        return None

    def _linked_in(self, span: Span, head: Token) -> Actor | None:
        """The actor of a linked entity holding the source's head, else of the first one inside the span."""
        inside: Actor | None = None
        for (start, end), actor in self._linked:
            if start <= head.idx < end:
                return actor
            if inside is None and span[0] <= start and end <= span[1]:
                inside = actor
        return inside

    def mention(self, span: Span, head: Token) -> Mention:
        """The Mention for a source span whose syntactic head is ``head``; remembers it for later anaphors."""
        text = self._text[span[0] : span[1]]
        actor: Actor | None = None
        lower = head.lower_
        if text.strip().lower() in rules().relative_sources:
            # "The United States and its allies, which slammed the summit": who "which" stands for (the
            # finder may give the pronoun or already the noun as the head).
            noun = head.head.head if lower in rules().relative_sources and head.head.dep_ == "relcl" else head
            if noun.pos_ in {"NOUN", "PROPN"}:
                first = min([noun, *noun.conjuncts], key=lambda t: t.i)
                bounds = (first.left_edge.idx, noun.idx + len(noun))
                actor = self.mention(bounds, first).actor
                return Mention(text=text, span=span, actor=actor)
        if head.pos_ == "PRON" and lower in rules().pronouns:
            antecedent = self._subject_before(head)
            if antecedent is not None:
                # "Representatives of both countries were present, and they agreed …": the subject earlier in
                # the same sentence, not the last name read (which here was Ukraine).
                bounds = (antecedent.start_char, antecedent.end_char)
                actor = self.mention(bounds, antecedent.root).actor
            else:
                actor = self._before(span[0], rules().pronouns[lower])
        elif (
            head.pos_ == "NOUN"
            and head.lemma_.lower() in rules().anaphors
            and any(c.lower_ in ("the", "this", "that") for c in head.children)
        ):
            actor = self._before(span[0], rules().anaphors[head.lemma_.lower()])
        else:
            linked = self._linked_in(span, head)
            named = self._entity_at(head)
            if linked is not None:
                actor = self._actor(named[0] if named else text, named[1] if named else "ORG", linked)
            elif named is not None:
                actor = self._actor(*named, lookup=True)
            else:
                # "Russian officials", "the Foreign Ministry": no name, but maybe a known actor or sector.
                actor = self._global(text)
        if actor is not None:
            self._seen.append((span[0], actor))
        return Mention(text=text, span=span, actor=actor)
