"""Views computed once and kept until the store's next write: the server answers a busy dashboard from
memory, and clients asking for the same view at once wait for one computation instead of starting many."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from newsgraph.store import Store

T = TypeVar("T")
# Distinct views kept (a view is a name and its parameters); the least recently used goes first.
SIZE = 512


class ViewCache:
    """Answers keyed by (view, parameters), valid while :meth:`Store.version` stays where it was."""

    def __init__(self, size: int = SIZE) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def _fresh(self, key: Hashable, version: int) -> tuple[bool, Any]:
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == version:
                self._items.move_to_end(key)
                self.hits += 1
                return True, found[1]
        return False, None

    def get(self, store: Store, name: str, params: Hashable, compute: Callable[[], T]) -> T:
        """The view's answer for the store as it is now, computed at most once per write."""
        key = (name, params)
        # read before computing: a write landing meanwhile leaves the answer under the older version
        version = store.version()
        hit, value = self._fresh(key, version)
        if hit:
            return value  # type: ignore[no-any-return]
        with self._lock:
            single = self._computing.setdefault(key, threading.Lock())
        with single:
            hit, value = self._fresh(key, version)
            if hit:
                return value  # type: ignore[no-any-return]
            made = compute()
            with self._lock:
                self.misses += 1
                self._items[key] = (version, made)
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    self._items.popitem(last=False)
                self._computing.pop(key, None)
        return made
