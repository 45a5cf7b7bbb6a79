"""A page's title and outlet when the first source of them is wrong: a CMS name for a title ("escenic"),
the headline or a bare domain for an outlet. The next sources, in order: Open Graph, Twitter cards,
JSON-LD (``headline``, ``publisher.name``), the application name, the first ``<h1>``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from newsgraph.extract.patterns import patterns

# A host name as it stands in a URL: "catchitkansas.com", "www.example.org". A brand written like a domain
# ("CBSSports.com", "Express.co.uk", "Phys.org") has capitals, and is the outlet's own name.
_BARE_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?")
_WORD = re.compile(r"\w+")
# An outlet name this long that shares most of its words with the title is the headline.
HEADLINE_WORDS = 5
SHARED_WITH_TITLE = 0.8


@dataclass(frozen=True)
class PageNames:
    """Candidate titles and outlet names a page declares, best first."""

    titles: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


def _flat(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    flat = " ".join(value.split())
    return flat or None


def _meta(tree: HtmlElement, *keys: str) -> Iterator[str]:
    for key in keys:
        for attribute in ("property", "name"):
            for node in tree.xpath(f"//meta[@{attribute}=$key]", key=key):
                value = _flat(node.get("content"))
                if value:
                    yield value


def _json_ld(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    yield from (g for g in graph if isinstance(g, dict))


def page_names(tree: HtmlElement) -> PageNames:
    """What the page's metadata offers for its title and its outlet (read before any pruning)."""
    titles = [*_meta(tree, "og:title", "twitter:title")]
    outlets = [*_meta(tree, "og:site_name", "application-name", "publisher")]
    for item in _json_ld(tree):
        titles += [t for t in [_flat(item.get("headline"))] if t]
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            outlets += [n for n in [_flat(publisher.get("name"))] if n]
    for heading in tree.xpath("//h1")[:1]:
        text = _flat(heading.text_content())
        if text:
            titles.append(text)
    return PageNames(tuple(dict.fromkeys(titles)), tuple(dict.fromkeys(outlets)))


def good_title(title: str | None) -> bool:
    return bool(title) and not patterns().is_cms_title(title or "")


def good_outlet(outlet: str | None, title: str | None) -> bool:
    """An outlet name that is not a bare domain and not the page's headline."""
    if not outlet or _BARE_DOMAIN.fullmatch(outlet):
        return False
    if title is None:
        return True
    name, head = _WORD.findall(outlet.casefold()), _WORD.findall(title.casefold())
    if name == head:
        return False
    if len(name) >= HEADLINE_WORDS:
        shared = sum(1 for word in name if word in set(head))
        return shared / len(name) < SHARED_WITH_TITLE
    return True


def choose_title(first: str | None, names: PageNames) -> str | None:
    """The first title that is not a CMS name or placeholder."""
    return next((t for t in (first, *names.titles) if good_title(t)), None)


def choose_outlet(first: str | None, title: str | None, names: PageNames) -> str | None:
    """The first outlet name that is neither a bare domain nor the headline."""
    return next((o for o in (first, *names.outlets) if good_outlet(o, title)), None)
