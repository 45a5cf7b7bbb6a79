"""Which side of a happening a mention stands for: a capital, a government, its leader and the country
are one side ("Pyongyang", "North Korea", "Kim Jong Un" -> PRK), read from the Actor record only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.incidents.rules import Rules
from newsgraph.records import Actor, Mention

# A mention's words up to a relative clause or apposition: "Kim Jong Un, who also is general secretary ..."
_CLAUSE = re.compile(r",|\s(?:who|which|whose|that)\s|\s[-–—]\s")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_GENITIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an incident: a key that matches across documents, and the name a reader sees."""

    key: str
    name: str


def actor_side(actor: Actor, rules: Rules) -> str | None:
    """The side key of a linked actor: its country when it acts for the state, else country and sector,
    else the actor itself; a bare sector ("the government", no country) is no one in particular."""
    if actor.country:
        if actor.sector is None or actor.sector in rules.state_sectors:
            return actor.country
        return f"{actor.country}-{actor.sector}"
    if actor.kind == "sector":
        return None
    return actor.id


def name_side(text: str, rules: Rules) -> str | None:
    """An unlinked mention keyed by its head when that is a name: the last word before any clause,
    capitalised ("Rep. Michael Grimm" -> name:grimm; "Grimm's attorney", "the Republican governor" and
    "MR. KIRBY" name no one)."""
    words = _WORD.findall(_CLAUSE.split(text, maxsplit=1)[0])
    if not words:
        return None
    head = _GENITIVE.sub("", words[-1]).rstrip(".")
    # a word in capitals only is a transcript's speaker label ("MR. KIRBY:") or an acronym, no name
    if len(head) < 2 or not head[0].isupper() or head.isupper() or head.lower() in rules.name_skip:
        return None
    return f"name:{head.lower()}"


def side_of(mention: Mention | None, rules: Rules) -> Side | None:
    """The side a mention stands for, or None when it names no one that other documents could name."""
    if mention is None:
        return None
    if mention.actor is not None:
        actor = mention.actor
        key = actor_side(actor, rules)
        if key is None:
            return None
        # "Kim Jong Un" stands for PRK here; the side is named by a state's own name where one is given.
        return Side(key, actor.name if key != actor.country or actor.sector is None else key)
    key = name_side(mention.text, rules)
    if key is None:
        return None
    return Side(key, _CLAUSE.split(mention.text, maxsplit=1)[0].strip())
