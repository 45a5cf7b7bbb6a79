"""Which way from the DCT an underspecified date points, read from the governing verb's tense and modality."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

PAST, UNKNOWN, FUTURE = -1, 0, 1
PRESENT = 2  # counts as UNKNOWN, except for weekdays: "meet Monday" in the present is the coming one
_SAY = frozenset({"say", "tell", "report", "announce", "be", "have", "do"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "gonna"})
_MODAL_AUX = frozenset({"would", "'d"})  # future-in-the-past; "could", "may" say nothing of time
_HAVE = frozenset({"has", "have", "had", "'ve", "'s"})
_FUTURE_VERBS = frozenset(
    {"expect", "plan", "schedule", "intend", "slate", "postpone", "delay", "reschedule"}
)
# "the slated visit of X in September", "the upcoming talks on Monday": the noun is an event still ahead
_FUTURE_MODIFIERS = frozenset(
    {
        "slated",
        "scheduled",
        "planned",
        "upcoming",
        "forthcoming",
        "proposed",
        "expected",
        "impending",
        "coming",
    }
)


def _governor(tok: Token) -> Token | None:
    """The verb the timex modifies; None when it modifies a noun ("a cutback in September")."""
    start = tok
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        return None  # "under a June agreement": a noun's modifier, not the verb's
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok:
            return None
        if tok is not start and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("npadvmod", "pobj"):
            return None
        tok = tok.head
    return None


def verb_direction(verb: Token) -> int:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.lower_ in _FUTURE_AUX:
        return FUTURE
    if "going" in words and any(c.lower_ == "to" for c in aux):
        return FUTURE
    if verb.lemma_ in _FUTURE_VERBS and not (verb.tag_ == "VBN" and not aux):
        # "planned a demonstration on Saturday": the date is the plan's, ahead of the report
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        if "to" in words and verb.dep_ == "xcomp":
            return FUTURE
        return PAST
    if verb.tag_ == "VBN" and words & _HAVE:
        return PAST
    if words & _MODAL_AUX:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        # "plans to visit in April": an infinitive looks forward unless its governor is past-only.
        head = verb.head
        if head is not verb and head.lemma_ in _FUTURE_VERBS:
            # "had been scheduled to expire Friday": a plan already past when the story was written
            if any(c.lower_ == "had" and c.dep_ == "aux" for c in head.children):
                return PAST
            return FUTURE
        return FUTURE if head.pos_ in ("VERB", "AUX") and head.tag_ != "VBD" else UNKNOWN
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in aux):
        return FUTURE
    if verb.tag_ == "VBN" and any(a.lemma_ == "be" and a.tag_ in ("VBD",) for a in aux):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ not in _SAY and not aux:
        return PRESENT
    return UNKNOWN


_BEHIND = re.compile(r"\b(?:since|ever\s+since)\s+(?:early|late|mid-?)?\s*$", re.I)
_AHEAD = re.compile(
    r"(?:as\s+(?:soon|early)\s+as|no\s+later\s+than|until|till|effective|payable|due|starting)\s+(?:on\s+)?$",
    re.I,
)


def direction(doc: Doc, text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the timex at characters [start, end) of ``text``, parsed as ``doc``."""
    if text[end : end + 2] in ("'s", "’s"):
        return UNKNOWN  # "Wednesday's ruling": a noun modifier, the verb is not its tense
    before = text[max(0, start - 24) : start]
    if _AHEAD.search(before):
        # "Until Thursday, they had not called him a suspect": a past perfect closes the span in the past
        if re.search(r"\b(?:until|till)\s+(?:on\s+)?$", before, re.I) and _past_perfect(doc, start, end):
            return PAST
        return FUTURE
    if _BEHIND.search(before):
        return PAST
    return direction_of_verb(doc, start, end)


def direction_of_verb(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    if _ahead_noun(span[0]):
        return FUTURE
    verb = _governor(span.root)
    if verb is None:
        return UNKNOWN
    return verb_direction(verb)


def _past_perfect(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governor(span.root) if span is not None and len(span) else None
    return verb is not None and any(c.lower_ == "had" for c in verb.children if c.dep_ == "aux")


def _ahead_noun(first: Token) -> bool:
    """A future-marking modifier on a noun just before the timex, with no verb between them."""
    sent_start = first.sent.start
    for tok in reversed(list(first.doc[max(sent_start, first.i - 12) : first.i])):
        if tok.lower_ in _FUTURE_MODIFIERS and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return False
    return False
