"""Score actor resolution on NGEC's actor cases: mention text -> expected country and/or sector.

Scoring, per case (a case is a JSON line with ``text`` and at least one of ``country``/``sector``):
- country: an empty expectation means "no country"; CAMEO's pseudo-countries for organisations (UNO for the
  UN family, EUR for the EU, IGO for other intergovernmental bodies) match an organisation actor of that
  family with no country of its own.
- sector: empty, UNK ("unknown") and JNK ("junk") mean "no sector"; "????" is not scored; a case's
  ``code_2`` (NGEC's second code, e.g. GOV + MIL for a defence minister) is accepted too.
- the cases write sectors in NGEC's PLOVER scheme, where MED is medical and JRN is media (the PLOVER records
  in events/plover_gsr_cameo.json code "Swiss doctors" MED and "La Prensa" JRN); the resolver writes CAMEO's,
  where health is HLH and media is MED (Phoenix.agents.txt: DOCTOR [~HLH], JOURNALIST [~MED]). An expected
  MED is met by HLH and an expected JRN by MED; nothing else is translated.
- a case is correct when every field it states is; ``accuracy`` is over cases, the others over fields.
Mentions are resolved without a date and without an NER label, as the file gives neither: a person takes
their latest listed role (resolving "as of today" instead scores 0.753, as the file was coded years ago).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from newsgraph.actors.builtin import builtin_dictionary
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.phoenix import import_phoenix
from newsgraph.actors.resolver import Resolver
from newsgraph.errors import MalformedInputError, MissingPathError
from newsgraph.eval.report import EvalReport
from newsgraph.records import Actor

_NO_SECTOR = frozenset({"", "UNK", "JNK"})
_UNSCORED_SECTOR = frozenset({"????"})
_IGO_FAMILY = frozenset({"UNO", "EUR", "IGO"})
# Sectors of intergovernmental bodies without a country: IGO, or CAMEO's functional code (ICJ JUD, WHO HLH).
_IGO_SECTORS = frozenset({"IGO", "JUD", "HLH", "COP"})
# NGEC's PLOVER sector code -> the CAMEO code the resolver writes for the same sector.
_PLOVER_TO_CAMEO = {"MED": "HLH", "JRN": "MED"}


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    country: str | None  # None: not stated; "": stated as none
    sector: str | None
    code_2: str | None


def read_cases(data: Path) -> list[Case]:
    if not data.is_file():
        raise MissingPathError(f"actor cases not found: {data}", path=str(data))
    cases: list[Case] = []
    for number, line in enumerate(data.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MalformedInputError(
                f"{data}:{number} is not JSON: {exc}", path=str(data), line=number
            ) from exc
        sector = raw.get("sector")
        cases.append(
            Case(
                str(raw["text"]),
                raw.get("country"),
                None if sector in _UNSCORED_SECTOR else sector,
                raw.get("code_2") or None,
            )
        )
    return cases


def pseudo_country(actor: Actor | None) -> str:
    """The actor's country as CAMEO writes it: ISO alpha-3, or UNO/EUR/IGO for organisations without one."""
    if actor is None:
        return ""
    if actor.country:
        return actor.country
    if actor.id.startswith("org:un") or (actor.id.startswith("person:") and actor.sector == "IGO"):
        return "UNO"
    if actor.id.startswith("org:eu"):
        return "EUR"
    if actor.id.startswith("org:") and actor.sector in _IGO_SECTORS:
        return "IGO"
    return ""


def country_correct(case: Case, actor: Actor | None) -> bool:
    predicted = pseudo_country(actor)
    expected = case.country or ""
    if expected == "IGO":
        return predicted in _IGO_FAMILY
    if expected == "UNO" and predicted == "IGO" and actor is not None:
        # The UN's specialised agencies and courts (IAEA, ICJ, WHO) are UNO in CAMEO.
        return actor.id in ("org:iaea", "org:icj", "org:who", "org:imf", "org:world-bank", "org:unesco")
    return predicted == expected


def sector_correct(case: Case, actor: Actor | None) -> bool:
    predicted = actor.sector if actor is not None else None
    expected = case.sector or ""
    if expected in _NO_SECTOR:
        return predicted is None
    accepted = {expected} if case.code_2 is None else {expected, case.code_2}
    return predicted is not None and any(_PLOVER_TO_CAMEO.get(code, code) == predicted for code in accepted)


def evaluate(
    data: Path, *, limit: int | None = None, dictionaries: tuple[ActorDictionary, ...] = ()
) -> EvalReport:
    """Accuracy of :func:`newsgraph.actors.resolve` on the cases in ``data`` (built-in dictionary first)."""
    started = time.perf_counter()
    cases = read_cases(data)[:limit]
    resolver = Resolver([builtin_dictionary(), *dictionaries])
    counts = {"cases": 0, "correct": 0, "country_cases": 0, "country_correct": 0}
    counts.update({"sector_cases": 0, "sector_correct": 0, "unscored": 0, "resolved": 0})
    misses: list[str] = []
    for case in cases:
        has_country = case.country is not None
        has_sector = case.sector is not None
        if not (has_country or has_sector):
            counts["unscored"] += 1
            continue
        actor = resolver.resolve(case.text)
        counts["cases"] += 1
        counts["resolved"] += actor is not None
        ok = True
        if has_country:
            good = country_correct(case, actor)
            counts["country_cases"] += 1
            counts["country_correct"] += good
            ok = ok and good
        if has_sector:
            good = sector_correct(case, actor)
            counts["sector_cases"] += 1
            counts["sector_correct"] += good
            ok = ok and good
        counts["correct"] += ok
        if not ok and len(misses) < 400:
            got = "-" if actor is None else f"{pseudo_country(actor) or '-'}/{actor.sector or '-'}"
            misses.append(f"{case.text!r}: expected {case.country or '-'}/{case.sector or '-'}, got {got}")
    metrics = {
        "accuracy": counts["correct"] / counts["cases"] if counts["cases"] else 0.0,
        "country_accuracy": counts["country_correct"] / counts["country_cases"]
        if counts["country_cases"]
        else 0.0,
        "sector_accuracy": counts["sector_correct"] / counts["sector_cases"]
        if counts["sector_cases"]
        else 0.0,
    }
    names = ", ".join(["builtin", *(d.name for d in dictionaries)])
    notes = [f"dictionaries: {names}", *misses]
    return EvalReport("actors", str(data), metrics, counts, time.perf_counter() - started, notes)


def evaluate_with_phoenix(data: Path, phoenix: Path, *, limit: int | None = None) -> EvalReport:
    """The same evaluation with an imported Phoenix dictionary after the built-in one."""
    return evaluate(data, limit=limit, dictionaries=(import_phoenix(phoenix),))
