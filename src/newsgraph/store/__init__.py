"""The store: documents and everything extracted from them, in SQLite or PostgreSQL; exports."""

from newsgraph.store.export import export
from newsgraph.store.store import Store, WriteResult

__all__ = ["Store", "WriteResult", "export"]
