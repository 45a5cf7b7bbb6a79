"""Link mentions to canonical actors: states, organisations, people with dated roles, outlets, sectors."""

from __future__ import annotations

from newsgraph.actors.dictionary import ActorDictionary, Entry, Role
from newsgraph.actors.installed import dictionaries_dir, install, installed
from newsgraph.actors.linker import link
from newsgraph.actors.phoenix import import_phoenix
from newsgraph.actors.resolver import Resolver, default_resolver, resolve, use_dictionary

__all__ = [
    "ActorDictionary",
    "Entry",
    "Resolver",
    "Role",
    "default_resolver",
    "dictionaries_dir",
    "import_phoenix",
    "install",
    "installed",
    "link",
    "resolve",
    "use_dictionary",
]
