"""Build the Document record from a raw input: clean text, title, outlet, date, language, hash."""

from __future__ import annotations

import logging
from dataclasses import replace

from newsgraph.errors import ExtractInternalError, InputError, NoTextError, TooLargeError
from newsgraph.extract.dedup import PARSED_LANGUAGES, content_hash
from newsgraph.extract.language import identify
from newsgraph.extract.metadata import find_metadata, parse_date
from newsgraph.extract.text import clean_lines
from newsgraph.inputs import RawInput
from newsgraph.periods import is_period
from newsgraph.records import DateSource, Document, Failure

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 1_000_000


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    # A year or a month alone ("2024-06") is a date as --published takes it, not a missing one.
    return parse_date(value[:10]) or parse_date(value) or (value.strip() if is_period(value) else None)


def _from_text(raw: RawInput) -> Document:
    if raw.verbatim:
        # JSONL text is kept exactly as given, so offsets index the user's own input.
        text, title, meta_outlet, meta_date, author = raw.content, raw.title, None, None, raw.author
        source: DateSource = "none"
    else:
        clean = clean_lines(raw.content)
        meta = find_metadata(clean.paragraphs)
        paragraphs = list(clean.paragraphs)
        if meta.drop_last:
            paragraphs = paragraphs[:-1]
        if meta.drop_first:
            paragraphs = paragraphs[1:]
        text = "\n\n".join(paragraphs)
        title = raw.title or clean.title
        meta_outlet, meta_date, author, source = (
            meta.outlet,
            meta.published,
            meta.author,
            meta.published_source,
        )
    published = _iso(raw.published)
    if published:
        source = "metadata"
    else:
        published = meta_date
    return Document(
        doc_id=raw.doc_id,
        text=text,
        path=raw.path,
        url=raw.url,
        title=title,
        outlet=raw.outlet or meta_outlet,
        published=published,
        published_source=source if published else "none",
        author=author,
        line=raw.line,
    )


def _from_html(raw: RawInput) -> Document:
    # Imported here: trafilatura and lxml take most of a second to load, and a run of texts needs neither.
    from newsgraph.extract.html import extract_html

    article = extract_html(raw.content, url=raw.url)
    # Sign-offs and datelines inside the article body still tell outlet and date.
    meta = find_metadata(tuple(p for p in article.text.split("\n\n") if p.strip()))
    text = article.text
    if meta.drop_last:
        text = text[: text.rstrip().rfind("\n\n")].rstrip() if "\n\n" in text else text
    published = _iso(raw.published) or article.published
    source: DateSource = "metadata" if published else meta.published_source
    return Document(
        doc_id=raw.doc_id,
        text=text,
        path=raw.path,
        url=raw.url or article.url,
        title=raw.title or article.title,
        outlet=raw.outlet or article.outlet or meta.outlet,
        published=published or meta.published,
        published_source=source if (published or meta.published) else "none",
        author=raw.author or article.author or meta.author,
        line=raw.line,
    )


def build_document(
    raw: RawInput, *, published: str | None = None, outlet: str | None = None, language: str | None = None
) -> Document:
    """The clean Document for one raw input; ``published``, ``outlet`` and ``language`` given by the user
    win over what is found."""
    doc = _from_html(raw) if raw.kind == "html" else _from_text(raw)
    if not doc.text.strip():
        raise NoTextError(
            f"{raw.path}: no article text left after removing page furniture", path=raw.path, line=raw.line
        )
    found = identify(doc.text) if language is None else None
    code = language or (found.code if found else "und")
    flags = list(doc.flags)
    if raw.encoding:
        flags.append(f"encoding:{raw.encoding}")
    if found is not None:
        flags.extend(found.flags())
    if language is not None:
        flags.append(f"language-given:{language}")
    if code not in PARSED_LANGUAGES:
        flags.append("non-english")
        # The record says why nothing was extracted, and how to have it parsed anyway.
        confidence = f"@{found.confidence:.2f}" if found else ""
        flags.append(f"not-parsed:language={code}{confidence}")
    return replace(
        doc,
        published=published or doc.published,
        published_source="given" if published else doc.published_source,
        outlet=outlet or doc.outlet,
        language=code,
        content_hash=content_hash(doc.text),
        flags=tuple(flags),
    )


def extract(
    raw: RawInput, *, published: str | None = None, outlet: str | None = None, language: str | None = None
) -> Document | Failure:
    """The Document for one raw input, or the Failure that says why there is none; never raises.

    The one place both the single-process pipeline and the distributed workers turn raw input into
    documents, so a bad page fails the same way at any scale.
    """
    try:
        doc = build_document(raw, published=published, outlet=outlet, language=language)
        if len(doc.text) > MAX_TEXT_CHARS:
            raise TooLargeError(
                f"{raw.path}: {len(doc.text):,} characters of text is over {MAX_TEXT_CHARS:,}",
                path=raw.path,
                line=raw.line,
            )
    except InputError as err:
        return Failure(doc_id=raw.doc_id, code=err.code, message=err.message, path=raw.path, line=raw.line)
    except Exception as exc:  # a bug in extraction must not sink the batch
        log.exception("extraction failed for %s", raw.path)
        return Failure.internal(ExtractInternalError.code, exc, raw.doc_id, raw.path, raw.line)
    return doc
