"""Events as GDELT-style TSV: GDELT 2.0's 61 event columns, then the columns GDELT has no room for.

Tools built for GDELT's event files read these rows unchanged. Where newsgraph knows a GDELT field
it is filled; where it does not, the field is left empty rather than guessed:

- ``EventCode``/``EventBaseCode``/``EventRootCode`` and ``GoldsteinScale`` are CAMEO notions; newsgraph
  codes events in PLOVER, so the type is in ``PLOVERType`` (and ``PLOVERMode``), and ``QuadClass`` carries
  the CAMEO quad class (1-4) as GDELT does.
- Country codes are ISO 3166-1 alpha-3 throughout (GDELT's ``*Geo_CountryCode`` uses FIPS 10-4).
- ``SQLDATE`` is the event's own date when the text gives it to the day, else the document's date (as
  GDELT always does); ``EventDateValue`` and ``DateAnchor`` say which.
- One row per extracted event: ``NumMentions``/``NumSources``/``NumArticles`` are 1; ``IsRootEvent`` is 1
  when the event is in the document's first paragraph, as in GDELT.
- What GDELT cannot say is appended: ``Factuality`` (a hypothetical or predicted event is never
  silently a fact), its cue words, the claim an event is reported in, the trigger, the sentence and
  its character offsets, so every row points back to the words it came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import IO

from newsgraph.records import Document, Event, Mention

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "PLOVERType",
    "PLOVERMode",
    "Factuality",
    "FactualityCues",
    "ClaimID",
    "EventDateValue",
    "DateAnchor",
    "Trigger",
    "Actor1Text",
    "Actor2Text",
    "DocID",
    "Outlet",
    "SentenceStart",
    "SentenceEnd",
    "Sentence",
)
COLUMNS: tuple[str, ...] = GDELT_COLUMNS + EXTRA_COLUMNS

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_GROUP_KINDS = ("organisation", "group", "outlet")


def _day(value: str | None) -> dt.date | None:
    match = _DAY.match(value or "")
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _actor(mention: Mention | None) -> dict[str, str]:
    if mention is None:
        return {}
    actor = mention.actor
    if actor is None:
        return {"Name": mention.text}
    country = actor.country or ""
    sector = actor.sector or ""
    group = actor.id if actor.kind in _GROUP_KINDS else ""
    return {
        # a CAMEO-style actor code: country, then sector ("PRKGOV"), else the group's own code
        "Code": (country + sector) or group,
        "Name": actor.name.upper(),
        "CountryCode": country,
        "KnownGroupCode": group,
        "Type1Code": sector,
    }


def _tsv_cell(value: str) -> str:
    # GDELT's files have no quoting: keep every row on one line and tabs out of the fields
    return " ".join(value.split())


def gdelt_row(event: Event, document: Document | None) -> dict[str, str]:
    """One event as a GDELT-style row (every value a string; empty where unknown)."""
    event_day = _day(event.date.value if event.date else None)
    day = event_day or _day(document.published if document else None)
    row: dict[str, str] = dict.fromkeys(COLUMNS, "")
    row["GLOBALEVENTID"] = event.id
    if day:
        row["SQLDATE"] = day.strftime("%Y%m%d")
        row["MonthYear"] = day.strftime("%Y%m")
        row["Year"] = str(day.year)
        row["FractionDate"] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    for side, mention in (("Actor1", event.source), ("Actor2", event.target)):
        for key, value in _actor(mention).items():
            row[f"{side}{key}"] = value
        row[f"{side}Text"] = mention.text if mention else ""
    text = document.text if document else ""
    first_break = text.find("\n\n")
    row["IsRootEvent"] = "1" if first_break < 0 or event.span[0] < first_break else "0"
    row["QuadClass"] = str(event.quad_class) if event.quad_class else ""
    row["NumMentions"] = row["NumSources"] = row["NumArticles"] = "1"
    if event.location is not None:
        row["ActionGeo_FullName"] = event.location.text
        row["ActionGeo_CountryCode"] = event.location.country or ""
    row["SOURCEURL"] = (document.url or document.path or "") if document else ""
    row["PLOVERType"] = str(event.event_type.value)
    row["PLOVERMode"] = event.mode or ""
    row["Factuality"] = str(event.factuality.value)
    row["FactualityCues"] = "|".join(event.factuality_cues)
    row["ClaimID"] = event.claim_id or ""
    row["EventDateValue"] = (event.date.value or "") if event.date else ""
    if event_day and event.date:
        row["DateAnchor"] = event.date.anchor
    else:
        row["DateAnchor"] = "document" if day else "none"
    row["Trigger"] = event.trigger
    row["DocID"] = event.doc_id
    row["Outlet"] = (document.outlet or "") if document else ""
    sentence = event.sentence.strip()
    # the sentence's place in the document: search from the event itself, so a repeated sentence is found
    start = text.rfind(sentence, 0, event.span[0] + len(sentence)) if text and sentence else -1
    if start >= 0:
        row["SentenceStart"], row["SentenceEnd"] = str(start), str(start + len(sentence))
    row["Sentence"] = sentence
    return {key: _tsv_cell(value) for key, value in row.items()}


def write_gdelt(
    events: Iterable[Event], documents: Mapping[str, Document], out: IO[str], *, header: bool = True
) -> int:
    """Write events as tab-separated GDELT-style rows (with a header line unless ``header=False``)."""
    # No quote character either: a sentence with a double quote in it is written as it is (with the
    # default quotechar, QUOTE_NONE refuses such a field).
    writer = csv.writer(
        out, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None, lineterminator="\n"
    )
    if header:
        writer.writerow(COLUMNS)
    count = 0
    for event in events:
        row = gdelt_row(event, documents.get(event.doc_id))
        writer.writerow([row[c] for c in COLUMNS])
        count += 1
    return count
