"""One HTML page to its article: clean text in paragraphs, plus title, author, date, outlet and language.

The text is trafilatura's, checked and completed by readability-lxml (see ``html_merge``): on the
scrapinghub benchmark the pair beats either tool alone. Metadata is trafilatura's (htmldate for the date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html

from newsgraph.errors import BinaryInputError, EmptyInputError, MalformedInputError, NoTextError
from newsgraph.extract.html_merge import merge_paragraphs
from newsgraph.extract.html_meta import choose_outlet, choose_title, page_names
from newsgraph.extract.html_readability import readability_paragraphs
from newsgraph.extract.language import detect_language
from newsgraph.extract.patterns import patterns
from newsgraph.sources.decode import decode, looks_binary

# Anything that opens like a tag, a doctype or a comment; text without one is not HTML.
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9:-]*[\s/>]|!doctype|!--)", re.IGNORECASE)
# C0 controls other than tab, newline, form feed and carriage return never occur in a real page.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_WORD = re.compile(r"\w+")
# Fewer words than this is a menu or a stub, not an article (the shortest wire briefs are longer).
MIN_WORDS = 8
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DEEP_PARSER = HTMLParser(huge_tree=True, encoding="utf-8")
_LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]|$)")


@dataclass(frozen=True)
class HtmlArticle:
    """What one page says about its article; ``text`` has paragraphs separated by blank lines."""

    text: str
    title: str | None
    author: str | None
    published: str | None  # ISO YYYY-MM-DD
    outlet: str | None  # the site's name
    url: str | None
    language: str | None  # ISO 639-1


def extract_html(html: str | bytes, *, url: str | None = None) -> HtmlArticle:
    """The article in an HTML page.

    Raises EmptyInputError for empty input, MalformedInputError for content that is not HTML, and
    NoTextError for a page without article text.
    """
    page = _as_text(html, url)
    tree = _parse(page, url)
    names = page_names(tree)  # before trafilatura prunes the tree
    paragraphs, doc = _article(tree, url)
    if _too_short(paragraphs):
        # libxml2 drops everything below 256 levels of nesting, and pages with thousands of unclosed
        # tags get there; only when nothing was found is the slower, unlimited parse worth a try.
        deep = _parse_deep(page)
        if deep is not None:
            tree = deep
            paragraphs, doc = _article(tree, url)
    if _too_short(paragraphs):
        raise NoTextError(
            f"{url or 'page'}: no article text found in the HTML (an index page, a paywall or a script-only "
            "page?); if the page is right, pass its text as .txt instead",
            path=url,
        )
    # Paywall prompts, calls to action, "Read more: …" lines and datelines at the ends (data/boilerplate.tsv).
    paragraphs = patterns().strip(paragraphs) or paragraphs
    text = "\n\n".join(paragraphs)
    title = choose_title(_clean(doc.title), names)
    return HtmlArticle(
        text=text,
        title=title,
        author=_clean(doc.author),
        published=doc.date[:10] if doc.date and _ISO_DATE.match(doc.date) else None,
        outlet=choose_outlet(_clean(doc.sitename), title, names),
        url=url or _clean(doc.url),
        language=_language(tree, text),
    )


def _article(tree: HtmlElement, url: str | None) -> tuple[list[str], TrafilaturaDocument]:
    """The article's paragraphs and trafilatura's metadata for a parsed page."""
    # readability first: it works on its own copy, while trafilatura prunes the tree it is given.
    secondary = readability_paragraphs(tree)
    found = trafilatura.bare_extraction(
        tree,
        url=url,
        # fast: no internal readability/justext fallback; readability-lxml already gives the second opinion
        fast=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        # No extensive search: it reads bare years in the text as dates ("since 2021" -> 2021-01-01),
        # and a wrong document date misleads every relative date downstream; better none.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    doc = found if isinstance(found, TrafilaturaDocument) else TrafilaturaDocument()
    paragraphs = merge_paragraphs(_lines(doc.text or ""), secondary, summary=doc.description)
    if len(paragraphs) > 1 and doc.title and _words(paragraphs[0]) == _words(doc.title):
        # The headline is the title field, not the first paragraph of the story.
        paragraphs = paragraphs[1:]
    return paragraphs, doc


def _too_short(paragraphs: list[str]) -> bool:
    return sum(len(_WORD.findall(p)) for p in paragraphs) < MIN_WORDS


def _as_text(html: str | bytes, url: str | None) -> str:
    where = url or "page"
    if isinstance(html, bytes):
        if looks_binary(html):
            raise MalformedInputError(f"{where}: binary content (NUL or control bytes), not HTML", path=url)
        try:
            page, _ = decode(html, path=where, html=True)
        except BinaryInputError as exc:
            raise MalformedInputError(exc.message, path=url) from exc
    else:
        page = html
    if not page.strip():
        raise EmptyInputError(f"{where}: the page is empty", path=url)
    head = page[:8192]
    if "\x00" in head or len(_CONTROL.findall(head)) > 0.05 * len(head):
        raise MalformedInputError(f"{where}: binary content (NUL or control characters), not HTML", path=url)
    if not _TAG.search(page):
        raise MalformedInputError(
            f"{where}: no HTML tags in the content; if it is plain text, read it as .txt", path=url
        )
    return page


def _parse(page: str, url: str | None) -> HtmlElement:
    try:
        tree = load_html(page)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is None:
        # trafilatura refuses fragments ("<p>…</p>" alone); a wrapped fragment parses as a page.
        try:
            tree = document_fromstring(f"<html><body>{page}</body></html>")
        except (ValueError, etree.LxmlError) as exc:
            raise MalformedInputError(
                f"{url or 'page'}: the HTML cannot be parsed ({exc})", path=url
            ) from exc
    if not isinstance(tree, HtmlElement):
        raise MalformedInputError(f"{url or 'page'}: the HTML cannot be parsed", path=url)
    return tree


def _parse_deep(page: str) -> HtmlElement | None:
    """Parse without libxml2's depth limit; None when that finds no more text than there was."""
    try:
        tree = document_fromstring(page.encode("utf-8"), parser=_DEEP_PARSER)
    except (ValueError, etree.LxmlError):
        return None
    return tree if isinstance(tree, HtmlElement) and tree.text_content().strip() else None


def _lines(text: str) -> list[str]:
    """trafilatura's text has one paragraph per line; normalise spaces inside each."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return [line for line in lines if line]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def _language(tree: HtmlElement, text: str) -> str | None:
    """The language the text reads as; the page's declared one when the text is too short to tell.

    Declared languages come from site templates and are often wrong for the article in them.
    """
    # The opening of an article tells its language as well as the whole, at a fraction of the cost.
    detected = detect_language(text[:1500])
    if detected != "und":
        return detected
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    match = _LANG.match(declared or "")
    return match.group(1).lower() if match else None
