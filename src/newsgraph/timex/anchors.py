"""Times anchored to an event the story dated earlier: "the day after his death", "in the weeks before the
shooting", when an earlier sentence said "Slepian was shot to death Oct. 23".

A date that a verb or noun of a known kind of event governs ("was killed Oct. 23", "the Oct. 23 shooting")
dates that kind of event for the rest of the story. "The day before/after" such an event is the day before or
after it; "the days/weeks before/after" it, a vague stretch, is its month. A counted stretch ("ten days
before the murder") stays a duration, as TimeBank annotates it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsgraph.records import Timex, TimexKind
from newsgraph.timex.lexicon import NUMBER_RE, number

# Kinds of events news dates and later refers back to, by the words that name them.
_KINDS: dict[str, frozenset[str]] = {
    "killing": frozenset(
        {"kill", "killed", "killing", "shoot", "shot", "shooting", "slay", "slain", "slaying", "murder"}
        | {"murdered", "death", "die", "died", "assassinate", "assassinated", "assassination"}
    ),
    "attack": frozenset({"attack", "attacked", "bombing", "bomb", "bombed", "blast", "explosion", "raid"}),
    "election": frozenset({"election", "elected", "vote", "voted", "referendum", "poll"}),
    "summit": frozenset({"summit", "talks", "meeting", "met", "meet"}),
    "visit": frozenset({"visit", "visited", "trip"}),
    "invasion": frozenset({"invasion", "invade", "invaded"}),
    "coup": frozenset({"coup"}),
    "earthquake": frozenset({"earthquake", "quake"}),
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_RELATIVE = re.compile(
    r"\b(?:(?P<the>the)\s+)?(?P<u>day|days|weeks|months)\s+(?P<dir>before|after|following|preceding)\s+"
    r"(?P<rest>[^.;:!?]{1,80})",
    re.I,
)


@dataclass(frozen=True)
class _Dated:
    at: int  # where the dating mention starts
    kind: str
    day: dt.date


def _kind_near(doc: Doc, start: int, end: int) -> str | None:
    """The kind of event the timex at [start, end) dates: a verb or noun governing it or one it modifies."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        for word in (tok.lower_, tok.lemma_.lower()):
            if word in _KIND_OF and tok.i not in range(span.start, span.end):
                return _KIND_OF[word]
        if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in _KIND_OF:
            return _KIND_OF[tok.head.lower_]  # "the Oct. 23 shooting"
        if tok.head is tok:
            break
        tok = tok.head
    return None


def _dated_events(doc: Doc, timexes: list[Timex]) -> list[_Dated]:
    dated = []
    for t in timexes:
        if t.kind is TimexKind.DATE and _FULL_DAY.match(t.value):
            kind = _kind_near(doc, *t.span)
            if kind is not None:
                dated.append(_Dated(t.span[0], kind, dt.date.fromisoformat(t.value)))
    return dated


def _referred_kind(rest: str) -> str | None:
    """The kind of event the words after "before/after" name, within their first few words."""
    for word in re.findall(r"[A-Za-z]+", rest)[:6]:
        if word.lower() in _KIND_OF:
            return _KIND_OF[word.lower()]
    return None


def _last_dated(dated: list[_Dated], kind: str | None, before: int) -> dt.date | None:
    """The day of the last event of ``kind`` the story dated before character ``before``."""
    known = [d for d in dated if d.kind == kind and d.at < before]
    return known[-1].day if known else None


_BARE_CLOCK = re.compile(r"^(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|noon|midnight|midday)$", re.I)
# "at 6 a.m. near his home ten days before the shooting": the clock time on that day
_DAYS_FROM = re.compile(
    rf"[^.;:!?]{{0,40}}?\b(?P<n>{NUMBER_RE})\s+days?\s+(?P<dir>before|after)\s+(?P<rest>[^.;:!?]{{1,60}})",
    re.I,
)


def _clock_on_event_day(doc: Doc, text: str, timex: Timex, dated: list[_Dated]) -> Timex:
    """A bare clock time on the day of an event the story dated: "at 6 a.m. ten days before the shooting"
    ten days before it, else "Slepian was shot to death at 10 p.m." on the day of the killing."""
    bare = timex.kind is TimexKind.TIME and _BARE_CLOCK.match(timex.text.strip()) is not None
    if not bare or "T" not in timex.value:
        return timex
    clock = timex.value.split("T", 1)[1]
    m = _DAYS_FROM.match(text, timex.span[1])
    if m is not None:
        n = number(m.group("n"))
        day = _last_dated(dated, _referred_kind(m.group("rest")), timex.span[0])
        if n is not None and n == int(n) and day is not None:
            day += dt.timedelta(days=int(n) if m.group("dir").lower() == "after" else -int(n))
            return replace(timex, value=f"{day.isoformat()}T{clock}", anchor="relative")
    day = _last_dated(dated, _kind_near(doc, *timex.span), timex.span[0])
    if day is None:
        return timex
    return replace(timex, value=f"{day.isoformat()}T{clock}", anchor="relative")


def anchor_to_events(doc: Doc, text: str, doc_id: str, timexes: list[Timex]) -> list[Timex]:
    """``timexes`` with "the day after his death"-style times valued from the event's date when known."""
    dated = _dated_events(doc, timexes)
    if not dated:
        return timexes
    out = [_clock_on_event_day(doc, text, t, dated) for t in timexes]
    for m in _RELATIVE.finditer(text):
        day = _last_dated(dated, _referred_kind(m.group("rest")), m.start())
        if day is None:
            continue
        unit = m.group("u").lower()
        ahead = m.group("dir").lower() in ("after", "following")
        if unit == "day":
            value = (day + dt.timedelta(days=1 if ahead else -1)).isoformat()
        else:
            value = f"{day.year:04d}-{day.month:02d}"
        start = m.start("the") if m.group("the") else m.start("u")
        span = (start, m.end("u"))
        found = [i for i, t in enumerate(out) if t.span[0] < span[1] and span[0] < t.span[1]]
        if found:
            i = found[0]
            if out[i].kind is TimexKind.DATE:
                out[i] = replace(out[i], value=value, anchor="relative")
            continue
        out.append(
            Timex(
                doc_id=doc_id,
                text=text[span[0] : span[1]],
                kind=TimexKind.DATE,
                value=value,
                span=span,
                anchor="relative",
                approximate=unit != "day",
            )
        )
    return sorted(out, key=lambda t: t.span)
