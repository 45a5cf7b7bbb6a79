"""Dated roles and the JSON form of an ActorDictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors import ActorDictionary, Entry, Resolver, Role
from newsgraph.errors import ConfigError, MissingPathError

MINISTER = Entry(
    "person:a-minister",
    "A. Minister",
    "person",
    roles=(
        Role("FRA", "GOV", "2012-05-16", "2017-05-17", "Minister of the Armed Forces"),
        Role("FRA", "GOV", "2017-05-17", "2022-05-20", "Minister for Foreign Affairs"),
        Role("FRA", "LEG", "2022-06-01", None, "Senator"),
    ),
)


@pytest.mark.parametrize(
    ("date", "country", "sector"),
    [
        ("2010-01-01", "FRA", None),  # before any role: the country, no sector
        ("2012-05-16", "FRA", "GOV"),  # first day in office
        ("2022-05-25", "FRA", "ELI"),  # between offices: a former official
        ("2023-01-01", "FRA", "LEG"),
        (None, "FRA", "LEG"),  # no date: the latest role
    ],
)
def test_actor_at(date: str | None, country: str, sector: str | None) -> None:
    actor = MINISTER.actor_at(date)
    assert (actor.country, actor.sector) == (country, sector)


def test_titles_choose_among_roles() -> None:
    assert MINISTER.actor_at(None, titles={"GOV"}).sector == "GOV"


def test_save_load_round_trip(tmp_path: Path) -> None:
    d = ActorDictionary(name="test")
    d.add(MINISTER, ["Minister A", "A. Minister"])
    d.add_agent("frogmen", "MIL")
    loaded = ActorDictionary.load(d.save(tmp_path / "actors.json"))
    assert loaded.entries == d.entries
    assert loaded.lookup("minister a")[0].id == "person:a-minister"
    assert loaded.agents == {"frogmen": "MIL"}
    resolver = Resolver([loaded])
    actor = resolver.resolve("Minister A", date="2015-01-01")
    assert actor is not None and actor.sector == "GOV"
    assert resolver.resolve("three frogmen") is not None


@pytest.mark.parametrize(
    ("content", "error"),
    [(None, MissingPathError), ("not json", ConfigError), ('{"format": "other"}', ConfigError)],
)
def test_load_errors(tmp_path: Path, content: str | None, error: type[Exception]) -> None:
    path = tmp_path / "d.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(error):
        ActorDictionary.load(path)


def test_install_and_find(tmp_path: Path) -> None:
    from newsgraph.actors import install, installed

    d = ActorDictionary(name="phoenix:my dicts")
    d.add(MINISTER, ["Minister A"])
    path = install(d, directory=tmp_path)
    assert path == tmp_path / "phoenix-my-dicts.json"
    found = installed(tmp_path)
    assert [x.name for x in found] == ["phoenix:my dicts"]
    assert installed(tmp_path / "none") == []


def test_dictionaries_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newsgraph.actors import dictionaries_dir

    monkeypatch.setenv("NEWSGRAPH_DATA_DIR", str(tmp_path))
    assert dictionaries_dir() == tmp_path / "actors"


def test_the_actor_rules_load() -> None:
    from newsgraph.actors.lexicon import rules

    assert rules().sector_names["GOV"] == "government"
    assert rules().region_codes["UA-CRI"] == ("UKR", None)
    assert "al" in rules().name_particles
