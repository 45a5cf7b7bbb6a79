"""import_phoenix() on the real PETRARCH/Phoenix dictionaries, dated roles included."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.actors import ActorDictionary, Resolver
from newsgraph.actors.phoenix import import_phoenix, parse_code
from newsgraph.errors import MalformedInputError, MissingPathError


@pytest.fixture(scope="module")
def phoenix(shared_data: Path) -> ActorDictionary:
    return import_phoenix(shared_data / "dictionaries" / "phoenix")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV 991231-080507", ("RUS", "GOV", "1999-12-31", "2008-05-07")),
        ("RUSGOV >080508", ("RUS", "GOV", "2008-05-08", None)),
        ("DEUGOV 19900621-19981027", ("DEU", "GOV", "1990-06-21", "1998-10-27")),
        ("USAGOV <010120", ("USA", "GOV", None, "2001-01-20")),
        ("EGYGOV > 140608", ("EGY", "GOV", "2014-06-08", None)),
        ("RUSELI", ("RUS", "ELI", None, None)),
        ("AFG", ("AFG", None, None, None)),
        ("KSVGOV", ("XKX", "GOV", None, None)),  # CAMEO's Kosovo code
        ("IGOUNOIAE", (None, "IGO", None, None)),
        ("~MIL", (None, "MIL", None, None)),
        ("ELI", (None, "ELI", None, None)),
        ("---", None),
        ("KORGOVBUS 2004017-20061201", None),  # a malformed date: no role rather than a wrong one
    ],
)
def test_parse_code(code: str, expected: tuple[str | None, ...] | None) -> None:
    assert parse_code(code) == expected


def test_import_sizes(phoenix: ActorDictionary) -> None:
    assert len(phoenix) > 20_000
    assert len(phoenix.agents) > 3_000


@pytest.mark.parametrize(
    ("text", "date", "actor_id", "country", "sector"),
    [
        ("Vladimir Putin", "2005-01-01", "person:vladimir-putin", "RUS", "GOV"),
        ("Putin", "1995-01-01", "person:vladimir-putin", "RUS", "ELI"),
        ("Chancellor Merkel", "2010-01-01", "person:angela-merkel", "DEU", "GOV"),
        ("Kabul", None, "AFG", "AFG", None),
        ("Hezbollah", None, "org:hezbollah", "LBN", "REB"),
        ("Boko Haram", None, "org:boko-haram", "NGA", "REB"),
        ("International Atomic Energy Agency", None, "org:international-atomic-energy-agency", None, "IGO"),
    ],
)
def test_imported_actors(
    phoenix: ActorDictionary, text: str, date: str | None, actor_id: str, country: str | None, sector: str
) -> None:
    actor = Resolver([phoenix]).resolve(text, date=date)
    assert actor is not None
    assert (actor.id, actor.country, actor.sector) == (actor_id, country, sector)


@pytest.mark.parametrize(("noun", "sector"), [("soldier", "MIL"), ("cattleman", "AGR"), ("peasant", "AGR")])
def test_imported_agents(phoenix: ActorDictionary, noun: str, sector: str) -> None:
    assert phoenix.agents[noun] == sector


def test_saved_dictionary_resolves_alike(phoenix: ActorDictionary, tmp_path: Path) -> None:
    loaded = ActorDictionary.load(phoenix.save(tmp_path / "phoenix.json"))
    assert len(loaded) == len(phoenix)
    for text, date in [("Vladimir Putin", "2005-01-01"), ("Hezbollah", None), ("Kabul", None)]:
        assert Resolver([loaded]).resolve(text, date=date) == Resolver([phoenix]).resolve(text, date=date)


def test_single_file(shared_data: Path) -> None:
    d = import_phoenix(shared_data / "dictionaries" / "phoenix" / "Phoenix.MilNonState.actors.txt")
    assert d.lookup("taliban")[0].sector == "REB"


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingPathError):
        import_phoenix(tmp_path / "missing")
    with pytest.raises(MalformedInputError):
        import_phoenix(tmp_path)  # an empty folder
    empty = tmp_path / "empty.actors.txt"
    empty.write_text("# only a comment\n")
    with pytest.raises(MalformedInputError):
        import_phoenix(empty)
