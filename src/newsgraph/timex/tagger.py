"""Find time expressions in a parsed document and normalise them against its creation time."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.records import Anchor, Document, Timex
from newsgraph.timex.anchors import anchor_to_events
from newsgraph.timex.context import Ctx, Rule
from newsgraph.timex.grammar import RULES
from newsgraph.timex.lexicon import MONTHS, NUMBER_RE, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS, number
from newsgraph.timex.tense import direction

_SINCE = re.compile(rf"(?P<n>{NUMBER_RE})\s+years?\s+since\s+(?P<y>1[6-9]\d\d|20\d\d)\b", re.I)
_EXPLICIT_YEAR = re.compile(r"(?<![\d$.,])(?:1[6-9]\d\d|20\d\d)(?![\d,])")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def parse_dct(published: str | None) -> dt.date | None:
    """The DCT as a date; a bare year or year-month resolves to its first day."""
    if not published:
        return None
    text = published.strip()[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:size], fmt).date()
        except ValueError:
            continue
    return None


def infer_year(text: str) -> int | None:
    """The document's year when its text states it unambiguously ("first in 24 years since 2000").

    The inference must not fall before any year the text itself names, else it is rejected.
    """
    years = set()
    for m in _SINCE.finditer(text):
        n = number(m.group("n"))
        if n is not None and n == int(n):
            years.add(int(m.group("y")) + int(n))
    if len(years) != 1:
        return None
    year = years.pop()
    latest = max((int(y) for y in _EXPLICIT_YEAR.findall(text)), default=year)
    return year if latest <= year else None


# Every rule's match contains one of these words (or a digit); the rules run only in windows around
# them, found from the parse's tokens, so the stage stays a few percent of the parse.
_EXTRA_TRIGGERS = """
mornings nights evenings centuries half halves period periods season seasons today yesterday tomorrow tonight
now nowadays currently current recently recent lately past future present presently noon midnight midday
christmas year's thanksgiving easter independence labor memorial veterans halloween valentine daily weekly
monthly yearly annually hourly nightly biweekly semiannually nineteen thousand twenties thirties forties
fifties
sixties seventies eighties nineties fiscal fy year-earlier year-ago year-end mid ½
"""
_TRIGGERS = frozenset(
    {m + suffix for m in MONTHS for suffix in ("", ".")}
    | {w + suffix for w in WEEKDAYS for suffix in ("", ".", "s")}
    | {u + suffix for u in UNITS for suffix in ("", "s")}
    | set(SEASONS)
    | set(PARTS_OF_DAY)
    | set(_EXTRA_TRIGGERS.split())
)
_LEFT, _RIGHT = 64, 48


def _windows(doc: Doc, size: int) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for tok in doc:
        low = tok.lower_
        if low in _TRIGGERS or "d" in tok.shape_ or "-" in low:
            start, end = max(0, tok.idx - _LEFT), min(size, tok.idx + len(low) + _RIGHT)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end))
            else:
                windows.append((start, end))
    return windows


def _find(text: str, doc: Doc) -> list[_Hit]:
    hits: dict[tuple[int, int, str], _Hit] = {}
    for lo, hi in _windows(doc, len(text)):
        for rule in RULES:
            for m in rule.pattern.finditer(text, lo, hi):
                if m.end() > m.start():
                    start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                    hits.setdefault((start, m.end(), rule.name), _Hit(start, m.end(), rule, m))
    return list(hits.values())


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest match wins; on equal length, the rule of higher priority."""
    chosen: list[_Hit] = []
    taken = bytearray(max((h.end for h in hits), default=0) + 1)
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), -h.rule.priority, h.start)):
        if any(taken[hit.start : hit.end]):
            continue
        chosen.append(hit)
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(chosen, key=lambda h: h.start)


_DAY_BEFORE_AFTER = re.compile(r"(?:\b[Tt]he\s+)?\b[Dd]ay\s+(before|after)\s+$")


def _day_before_after(text: str, start: int, value: str) -> tuple[int, str]:
    """ "the day before yesterday", "the day after Christmas": one day off the date that follows."""
    m = _DAY_BEFORE_AFTER.search(text, max(0, start - 20), start)
    if m is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return start, value
    day = dt.date.fromisoformat(value) + dt.timedelta(days=-1 if m.group(1) == "before" else 1)
    return m.start(), day.isoformat()


def tag(doc: Doc, document: Document) -> list[Timex]:
    """Every time expression of ``document`` (``doc`` is its parse), with TimeML values."""
    text = document.text
    dct = parse_dct(document.published)
    year = None if dct is not None else infer_year(text)
    date_ents = frozenset(e.start_char for e in doc.ents if e.label_ in ("DATE", "TIME"))
    for e in doc.ents:
        if e.label_ == "DATE":
            date_ents |= {t.idx for t in e}
    ctx = Ctx(
        text=text, dct=dct, year=year, tense=lambda s, e: direction(doc, text, s, e), date_ents=date_ents
    )
    out: list[Timex] = []
    pending = _select(_find(text, doc))
    for hit in pending:
        ctx.used_year = False
        value = hit.rule.resolve(hit.match, ctx)
        if value is None:
            # Retrying the shorter matches inside a rejected one was measured: more spans, worse values.
            continue
        anchor: Anchor
        if value.relative:
            anchor = "relative"
        elif dct is not None:
            anchor = "dct"
        elif ctx.used_year:
            anchor = "inferred"
        else:
            anchor = "none"
        end = value.cut if value.cut is not None else hit.end
        start, day_value = _day_before_after(text, hit.start, value.value)
        out.append(
            Timex(
                doc_id=document.doc_id,
                text=text[start:end],
                kind=value.kind,
                value=day_value,
                span=(start, end),
                end_value=value.end_value,
                anchor=anchor,
                approximate=value.approximate,
            )
        )
        for start2, end2, value2 in value.also:
            out.append(
                Timex(
                    doc_id=document.doc_id,
                    text=text[start2:end2],
                    kind=value.kind,
                    value=value2,
                    span=(start2, end2),
                    anchor=anchor,
                    approximate=value.approximate,
                )
            )
    return anchor_to_events(doc, text, document.doc_id, out)
