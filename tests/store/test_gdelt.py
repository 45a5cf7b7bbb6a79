"""GDELT-style TSV: GDELT 2.0's columns in GDELT's order, our columns after, every row traceable."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.records import Actor, Document, Event, EventDate, EventType, Factuality, Location, Mention
from newsgraph.store.gdelt import COLUMNS, GDELT_COLUMNS, gdelt_row, write_gdelt

TEXT = "Officials met.\n\nNorth Korean troops shelled Seoul on June 3, 2024, the ministry said."
SENTENCE = "North Korean troops shelled Seoul on June 3, 2024, the ministry said."


def _event(**changes: object) -> Event:
    base: dict[str, object] = {
        "doc_id": "d1",
        "id": "d1:e0",
        "event_type": EventType.ASSAULT,
        "trigger": "shelled",
        "span": (16, 49),
        "sentence": SENTENCE,
        "source": Mention(
            "North Korean troops", (16, 35), Actor("PRK", "North Korea", "state", country="PRK", sector="MIL")
        ),
        "target": Mention("Seoul", (44, 49), Actor("KOR", "South Korea", "state", country="KOR")),
        "factuality": Factuality.REPORTED,
        "quad_class": 4,
        "date": EventDate("June 3, 2024", "2024-06-03", "timex"),
        "location": Location("Seoul", (44, 49), country="KOR"),
        "factuality_cues": ("said",),
        "claim_id": "d1:c0",
    }
    base.update(changes)
    return Event(**base)  # type: ignore[arg-type]


DOC = Document(doc_id="d1", text=TEXT, url="https://example.org/a", published="2024-06-05", outlet="Wire")


def test_gdelt_columns_are_gdelt_2_event_columns() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:30] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_row_fills_what_newsgraph_knows() -> None:
    row = gdelt_row(_event(), DOC)
    assert row["SQLDATE"] == "20240603" and row["MonthYear"] == "202406" and row["Year"] == "2024"
    assert row["DateAnchor"] == "timex" and row["FractionDate"].startswith("2024.4")
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("PRKMIL", "PRK", "MIL")
    assert (row["Actor2Code"], row["Actor2Name"]) == ("KOR", "SOUTH KOREA")
    assert row["IsRootEvent"] == "0"  # second paragraph
    assert (row["QuadClass"], row["PLOVERType"], row["Factuality"]) == ("4", "ASSAULT", "reported")
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Seoul", "KOR")
    assert row["EventCode"] == "" and row["GoldsteinScale"] == ""  # CAMEO notions: left empty, not guessed
    start, end = int(row["SentenceStart"]), int(row["SentenceEnd"])
    assert TEXT[start:end] == row["Sentence"] == SENTENCE
    assert row["SOURCEURL"] == "https://example.org/a" and row["ClaimID"] == "d1:c0"


def test_row_falls_back_to_the_document_date_and_says_so() -> None:
    month_only = gdelt_row(_event(date=EventDate("June 2024", "2024-06", "timex")), DOC)
    assert month_only["SQLDATE"] == "20240605" and month_only["DateAnchor"] == "document"
    assert month_only["EventDateValue"] == "2024-06"
    undated = gdelt_row(_event(date=None), Document(doc_id="d1", text=TEXT))
    assert undated["SQLDATE"] == "" and undated["DateAnchor"] == "none"


def test_tsv_has_one_line_per_event_even_with_tabs_and_newlines() -> None:
    messy = _event(sentence="North Korean\ttroops\nshelled Seoul.")
    out = io.StringIO()
    assert write_gdelt([_event(), messy], {"d1": DOC}, out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and all(line.count("\t") == len(COLUMNS) - 1 for line in lines)


def test_a_sentence_with_double_quotes_is_written_as_it_is() -> None:
    """QUOTE_NONE with csv's default quote character raised "need to escape" on such a sentence."""
    quoted = _event(sentence='Seoul said "North Korean troops shelled" the border.', trigger='"shelled"')
    out = io.StringIO()
    assert write_gdelt([quoted], {"d1": DOC}, out) == 1
    row = dict(zip(COLUMNS, out.getvalue().splitlines()[1].split("\t"), strict=True))
    assert row["Sentence"] == 'Seoul said "North Korean troops shelled" the border.'


def test_events_command_writes_gdelt_tsv_from_the_store(tmp_path: Path, seeds_dir: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", str(seeds_dir), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["events", "--db", db, "--format", "jsonl", "--limit", "0"])
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    result = runner.invoke(app, ["events", "--db", db, "--format", "gdelt", "--limit", "0"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == len(events) > 10
    assert [r["GLOBALEVENTID"] for r in rows] == [e["id"] for e in events]
    shown = runner.invoke(app, ["show", "03af38b2667d0802", "--db", db, "--format", "jsonl"])
    text = next(json.loads(x)["text"] for x in shown.stdout.splitlines() if '"type": "document"' in x)
    yomiuri = [r for r in rows if r["DocID"] == "03af38b2667d0802"]
    assert yomiuri and all(r["SQLDATE"] for r in yomiuri)  # the sign-off dates every event
    for row in yomiuri:
        sentence = text[int(row["SentenceStart"]) : int(row["SentenceEnd"])]
        assert " ".join(sentence.split()) == row["Sentence"]
    conditional = [r for r in rows if "If North Korea provides weapons" in r["Sentence"]]
    assert conditional and "hypothetical" in {r["Factuality"] for r in conditional}
    assert "asserted" not in {r["Factuality"] for r in conditional}
