"""Raw input to one clean Document: HTML through trafilatura, scraped text through our line filter."""

from newsgraph.extract.document import MAX_TEXT_CHARS, build_document, extract

__all__ = ["MAX_TEXT_CHARS", "build_document", "extract"]
