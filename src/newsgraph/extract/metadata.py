"""Outlet, date and author found in the text itself: sign-offs, bylines and datelines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.records import DateSource

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# "(From The Yomiuri Shimbun, Sept. 15, 2023)", "(Source: Reuters, 3 May 2024)"
_SIGNOFF = re.compile(
    rf"^[(\[]?\s*(?:From|Source:?|Originally published (?:in|by))\s+(?P<outlet>[^,()]{{2,80}}?),?\s+"
    rf"(?:on\s+)?(?P<date>{_DATE})\s*[)\]]?\.?$",
    re.IGNORECASE,
)
# "By Jane Doe" or "By Jane Doe and John Roe, Reuters"
_BYLINE = re.compile(r"^By\s+(?P<author>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von)){0,6})$")
# "SEOUL, June 17, 2024 (Yonhap) --" or "WASHINGTON (Reuters) -"
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'-]{{2,40}}),?\s*(?P<date>{_DATE})?\s*"
    rf"\((?P<outlet>[A-Z][\w .&-]{{1,40}})\)\s*[-—–]+\s*"
)


@dataclass(frozen=True)
class TextMetadata:
    outlet: str | None = None
    published: str | None = None
    published_source: DateSource = "none"
    author: str | None = None
    drop_first: bool = False  # the first paragraph is a byline
    drop_last: bool = False  # the last paragraph is a sign-off


def parse_date(text: str) -> str | None:
    """'Sept. 15, 2023', '15 September 2023' or '2023-09-15' to an ISO date; None if not a real date."""
    text = text.strip().rstrip(".")
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        mdy = re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", text)
        dmy = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
        if mdy:
            month, day, year = mdy[1], mdy[2], mdy[3]
        elif dmy:
            day, month, year = dmy[1], dmy[2], dmy[3]
        else:
            return None
        number = MONTHS.get(month.lower()[:3])
        if number is None:
            return None
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def find_metadata(paragraphs: tuple[str, ...]) -> TextMetadata:
    """Look at the first and last paragraphs for a byline, a dateline and a sign-off."""
    if not paragraphs:
        return TextMetadata()
    outlet: str | None = None
    published: str | None = None
    source: DateSource = "none"
    author: str | None = None
    drop_first = drop_last = False
    last = paragraphs[-1].strip()
    signoff = _SIGNOFF.match(last) if len(last) < 160 else None
    if signoff:
        outlet = signoff["outlet"].strip()
        published = parse_date(signoff["date"])
        source = "signoff" if published else "none"
        drop_last = True
    first = paragraphs[0].strip()
    byline = _BYLINE.match(first)
    if byline and len(paragraphs) > 1:
        author = byline["author"].strip()
        drop_first = True
        first = paragraphs[1].strip()
    dateline = _DATELINE.match(first)
    if dateline:
        outlet = outlet or dateline["outlet"].strip()
        if dateline["date"] and published is None:
            published = parse_date(dateline["date"])
            source = "dateline" if published else source
    return TextMetadata(outlet, published, source, author, drop_first, drop_last)
