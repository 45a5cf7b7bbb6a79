"""One router per resource, each mounted under /api."""
