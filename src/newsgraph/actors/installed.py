"""Imported dictionaries kept for the resolver: JSON files in the user's newsgraph data folder."""

from __future__ import annotations

import os
from pathlib import Path

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.names import slug


def dictionaries_dir() -> Path:
    """$NEWSGRAPH_DATA_DIR/actors, else $XDG_DATA_HOME/newsgraph/actors (~/.local/share/newsgraph/actors)."""
    explicit = os.environ.get("NEWSGRAPH_DATA_DIR")
    if explicit:
        return Path(explicit) / "actors"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "newsgraph" / "actors"


def install(dictionary: ActorDictionary, *, name: str | None = None, directory: Path | None = None) -> Path:
    """Save a dictionary where :func:`installed` (and so the default resolver) finds it; returns the file."""
    folder = directory or dictionaries_dir()
    filename = slug(name or dictionary.name) or "actors"
    return dictionary.save(folder / f"{filename}.json")


def installed(directory: Path | None = None) -> list[ActorDictionary]:
    """Every installed dictionary, in file-name order."""
    folder = directory or dictionaries_dir()
    if not folder.is_dir():
        return []
    return [ActorDictionary.load(path) for path in sorted(folder.glob("*.json"))]
