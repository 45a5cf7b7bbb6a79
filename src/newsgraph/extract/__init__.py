"""Raw input to one clean Document: HTML through trafilatura, scraped text through our line filter."""

from newsgraph.extract.document import build_document

__all__ = ["build_document"]
