"""The library surface for notebooks: ``process`` texts, paths or dicts; ``open`` a store and query it."""

from newsgraph.library.processing import Input, process, raw_inputs
from newsgraph.library.results import MissingExtraError, ResultSet
from newsgraph.library.view import NetworkResult, RoundupResult, StoreView, open

__all__ = [
    "Input",
    "MissingExtraError",
    "NetworkResult",
    "ResultSet",
    "RoundupResult",
    "StoreView",
    "open",
    "process",
    "raw_inputs",
]
