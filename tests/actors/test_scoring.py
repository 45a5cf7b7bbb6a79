"""The NGEC actor-case scorer: PLOVER sector codes against CAMEO ones, the IGO family."""

from __future__ import annotations

import pytest

from newsgraph.eval.actors import Case, country_correct, pseudo_country, sector_correct
from newsgraph.records import Actor


def _sector(code: str | None) -> Actor:
    return Actor("x", "x", "sector", None, code)


@pytest.mark.parametrize(
    ("expected", "code_2", "predicted", "correct"),
    [
        ("MED", None, "HLH", True),  # PLOVER's medical is CAMEO's health
        ("MED", None, "MED", False),  # CAMEO's MED is the media, not medicine
        ("GOV", "JRN", "MED", True),  # PLOVER's JRN (journalists) is CAMEO's MED
        ("HLH", None, "HLH", True),
        ("GOV", "MIL", "MIL", True),
        ("GOV", None, "MIL", False),
        ("UNK", None, None, True),
        ("REB", None, None, False),
    ],
)
def test_sector_codes(expected: str, code_2: str | None, predicted: str | None, correct: bool) -> None:
    case = Case("text", None, expected, code_2)
    assert sector_correct(case, _sector(predicted)) is correct


def test_intergovernmental_bodies_with_a_functional_sector() -> None:
    who = Actor("org:who", "World Health Organization", "organisation", None, "HLH")
    assert pseudo_country(who) == "IGO"
    assert country_correct(Case("WHO", "UNO", None, None), who)
    charity = Actor("org:red-cross", "Red Cross", "organisation", None, "NGO")
    assert pseudo_country(charity) == ""
