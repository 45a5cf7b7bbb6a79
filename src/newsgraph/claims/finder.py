"""Cue-driven attribution: verbs of saying, "according to", and nouns of saying, read off the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.claims.clauses import (
    MIN_CONTENT,
    SPEAKER_LABELS,
    SUBJECTS,
    Found,
    Sentences,
    phrasal,
    source_tokens,
    subject_of,
    subtree_minus,
    tokens_span,
    trim,
)
from newsgraph.claims.content import ContentReader, lemma
from newsgraph.claims.lexicon import Cue, Lexicon, rules
from newsgraph.claims.quotes import is_speech
from newsgraph.records import ClaimKind, Span

_NOT_HUMAN = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"})


def _human(subject: Token) -> bool:
    if subject.ent_type_ in _NOT_HUMAN:
        return False
    return not (subject.lower_ in ("that", "which", "it") and subject.dep_ in ("nsubj", "nsubjpass"))


class CueFinder:
    """Finds attributions whose cue is a word in the lexicon, one document at a time."""

    def __init__(self, doc: Doc, lexicon: Lexicon, quotes: list[Span], sents: Sentences) -> None:
        self.doc = doc
        self.sents = sents
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.quotes = [q for q in quotes if is_speech(self.text, q)]
        self.lex = lexicon
        self.found: list[Found] = []
        self.used_cues: set[int] = set()
        self._raised: list[tuple[Token, Cue, list[Span], Token]] = []
        self.content = ContentReader(doc, self.text, self.quotes, sents, lexicon)

    def run(self) -> list[Found]:
        for tok in self.doc:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                self._according(tok)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                self._verb(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.nouns:
                self._noun(tok)
            elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in self.lex.adjectives:
                self._adjective(tok)
        cued = {f.cue_span[0] for f in self.found if f.cue_span is not None}
        for verb, cue, parts, clause in self._raised:
            # "Obama seemed to recognize the significance": a cue verb inside makes the claim, with Obama.
            if clause.idx not in cued:
                self._add([verb], cue, parts, None)
        return self.found

    def _add(
        self,
        cue_tokens: list[Token],
        cue: Cue,
        content: Span | list[Span] | None,
        source: Token | None,
        guess: bool = False,
    ) -> None:
        if content is None:
            return
        parts = content if isinstance(content, list) else [content]
        first, last = cue_tokens[0], cue_tokens[-1]
        cue_span = (first.idx, last.idx + len(last.text))
        if any(cue_span[0] < p[1] and p[0] < cue_span[1] for p in parts):
            return
        parts = self._in_paragraph(cue_span, parts)
        if not parts:
            return
        found = Found(
            cue=" ".join(t.text for t in cue_tokens),
            cue_span=cue_span,
            cue_kind=cue.kind,
            content=parts,
            takes=cue.takes,
            sentence=(self.sents.of(first).start_char, self.sents.of(first).end_char),
        )
        if source is not None:
            head, tokens = source_tokens(source, self.sents.ents, first)
            expletive = head.lower_ in rules().expletives and head.dep_ == "nsubjpass"
            span = None if expletive else tokens_span(self.text, tokens, head, shortest=1)
            stop = min(cue_span[0], *(p[0] for p in parts))
            if span is not None and span[0] <= head.idx < stop < span[1]:
                # "a statement saying …": the noun phrase holds cue and content; the source ends before them.
                span = trim(self.text, span[0], stop)
            for quote in self.quotes:
                if span is not None and span[0] < quote[1] < span[1]:
                    # "“Very good reporter,” Trump said": the parser took the quote into the subject.
                    span = trim(self.text, quote[1], span[1])
                    if head.idx < span[0]:
                        head = next((t for t in self.doc[head.i :] if t.idx >= span[0]), head)
            if span is not None and ":" in self.text[span[1] : cue_span[0]]:
                # "Pat Caddell: Democrat voters are worried …": a headline speaker is no subject of its line.
                span = None
            if span is not None and not any(span[0] < p[1] and p[0] < span[1] for p in parts):
                found.source_span, found.source_head = span, head
        if found.source_span is None and guess:
            speaker = self._left_speaker(first)
            span = tokens_span(self.text, speaker, speaker[-1], shortest=1) if speaker else None
            if speaker and span is not None and not any(span[0] < p[1] and p[0] < span[1] for p in parts):
                found.source_span, found.source_head = span, speaker[-1]
        self.found.append(found)
        self.used_cues.add(first.i)

    def _left_speaker(self, cue: Token) -> list[Token]:
        """A name or personal pronoun right before a cue verb the parse gave no subject.

        "7:30 p.m. ¶ Bernie Sanders is thanking …", "the Daily News claims …": the parser hung the name
        elsewhere (a heading, the previous clause); the words before the verb still say who speaks.
        """
        doc = self.doc
        i = cue.i - 1
        while i >= 0 and (doc[i].pos_ in ("AUX", "ADV", "PART") or doc[i].dep_ in ("aux", "neg", "advmod")):
            i -= 1
        if i < 0 or any(q[0] <= doc[i].idx < q[1] for q in self.quotes):
            return []
        if doc[i].pos_ == "PRON" and doc[i].lower_ in rules().speaker_pronouns:
            return [doc[i]]
        if doc[i].pos_ != "PROPN":
            return []
        left = i
        while left > 0 and doc[left - 1].pos_ == "PROPN" and not doc[left - 1].is_space:
            left -= 1
        if left > 0 and doc[left - 1].lower_ == "the":
            left -= 1
        return list(doc[left : i + 1])

    def _in_paragraph(self, cue: Span, parts: list[Span]) -> list[Span]:
        """Content kept to the cue's paragraph: a parse that runs across a paragraph break is an error.

        Content in a later paragraph stays only when a colon hands over to it ("… said:¶“…”").
        """
        text = self.text
        start = text.rfind("\n", 0, cue[0]) + 1
        end = text.find("\n", cue[1])
        end = len(text) if end < 0 else end
        kept = []
        for part in parts:
            if part[0] >= end and text[cue[1] : part[0]].rstrip().endswith(":"):
                kept.append(part)
                continue
            clipped = trim(text, max(part[0], start), min(part[1], end))
            if clipped[1] - clipped[0] >= MIN_CONTENT:
                kept.append(clipped)
        return kept

    def _verb(self, verb: Token) -> None:
        cues = self.lex.verbs.get(lemma(verb))
        if not cues:
            return
        for cue in cues:
            particle = phrasal(verb, cue) if cue.particle else None
            if cue.particle is None or particle is not None:
                break
        else:
            return
        # "see Cruz as a uniter": the object and its "as" phrase are what is judged; the cue is the verb.
        joined = particle is not None and particle.i - verb.i <= 2 and particle.lower_ != "as"
        cue_tokens = [verb] + ([particle] if particle is not None and joined else [])
        if verb.lemma_.lower() in rules().raising_verbs:
            self._raising(verb, cue)
            return
        content = self.content.read(verb, cue, particle)
        source: Token | None = None
        # "Asked if the comments rattled them, Ryan said …": a bare past participle is passive too, and the
        # subject it borrows from the main clause is the one asked, not the asker.
        passive = any(c.dep_ == "auxpass" for c in verb.children) or (
            verb.tag_ == "VBN"
            and verb.dep_ in ("advcl", "acl")
            and not any(c.dep_ in SUBJECTS for c in verb.children)
        )
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        else:
            source = subject_of(verb, self.lex, self.quotes)
            if (
                source is None
                and verb.dep_ == "acl"
                and verb.tag_ == "VBG"
                and verb.head.pos_ in ("NOUN", "PROPN")
            ):
                # "His office put out a statement saying …", "super PACs bankrolled ads attacking …": whoever
                # issued the words speaks (PolNeAR marks the issuer); "one of her ads asking …", "police
                # received 911 calls saying …", with no issuer, have the noun as their source.
                holder = self._noun_holder(verb.head)
                received = holder is not None and lemma(holder.head) in rules().receiving_verbs
                source = holder if holder is not None and not received else verb.head
            if (
                source is None
                and verb.dep_ == "pcomp"
                and verb.head.lower_ == "by"
                and verb.head.head.pos_ in ("VERB", "AUX")
            ):
                # "launched his campaign by talking about …", "responded by saying …": the means is speech,
                # and whoever did the governing verb speaks.
                source = subject_of(verb.head.head)
            if source is None and (
                verb.dep_ in ("pcomp", "acl", "amod", "advcl") or cue.takes in ("obj", "xcomp")
            ):
                # "Upon announcing the visit", "backed Clinton" with nobody doing it: actions, not claims.
                return
        if verb.lemma_.lower() in rules().stances and source is not None and not _human(source):
            # "North Korea supports the invasion", "the Soviet Union supported its founding": a state's
            # policy is an action; a person's or a party's support is the stance PolNeAR attributes.
            return
        if content is None and passive:
            content = self.content.passive(verb)
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
            verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children)
        )
        guess = not passive and finite and verb.dep_ not in ("acl", "relcl", "amod", "pcomp", "advcl")
        self._add(cue_tokens, cue, content, source, guess=guess)

    def _raising(self, verb: Token, cue: Cue) -> None:
        """ "Voters seem to prefer an outsider": no holder is named; subject and infinitive are content."""
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        clause = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
        if subject is None or clause is None:
            return
        parts: list[Span] = []
        if subject.lower_ not in rules().expletives:
            span = tokens_span(self.text, subject.subtree, subject, shortest=1)
            if span is not None:
                parts.append(span)
        rest = tokens_span(self.text, clause.subtree, clause)
        if rest is None:
            return
        self._raised.append((verb, cue, sorted([*parts, rest]), clause))

    def _according(self, tok: Token) -> None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        cue = self.lex.preps.get("according")
        if cue is None:
            return
        head = tok.head if tok.head is not tok else tok
        content: Span | list[Span] | None = subtree_minus(self.text, head, tok) if head is not tok else None
        if content is None:
            sent = self.sents.of(tok)
            rest = [t for t in sent if t.i < tok.left_edge.i or t.i > tok.right_edge.i]
            content = tokens_span(self.text, rest)
        self._add([tok, to], cue, content, pobj)

    def _adjective(self, adj: Token) -> None:
        """ "Clinton aides were confident that …", "she is eager to make her party mainstream": a stance
        held by the subject of the copula, its content the clause or phrase the adjective governs."""
        cue = self.lex.adjectives[adj.lower_]
        content: Span | None = None
        for child in adj.children:
            if child.dep_ in ("ccomp", "xcomp"):
                content = tokens_span(self.text, child.subtree, child)
            elif child.dep_ == "prep" and child.lower_ in ("about", "of", "on", "over", "with"):
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = tokens_span(self.text, obj.subtree, obj)
            if content is not None:
                break
        subject = subject_of(adj.head) if adj.head.pos_ in ("AUX", "VERB") else None
        if content is None or subject is None or subject.lower_ in rules().expletives:
            return
        self._add([adj], cue, content, subject)

    def _noun(self, noun: Token) -> None:
        cue = self.lex.nouns[noun.lemma_.lower()]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        # "In a CNN poll, Clinton leads": the poll is the source, unless a verb of saying has one.
        if (
            owner is None
            and cue.kind is ClaimKind.REPORT
            and noun.dep_ == "pobj"
            and noun.head.lower_ == "in"
            and noun.head.i < noun.head.head.i
            and noun.head.head.lemma_.lower() not in self.lex.verbs
        ):
            owner = noun
        if owner is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "by"):
            # "In Nikkei's view, ...": the clause around the phrase is the content.
            prep = noun.head
            if prep.head is not prep:
                self._add([prep, noun], cue, subtree_minus(self.text, prep.head, prep), owner)
            return
        # "his acknowledgment that ...", "Trump's comments on the shooting": a noun of saying, its content.
        content: Span | None = None
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp") and any(
                g.lower_ == "that" and g.dep_ == "mark" for g in child.children
            ):
                content = tokens_span(self.text, child.subtree, child)
            elif (
                cue.takes == "obj"
                and child.dep_ == "prep"
                and (
                    child.lower_ in ("on", "about", "of", "against")
                    or child.lower_ in rules().noun_preps.get(noun.lemma_.lower(), ())
                )
            ):
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = tokens_span(self.text, obj.subtree, obj)
            if content is not None:
                break
        if content is None:
            return
        if owner is None:
            owner = next(
                (c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in SPEAKER_LABELS), None
            )
        if owner is None:
            owner = self._noun_holder(noun)
        self._add([noun], cue, content, owner)

    def _noun_holder(self, noun: Token) -> Token | None:
        """ "He renewed his criticism of …", "Aides made the argument that …": the subject of the verb
        that governs the noun of saying is whose words they are."""
        verb = noun.head
        if noun.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        elif noun.dep_ not in ("dobj", "attr", "conj"):
            return None
        if verb.pos_ not in ("VERB", "AUX") or verb is noun:
            return None
        subject = subject_of(verb)
        if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in rules().expletives:
            return None
        return subject
