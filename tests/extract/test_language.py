"""Language: the detector's answer is taken when it is sure or the script rules English out; a short,
name-heavy English sentence is English (flagged as a guess), never a silently skipped 'nl' document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli.app import app
from newsgraph.extract.language import identify, latin_share
from newsgraph.records import Document, Entity, Event

ENGLISH = [
    "Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019.",  # nl 0.27 by itself
    "Xi Jinping and Joe Biden met in San Francisco.",  # nl 0.59
    "Lula da Silva met Macron in Belem.",  # pt 0.35
    "Erdogan hosted Zelenskyy in Istanbul.",
    "Russia accused Ukraine of shelling Donetsk.",
]
OTHER = [
    ("fr", "Le président a rencontré son homologue à Paris mardi."),
    ("fr", "La France condamne l'attaque."),
    ("es", "El presidente viajó a Madrid el martes."),
    ("de", "Die Bundesregierung hat die Sanktionen verlängert."),
    ("nl", "De regering heeft de sancties verlengd."),
    ("pt", "O presidente Lula visitou a China na semana passada."),
    ("ru", "Путин встретился с Ким Чен Ыном во Владивостоке."),
    ("zh", "习近平在北京会见了普京总统，双方讨论了乌克兰局势。"),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_short_name_heavy_english_is_english(text: str) -> None:
    found = identify(text)
    assert found.code == "en"
    assert found.uncertain == (found.detected != "en")


@pytest.mark.parametrize(("code", "text"), OTHER)
def test_other_languages_stay_what_they_are(code: str, text: str) -> None:
    found = identify(text)
    assert (found.code, found.uncertain) == (code, False)


def test_the_script_decides_for_non_latin_text() -> None:
    assert latin_share("Путин встретился") == 0.0 and latin_share("Putin met Kim") == 1.0
    assert latin_share("Putin (Путин)") == pytest.approx(5 / 10)


def test_process_reads_the_vladivostok_sentence() -> None:
    """It came back as one document in 'nl', flagged non-english: no entities, no event, no warning."""
    records = list(newsgraph.process(["Kim Jong Un met Vladimir Putin in Vladivostok on April 25, 2019."]))
    [doc] = [r for r in records if isinstance(r, Document)]
    assert doc.language == "en" and "non-english" not in doc.flags
    assert [f for f in doc.flags if f.startswith("language-uncertain:")] == ["language-uncertain:nl@0.27"]
    assert {e.text for e in records if isinstance(e, Entity)} >= {
        "Kim Jong Un",
        "Vladimir Putin",
        "Vladivostok",
    }
    assert [e for e in records if isinstance(e, Event)]


def test_a_skipped_document_says_why_and_language_overrides() -> None:
    text = "Le président a rencontré son homologue à Paris mardi pour parler de la guerre en Ukraine."
    [doc] = [r for r in newsgraph.process([text]) if isinstance(r, Document)]
    assert doc.language == "fr" and "non-english" in doc.flags
    assert any(f.startswith("not-parsed:language=fr@") for f in doc.flags)
    forced = list(newsgraph.process([text], language="en"))
    assert forced[0].language == "en" and "language-given:en" in forced[0].flags  # type: ignore[union-attr]
    assert any(isinstance(r, Entity) for r in forced)


def test_cli_language_option(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Le président a rencontré son homologue à Paris mardi pour parler de la guerre.\n")
    result = CliRunner().invoke(app, ["extract", str(page), "--language", "EN"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["language"] == "en" and "language-given:en" in doc["flags"]
    wrong = CliRunner().invoke(app, ["extract", str(page), "--language", "english"])
    assert wrong.exit_code == 2 and "E-CHOICE" in wrong.stderr
