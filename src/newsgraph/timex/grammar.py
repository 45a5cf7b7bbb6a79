"""The rule table: each time expression pattern with the resolver that gives its value."""

from __future__ import annotations

import re

from newsgraph.timex.context import APPROX_RE, MOD_RE, Rule
from newsgraph.timex.dates import (
    century,
    decade,
    dmy_date,
    full_date,
    holiday,
    month_alone,
    month_year,
    numeric_date,
    period,
    quarter,
    season,
    spelled_year,
    week_of,
    year_alone,
    year_edge,
)
from newsgraph.timex.durations import bare_plural, duration, frequency, unit_long, vague_duration, whole_unit
from newsgraph.timex.lexicon import (
    DAYNUM_RE,
    FULL_MONTH_RE,
    MONTH_RE,
    NUMBER_RE,
    SPELLED_YEAR_RE,
    UNIT_RE,
    WEEKDAY_RE,
    YEAR_RE,
)
from newsgraph.timex.relative import (
    ago,
    anchored_rel,
    clock,
    deictic_day,
    reference,
    relative_unit,
    unit_edge,
    weekday_rule,
    weekend,
    year_ago,
)


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-]){pattern}(?![\w]|-\w)", re.I)


RULES: tuple[Rule, ...] = (
    Rule("full_date", _c(
        rf"(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?(?:{WEEKDAY_RE},?\s+)?(?P<m>{MONTH_RE})\s*(?P<d>{DAYNUM_RE})(?!\d)"
        rf"(?:\s*(?P<conj>-|–|to|through|and|until)\s*(?:(?P<m2>{MONTH_RE})\s*)?(?P<d2>{DAYNUM_RE})(?!\d))?"
        rf"(?:,?\s*(?P<y>{YEAR_RE}))?"), full_date, 3),
    Rule("dmy_date", _c(
        rf"(?:{WEEKDAY_RE},?\s+)?(?P<d>{DAYNUM_RE})(?:\s*(?:-|–)\s*(?P<d2>{DAYNUM_RE}))?\s+(?:of\s+)?"
        rf"(?P<m>{MONTH_RE})(?P<m2>)(?:,?\s+(?P<y>{YEAR_RE}))?"), dmy_date, 3),
    Rule("week_of", _c(rf"the\s+week\s+of\s+(?P<m>{MONTH_RE})\s*(?P<d>{DAYNUM_RE})(?!\d)(?P<m2>)(?P<d2>)"
                       rf"(?:,?\s*(?P<y>{YEAR_RE}))?"), week_of, 3),
    Rule("numeric_date", _c(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"), numeric_date, 3),
    Rule("month_year", _c(rf"{MOD_RE}(?P<m>{MONTH_RE}),?\s+(?:of\s+)?(?:(?P<y>{YEAR_RE}|'\d\d)"
                          rf"|(?P<sy>{SPELLED_YEAR_RE}))"), month_year, 2),
    Rule("month", _c(rf"{MOD_RE}(?:(?P<rel>last|this|next|past|coming|previous)\s+)?"
                     rf"(?P<m>{FULL_MONTH_RE}|(?:jan|feb|aug|sept|oct|nov|dec)\.)"
                     r"(?:\s+(?P<yr>this|last|next)\s+year)?"), month_alone, 1),
    Rule("year", _c(rf"{MOD_RE}(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year)\s*)?"
                    rf"(?P<y>{YEAR_RE})"), year_alone, 1),
    Rule("year_edge", _c(rf"(?:pre|post)-(?P<y>{YEAR_RE})"), year_edge, 1),
    Rule("decade", _c(rf"(?:the\s+)?{MOD_RE}(?:(?P<dy>1[5-9]\d|20\d)0'?s|'(?P<dy2>\d)0s"
                      r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"),
         decade, 1),
    Rule("century", _c(r"(?:the\s+)?(?P<ord>\w+)[\s-]century"), century, 1),
    Rule("holiday", _c(r"(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?"
                       r"|thanksgiving(?:\s+day)?"
                       r"|easter(?:\s+sunday)?|independence\s+day|labor\s+day|memorial\s+day|veterans\s+day"
                       r"|election\s+day"
                       r"|halloween|valentine's\s+day)(?P<wk>\s+week)?"
                       rf"(?:,?\s+(?P<y>{YEAR_RE}))?"), holiday, 1),
    Rule("weekday", _c(r"(?:(?P<rel>last|this|next|this\s+past|this\s+coming|early|late"
                       r"|the\s+previous|the\s+preceding|the\s+following)\s+)?"
                       rf"(?P<w>{WEEKDAY_RE})"
                       r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"), weekday_rule, 1),
    Rule("deictic", _c(r"(?:(?:early|late)\s+)?(?P<rd>today|yesterday|tomorrow|tonight)"
                       r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
                       r"|(?P<this>this|last)\s+(?P<pod2>morning|afternoon|evening|night)"
                       r"|mid-?\s?(?P<pod3>morning|afternoon)(?:\s+(?P<rd3>yesterday|today|tomorrow))?"),
         deictic_day, 1),
    Rule("clock", _c(r"(?<!high\s)"
        r"(?:(?P<h>\d{1,2})(?:[:.](?P<min>\d\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m)|(?P<noon>noon|midnight|midday))"
        r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|JST|KST))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<w>{WEEKDAY_RE})|(?P<rd>today|yesterday|tomorrow)"
        rf"|(?P<cm>{MONTH_RE})\s*(?P<cd>{DAYNUM_RE})(?!\d)))?"), clock, 2),
    Rule("reference", _c(r"(?P<ref>now|nowadays|currently|current|presently|at\s+present|these\s+days"
                         r"|the\s+present"
                         r"|recently|recent|lately|the\s+past|the\s+future|future)"),
         reference, 0),
    Rule("relative_unit", _c(
        rf"{MOD_RE}(?P<rel>(?:the\s+)?(?:last|this|next|past|previous|coming|current|same|following|prior|latest)"
        r"|this\s+past|this\s+coming|(?:earlier|later|late|early)\s+(?:this|last|next))\s+"
        r"(?P<u>week|month|year|weekend|decade|century|spring|summer|fall|autumn|winter|fiscal\s+year|season|day)"),
         relative_unit, 1),
    Rule("ago", _c(rf"{APPROX_RE}(?P<n>{NUMBER_RE})[\s-]+(?P<u>{UNIT_RE})s?\s+"
                   r"(?P<dir>ago|earlier|later|from\s+now|hence|back)"), ago, 2),
    Rule("duration", _c(
        rf"{APPROX_RE}(?:(?P<the>the|a|another)\s+)?(?:(?:first|last|past|next|previous|coming|final|initial|latest"
        r"|following|preceding|remaining|full|entire|whole|additional|further|another|better\s+part\s+of)\s+)?"
        rf"(?P<n>{NUMBER_RE})(?P<hyph>[\s-]+)(?:(?:more|additional|consecutive|straight|full|long)\s+)?"
        rf"(?P<u>{UNIT_RE})(?P<pl>s)?(?:-long)?(?P<half>\s+and\s+a\s+half)?"), duration, 1),
    Rule("unit_long", _c(r"(?P<u>hour|day|week|month|year|decade|century)(?P<pl>s)?-long"), unit_long, 1),
    Rule("vague_duration", _c(
        r"(?P<adj>recent|several|many|the\s+next\s+few|the\s+past\s+few|the\s+last\s+few|coming|the\s+coming)\s+"
        r"(?P<u>year|month|week|day|decade|hour|minute)s"), vague_duration, 1),
    Rule("quarter", _c(
        rf"(?:(?P<the>the)\s+)?(?P<pre>(?:(?:{YEAR_RE}|this\s+year's|last\s+year's|next\s+year's|fiscal|year-ago"
        r"|year-earlier|year\s+ago|year\s+earlier|same|latest|current|past|last|recent|previous|prior|just-ended"
        r"|comparable|corresponding|calendar|first|second|third|fourth|1st|2nd|3rd|4th|fiscal)[\s-]+)*)"
        rf"(?P<q>quarter|half)(?P<pl>s)?(?:\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})|fiscal\s+(?P<fy>{YEAR_RE})"
        r"|(?P<yr>this|last|next)\s+year|(?P<ago>a\s+year\s+(?:ago|earlier))))?"), quarter, 2),
    Rule("period", _c(r"the\s+(?:same|latest|year-earlier|year-ago|comparable|corresponding|year-before)"
                      r"\s+period"
                      r"(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?"), period, 1),
    Rule("spelled_year", _c(rf"(?:the\s+year\s+)?(?P<sy>{SPELLED_YEAR_RE})"), spelled_year, 1),
    Rule("unit_edge", _c(r"(?:(?:the\s+)?(?:end|beginning|start|middle|rest|balance)\s+of\s+(?:the|this)\s+"
                         r"|(?:the\s+)?full\s+|year-|the\s+current\s+)(?P<u>year|month|week|end)"),
         unit_edge, 1),
    Rule("for_the_unit", re.compile(r"(?<=\bfor\s)the\s+(?:fiscal\s+)?(?P<u>year|month|week)(?![\w-])", re.I),
         whole_unit, 0),
    Rule("for_plural", re.compile(
        r"(?<=\bfor\s)(?P<u>years|months|weeks|days|decades|hours)(?![\w-])(?!\s+(?:to|of|ago|before|after))",
        re.I), bare_plural, 0),
    Rule("year_ago", _c(r"year-(?:earlier|ago)|year\s+earlier"), year_ago, 0),
    Rule("weekend", _c(r"the\s+weekend"), weekend, 0),
    Rule("season", _c(rf"(?:(?P<mod>early|late|mid)[-\s]+)?(?P<s>spring|summer|fall|autumn|winter)"
                      rf"(?:\s+(?:of\s+)?(?:(?P<y>{YEAR_RE})|(?P<sy>{SPELLED_YEAR_RE})))?"), season, 0),
    Rule("set", _c(
        rf"(?:every|each|per)\s+(?:(?P<other>other|single)\s+)?(?:(?P<n>{NUMBER_RE})\s+)?"
        rf"(?P<u>{UNIT_RE}s?|{WEEKDAY_RE}|morning|afternoon|evening|night)"
        r"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|semiannually"
        r"|(?:once|twice|(?:\d+|two|three|four|five|six)\s+times)\s+a\s+(?:year|month|week|day))"
        r"|(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"), frequency, 1),
    Rule("anchored", _c(r"(?:later|earlier)?\s*(?P<w>that|the\s+same|the\s+following|the\s+next)\s+"
                        r"(?:(?P<u>day|week|month|year)|(?P<pod>morning|afternoon|evening|night))"),
         anchored_rel, 0),
)  # fmt: skip
