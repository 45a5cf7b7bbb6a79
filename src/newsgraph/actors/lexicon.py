"""The actors stage's word lists and code maps, read from ``data/rules.json`` by the one loader."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated

from newsgraph.lexicon import CASED, load


@dataclass(frozen=True)
class Rules:
    """``data/rules.json``: the words and codes the dictionaries and the resolver test names for."""

    sector_names: Annotated[dict[str, str], CASED]
    leading_words: frozenset[str]
    former: frozenset[str]
    prepositions: frozenset[str]
    generic_heads: frozenset[str]
    person_titles: frozenset[str]
    name_particles: frozenset[str]
    region_codes: Annotated[dict[str, tuple[str, str | None]], CASED]
    special_a3: Annotated[dict[str, str], CASED]
    short_names: frozenset[str]
    news_names: Annotated[dict[str, str], CASED]
    no_actors: Annotated[frozenset[str], CASED]
    subdivision_types: Annotated[frozenset[str], CASED]
    countrynames_stop: frozenset[str]
    subdivision_stop: frozenset[str]
    subdivision_suffixes: tuple[str, ...]
    place_prepositions: frozenset[str]
    cameo_countries: Annotated[dict[str, str], CASED]
    sectors: Annotated[frozenset[str], CASED]
    sector_aliases: Annotated[dict[str, str], CASED]


@functools.cache
def rules() -> Rules:
    return load(Rules, "newsgraph.actors", "rules.json")
