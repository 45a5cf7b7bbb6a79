"""Attribution: find who said what in a parsed document, from cue verbs, "according to", nouns and quotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.claims.kinds import claim_kind
from newsgraph.claims.layout import find_layout
from newsgraph.claims.lexicon import Cue, Lexicon, load_lexicon
from newsgraph.claims.quotes import find_quotes, is_speech, quoted_share
from newsgraph.claims.sources import SourceResolver
from newsgraph.records import Claim, ClaimKind, Document, Entity, Mention, Span

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_EXPLETIVES = frozenset({"it", "there"})
_NAMING = frozenset({"call", "label", "brand", "deem", "dub"})
_FIRST_PERSONS = frozenset({"i", "we", "you", "me", "us"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TRIM = " \t\n,;:.-–—"
# A content is direct when this share of it lies inside quotation marks.
_DIRECT_SHARE = 0.8
# Content shorter than this many characters is a fragment ("so", "this"), not a claim.
_MIN_CONTENT = 3


@dataclass
class _Found:
    """An attribution under construction; offsets are characters, tokens stay inside this module."""

    cue: str
    cue_span: Span | None
    cue_kind: ClaimKind
    content: list[Span]
    takes: str = "clause"
    source_span: Span | None = None
    source_head: Token | None = None
    source: Mention | None = None
    sentence: Span = (0, 0)
    lemmas: list[str] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return (self.content[0][0], self.content[-1][1])


class _Sentences:
    """Sentence lookup by token, computed once: ``Token.sent`` rescans the document on every call."""

    def __init__(self, doc: Doc) -> None:
        # The parser sometimes runs a sentence across a paragraph break; a line break always ends one here.
        self.spans: list[SpacySpan] = []
        for sent in doc.sents:
            start = sent.start
            for tok in sent:
                if tok.is_space and "\n" in tok.text and tok.i + 1 < sent.end:
                    self.spans.append(doc[start : tok.i + 1])
                    start = tok.i + 1
            self.spans.append(doc[start : sent.end])
        self._of = [0] * len(doc)
        for n, sent in enumerate(self.spans):
            for i in range(sent.start, sent.end):
                self._of[i] = n
        self.ents: tuple[SpacySpan, ...] = tuple(doc.ents)

    def of(self, tok: Token) -> SpacySpan:
        return self.spans[self._of[tok.i]]

    def after(self, sent: SpacySpan) -> SpacySpan | None:
        n = self._of[sent.start] + 1
        return self.spans[n] if n < len(self.spans) else None


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end)


def _tokens_span(
    text: str, tokens: Iterable[Token], anchor: Token | None = None, shortest: int = _MIN_CONTENT
) -> Span | None:
    toks = list(tokens)
    if not toks:
        return None
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    if anchor is not None:
        # Content stays in the paragraph of its head: a parse across a paragraph break is a parse error.
        start = max(start, text.rfind("\n", 0, anchor.idx) + 1)
        stop = text.find("\n", anchor.idx)
        end = min(end, stop if stop >= 0 else end)
    span = _trim(text, start, end)
    return span if span[1] - span[0] >= shortest else None


def _subtree_minus(text: str, head: Token, minus: Token) -> list[Span] | None:
    """``head``'s subtree without ``minus``'s subtree: the content around a cue, in one or two parts."""
    left = [t for t in head.subtree if t.i < minus.left_edge.i]
    right = [t for t in head.subtree if t.i > minus.right_edge.i]
    # The cue may sit inside the content ("The museum, Mr. Bush said, celebrated ..."): keep both sides.
    parts = [p for p in (_tokens_span(text, left, head), _tokens_span(text, right, head)) if p is not None]
    return parts or None


def _subject(verb: Token, cues: Lexicon | None = None, quotes: Sequence[Span] = ()) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb for conjuncts and participles.

    A subjectless conjunct or participle ("…, suggesting …", "and speculated, …") is often attached by the
    parser inside the previous cue's content; its speaker is then the nearest cue verb above it.
    """
    if (
        cues is not None
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and (verb.dep_ == "conj" or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")))
    ):
        for above in verb.ancestors:
            quoted = any(q[0] <= above.idx < q[1] for q in quotes)
            if not quoted and above.lemma_.lower() in cues.verbs and above.pos_ in ("VERB", "AUX"):
                subject = _subject(above)
                if subject is not None:
                    return subject
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _source_tokens(subject: Token, ents: Sequence[SpacySpan]) -> tuple[Token, list[Token]]:
    """The head and tokens of the source noun phrase, relative pronouns replaced by what they refer to."""
    if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
        # The span is the pronoun (as PolNeAR marks it); the actor comes from the noun it refers to.
        return subject.head.head, [subject]
    tokens = [t for t in subject.subtree if t.dep_ not in ("relcl", "acl") or t.i < subject.i]
    doc = subject.doc
    for ent in ents:
        # The parser sometimes splits a name ("Sankei" as an auxiliary): the entity's extent wins.
        if ent.start <= subject.i < ent.end:
            tokens += [t for t in ent if t not in tokens]
    left = min(t.i for t in tokens)
    while left > 0 and doc[left - 1].is_title and doc[left - 1].dep_ in ("compound", "aux", "nmod", "amod"):
        left -= 1
        tokens.append(doc[left])
    return subject, tokens


def _phrasal(verb: Token, cue: Cue) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and child.lower_ == cue.particle:
            return child
    return None


class _Finder:
    def __init__(self, doc: Doc, lexicon: Lexicon, quotes: list[Span], sents: _Sentences) -> None:
        self.doc = doc
        self.sents = sents
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.quotes = [q for q in quotes if is_speech(self.text, q)]
        self.lex = lexicon
        self.found: list[_Found] = []
        self.used_cues: set[int] = set()

    def run(self) -> list[_Found]:
        for tok in self.doc:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
                self._according(tok)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                self._verb(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.nouns:
                self._noun(tok)
        return self.found

    def _add(
        self, cue_tokens: list[Token], cue: Cue, content: Span | list[Span] | None, source: Token | None
    ) -> None:
        if content is None:
            return
        parts = content if isinstance(content, list) else [content]
        first, last = cue_tokens[0], cue_tokens[-1]
        cue_span = (first.idx, last.idx + len(last.text))
        if any(cue_span[0] < p[1] and p[0] < cue_span[1] for p in parts):
            return
        found = _Found(
            cue=" ".join(t.text for t in cue_tokens),
            cue_span=cue_span,
            cue_kind=cue.kind,
            content=parts,
            takes=cue.takes,
            sentence=(self.sents.of(first).start_char, self.sents.of(first).end_char),
        )
        if source is not None:
            head, tokens = _source_tokens(source, self.sents.ents)
            expletive = head.lower_ in _EXPLETIVES and head.dep_ == "nsubjpass"
            span = None if expletive else _tokens_span(self.text, tokens, head, shortest=1)
            if span is not None and not any(span[0] < p[1] and p[0] < span[1] for p in parts):
                found.source_span, found.source_head = span, head
        self.found.append(found)
        self.used_cues.add(first.i)

    def _verb(self, verb: Token) -> None:
        cues = self.lex.verbs.get(verb.lemma_.lower())
        if not cues:
            return
        for cue in cues:
            particle = _phrasal(verb, cue) if cue.particle else None
            if cue.particle is None or particle is not None:
                break
        else:
            return
        cue_tokens = [verb] + ([particle] if particle is not None and particle.i - verb.i <= 2 else [])
        content = self._verb_content(verb, cue, particle)
        source: Token | None = None
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        else:
            source = _subject(verb, self.lex, self.quotes)
            if source is None and (
                verb.dep_ in ("pcomp", "acl", "amod", "advcl") or cue.takes in ("obj", "xcomp")
            ):
                # "Upon announcing the visit", "backed Clinton" with nobody doing it: actions, not claims.
                return
        if content is None and passive:
            content = self._passive_content(verb)
        self._add(cue_tokens, cue, content, source)

    def _verb_content(self, verb: Token, cue: Cue, particle: Token | None) -> Span | list[Span] | None:
        text = self.text
        quoted = self._adjacent_quotes(verb)
        if quoted:
            return quoted
        for child in verb.children:
            if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and cue.takes == "xcomp"):
                return _tokens_span(text, child.subtree, child)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp")]
        if len(objects) == 1 and objects[0].dep_ == "dobj" and verb.lemma_.lower() in _NAMING:
            # "called the charges unsubstantiated", parsed with the judgement inside the object.
            judged = [c for c in objects[0].children if c.dep_ in ("acl", "amod", "appos") and c.i > objects[0].i]
            if judged:
                return _tokens_span(text, objects[0].subtree, objects[0])
        if len(objects) == 2 and objects[1].dep_ in ("oprd", "ccomp", "xcomp") and objects[0].dep_ == "dobj":
            # "called the charges unsubstantiated": an object and what it is called is an assessment.
            return _tokens_span(text, [*objects[0].subtree, *objects[1].subtree], objects[0])
        if cue.takes == "obj":
            if particle is not None and particle.dep_ == "prep":
                obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return _tokens_span(text, obj.subtree, obj)
            for child in verb.children:
                if child.dep_ in ("dobj", "attr"):
                    tokens = list(child.subtree)
                    for extra in verb.children:
                        if (
                            extra.dep_ in ("oprd", "prep")
                            and extra.i > child.i
                            and extra.lower_ in ("as", "oprd")
                        ):
                            tokens += list(extra.subtree)
                    return _tokens_span(text, tokens, child)
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            return _subtree_minus(text, verb.head, verb)
        if cue.takes == "speech" and any(c.dep_ in _SUBJECTS for c in verb.children):
            return self._rest_of_sentence(verb)
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
        if nxt < len(self.doc) and self.doc[nxt].text == ":":
            # "X said: ..." — the content runs to the end of the sentence, or fills the next one.
            sent = self.sents.of(self.doc[nxt])
            end = sent.end_char
            following = self.sents.after(sent)
            if sent.end_char - self.doc[nxt].idx < 3 and following is not None:
                end = following.end_char
            span = _trim(text, self.doc[nxt].idx + 1, end)
            return span if span[1] - span[0] >= _MIN_CONTENT else None
        return None

    def _adjacent_quotes(self, verb: Token) -> list[Span]:
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
                and text[quote[1] - 2 : quote[1] - 1] in (",", "?", "!", "—", "–", "-")
                and not any(ch in between for ch in ".?!\n")
                and not {"and", "but", "while"} & set(words)
            ):
                before = _trim(text, quote[0], quote[1])
            elif after <= quote[0] and not text[after : quote[0]].strip(" ,:\n"):
                following = _trim(text, quote[0], quote[1])
                break
        return [q for q in (before, following) if q is not None]

    def _passive_content(self, verb: Token) -> Span | None:
        """ "Trump is expected to win", "the issue was reported by the Post": the subject is the content."""
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is None or subject.lower_ in _EXPLETIVES:
            return None
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is not None:
            return _tokens_span(self.text, xcomp.subtree, xcomp)
        return _tokens_span(self.text, subject.subtree, subject)

    def _rest_of_sentence(self, verb: Token) -> list[Span] | None:
        """The sentence without its speaker and cue: the content when the parse hid it from the verb."""
        removed = {verb.i}
        for child in verb.children:
            if child.dep_ in (
                *_SUBJECTS,
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
        if len(rest) < 3:
            return None
        left = [t for t in rest if t.i < verb.i]
        right = [t for t in rest if t.i > verb.i]
        parts = [p for p in (_tokens_span(self.text, left), _tokens_span(self.text, right)) if p is not None]
        return parts or None

    def _according(self, tok: Token) -> None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        cue = self.lex.preps.get("according")
        if cue is None:
            return
        head = tok.head if tok.head is not tok else tok
        content: Span | list[Span] | None = _subtree_minus(self.text, head, tok) if head is not tok else None
        if content is None:
            sent = self.sents.of(tok)
            rest = [t for t in sent if t.i < tok.left_edge.i or t.i > tok.right_edge.i]
            content = _tokens_span(self.text, rest)
        self._add([tok, to], cue, content, pobj)

    def _noun(self, noun: Token) -> None:
        cue = self.lex.nouns[noun.lemma_.lower()]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "by"):
            # "In Nikkei's view, ...": the clause around the phrase is the content.
            prep = noun.head
            if prep.head is not prep:
                self._add([prep, noun], cue, _subtree_minus(self.text, prep.head, prep), owner)
            return
        # "his acknowledgment that ...", "Trump's comments on the shooting": a noun of saying, its content.
        content: Span | None = None
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp") and any(
                g.lower_ == "that" and g.dep_ == "mark" for g in child.children
            ):
                content = _tokens_span(self.text, child.subtree, child)
            elif (
                cue.takes == "obj"
                and child.dep_ == "prep"
                and child.lower_ in ("on", "about", "of", "against")
            ):
                obj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = _tokens_span(self.text, obj.subtree, obj)
            if content is not None:
                break
        if content is None:
            return
        if owner is None:
            owner = next(
                (c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in _SPEAKER_LABELS), None
            )
        self._add([noun], cue, content, owner)


def _merge_quotes(text: str, found: list[_Found], quotes: list[Span]) -> None:
    """Join a quote broken by its cue ("…," he said, "…") into one content."""
    for item in found:
        if item.cue_span is None:
            continue
        inside = [q for q in quotes if q[0] <= item.span[0] + 1 and item.span[1] - 1 <= q[1]]
        if not inside:
            continue
        after = [q for q in quotes if 0 <= q[0] - item.cue_span[1] <= 40 and q[0] > inside[0][1]]
        if after and is_speech(text, after[0]):
            gap = text[inside[0][1] : after[0][0]]
            if "\n" not in gap and not any(ch in gap for ch in ".?!"):
                item.content = [item.content[0], _trim(text, after[0][0], after[0][1])]


def _layout_claims(doc: Doc, text: str, found: list[_Found], sents: _Sentences) -> None:
    """Headline colons and dash sign-offs whose content no cue verb already claimed."""
    for item in find_layout(text):
        if any(f.span[0] < item.content[1] and item.content[0] < f.span[1] for f in found):
            continue
        piece = doc.char_span(item.source[0], item.source[1], alignment_mode="expand")
        if piece is None or len(piece) == 0:
            continue
        head = piece.root
        found.append(
            _Found(
                cue=text[item.cue[0] : item.cue[1]],
                cue_span=item.cue,
                cue_kind=ClaimKind.STATEMENT,
                content=[item.content],
                source_span=item.source,
                source_head=head,
                sentence=(sents.of(head).start_char, sents.of(head).end_char),
            )
        )


def _quote_claims(
    doc: Doc,
    text: str,
    found: list[_Found],
    quotes: list[Span],
    lex: Lexicon,
    used: set[int],
    sents_of: _Sentences,
) -> None:
    """Quotes no cue verb claimed: give them a cue in their sentence, or the previous quote's speaker."""
    for quote in quotes:
        if not is_speech(text, quote) or any(f.span[0] < quote[1] and quote[0] < f.span[1] for f in found):
            continue
        content = _trim(text, quote[0], quote[1])
        piece = doc.char_span(quote[0], quote[1], alignment_mode="expand")
        sents = {sents_of.of(t).start: sents_of.of(t) for t in (piece or [])}
        cue_tok: Token | None = None
        for sent in sents.values():
            for tok in sent:
                if (quote[0] <= tok.idx < quote[1]) or tok.i in used:
                    continue
                if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs:
                    cue_tok = tok
                    break
            if cue_tok is not None:
                break
        if cue_tok is not None:
            cue = lex.verbs[cue_tok.lemma_.lower()][-1]
            subject = _subject(cue_tok)
            item = _Found(
                cue=cue_tok.text,
                cue_span=(cue_tok.idx, cue_tok.idx + len(cue_tok.text)),
                cue_kind=cue.kind,
                content=[content],
                sentence=(sents_of.of(cue_tok).start_char, sents_of.of(cue_tok).end_char),
            )
            if subject is not None and not (subject.lower_ in _EXPLETIVES and subject.dep_ == "nsubjpass"):
                head, tokens = _source_tokens(subject, sents_of.ents)
                span = _tokens_span(text, tokens, head, shortest=1)
                if span is not None and not (span[0] < quote[1] and quote[0] < span[1]):
                    item.source_span, item.source_head = span, head
            found.append(item)
            used.add(cue_tok.i)
            continue
        # A quote standing alone continues the nearest earlier direct quote's speaker, if close enough.
        earlier = [f for f in found if f.span[1] <= quote[0] and quote[0] - f.span[1] < 400 and f.source_head]
        if earlier:
            prev = max(earlier, key=lambda f: f.span[1])
            gap = text[prev.span[1] : quote[0]]
            if (
                quoted_share(prev.span, quotes) >= _DIRECT_SHARE
                and "\n" not in gap
                and len(gap.split()) <= 12
            ):
                # More of the same speech in the same paragraph: one claim, several quoted parts.
                prev.content.append(content)
                continue
            if quoted_share(prev.span, quotes) >= _DIRECT_SHARE:
                sent_spans = [(s.start_char, s.end_char) for s in sents.values()]
                found.append(
                    _Found(
                        cue=prev.cue,
                        cue_span=None,
                        cue_kind=prev.cue_kind,
                        content=[content],
                        source_span=prev.source_span,
                        source_head=prev.source_head,
                        sentence=(min(s[0] for s in sent_spans), max(s[1] for s in sent_spans)),
                    )
                )


def _drop_weak_nested(found: list[_Found], quotes: list[Span] | None = None) -> list[_Found]:
    """Keep a claim inside another's content only when its cue is a verb of saying.

    Inside reported words, attitude verbs ("defend", "support", "plans to") are mostly part of what was
    said, not a second attribution; PolNeAR annotates few of them and they would double-count the outer one.
    """
    kept = []
    for item in found:
        anchor = item.cue_span or item.span
        quoted = quotes is not None and any(q[0] < anchor[0] and anchor[1] <= q[1] for q in quotes)
        speaker = item.source_head.lower_ if item.source_head is not None else ""
        if quoted and (item.takes != "speech" or speaker in _FIRST_PERSONS):
            # "I think …", "we see …" inside someone's quoted words are part of what they said.
            continue
        inside = any(o is not item and o.span[0] <= anchor[0] and anchor[1] <= o.span[1] for o in found)
        if inside and item.takes != "speech":
            continue
        kept.append(item)
    return kept


def _split_siblings(text: str, found: list[_Found]) -> None:
    """End a content where a second cue of the same speaker begins ("…, suggesting, “…”")."""
    for outer in found:
        for inner in found:
            if inner is outer or inner.cue_span is None or outer.source_span is None:
                continue
            if inner.source_span == outer.source_span and outer.span[0] < inner.cue_span[0] < outer.span[1]:
                end = _trim(text, outer.span[0], inner.cue_span[0])
                if end[1] - end[0] >= _MIN_CONTENT and len(outer.content) == 1:
                    outer.content = [end]
                    for word in (" and", " but"):
                        if text[: outer.content[0][1]].endswith(word):
                            outer.content = [_trim(text, outer.span[0], outer.span[1] - len(word))]


def _lemmas(doc: Doc, span: Span) -> list[str]:
    piece: SpacySpan | None = doc.char_span(span[0], span[1], alignment_mode="expand")
    return [t.lemma_.lower() for t in piece] if piece is not None else []


def attribute(doc: Doc, document: Document, entities: Sequence[Entity]) -> list[Claim]:
    """The claims of a document: who said what, with source, cue, content and kind.

    ``doc`` is the parse of ``document.text``; every offset indexes that text.
    """
    lex = load_lexicon()
    text = doc.text
    quotes = find_quotes(text)
    sents = _Sentences(doc)
    finder = _Finder(doc, lex, quotes, sents)
    found = finder.run()
    _merge_quotes(text, found, quotes)
    _layout_claims(doc, text, found, sents)
    _quote_claims(doc, text, found, quotes, lex, finder.used_cues, sents)
    # One claim per content and cue: a verb pass and a quote pass may both see the same quote.
    unique: dict[tuple[Span, Span | None], _Found] = {}
    for item in sorted(found, key=lambda f: (f.cue_span or f.span, f.span)):
        unique.setdefault((item.span, item.cue_span), item)
    speech = [q for q in quotes if is_speech(text, q)]
    ordered = list(unique.values())
    _split_siblings(text, ordered)
    ordered = _drop_weak_nested(ordered, speech)
    resolver = SourceResolver(doc, text, entities)
    mentions: dict[Span, Mention] = {}
    for item in sorted(ordered, key=lambda f: f.source_span or (len(text), 0)):
        if item.source_span is not None and item.source_head is not None:
            if item.source_span not in mentions:
                mentions[item.source_span] = resolver.mention(item.source_span, item.source_head)
            item.source = mentions[item.source_span]
    claims: list[Claim] = []
    ids: dict[int, str] = {}
    for index, item in enumerate(ordered):
        ids[id(item)] = f"{document.doc_id}:c{index}"
    for item in ordered:
        span = item.span
        content = " … ".join(text[s[0] : s[1]] for s in item.content)
        kind = claim_kind(item.cue_kind, _lemmas(doc, span))
        anchor = item.cue_span or span
        # Nested attribution: the tightest other claim whose content holds this claim's cue.
        parents = [
            o
            for o in ordered
            if o is not item and o.span[0] <= anchor[0] and anchor[1] <= o.span[1] and o.span != span
        ]
        parent = min(parents, key=lambda o: o.span[1] - o.span[0]) if parents else None
        claims.append(
            Claim(
                doc_id=document.doc_id,
                id=ids[id(item)],
                source=item.source,
                cue=item.cue,
                cue_span=item.cue_span,
                content=content,
                span=span,
                direct=quoted_share(span, quotes) >= _DIRECT_SHARE,
                kind=kind,
                sentence=text[item.sentence[0] : item.sentence[1]].strip(),
                parent_id=ids[id(parent)] if parent is not None else None,
            )
        )
    return claims
