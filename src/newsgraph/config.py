"""Settings: each has a name, a default and help; unknown keys are rejected, not ignored."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from newsgraph.errors import ConfigError

ENV_PREFIX = "NEWSGRAPH_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting("db", "sqlite:///newsgraph.db", "database URL, or a path to a SQLite file"),
    Setting("batch_size", 32, "documents per batch; each batch is one transaction"),
    Setting("n_process", 0, "processes that parse and analyse (0: as many as cores, memory permitting)"),
    Setting("max_bytes", 20_000_000, "inputs larger than this many bytes are refused with E-INPUT-TOO-LARGE"),
)


# Settings where 0 asks newsgraph to choose.
_ZERO_MEANS_AUTO = frozenset({"n_process"})


@dataclass(frozen=True)
class Settings:
    db: str = "sqlite:///newsgraph.db"
    batch_size: int = 32
    n_process: int = 0
    max_bytes: int = 20_000_000

    @classmethod
    def load(
        cls, values: Mapping[str, Any] | None = None, *, env: Mapping[str, str] | None = None
    ) -> Settings:
        """Defaults, then NEWSGRAPH_* environment variables, then the given values."""
        known = {f.name: f for f in fields(cls)}
        merged: dict[str, Any] = {}
        environ = os.environ if env is None else env
        for name in known:
            raw = environ.get(ENV_PREFIX + name.upper())
            if raw is not None:
                merged[name] = raw
        for key, value in (values or {}).items():
            if key not in known:
                raise ConfigError(f"unknown setting {key!r}; known settings: {', '.join(sorted(known))}")
            merged[key] = value
        typed: dict[str, Any] = {}
        for key, value in merged.items():
            kind = type(getattr(cls, key))
            try:
                typed[key] = kind(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"setting {key!r} must be {kind.__name__}, got {value!r}") from exc
            least = 0 if key in _ZERO_MEANS_AUTO else 1
            if kind is int and typed[key] < least:
                raise ConfigError(f"setting {key!r} must be at least {least}, got {value!r}")
        return cls(**typed)
