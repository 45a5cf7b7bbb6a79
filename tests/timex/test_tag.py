"""The timex stage on the cases of real news its issue lists, with and without a DCT."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.records import Document, Timex, TimexKind
from newsgraph.timex import infer_year, parse_dct, tag

DATE, TIME, DURATION, SET = TimexKind.DATE, TimexKind.TIME, TimexKind.DURATION, TimexKind.SET


def _tag(nlp: Language, text: str, dct: str | None) -> list[Timex]:
    return tag(nlp(text), Document(doc_id="t", text=text, published=dct))


def _find(found: list[Timex], span_text: str) -> Timex:
    hits = [t for t in found if t.text == span_text]
    assert hits, f"{span_text!r} not found in {[t.text for t in found]}"
    return hits[0]


CASES = [
    # (sentence, DCT, timex text, kind, value, end_value)
    ("Putin visits North Korea on June 18-19.", "2024-06-17", "June 18-19", DATE, "2024-06-18", "2024-06-19"),
    ("(From The Yomiuri Shimbun, Sept. 15, 2023)", None, "Sept. 15, 2023", DATE, "2023-09-15", None),
    ("In April, Russia vetoed the panel's mandate.", "2024-06-17", "April", DATE, "2024-04", None),
    ("Putin will visit Pyongyang in April.", "2024-06-17", "April", DATE, "2025-04", None),
    # a past verb, but the date belongs to an event still ahead: "the slated visit ... in September"
    ("They had been talking about the slated visit of the commerce secretary in September.", "1998-08-26",
     "September", DATE, "1998-09", None),
    ("They had been talking about the visit of the commerce secretary in September.", "1998-08-26",
     "September", DATE, "1997-09", None),
    ("Exports have grown this year.", "2024-06-17", "this year", DATE, "2024", None),
    ("The envoy arrived last week.", "2024-06-17", "last week", DATE, "2024-W24", None),
    ("The talks ended on Monday.", "2024-06-19", "Monday", DATE, "2024-06-17", None),
    ("The talks will resume on Monday.", "2024-06-19", "Monday", DATE, "2024-06-24", None),
    ("Stocks closed lower on Friday, down 4.5% from the previous Friday.", "1989-10-30",
     "the previous Friday", DATE, "1989-10-20", None),
    ("The offer previously had been scheduled to expire at midnight Friday.", "1989-10-30", "midnight Friday",
     TIME, "1989-10-27T24:00", None),
    ("It is his first visit in 24 years since 2000.", "2024-06-17", "24 years", DURATION, "P24Y", None),
    ("It is his first visit in 24 years since 2000.", "2024-06-17", "2000", DATE, "2000", None),
    ("They met for the first time in about four and a half years.", "2024-06-17",
     "about four and a half years", DURATION, "P4.5Y", None),
    ("The meeting was their first in 4½ years.", "2023-09-15", "4½ years", DURATION, "P4.5Y", None),
    ("Ties were close in the 1990s.", "2024-06-17", "the 1990s", DATE, "199", None),
    ("The plant should open by mid-2024.", "2023-09-15", "mid-2024", DATE, "2024", None),
    ("Profits rose in the first quarter.", "2024-06-17", "the first quarter", DATE, "2024-Q1", None),
    ("Protesters gather every Tuesday.", "2024-06-17", "every Tuesday", SET, "XXXX-WXX-2", None),
    ("The council meets at 10 a.m. Wednesday.", "2024-06-17", "10 a.m. Wednesday", TIME, "2024-06-19T10:00",
     None),
    ("The summit opened on June 18, 2024. Two days later, the leaders signed a pact.", "2024-06-25",
     "Two days later", DATE, "2024-06-20", None),
    ("The strike came two days ago.", "2024-06-17", "two days ago", DATE, "2024-06-15", None),
    ("Officials said yesterday that talks failed.", "1998-02-06", "yesterday", DATE, "1998-02-05", None),
    ("The rate is now 5 percent.", "1998-02-06", "now", DATE, "PRESENT_REF", None),
    ("The talks lasted three days.", "1998-02-06", "three days", DURATION, "P3D", None),
    ("He was jailed in 1948 and freed in December 1953.", None, "December 1953", DATE, "1953-12", None),
    ("Earnings fell in the third quarter. A year earlier, the company earned more.", "1989-10-25",
     "A year earlier", DATE, "1988-Q3", None),
    ("The vote was held last November.", "1998-02-06", "last November", DATE, "1997-11", None),
    ("Prices fell in late November.", "1998-02-06", "late November", DATE, "1997-11", None),
    ("The talks ended Friday night.", "1998-02-06", "Friday night", TIME, "1998-02-06TNI", None),
    ("The embargo began Aug. 6, 1990.", None, "Aug. 6, 1990", DATE, "1990-08-06", None),
    ("Nineteen ninety-six was a bad year.", "1998-02-06", "Nineteen ninety-six", DATE, "1996", None),
    ("Buses run daily.", "1998-02-06", "daily", SET, "P1D", None),
    ("It was a symbol of the decades-long battle with the exiles.", "2000-01-15", "decades-long", DURATION,
     "PXY", None),
    ("Lawyers emerged from their third day-long meeting.", "2000-04-03", "day-long", DURATION, "P1D", None),
    ("The post-1959 politics split families.", "2000-02-24", "post-1959", DATE, "1959", None),
    ("He was hounded on Feb. 22. He appeared in court the next morning.", "2000-02-24", "the next morning",
     TIME, "2000-02-23TMO", None),
    ("He arrived on Feb. 22. He left the next day.", "2000-02-24", "the next day", DATE, "2000-02-23", None),
    # times anchored to an event the story dated before: the day after it, its month for "the weeks before"
    ("Slepian was shot to death on Oct. 23. Two men showed up at his house the day after his death.",
     "1998-11-21", "the day", DATE, "1998-10-24", None),
    ("Slepian was killed on Oct. 23. His car was seen in the weeks before the shooting.", "1999-05-06",
     "the weeks", DATE, "1998-10", None),
    ("Slepian was shot to death on the night of Oct. 23. The killer buried the rifle in the days before the "
     "shooting.", "1999-05-05", "the days", DATE, "1998-10", None),
    ("Slepian was killed on Oct. 23. A jogger saw the car 10 days before the murder.", "1999-05-06",
     "10 days", DURATION, "P10D", None),
    ("Slepian was killed last Oct. 23. Slepian was shot to death at 10 p.m. in his kitchen.", "1999-04-19",
     "10 p.m.", TIME, "1998-10-23T22:00", None),
    ("Slepian was killed last Oct. 23. A jogger saw the car at 6 a.m. ten days before the shooting.",
     "1999-04-19", "6 a.m.", TIME, "1998-10-13T06:00", None),
    ("Talks opened on Feb. 22. Over the next day, envoys met twice.", "2000-02-24", "the next day", DURATION,
     "P1D", None),
    ("He was a 6-year-old boy.", "2000-01-06", "", DATE, "", None),
    # calendar units and results conventions (TimeBank)
    ("For the year, pet food volume was flat.", "1989-11-02", "the year", DATE, "1989", None),
    ("It had revenue of $76 million for the year ended June 30.", "1989-11-02", "the year", DURATION, "P1Y",
     None),
    ("Hate groups grew over the past year.", "1998-02-06", "the past year", DATE, "1997", None),
    ("Net rose 5% in the latest fiscal year.", "1989-10-26", "the latest fiscal year", DATE, "1988", None),
    ("Wages lost to inflation in the last decade.", "1990-08-15", "the last decade", DATE, "198", None),
    ("The deal should close by year-end.", "1989-11-02", "year-end", DATE, "1989-12-31", None),
    ("The index change is since year-end.", "1989-10-30", "year-end", DATE, "1988-12-31", None),
    ("Earnings fell in the third quarter. Revenue declined to $85 million from $93 million a year earlier.",
     "1989-11-02", "a year earlier", DATE, "1988-Q3", None),
    ("Net rose in the third quarter to $24 million, compared with a loss of $3 million last year.",
     "1989-11-02", "last year", DATE, "1988-Q3", None),
    # anchors at month and year granularity
    ("He fled to Florida in June 1998 and returned to Cuba later that year.", "2000-01-28", "later that year",
     DATE, "1998", None),
    # two dates in one phrase are two timexes
    ("The summit will be held on April 24 and 25.", "1999-02-10", "April 24", DATE, "1999-04-24", None),
    ("The summit will be held on April 24 and 25.", "1999-02-10", "25", DATE, "1999-04-25", None),
    ("Shares rose from Aug. 26 to Oct. 20.", "1989-10-30", "Oct. 20", DATE, "1989-10-20", None),
    # direction cues
    ("He was shot dead last Oct. 23 at his home.", "1999-04-19", "last Oct. 23", DATE, "1998-10-23", None),
    ("Until Thursday, the police had not called him a suspect.", "1999-05-07", "Thursday", DATE, "1999-05-06",
     None),
    ("The new office of the chairman is effective Feb. 1.", "1989-10-26", "Feb. 1", DATE, "1990-02-01", None),
    ("The helicopters crashed last February.", "1998-03-01", "last February", DATE, "1997-02", None),
    ("NATO will admit them in April next year.", "1998-08-11", "April next year", DATE, "1999-04", None),
    ("It was the theme of our campaign until Election Day.", "1998-10-26", "Election Day", DATE, "1998-11-03",
     None),
    ("It may be resolved in a hearing the week of March 6.", "2000-02-24", "the week of March 6", DATE,
     "2000-W10", None),
    ("For weeks the government has held such rallies.", "2000-01-15", "weeks", DURATION, "PXW", None),
    # a month that modifies a noun takes no tense from the clause: the nearest June, which is behind
    ("The bank is continuing to try to sell itself, under a June agreement with shareholders.", "1989-10-27",
     "June", DATE, "1989-06", None),
    ("For the people of Poland, high noon comes today.", "1999-03-12", "today", DATE, "1999-03-12", None),
    # a clock fraction goes to the next smaller unit; a calendar fraction stays decimal (P4.5Y above)
    ("She spent about 5 1/2 hours in Nairobi.", "1998-08-17", "about 5 1/2 hours", DURATION, "PT5H30M", None),
    ("The speech lasted an hour and a half.", "1998-01-14", "an hour and a half", DURATION, "PT1H30M", None),
    ("The blast lasted a minute and a half.", "1998-01-14", "a minute and a half", DURATION, "PT1M30S", None),
    ("Talks ran for a year and a half.", "1998-01-14", "a year and a half", DURATION, "P1.5Y", None),
    # years said in words after a month or season (broadcast transcripts)
    ("Prices rose in January nineteen ninety-seven.", "1998-02-27", "January nineteen ninety-seven", DATE,
     "1997-01", None),
    ("Snow fell in the winter of nineteen ninety-four.", "1998-02-23", "winter of nineteen ninety-four", DATE,
     "1994-WI", None),
    # a recurrence, unless a quantity makes it a rate
    ("Such ceremonies are held here annually.", "2000-01-28", "annually", SET, "P1Y", None),
    ("Sales should rise 8.5% annually.", "1989-10-30", "", DATE, "", None),
    ("It would be a second betrayal.", "2000-04-17", "", DATE, "", None),
    ("Iraq imports about three-quarters of its food.", "1990-08-15", "", DATE, "", None),
    ("Thousands of pilgrims arrived for Easter week.", "2000-04-17", "Easter week", DATE, "2000-W16", None),
    ("The day before last Tuesday's hearing, he met them.", "2000-02-24", "The day before last Tuesday", DATE,
     "2000-02-21", None),
    ("She arrived the day before yesterday.", "2000-02-24", "the day before yesterday", DATE, "2000-02-22",
     None),
    ("In London at mid-afternoon yesterday, shares were up.", "1989-11-02", "mid-afternoon yesterday", TIME,
     "1989-11-01TAF", None),
    ("By mid afternoon, officials said so.", "1998-03-06", "mid afternoon", TIME, "1998-03-06TAF", None),
    # the reported quarter and its year-ago twin (results stories)
    ("Net fell in the third quarter. Sales were flat from the quarter a year ago.", "1989-10-26",
     "the quarter a year ago", DATE, "1988-Q3", None),
    ("Net fell in the third quarter, compared with last year's quarter.", "1989-10-26", "last year's quarter",
     DATE, "1988-Q3", None),
    ("Net fell in the third quarter from the corresponding period last year.", "1989-10-26",
     "the corresponding period last year", DATE, "1988-Q3", None),
    ("Net fell in the third quarter. It earned $3 million in the 1988 quarter.", "1989-10-30",
     "the 1988 quarter", DATE, "1988-Q3", None),
    ("It posted net income for the fiscal second-quarter of $8.6 million.", "1989-10-26",
     "the fiscal second-quarter", DATE, "1989-Q2", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "dct", "span_text", "kind", "value", "end_value"), CASES)
def test_finds_and_normalises(
    nlp: Language,
    text: str,
    dct: str | None,
    span_text: str,
    kind: TimexKind,
    value: str,
    end_value: str | None,
) -> None:
    found = _tag(nlp, text, dct)
    if not span_text:
        assert found == []
        return
    timex = _find(found, span_text)
    assert (timex.kind, timex.value, timex.end_value) == (kind, value, end_value)
    start, end = timex.span
    assert text[start:end] == span_text


@pytest.mark.parametrize(
    ("text", "span_text", "approximate"),
    [
        ("They met for the first time in about four and a half years.", "about four and a half years", True),
        ("The meeting was their first in 4½ years.", "4½ years", True),
        ("The talks lasted three days.", "three days", False),
    ],
)
def test_marks_approximate_durations(nlp: Language, text: str, span_text: str, approximate: bool) -> None:
    assert _find(_tag(nlp, text, "2024-06-17"), span_text).approximate is approximate


@pytest.mark.parametrize(
    ("text", "span_text", "value", "anchor"),
    [
        ("The summit is on June 17.", "June 17", "XXXX-06-17", "none"),
        ("The talks ended on Monday.", "Monday", "XXXX-WXX-1", "none"),
        ("Exports have grown this year.", "this year", "XXXX", "none"),
        ("He left in April.", "April", "XXXX-04", "none"),
        (
            "It is his first visit in 24 years since 2000. He arrives on June 18.",
            "June 18",
            "2024-06-18",
            "inferred",
        ),
    ],
)
def test_without_dct_leaves_the_year_open(
    nlp: Language, text: str, span_text: str, value: str, anchor: str
) -> None:
    timex = _find(_tag(nlp, text, None), span_text)
    assert (timex.value, timex.anchor) == (value, anchor)


def test_relative_anchor_is_the_previous_date(nlp: Language) -> None:
    text = "The summit opened on June 18, 2024. Two days later, the leaders signed a pact."
    assert _find(_tag(nlp, text, "2024-06-25"), "Two days later").anchor == "relative"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Putin's visit is his first in 24 years since 2000.", 2024),
        ("The first in ten years since 2013, after talks in 2015.", 2023),
        ("The first in 5 years since 2010, after talks in 2019.", None),  # contradicts a year the text names
        ("Talks were held in 2015 and 2019.", None),
    ],
)
def test_infer_year(text: str, year: int | None) -> None:
    assert infer_year(text) == year


@pytest.mark.parametrize(
    ("published", "iso"),
    [
        ("2024-06-17", "2024-06-17"),
        ("2024-06-17T09:30:00Z", "2024-06-17"),
        ("2024-06", "2024-06-01"),
        (None, None),
    ],
)
def test_parse_dct(published: str | None, iso: str | None) -> None:
    parsed = parse_dct(published)
    assert (parsed.isoformat() if parsed else None) == iso


def test_empty_text_has_no_timex(nlp: Language) -> None:
    assert _tag(nlp, "", "2024-06-17") == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The poster showed Gary Cooper in High Noon.", "Noon"),
    ],
)
def test_not_a_timex(nlp: Language, text: str, absent: str) -> None:
    assert absent not in [t.text for t in _tag(nlp, text, "1998-08-11")]


@pytest.mark.xfail(
    reason="a bare 'the year' is too ambiguous for the rules (TimeBank tags it as date or duration)"
)
def test_bare_the_year(nlp: Language) -> None:
    timex = _find(_tag(nlp, "The year was a disaster for Asia's markets.", "1998-01-08"), "The year")
    assert timex.value == "1998"


@pytest.mark.xfail(
    reason="future-in-the-past without a cue: 'as soon as trading opened Monday' reads as past"
)
def test_future_in_the_past_weekday(nlp: Language) -> None:
    text = "Institutions were likely to buy its stock as soon as trading opened Monday."
    assert _find(_tag(nlp, text, "1989-11-01"), "Monday").value == "1989-11-06"
