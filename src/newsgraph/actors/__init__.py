"""Link mentions to canonical actors: states, organisations, people with dated roles, outlets, sectors."""

from __future__ import annotations

from newsgraph.actors.dictionary import ActorDictionary, Entry, Role
from newsgraph.actors.linker import link
from newsgraph.actors.resolver import Resolver, default_resolver, resolve, use_dictionary

__all__ = [
    "ActorDictionary",
    "Entry",
    "Resolver",
    "Role",
    "default_resolver",
    "link",
    "resolve",
    "use_dictionary",
]
