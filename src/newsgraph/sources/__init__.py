"""Read what users have — files, folders, globs, stdin — into raw inputs, one per article.

``files`` dispatches to the readers (``jsonl``, ``feeds``, ``warc``); the readers import only ``decode``
and :mod:`newsgraph.inputs`, never ``files``, so the dispatch points one way.
"""

from newsgraph.sources.files import iter_inputs

__all__ = ["iter_inputs"]
