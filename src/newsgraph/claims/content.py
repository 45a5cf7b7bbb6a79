"""What a verb cue says: its content, read by the first of a table of readers that recognises the parse."""

from __future__ import annotations

import enum
from collections.abc import Callable

from spacy.tokens import Doc, Token

from newsgraph.claims.clauses import MIN_CONTENT, SUBJECTS, Sentences, subtree_minus, tokens_span, trim
from newsgraph.claims.lexicon import Cue, Lexicon, rules
from newsgraph.claims.quotes import ABBREVIATION
from newsgraph.records import Span

Content = Span | list[Span] | None


class _Pass(enum.Enum):
    """A reader's answer when the parse is not its case: the next reader is asked."""

    PASS = 0


PASS = _Pass.PASS
Reading = Content | _Pass


def lemma(tok: Token) -> str:
    """The lowercased lemma of a token, with the model's known slips on cue verbs corrected."""
    return rules().lemma_fixes.get(tok.lower_) or tok.lemma_.lower()


class ContentReader:
    """Reads the content of verb cues in one document."""

    def __init__(self, doc: Doc, text: str, quotes: list[Span], sents: Sentences, lexicon: Lexicon) -> None:
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.sents = sents
        self.lex = lexicon
        # The table: each reader returns the content (None for none) when the parse is its case, else PASS.
        self.readers: tuple[Callable[[Token, Cue, Token | None], Reading], ...] = (
            self._quoted,
            self._clause,
            self._question,
            self._judged_object,
            self._object_and_complement,
            self._named,
            self._marked_clause,
            self._object,
            self._parataxis,
            self._speech,
            self._after_colon,
        )

    def read(self, verb: Token, cue: Cue, particle: Token | None) -> Content:
        """The content of ``verb``, a cue; ``particle`` is the phrasal cue's particle ("point out")."""
        for reader in self.readers:
            found = reader(verb, cue, particle)
            if found is not PASS:
                return found
        return None

    def _quoted(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        return self.adjacent_quotes(verb) or PASS

    def _clause(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        for child in verb.children:
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and cue.takes == "xcomp"):
                return tokens_span(self.text, child.subtree, child)
        return PASS

    def _question(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        if verb.lemma_.lower() not in rules().question_verbs:
            return PASS
        for child in verb.children:
            # "Asked if the comments had rattled them": the parser often hangs the question as a clause
            # of condition.
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children
            ):
                return tokens_span(self.text, child.subtree, child)
        return PASS

    def _judged_object(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        """ "called the charges unsubstantiated", parsed with the judgement inside the object."""
        objects = _objects(verb)
        if len(objects) != 1 or objects[0].dep_ != "dobj" or verb.lemma_.lower() not in rules().naming_verbs:
            return PASS
        judged = [c for c in objects[0].children if c.dep_ in ("acl", "amod", "appos") and c.i > objects[0].i]
        return tokens_span(self.text, objects[0].subtree, objects[0]) if judged else PASS

    def _object_and_complement(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        """ "called the charges unsubstantiated": an object and what it is called is an assessment."""
        objects = _objects(verb)
        if not (
            len(objects) == 2 and objects[1].dep_ in ("oprd", "ccomp", "xcomp") and objects[0].dep_ == "dobj"
        ):
            return PASS
        if objects[0].i < verb.i < objects[1].i:
            # "which Mr. Trump called “a disgrace”": the two parts stand on either side of the cue.
            sides = [tokens_span(self.text, o.subtree, o, shortest=1) for o in objects]
            return [p for p in sides if p is not None] or None
        return tokens_span(self.text, [*objects[0].subtree, *objects[1].subtree], objects[0])

    def _named(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        if verb.lemma_.lower() not in rules().naming_verbs or particle is not None:
            return PASS
        objects = _objects(verb)
        named = [c for c in objects if c.dep_ == "dobj"]
        small = [c for c in objects if c.dep_ == "xcomp" and c.pos_ in ("PROPN", "NOUN", "PRON")]
        if len(named) == 2:
            # "calling them rapists", "calls North Carolina her home state": the parser reads two objects.
            return tokens_span(self.text, [*named[0].subtree, *named[1].subtree], named[0])
        if len(objects) == 1 and small:
            # "calling Trump a fascist", parsed as a small clause.
            return tokens_span(self.text, small[0].subtree, small[0])
        if len(objects) == 1 and objects[0].dep_ == "oprd" and objects[0].i > verb.i:
            # "He called anti-Trump protestors “illegals”": object and name parsed as one complement.
            return tokens_span(self.text, objects[0].subtree, objects[0])
        return PASS

    def _marked_clause(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        if particle is None or particle.dep_ != "mark":
            return PASS
        clause = [t for t in particle.head.subtree if t.i > particle.i]
        return tokens_span(self.text, clause, particle.head)

    def _object(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        # "showed him a launch site": with a recipient, the object is a thing handed over, not words.
        recipient = (
            any(c.dep_ == "dative" for c in verb.children) or sum(c.dep_ == "dobj" for c in verb.children) > 1
        )
        if cue.takes not in ("obj", "xcomp") or recipient:
            return PASS
        if particle is not None and particle.dep_ == "prep":
            obj = next((c for c in particle.children if c.dep_ in ("pobj", "pcomp")), None)
            judged = [c for c in verb.children if c.dep_ == "dobj" and particle.lower_ == "as"]
            if obj is not None:
                return tokens_span(self.text, [*(judged[0].subtree if judged else []), *obj.subtree], obj)
        for child in verb.children:
            # A bare pronoun object ("defended him") is no content of a claim.
            if child.dep_ in ("dobj", "attr") and not (
                child.pos_ == "PRON" and child.n_lefts + child.n_rights == 0
            ):
                tokens = list(child.subtree)
                for extra in verb.children:
                    if (
                        extra.dep_ in ("oprd", "prep")
                        and extra.i > child.i
                        and extra.lower_ in ("as", "oprd", "of", "for")
                    ):
                        tokens += list(extra.subtree)
                return tokens_span(self.text, tokens, child)
        return PASS

    def _parataxis(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            return subtree_minus(self.text, verb.head, verb)
        return PASS

    def _speech(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        if cue.takes == "speech" and any(c.dep_ in SUBJECTS for c in verb.children):
            return self.rest_of_sentence(verb)
        return PASS

    def _after_colon(self, verb: Token, cue: Cue, particle: Token | None) -> Reading:
        """ "X said: ..." — the content runs to the end of the sentence, or fills the next one."""
        nxt = verb.i + 1
        while nxt < len(self.doc) and self.doc[nxt].dep_ in (
            "prep",
            "pobj",
            "det",
            "compound",
            "prt",
            "dobj",
        ):
            nxt += 1
        if nxt >= len(self.doc) or self.doc[nxt].text != ":":
            return PASS
        sent = self.sents.of(self.doc[nxt])
        end = sent.end_char
        following = self.sents.after(sent)
        if sent.end_char - self.doc[nxt].idx < 3 and following is not None:
            end = following.end_char
        span = trim(self.text, self.doc[nxt].idx + 1, end)
        return span if span[1] - span[0] >= MIN_CONTENT else None

    def adjacent_quotes(self, verb: Token) -> list[Span]:
        """Quotes around a cue, however they were parsed: '“…,” she said, “…”', 'suggesting, “…”'."""
        text = self.text
        after = verb.idx + len(verb.text)
        before: Span | None = None
        following: Span | None = None
        for quote in self.quotes:
            between = text[quote[1] : verb.idx]
            words = between.lower().split()
            if (
                quote[1] <= verb.idx
                and len(words) <= 8
                and text[quote[1] - 2 : quote[1] - 1].replace("'", text[quote[1] - 3 : quote[1] - 2])
                in (",", "?", "!", "—", "–", "-")
                and not any(ch in ABBREVIATION.sub("", between) for ch in ".?!\n")
                and not {"and", "but", "while"} & set(words)
                and not self._cue_between(quote[1], verb)
            ):
                before = trim(text, quote[0], quote[1])
            elif after <= quote[0] and not text[after : quote[0]].strip(" ,:\n"):
                following = trim(text, quote[0], quote[1])
                break
        return [q for q in (before, following) if q is not None]

    def _cue_between(self, start: int, verb: Token) -> bool:
        """Whether another cue verb stands between ``start`` and ``verb`` ("“…,” he said, citing …")."""
        tok = verb.i - 1
        while tok >= 0 and self.doc[tok].idx >= start:
            other = self.doc[tok]
            if other.pos_ in ("VERB", "AUX") and lemma(other) in self.lex.verbs:
                return True
            tok -= 1
        return False

    def passive(self, verb: Token) -> Span | None:
        """ "Trump is expected to win", "the issue was reported by the Post": the subject is the content."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.lower_ in rules().expletives:
            return None
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is not None:
            return tokens_span(self.text, xcomp.subtree, xcomp)
        return tokens_span(self.text, subject.subtree, subject)

    def rest_of_sentence(self, verb: Token) -> list[Span] | None:
        """The sentence without its speaker and cue: the content when the parse hid it from the verb."""
        removed = {verb.i}
        for child in verb.children:
            if child.dep_ in (
                *SUBJECTS,
                "aux",
                "neg",
                "advmod",
                "npadvmod",
                "prep",
                "punct",
                "dative",
                "agent",
            ):
                removed.update(t.i for t in child.subtree)
        sent = self.sents.of(verb)
        rest = [t for t in sent if t.i not in removed and not t.is_punct]
        following = self.sents.after(sent)
        if verb.i == sent.end - 1 and following is not None and "\n" not in following[0].text:
            # "He says Americans don’t need …" split after "says" by the parser: no punctuation ends the
            # sentence, so what follows on the line is what was said.
            nxt = [t for t in following if not t.is_space]
            span = tokens_span(self.text, nxt, nxt[0]) if nxt else None
            if span is not None and "\n" not in self.text[verb.idx : span[0]]:
                return [span]
        if len(rest) < 3:
            return None
        left = [t for t in rest if t.i < verb.i]
        right = [t for t in rest if t.i > verb.i]
        parts = [p for p in (tokens_span(self.text, left), tokens_span(self.text, right)) if p is not None]
        return parts or None


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")]
