"""Closed vocabularies of options (event types, factualities, claim kinds, ...): a value outside one is an
error that names the close match, never a filter that quietly matches nothing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from newsgraph.errors import ChoiceError


def choose(value: str, options: Iterable[str], name: str) -> str:
    """The option ``value`` names (case does not matter); ChoiceError with a suggestion when none.

    >>> choose("assault", ["AID", "ASSAULT"], "--type")
    'ASSAULT'
    """
    known = list(options)
    by_case = {o.casefold(): o for o in known}
    found = by_case.get(value.strip().casefold())
    if found is not None:
        return found
    close = difflib.get_close_matches(value.strip().casefold(), list(by_case), n=1, cutoff=0.6)
    hint = f"; did you mean {by_case[close[0]]}?" if close else ""
    raise ChoiceError(f"{name} {value!r} is not one of {', '.join(known)}{hint}")
