"""newsgraph: raw news pages in, a sourced, queryable picture of international politics out.

The library surface: :func:`process` texts, paths or dicts into typed records; reuse a :class:`Pipeline`;
:func:`open` a store and query it, each result convertible with ``to_records``, ``to_pandas`` and
``to_polars``. The spaCy components live in :mod:`newsgraph.components`.

>>> import newsgraph
>>> doc = next(newsgraph.process("North Korea fired a missile.", published="2024-06-20"))
>>> doc.type, doc.published
('document', '2024-06-20')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Where each public name lives. Imported on first use: `import newsgraph.records` (done by every stage)
# must not load spaCy, SQLAlchemy and the analysis layer through this package's __init__.
_LAZY = {
    "process": "newsgraph.library.processing",
    "open": "newsgraph.library.view",
    "StoreView": "newsgraph.library.view",
    "ResultSet": "newsgraph.library.results",
    "Pipeline": "newsgraph.pipeline",
    "NewsgraphError": "newsgraph.errors",
    "Analysis": "newsgraph.records",
    "Actor": "newsgraph.records",
    "Claim": "newsgraph.records",
    "ClaimKind": "newsgraph.records",
    "Document": "newsgraph.records",
    "Entity": "newsgraph.records",
    "Event": "newsgraph.records",
    "EventDate": "newsgraph.records",
    "EventType": "newsgraph.records",
    "Factuality": "newsgraph.records",
    "Failure": "newsgraph.records",
    "Location": "newsgraph.records",
    "Mention": "newsgraph.records",
    "Record": "newsgraph.records",
    "Timex": "newsgraph.records",
    "TimexKind": "newsgraph.records",
    "from_dict": "newsgraph.records",
    "to_dict": "newsgraph.records",
}

__all__ = [
    "Actor",
    "Analysis",
    "Claim",
    "ClaimKind",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "EventType",
    "Factuality",
    "Failure",
    "Location",
    "Mention",
    "NewsgraphError",
    "Pipeline",
    "Record",
    "ResultSet",
    "StoreView",
    "Timex",
    "TimexKind",
    "__version__",
    "from_dict",
    "open",
    "process",
    "to_dict",
]

if TYPE_CHECKING:
    from newsgraph.errors import NewsgraphError as NewsgraphError
    from newsgraph.library.processing import process as process
    from newsgraph.library.results import ResultSet as ResultSet
    from newsgraph.library.view import StoreView as StoreView
    from newsgraph.library.view import open as open
    from newsgraph.pipeline import Pipeline as Pipeline
    from newsgraph.records import (
        Actor as Actor,
    )
    from newsgraph.records import (
        Analysis as Analysis,
    )
    from newsgraph.records import (
        Claim as Claim,
    )
    from newsgraph.records import (
        ClaimKind as ClaimKind,
    )
    from newsgraph.records import (
        Document as Document,
    )
    from newsgraph.records import (
        Entity as Entity,
    )
    from newsgraph.records import (
        Event as Event,
    )
    from newsgraph.records import (
        EventDate as EventDate,
    )
    from newsgraph.records import (
        EventType as EventType,
    )
    from newsgraph.records import (
        Factuality as Factuality,
    )
    from newsgraph.records import (
        Failure as Failure,
    )
    from newsgraph.records import (
        Location as Location,
    )
    from newsgraph.records import (
        Mention as Mention,
    )
    from newsgraph.records import (
        Record as Record,
    )
    from newsgraph.records import (
        Timex as Timex,
    )
    from newsgraph.records import (
        TimexKind as TimexKind,
    )
    from newsgraph.records import (
        from_dict as from_dict,
    )
    from newsgraph.records import (
        to_dict as to_dict,
    )


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
