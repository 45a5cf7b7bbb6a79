"""extract_html on golden pages, bad inputs, and the paragraph merge that combines the two extractors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml.html import fragment_fromstring

from newsgraph.errors import EmptyInputError, InputError, MalformedInputError, NoTextError
from newsgraph.extract.html import HtmlArticle, extract_html
from newsgraph.extract.html_merge import merge_paragraphs
from newsgraph.extract.html_readability import html_paragraphs

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"
GOLDEN = sorted(p.stem for p in PAGES.glob("*.html"))


def _expected(name: str) -> dict[str, str | None]:
    with (PAGES / f"{name}.json").open(encoding="utf-8") as fh:
        expected: dict[str, str | None] = json.load(fh)
    return expected


def test_golden_pages_present() -> None:
    assert {"boilerplate", "malformed", "quote_and_list", "french", "fragment"} <= set(GOLDEN)


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_page(name: str) -> None:
    html = (PAGES / f"{name}.html").read_text(encoding="utf-8")
    article = extract_html(html)
    expected = _expected(name)
    # Only the fields the JSON names are pinned: the malformed page's metadata is garbled on purpose.
    got = {field: getattr(article, field) for field in expected}
    assert got == expected


@pytest.mark.parametrize("name", GOLDEN)
def test_paragraphs_are_blank_line_separated(name: str) -> None:
    text = extract_html((PAGES / f"{name}.html").read_text(encoding="utf-8")).text
    assert "\n\n\n" not in text
    assert all(line.strip() == line and line for line in text.split("\n\n"))


@pytest.mark.parametrize(
    ("page", "boilerplate"),
    [
        ("boilerplate", "Accept all cookies"),
        ("boilerplate", "Related stories"),
        ("boilerplate", "Nothing will come of this"),  # a reader comment
        ("boilerplate", "Share on Facebook"),
        ("boilerplate", "renderAd"),
        ("boilerplate", "All rights reserved"),
        ("quote_and_list", "group photo"),  # a figure caption
        ("quote_and_list", "Fiji elects new parliament speaker"),  # more-news teaser
        ("quote_and_list", "Most read"),
        ("french", "Partager"),
    ],
)
def test_boilerplate_is_left_out(page: str, boilerplate: str) -> None:
    assert boilerplate not in extract_html((PAGES / f"{page}.html").read_text(encoding="utf-8")).text


def test_bytes_give_the_same_article_as_text() -> None:
    html = (PAGES / "boilerplate.html").read_text(encoding="utf-8")
    assert extract_html(html.encode("utf-8")) == extract_html(html)


def test_declared_legacy_encoding_is_honoured() -> None:
    html = (
        (PAGES / "french.html")
        .read_text(encoding="utf-8")
        .replace('charset="utf-8"', 'charset="windows-1252"')
    )
    article = extract_html(html.encode("cp1252"))
    assert article.text == _expected("french")["text"]


def test_url_is_passed_through() -> None:
    html = (PAGES / "boilerplate.html").read_text(encoding="utf-8")
    url = "https://example.org/world/geneva-grain-talks"
    assert extract_html(html, url=url).url == url


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("", EmptyInputError),
        ("  \n\t ", EmptyInputError),
        (b"", EmptyInputError),
        (bytes(range(256)) * 8, MalformedInputError),
        (b"\x89PNG\r\n\x1a\n" + bytes(512), MalformedInputError),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(40)) * 20, MalformedInputError),
        ("MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 50, MalformedInputError),
        ("Just a line of plain text, with no markup at all, about the summit.", MalformedInputError),
        ("<html><body></body></html>", NoTextError),
        ("<html><head><title>x</title></head><body>   </body></html>", NoTextError),
        ("<html><body><script>var a = 1; document.write('hello world');</script></body></html>", NoTextError),
        (
            '<html><head><title>Home</title></head><body><nav><a href="/">Home</a> '
            '<a href="/world">World</a></nav><footer>(c) 2024 Example</footer></body></html>',
            NoTextError,
        ),
        (
            '<!DOCTYPE html><html><body><div class="menu"><a href="/a">Politics</a> | <a href="/b">Sport</a>',
            NoTextError,
        ),
    ],
)
def test_bad_input_raises(content: str | bytes, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        extract_html(content)
    assert info.value.code.startswith("E-")


def test_truncated_mid_tag_still_gives_the_text_before() -> None:
    html = (PAGES / "boilerplate.html").read_text(encoding="utf-8")
    cut = html[: html.index("The ministers are due")] + '<p>Officials said <a href="/x'
    article = extract_html(cut)
    assert isinstance(article, HtmlArticle)
    assert article.text.startswith("Foreign ministers from Turkey, Ukraine and Russia met in Geneva")
    assert "lifted before any new agreement" in article.text


@pytest.mark.parametrize("depth", [100, 300, 1500])
@pytest.mark.parametrize("tag", ["div", "span", "font"])
def test_deeply_nested_page_still_gives_its_text(depth: int, tag: str) -> None:
    # Thousands of unclosed tags nest past libxml2's default depth limit of 256.
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body>{f'<{tag}>' * depth}{body}{f'</{tag}>' * depth}</body></html>"
    assert extract_html(html).text == "\n\n".join(BODY)


# --- the merge, on paragraph lists -----------------------------------------------------------------

BODY = [
    "Foreign ministers met in Geneva on Monday to discuss reopening the grain corridor after a long pause.",
    "The talks lasted more than six hours and ended with an agreement on a technical working group.",
    "Russia demanded that sanctions be lifted first, a condition that Ukraine rejected on the spot.",
]
MORE = "The ministers are due to meet again in Istanbul at the end of April, officials from both sides said."


@pytest.mark.parametrize(
    ("primary", "secondary", "expected"),
    [
        # headline and related links at the edges of the primary, unsupported by the secondary: cut
        (["Ministers meet in Geneva", *BODY, "- Wheat prices fall", "Sign up"], BODY, BODY),
        # an unsupported paragraph inside the article (an embedded post) stays
        (
            [BODY[0], "— UN News (@UN_News) March 11, 2024", *BODY[1:]],
            BODY,
            [BODY[0], "— UN News (@UN_News) March 11, 2024", *BODY[1:]],
        ),
        # the primary stopped early: the secondary's missing prose is added in its place
        (BODY[:2], [*BODY, MORE], [*BODY, MORE]),
        ([BODY[0], BODY[2]], BODY, [BODY[0], BODY[1], BODY[2]]),
        # the secondary's extras that are not prose, or repeat, are not added
        (BODY, [*BODY, "Photo: Reuters", "Read more", MORE.rstrip("."), "Advertisement"], BODY),
        (BODY, [*BODY, MORE, MORE], BODY),
        # the same text split differently still counts as seen by both
        ([" ".join(BODY)], BODY, [" ".join(BODY)]),
        # the two disagree on what the article is: the primary is kept as it is
        (BODY, ["Wheat prices fall as exports recover across the region, traders said on Tuesday."], BODY),
        # one side empty
        (BODY, [], BODY),
        ([], BODY, BODY),
        ([], ["Home", "World", "Sport"], []),
    ],
)
def test_merge_paragraphs(primary: list[str], secondary: list[str], expected: list[str]) -> None:
    assert merge_paragraphs(primary, secondary) == expected


STANDFIRST = "Grain talks resume in Geneva for the first time since the deal collapsed, with Turkey as host."


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        # the page's description repeated above the story is a standfirst: not added
        (STANDFIRST, BODY),
        (STANDFIRST.upper(), BODY),
        # a different description does not stop a missing lead paragraph from being added
        ("Everything about the grain deal.", [STANDFIRST, *BODY]),
        (None, [STANDFIRST, *BODY]),
    ],
)
def test_merge_leaves_out_the_standfirst(summary: str | None, expected: list[str]) -> None:
    assert merge_paragraphs(BODY, [STANDFIRST, *BODY], summary=summary) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div><p>Hello <b>big</b> world!</p></div>", ["Hello big world!"]),
        ("<div><p>One</p><p>Two</p></div>", ["One", "Two"]),
        ("<div><p>Before<br>after</p></div>", ["Before", "after"]),
        ("<div><p>Kept<!-- a comment --> tail</p></div>", ["Kept tail"]),
        ("<div><figure><img src='x'><figcaption>A caption</figcaption></figure><p>Body</p></div>", ["Body"]),
        ("<div><div class='wp-caption'>Credit: AP</div>after</div>", ["after"]),
        ("<div><p>  spaced \n\t out  </p><p>\u200b</p></div>", ["spaced out"]),
    ],
)
def test_html_paragraphs(html: str, expected: list[str]) -> None:
    assert html_paragraphs(fragment_fromstring(html)) == expected


def test_html_paragraphs_can_keep_captions() -> None:
    html = "<div><figure><figcaption>A caption</figcaption></figure><p>Body</p></div>"
    assert html_paragraphs(fragment_fromstring(html), skip_captions=False) == ["A caption", "Body"]
