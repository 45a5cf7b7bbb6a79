"""Page furniture as data: the shipped rules load and check themselves; paywall prompts, calls to action,
"Read more" lines and datelines leave the text; CMS names and headlines are no title or outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import DataError
from newsgraph.extract.html_meta import good_outlet, good_title
from newsgraph.extract.patterns import KINDS, load, patterns
from newsgraph.extract.text import clean_lines

HEADER = "kind\tpattern\texample\twhy\n"
ARTICLE = [
    "South Korea and Japan agreed on Thursday to resume regular talks between their defence ministries.",
    "The two governments said the first meeting would take place in Tokyo next month, officials said.",
    "Analysts cautioned that the talks could stall again if the dispute over compensation flared up.",
]
FURNITURE = [
    "To view the full story, please subscribe to our digital edition.",
    "Subscribe now to our eNATION edition and get the news on your smartphone.",
    "Read more: North Korea fires ballistic missile into the sea, Seoul says",
    "READ MORE: China plague outbreak confirmed: Two diagnosed with disease in Beijing",
    "Related: Japan and South Korea leaders meet for first time in years",
    "Get The Times of Israel's Daily Edition by email and never miss our top stories",
    "We want to hear what you think about this article. Submit a letter to the editor or write to us.",
    "Subscribe to WIRED and stay smart with more of your favorite Ideas writers.",
    "CLICK HERE TO GET THE FOX NEWS APP",
]


def test_the_shipped_rules_load_with_every_kind() -> None:
    rules = patterns()
    assert rules.lines and rules.tails and rules.furniture and rules.edges and rules.cms_titles
    assert set(KINDS) == {"line", "tail", "furniture", "edge", "cms-title"}


@pytest.mark.parametrize("line", FURNITURE)
def test_calls_to_action_are_furniture(line: str) -> None:
    assert patterns().is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        *ARTICLE,
        "Click here to get more information or download this game.",  # the benchmark's gold keeps it
        "Follow NBC Latino on Facebook, Twitter and Instagram.",
        "Sign up for a Hulu ad-free account for $11.99 a month",
        "Readers who subscribe to the theory argue that the talks were doomed from the start.",
        "Related coverage of the summit has focused on the two leaders' body language and little else, "
        "while the substance of the talks - missile data, maritime incidents, export controls - went "
        "largely unreported in either country, a gap that officials on both sides said they regretted "
        "and hoped to close at the next meeting in Tokyo, scheduled for the spring.",  # prose, too long
    ],
)
def test_article_sentences_are_not(line: str) -> None:
    assert not patterns().is_furniture(line)


def test_datelines_go_only_at_either_end() -> None:
    dated = "May 06, 2022 News"
    assert patterns().strip([dated, *ARTICLE, dated]) == ARTICLE
    assert patterns().strip([ARTICLE[0], dated, ARTICLE[1]]) == [ARTICLE[0], dated, ARTICLE[1]]


def test_scraped_text_loses_them_too() -> None:
    """The text filter kept every line that read like a sentence, calls to action included."""
    raw = "\n".join(["Seoul and Tokyo agree to resume talks", "May 06, 2022 News", *FURNITURE[:4], *ARTICLE])
    clean = clean_lines(raw + "\nMay 06, 2022 News\n")
    assert list(clean.paragraphs) == ARTICLE


@pytest.mark.parametrize("title", ["escenic", "Escenic", "WordPress", "Untitled document", "Home"])
def test_cms_names_and_placeholders_are_no_title(title: str) -> None:
    assert not good_title(title)


def test_a_headline_or_a_bare_domain_is_no_outlet() -> None:
    title = "Philippines protests Chinese coast guard water cannon attack"
    assert not good_outlet(title, title)
    assert not good_outlet("Philippines protests Chinese coast guard water cannon", title)
    assert not good_outlet("catchitkansas.com", title) and not good_outlet("www.example.org", title)
    for outlet in ("Express.co.uk", "Phys.org", "The Yomiuri Shimbun", "Reuters"):
        assert good_outlet(outlet, title)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("furniture\t(unclosed\tx\twhy\n", "does not compile"),
        ("furniture\tread more: .+\tsomething else\twhy\n", "does not match its own example"),
        ("footer\tx\tx\twhy\n", "unknown kind 'footer'"),
        ("line\tShare\tShare\twhy\nline\tshare\tshare\twhy\n", "listed twice"),
        ("line\tShare\n", "2 columns"),
    ],
)
def test_a_broken_rule_fails_loading_with_its_line(tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text("# comment\n" + HEADER + rows, encoding="utf-8")
    with pytest.raises(DataError, match=message) as caught:
        load(path)
    assert f"{path}:" in caught.value.message


def test_the_header_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text("type\tregex\n", encoding="utf-8")
    with pytest.raises(DataError, match="header"):
        load(path)
