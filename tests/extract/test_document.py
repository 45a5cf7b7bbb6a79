"""Raw input to Document: the seeds, JSONL verbatim text, language flags and user overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import NoTextError
from newsgraph.extract import build_document
from newsgraph.inputs import RawInput
from newsgraph.sources import iter_inputs


def _seed(seeds_dir: Path, name: str) -> RawInput:
    [raw] = iter_inputs([str(seeds_dir / name)])
    assert isinstance(raw, RawInput)
    return raw


def test_seed_001_outlet_and_date_from_signoff(seeds_dir: Path) -> None:
    doc = build_document(_seed(seeds_dir, "001_9545d4441ba4f2da.txt"))
    assert doc.outlet == "The Yomiuri Shimbun"
    assert doc.published == "2023-09-15" and doc.published_source == "signoff"
    assert (
        doc.title
        == "Putin-Kim Summit: Russia-North Korea Military Ties Pose Challenge to International Community"
    )
    assert "(From The Yomiuri Shimbun" not in doc.text
    assert doc.text.endswith("has emboldened Kim.")
    assert doc.language == "en" and doc.content_hash


def test_seed_000_has_no_date_and_says_so(seeds_dir: Path) -> None:
    doc = build_document(_seed(seeds_dir, "000_82a233cb85448ae9.txt"))
    assert doc.published is None and doc.published_source == "none"
    given = build_document(
        _seed(seeds_dir, "000_82a233cb85448ae9.txt"), published="2024-06-17", outlet="News1"
    )
    assert (given.published, given.published_source, given.outlet) == ("2024-06-17", "given", "News1")


def test_jsonl_text_is_kept_verbatim() -> None:
    text = "Home\n\nNO COMMENTS\nNorth Korea fired a missile, officials said.  "
    raw = RawInput(
        doc_id="j1",
        path="in.jsonl",
        kind="text",
        content=text,
        line=1,
        verbatim=True,
        published="2024-06-17T08:00:00Z",
    )
    doc = build_document(raw)
    assert doc.text == text and doc.published == "2024-06-17" and doc.published_source == "metadata"


@pytest.mark.parametrize(
    ("text", "language", "flag"),
    [
        ("Путин прибыл в Пхеньян с государственным визитом, сообщили в Кремле во вторник.", "ru", True),
        ("Le président russe est arrivé à Pyongyang pour une visite d'État de deux jours.", "fr", True),
        ("The Russian president arrived in Pyongyang for a two-day state visit on Tuesday.", "en", False),
    ],
)
def test_language_is_detected_and_non_english_flagged(text: str, language: str, flag: bool) -> None:
    doc = build_document(RawInput(doc_id="x", path="x.txt", kind="text", content=text))
    assert doc.language == language
    assert ("non-english" in doc.flags) is flag


def test_only_furniture_is_no_text() -> None:
    with pytest.raises(NoTextError):
        build_document(
            RawInput(doc_id="x", path="x.txt", kind="text", content="Home\nNO COMMENTS\nExit mobile version")
        )
