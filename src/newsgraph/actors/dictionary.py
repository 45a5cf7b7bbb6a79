"""Actor dictionaries: canonical actors, their aliases and dated roles, saved as one JSON file."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast, get_args

from newsgraph.actors.names import name_key
from newsgraph.errors import ConfigError, MissingPathError
from newsgraph.records import Actor, ActorKind

FORMAT = "newsgraph-actors/1"
_KINDS = frozenset(get_args(ActorKind))


@dataclass(frozen=True, slots=True)
class Role:
    """A country/sector an actor holds between two ISO dates (inclusive; None = open)."""

    country: str | None
    sector: str | None
    start: str | None = None
    end: str | None = None
    title: str | None = None

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical actor; ``country``/``sector`` apply when no dated role covers the date."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()

    def actor_at(self, date: str | None = None, *, titles: Collection[str] = ()) -> Actor:
        """The actor as of ``date`` (ISO): Putin in 2024 is RUS/GOV.

        Without a date the latest role counts, as the mention gives no reason to call anyone "former";
        ``titles`` are sectors the mention's own titles name ("Senator Marco Rubio": LEG) and pick among
        the roles that fit.
        """
        if not self.roles:
            return Actor(self.id, self.name, self.kind, self.country, self.sector)
        if date is None:
            titled = [r for r in self.roles if r.sector in titles]
            role = max(titled or self.roles, key=lambda r: r.start or "")
            return Actor(self.id, self.name, self.kind, role.country, role.sector)
        when = date[:10]
        active = [r for r in self.roles if r.covers(when)]
        if active:
            titled = [r for r in active if r.sector in titles]
            # The most recently begun role wins: a president who was once a minister is a president.
            role = max(titled or active, key=lambda r: r.start or "")
            return Actor(self.id, self.name, self.kind, role.country, role.sector)
        if self.country is not None or self.sector is not None:
            return Actor(self.id, self.name, self.kind, self.country, self.sector)
        past = [r for r in self.roles if r.end is not None and r.end < when]
        if past:
            # CAMEO codes a former office holder as an elite (ELI) of the same country.
            last = max(past, key=lambda r: r.end or "")
            return Actor(self.id, self.name, self.kind, last.country, "ELI")
        first = min(self.roles, key=lambda r: r.start or "")
        return Actor(self.id, self.name, self.kind, first.country, None)


@dataclass(slots=True)
class ActorDictionary:
    """Entries by id, an alias index by name key, and agent nouns (sector words such as "soldier")."""

    name: str = "actors"
    source: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[str, list[str]] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, entry: Entry, aliases: Iterable[str] = ()) -> None:
        """Add (or extend) an entry; its name and every alias become lookup keys."""
        old = self.entries.get(entry.id)
        if old is not None:
            entry = Entry(
                old.id,
                old.name,
                old.kind,
                old.country if old.country is not None else entry.country,
                old.sector if old.sector is not None else entry.sector,
                old.roles + tuple(r for r in entry.roles if r not in old.roles),
            )
        self.entries[entry.id] = entry
        for alias in (entry.name, *aliases):
            key = name_key(alias)
            if not key:
                continue
            ids = self.index.setdefault(key, [])
            if entry.id not in ids:
                ids.append(entry.id)

    def add_agent(self, noun: str, sector: str) -> None:
        key = name_key(noun)
        if key and key not in self.agents:
            self.agents[key] = sector

    def lookup(self, key: str) -> list[Entry]:
        """Entries whose name or alias has this key (see :func:`name_key`)."""
        return [self.entries[i] for i in self.index.get(key, ())]

    def aliases(self) -> dict[str, list[str]]:
        by_id: dict[str, list[str]] = {}
        for key, ids in self.index.items():
            for i in ids:
                by_id.setdefault(i, []).append(key)
        return by_id

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def save(self, path: Path) -> Path:
        """Write the dictionary as JSON (``newsgraph-actors/1``) that :meth:`load` reads back."""
        aliases = self.aliases()
        body = {
            "format": FORMAT,
            "name": self.name,
            "source": self.source,
            "entries": [
                {
                    "id": e.id,
                    "name": e.name,
                    "kind": e.kind,
                    "country": e.country,
                    "sector": e.sector,
                    "aliases": sorted(aliases.get(e.id, [])),
                    "roles": [
                        {
                            "country": r.country,
                            "sector": r.sector,
                            "start": r.start,
                            "end": r.end,
                            "title": r.title,
                        }
                        for r in e.roles
                    ],
                }
                for e in self.entries.values()
            ],
            "agents": self.agents,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(body, ensure_ascii=False, indent=0), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> ActorDictionary:
        if not path.is_file():
            raise MissingPathError(f"actor dictionary not found: {path}; import one first", path=str(path))
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ConfigError(
                f"{path} is not an actor dictionary (invalid JSON: {exc})", path=str(path)
            ) from exc
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ConfigError(f"{path} is not a {FORMAT} file; re-import it", path=str(path))
        out = cls(name=str(body.get("name", path.stem)), source=str(body.get("source", "")))
        for raw in body.get("entries", []):
            entry = _entry(raw)
            out.entries[entry.id] = entry
            # Saved aliases are keys already; indexing them directly keeps loading fast.
            for key in raw.get("aliases", []):
                ids = out.index.setdefault(str(key), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        out.agents.update({str(k): str(v) for k, v in body.get("agents", {}).items()})
        return out


def _entry(raw: dict[str, Any]) -> Entry:
    kind = raw.get("kind")
    if kind not in _KINDS:
        raise ConfigError(f"actor {raw.get('id')!r} has unknown kind {kind!r}; use one of {sorted(_KINDS)}")
    roles = tuple(
        Role(r.get("country"), r.get("sector"), r.get("start"), r.get("end"), r.get("title"))
        for r in raw.get("roles", [])
    )
    return Entry(
        str(raw["id"]), str(raw["name"]), cast(ActorKind, kind), raw.get("country"), raw.get("sector"), roles
    )
