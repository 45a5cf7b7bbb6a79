"""What the coder knows of one document besides the parse: its entities and actors, dates, claims, places."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsgraph.actors import resolve
from newsgraph.events.lexicon import rules
from newsgraph.events.roles import Roles, phrase
from newsgraph.records import Actor, Claim, Document, Entity, EventDate, Location, Mention, Timex, TimexKind

Resolver = Callable[[str, str | None], Actor | None]  # (mention text, document date)
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Relations that open a clause of its own: a date found there dates that clause's event, not this one.
_CLAUSE_HEADS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "ROOT"})


def _resolve(text: str, date: str | None) -> Actor | None:
    """The actor a mention names, a person in the role held on the document's date, or None."""
    try:
        return resolve(text, date=date)
    except Exception:  # a lookup failure must not lose the event; the mention keeps its text
        return None


class Context:
    """One document's entities, dates and claims, and the actor, place and date of a trigger found in them."""

    def __init__(
        self,
        doc: Doc,
        document: Document,
        entities: Sequence[Entity],
        timexes: Sequence[Timex],
        claims: Sequence[Claim],
    ) -> None:
        self.doc = doc
        # Doc.text joins every token on each access; the document's text is the same string (the contract).
        self.text = document.text
        self.document = document
        self.entities = sorted(entities, key=lambda e: e.span)
        self.timexes = [t for t in timexes if t.kind in (TimexKind.DATE, TimexKind.TIME)]
        self.claims = sorted(claims, key=lambda c: c.span[1] - c.span[0])
        self.resolve: Resolver = _resolve
        self._resolved: dict[str, Actor | None] = {}
        self._phrases: dict[tuple[int, int | None], tuple[int, int]] = {}

    def actor_for(self, start: int, end: int, head: Token) -> Actor | None:
        best: Entity | None = None
        for entity in self.entities:
            if entity.span[1] <= start or entity.span[0] >= end or entity.actor is None:
                continue
            if entity.span[0] <= head.idx < entity.span[1]:
                return entity.actor
            best = best or entity
        if best is not None:
            return best.actor
        text = self.text[start:end]
        if text not in self._resolved:
            self._resolved[text] = self.resolve(text, self.document.published)
        return self._resolved[text]

    def phrase(self, head: Token, avoid: int | None = None) -> tuple[int, int]:
        key = (head.i, avoid)
        found = self._phrases.get(key)
        if found is None:
            found = self._phrases[key] = phrase(head, avoid)
        return found

    def earlier_actor(self, pronoun: Token) -> Token | None:
        """The nearest named actor of the pronoun's kind before it, in its sentence or the one before,
        for a possessive pronoun its own sentence did not resolve; None when there is none."""
        kinds = rules().possessor_kinds.get(pronoun.lower_)
        if kinds is None or pronoun.dep_ != "poss":
            return None
        sentence = pronoun.sent
        lo = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        for entity in reversed(self.entities):
            if entity.span[1] > pronoun.idx or entity.span[0] < lo:
                continue
            if entity.actor is None or entity.actor.kind not in kinds:
                continue
            found = self.doc.char_span(*entity.span, alignment_mode="expand")
            return found.root if found is not None else None
        return None

    def pair_antecedents(self, token: Token) -> tuple[Token, Token] | None:
        """The two states a pair phrase stands for ("the two countries signed", "both sides agreed"): the
        only two countries named in its sentence before it or in the sentence before; None otherwise."""
        words = rules()
        if token.lower_ not in words.pair_nouns:
            return None
        if not any(
            c.lower_ in words.pair_words and c.dep_ in {"nummod", "det", "predet"} for c in token.children
        ):
            return None
        sentence = token.sent
        lo = self.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
        first: dict[str, Entity] = {}
        for entity in self.entities:
            if entity.span[0] < lo or entity.span[1] > token.idx or entity.label == "NORP":
                continue
            country = entity.actor.country if entity.actor is not None else None
            if country is not None:
                first.setdefault(country, entity)
        if len(first) != 2:
            return None
        heads = [self.doc.char_span(*e.span, alignment_mode="expand") for e in first.values()]
        if heads[0] is None or heads[1] is None:
            return None
        return heads[0].root, heads[1].root

    def with_pairs_named(self, roles: Roles) -> Roles:
        """The roles with each pair phrase replaced by the two states it stands for, so that "the two
        countries signed a treaty" is coded as "Russia and North Korea signed a treaty" would be."""

        def named(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
            out: list[Token] = []
            for token in tokens:
                pair = self.pair_antecedents(token)
                out.extend(t for t in (pair or (token,)) if t not in out)
            return tuple(out)

        sources, targets = named(roles.sources), named(roles.targets)
        if sources == roles.sources and targets == roles.targets:
            return roles
        return replace(roles, sources=sources, targets=targets)

    def mention(self, head: Token, avoid: int | None = None) -> Mention:
        if head.lower_ in rules().possessor_kinds and head.dep_ == "poss":
            head = self.earlier_actor(head) or head
        first, last = self.phrase(head, avoid)
        start = self.doc[first].idx
        end = self.doc[last - 1].idx + len(self.doc[last - 1])
        return Mention(self.text[start:end], (start, end), self.actor_for(start, end, head))

    def date(self, trigger: Token, sentence: Span) -> EventDate:
        """The date in the trigger's own phrase, else the nearest in its clause, else the document's.
        A date of another clause ("..., since 2000, ... Russia, which continues to invade ...") or one
        that only bounds a span ("since 2000", "until May") is not the event's."""
        lo, hi = sentence.start_char, sentence.end_char
        inside = [t for t in self.timexes if lo <= t.span[0] and t.span[1] <= hi and self._dating(t)]
        if inside:
            subtree = {t.idx for t in trigger.subtree}
            attached = [t for t in inside if t.span[0] in subtree]
            if not attached:
                clause = own_clause(trigger)
                attached = sorted(
                    (t for t in inside if t.span[0] in clause), key=lambda t: abs(t.span[0] - trigger.idx)
                )
            if attached:
                pick = attached[0]
                return EventDate(pick.text, pick.value, "timex")
        if self.document.published:
            return EventDate(None, self.document.published, "document")
        return EventDate(None, None, "none")

    def _dating(self, timex: Timex) -> bool:
        found = self.doc.char_span(*timex.span, alignment_mode="expand")
        if found is None:
            return True
        root = found.root
        return not (root.dep_ == "pobj" and root.head.lower_ in rules().span_bounds)

    def location(self, trigger: Token, taken: set[int]) -> Location | None:
        for child in trigger.children:
            if child.dep_ != "prep" or child.lower_ not in rules().place_preps:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ in _PLACE_LABELS and pobj.i not in taken:
                    mention = self.mention(pobj)
                    country = mention.actor.country if mention.actor is not None else None
                    return Location(mention.text, mention.span, country)
        return None

    def claim_for(self, start: int, end: int) -> Claim | None:
        for claim in self.claims:
            if claim.span[0] <= start and end <= claim.span[1]:
                return claim
        return None


def own_clause(trigger: Token) -> set[int]:
    """Character offsets of the tokens of the trigger's clause: from the nearest clause head above it
    (a nominal trigger's verb, an infinitive's governing verb) down to, not into, the clauses below."""
    top = trigger
    for _ in range(20):
        if top.dep_ in _CLAUSE_HEADS or top.head.i == top.i:
            break
        if top.dep_ == "conj" and top.pos_ in {"VERB", "AUX"}:
            break
        top = top.head
    offsets: set[int] = set()
    stack = [top]
    while stack:
        token = stack.pop()
        offsets.add(token.idx)
        stack.extend(
            c
            for c in token.children
            if c.dep_ not in _CLAUSE_HEADS and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
        )
    return offsets
