"""Spans from the dependency parse: sentences, subtrees, subjects and source noun phrases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.claims.lexicon import Cue, Lexicon, rules
from newsgraph.records import ClaimKind, Mention, Span

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
TRIM = " \t\n,;:.-–—"
# A content is direct when this share of it lies inside quotation marks.
DIRECT_SHARE = 0.8
# Content shorter than this many characters is a fragment ("so", "this"), not a claim.
MIN_CONTENT = 3

_CLOSERS = {")": "(", "]": "["}


@dataclass
class Found:
    """An attribution under construction; offsets are characters, tokens stay inside this package."""

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


class Sentences:
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


def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end)


def tokens_span(
    text: str, tokens: Iterable[Token], anchor: Token | None = None, shortest: int = MIN_CONTENT
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
    span = trim(text, start, end)
    return span if span[1] - span[0] >= shortest else None


def subtree_minus(text: str, head: Token, minus: Token) -> list[Span] | None:
    """``head``'s subtree without ``minus``'s subtree: the content around a cue, in one or two parts."""
    left = [t for t in head.subtree if t.i < minus.left_edge.i]
    right = [t for t in head.subtree if t.i > minus.right_edge.i]
    # The cue may sit inside the content ("The museum, Mr. Bush said, celebrated ..."): keep both sides.
    parts = [p for p in (tokens_span(text, left, head), tokens_span(text, right, head)) if p is not None]
    return parts or None


def subject_of(verb: Token, cues: Lexicon | None = None, quotes: Sequence[Span] = ()) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb for conjuncts and participles.

    A subjectless conjunct or participle ("…, suggesting …", "and speculated, …") is often attached by the
    parser inside the previous cue's content; its speaker is then the nearest cue verb above it.
    """
    if (
        cues is not None
        and not any(c.dep_ in SUBJECTS for c in verb.children)
        and (verb.dep_ == "conj" or (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")))
    ):
        for above in verb.ancestors:
            quoted = any(q[0] <= above.idx < q[1] for q in quotes)
            if not quoted and above.lemma_.lower() in cues.verbs and above.pos_ in ("VERB", "AUX"):
                subject = subject_of(above)
                if subject is not None:
                    return subject
    seen = 0
    while seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                return child
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None


def _clip_before(subject: Token, tokens: list[Token], cue: Token) -> tuple[Token, list[Token]]:
    """Drop what a source phrase takes from before a line break or a dateline ("WASHINGTON (AP) — …").

    The parser sometimes makes a heading or dateline the subject ("8:32 p.m. ¶ John Kasich is thanking");
    the speaker is the part of the phrase that stands in the cue's line, after the dateline dash.
    """
    doc = subject.doc
    start = min(t.i for t in tokens)
    cut = start
    for i in range(start, min(cue.i, max(t.i for t in tokens) + 1)):
        tok = doc[i]
        dateline = tok.text in ("—", "--", "–") and i > 0 and doc[i - 1].text == ")"
        if (tok.is_space and "\n" in tok.text) or dateline:
            cut = i + 1
    if cut == start:
        return subject, tokens
    kept = [t for t in tokens if t.i >= cut]
    inside = {t.i for t in kept}
    heads = [t for t in kept if t.head.i not in inside and not t.is_punct and not t.is_space]
    if not heads:
        return subject, []
    return heads[0], kept


def source_tokens(
    subject: Token, ents: Sequence[SpacySpan], cue: Token | None = None
) -> tuple[Token, list[Token]]:
    """The head and tokens of the source noun phrase, relative pronouns replaced by what they refer to.

    With the ``cue`` token, the phrase is kept to the cue's side of a line break or dateline.
    """
    if subject.lower_ in rules().relative_pronouns and subject.head.dep_ == "relcl":
        # The span is the pronoun (as PolNeAR marks it); the actor comes from the noun it refers to.
        return subject.head.head, [subject]
    # Quotation marks hang off the subject when a quote precedes it ("“…,” Ramos, 58, told AFP"): they
    # belong to the content, and a source reaching into the content would be dropped.
    tokens = [
        t for t in subject.subtree if (t.dep_ not in ("relcl", "acl") or t.i < subject.i) and not t.is_quote
    ]
    doc = subject.doc
    for ent in ents:
        # The parser sometimes splits a name ("Sankei" as an auxiliary): the entity's extent wins.
        if ent.start <= subject.i < ent.end:
            tokens += [t for t in ent if t not in tokens]
    left = min(t.i for t in tokens)
    while left > 0 and doc[left - 1].is_title and doc[left - 1].dep_ in ("compound", "aux", "nmod", "amod"):
        left -= 1
        tokens.append(doc[left])
    # Commas and dashes at the edges belong to the sentence, not the name ("”, Ramos, 58, told").
    tokens.sort(key=lambda t: t.i)
    while len(tokens) > 1 and tokens[0].is_punct and tokens[0] is not subject:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1] is not subject:
        if tokens[-1].text in _CLOSERS and any(t.text == _CLOSERS[tokens[-1].text] for t in tokens):
            break  # "Nihon Keizai Shimbun (Nikkei)": a bracket opened inside the name closes inside it
        tokens.pop()
    if cue is not None and subject.i < cue.i:
        return _clip_before(subject, tokens, cue)
    return subject, tokens


def phrasal(verb: Token, cue: Cue) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and child.lower_ == cue.particle:
            return child
    for child in verb.children:
        # "called for the US to step up …": "for" is parsed as the marker of the infinitive clause.
        for mark in child.children if child.dep_ in ("advcl", "ccomp", "xcomp") else ():
            if mark.dep_ == "mark" and mark.lower_ == cue.particle and mark.i == verb.i + 1:
                return mark
    return None
