"""Attribution: find who said what in a parsed document, from cue verbs, "according to", nouns and quotes."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.claims.clauses import (
    DIRECT_SHARE,
    MIN_CONTENT,
    Found,
    Sentences,
    source_tokens,
    subject_of,
    tokens_span,
    trim,
)
from newsgraph.claims.finder import CueFinder
from newsgraph.claims.kinds import claim_kind
from newsgraph.claims.lexicon import Lexicon, load_lexicon, rules
from newsgraph.claims.punctuation import find_punctuated
from newsgraph.claims.quotes import ABBREVIATION, find_quotes, is_speech, quoted_share
from newsgraph.claims.sources import SourceResolver
from newsgraph.records import Claim, ClaimKind, Document, Entity, Mention, Span


def _merge_quotes(text: str, found: list[Found], quotes: list[Span]) -> None:
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
            if "\n" not in gap and not any(ch in ABBREVIATION.sub("", gap) for ch in ".?!"):
                item.content = [item.content[0], trim(text, after[0][0], after[0][1])]


def _punctuated_claims(doc: Doc, text: str, found: list[Found], sents: Sentences) -> None:
    """Headline colons and dash sign-offs whose content no cue verb already claimed."""
    for item in find_punctuated(text):
        # A cue inside the line ("Sanders: I'm Not Much Of A Socialist Compared To Eisenhower") is part of
        # what the named speaker said; only a claim cued outside the line takes precedence.
        if any(
            f.span[0] < item.content[1]
            and item.content[0] < f.span[1]
            and not (f.cue_span is not None and item.content[0] <= f.cue_span[0] < item.content[1])
            for f in found
        ):
            continue
        piece = doc.char_span(item.source[0], item.source[1], alignment_mode="expand")
        if piece is None or len(piece) == 0:
            continue
        head = piece.root
        found.append(
            Found(
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
    found: list[Found],
    quotes: list[Span],
    lex: Lexicon,
    used: set[int],
    sents_of: Sentences,
) -> None:
    """Quotes no cue verb claimed: give them a cue in their sentence, or the previous quote's speaker."""
    for quote in quotes:
        if not is_speech(text, quote) or any(f.span[0] < quote[1] and quote[0] < f.span[1] for f in found):
            continue
        content = trim(text, quote[0], quote[1])
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
            subject = subject_of(cue_tok)
            item = Found(
                cue=cue_tok.text,
                cue_span=(cue_tok.idx, cue_tok.idx + len(cue_tok.text)),
                cue_kind=cue.kind,
                content=[content],
                sentence=(sents_of.of(cue_tok).start_char, sents_of.of(cue_tok).end_char),
            )
            if subject is not None and not (
                subject.lower_ in rules().expletives and subject.dep_ == "nsubjpass"
            ):
                head, tokens = source_tokens(subject, sents_of.ents, cue_tok)
                span = tokens_span(text, tokens, head, shortest=1)
                if span is not None and not (span[0] < quote[1] and quote[0] < span[1]):
                    item.source_span, item.source_head = span, head
            found.append(item)
            used.add(cue_tok.i)
            continue
        introduced = _colon_intro(doc, text, quote, sents_of)
        if introduced is not None:
            found.append(introduced)
            continue
        # A quote standing alone continues the nearest earlier direct quote's speaker, if close enough.
        earlier = [f for f in found if f.span[1] <= quote[0] and quote[0] - f.span[1] < 400 and f.source_head]
        if earlier:
            prev = max(earlier, key=lambda f: f.span[1])
            gap = text[prev.span[1] : quote[0]]
            between = any(prev.span[1] <= f.span[0] < quote[0] for f in found if f is not prev)
            direct = quoted_share(prev.content[-1], quotes) >= DIRECT_SHARE
            # The next paragraph when only the speaker's cue stands between ("…,” she said.¶“…”).
            next_paragraph = gap.count("\n") <= 2 and len(gap.split()) <= 12
            if direct and not between and ("\n" not in gap or next_paragraph):
                # More of the same speech ("“…,” Graham told CBS News on Tuesday. “But …”", or a paragraph
                # that is all quote after the speaker's): one claim, several quoted parts, as PolNeAR joins
                # them (train: 52 of 67 such paragraphs are a further part of the speaker's attribution).
                prev.content.append(content)
                continue
            if direct:
                sent_spans = [(s.start_char, s.end_char) for s in sents.values()]
                found.append(
                    Found(
                        cue=prev.cue,
                        cue_span=None,
                        cue_kind=prev.cue_kind,
                        content=[content],
                        source_span=prev.source_span,
                        source_head=prev.source_head,
                        sentence=(min(s[0] for s in sent_spans), max(s[1] for s in sent_spans)),
                    )
                )


def _colon_intro(doc: Doc, text: str, quote: Span, sents: Sentences) -> Found | None:
    """ "… surprise pollster Daron Shaw: “…”", "Hannity interjected: “…”": a colon hands over to a quote."""
    before = text[: quote[0]].rstrip(" \t")
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon.start == 0:
        return None
    prev = doc[colon.start - 1]
    subject: Token | None = None
    cue_span: Span = (colon.start_char, colon.end_char)
    if prev.pos_ == "VERB":
        subject = subject_of(prev)
        cue_span = (prev.idx, colon.end_char)
    elif prev.pos_ in ("PROPN", "NOUN") and prev.dep_ not in ("compound", "poss"):
        subject = prev
    if (
        subject is None
        or subject.pos_ not in ("PROPN", "NOUN", "PRON")
        or subject.lower_ in rules().expletives
    ):
        return None
    head, tokens = source_tokens(subject, sents.ents, prev)
    span = tokens_span(text, tokens, head, shortest=1)
    if span is None or span[1] > cue_span[0]:
        return None
    sent = sents.of(prev)
    return Found(
        cue=text[cue_span[0] : cue_span[1]],
        cue_span=cue_span,
        cue_kind=ClaimKind.STATEMENT,
        content=[trim(text, quote[0], quote[1])],
        takes="speech",
        source_span=span,
        source_head=head,
        sentence=(sent.start_char, sent.end_char),
    )


def _drop_weak_nested(found: list[Found], quotes: list[Span] | None = None) -> list[Found]:
    """Keep a claim inside another's content only when its cue is a verb of saying.

    Inside reported words, attitude verbs ("defend", "support", "plans to") are mostly part of what was
    said, not a second attribution; PolNeAR annotates few of them and they would double-count the outer one.
    """
    kept = []
    for item in found:
        anchor = item.cue_span or item.span
        quoted = quotes is not None and any(q[0] < anchor[0] and anchor[1] <= q[1] for q in quotes)
        speaker = item.source_head.lower_ if item.source_head is not None else ""
        if quoted and (item.takes != "speech" or speaker in rules().first_persons):
            # "I think …", "we see …" inside someone's quoted words are part of what they said.
            continue
        inside = any(o is not item and o.span[0] <= anchor[0] and anchor[1] <= o.span[1] for o in found)
        if inside and item.takes != "speech":
            continue
        kept.append(item)
    return kept


def _split_siblings(text: str, found: list[Found]) -> None:
    """End a content where a second cue of the same speaker begins ("…, suggesting, “…”")."""
    for outer in found:
        for inner in found:
            if inner is outer or inner.cue_span is None or outer.source_span is None:
                continue
            if inner.source_span == outer.source_span and outer.span[0] < inner.cue_span[0] < outer.span[1]:
                end = trim(text, outer.span[0], inner.cue_span[0])
                if end[1] - end[0] >= MIN_CONTENT and len(outer.content) == 1:
                    outer.content = [end]
                    for word in (" and", " but"):
                        if text[: outer.content[0][1]].endswith(word):
                            outer.content = [trim(text, outer.span[0], outer.span[1] - len(word))]


def _lemmas(doc: Doc, span: Span) -> list[str]:
    piece: SpacySpan | None = doc.char_span(span[0], span[1], alignment_mode="expand")
    return [t.lemma_.lower() for t in piece] if piece is not None else []


def _claimed(doc: Doc, found: Found, quotes: Sequence[Span]) -> bool:
    """False for what nobody claimed: a question ("Did Putin say that ...?") or a negated report ("did not
    say whether troops crossed"). A question inside a quote is the speaker's own and stays."""
    if found.cue_span is None or found.cue_span[1] <= found.cue_span[0]:
        return True
    cue = doc.char_span(*found.cue_span, alignment_mode="expand")
    if cue is None:
        return True
    verb = cue.root
    if verb.lemma_.lower() in rules().unsaid and any(c.dep_ == "neg" for c in verb.children):
        return False
    quoted = any(q[0] <= verb.idx < q[1] for q in quotes)
    last = next((t for t in reversed(verb.sent) if not t.is_space and not t.is_quote), None)
    return quoted or last is None or last.text != "?"


def attribute(doc: Doc, document: Document, entities: Sequence[Entity]) -> list[Claim]:
    """The claims of a document: who said what, with source, cue, content and kind.

    ``doc`` is the parse of ``document.text``; every offset indexes that text.
    """
    lex = load_lexicon()
    text = doc.text
    quotes = find_quotes(text)
    sents = Sentences(doc)
    finder = CueFinder(doc, lex, quotes, sents)
    found = finder.run()
    _merge_quotes(text, found, quotes)
    _punctuated_claims(doc, text, found, sents)
    _quote_claims(doc, text, found, quotes, lex, finder.used_cues, sents)
    # One claim per content and cue: a verb pass and a quote pass may both see the same quote.
    unique: dict[tuple[Span, Span | None], Found] = {}
    for item in sorted(found, key=lambda f: (f.cue_span or f.span, f.span)):
        unique.setdefault((item.span, item.cue_span), item)
    speech = [q for q in quotes if is_speech(text, q)]
    ordered = [f for f in unique.values() if _claimed(doc, f, quotes)]
    _split_siblings(text, ordered)
    ordered = _drop_weak_nested(ordered, speech)
    resolver = SourceResolver(doc, text, entities, document.published)
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
                direct=quoted_share(span, quotes) >= DIRECT_SHARE,
                kind=kind,
                sentence=text[item.sentence[0] : item.sentence[1]].strip(),
                parent_id=ids[id(parent)] if parent is not None else None,
            )
        )
    return claims
