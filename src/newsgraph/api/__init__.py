"""The HTTP API (FastAPI) over the store and the analysis library; the dashboard is mounted beside it."""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
