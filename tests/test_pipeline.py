"""The pipeline over real inputs: bad documents become failures, the rest goes on; duplicates are marked."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.errors import StageError
from newsgraph.library.processing import raw_inputs
from newsgraph.pipeline import Batch, Pipeline
from newsgraph.records import Claim, Document, Entity, Failure
from newsgraph.sources import iter_inputs


def _run(pipeline: Pipeline, paths: list[str], **kwargs: object) -> list[Batch]:
    return list(pipeline.run(iter_inputs(paths), **kwargs))  # type: ignore[arg-type]


def test_batch_goes_on_past_bad_inputs(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 4)
    lines = [
        json.dumps({"id": "ok-1", "text": "Russia and North Korea signed a treaty in Pyongyang."}),
        "{broken",
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    batches = _run(Pipeline(batch_size=2), [str(tmp_path), str(seeds_dir)])
    analyses = [a for b in batches for a in b.analyses]
    failures = [f for b in batches for f in b.failures]
    assert sorted(a.document.doc_id for a in analyses) == sorted(
        ["ok-1", "1816d411d63a7963", "03af38b2667d0802"]
    )
    assert sorted(f.code for f in failures) == ["E-INPUT-BINARY", "E-INPUT-EMPTY", "E-INPUT-MALFORMED"]
    broken = next(f for f in failures if f.code == "E-INPUT-MALFORMED")
    assert isinstance(broken, Failure) and broken.line == 2
    assert all(a.entities for a in analyses)


class _HoldsEveryId:
    """A store that holds every doc_id asked about (and no contents)."""

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        return set(doc_ids)

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        return {}

    def near_candidates(self, wanted: Iterable[str]) -> dict[str, tuple[set[str], bytes]]:
        return {}


def test_known_documents_are_skipped_before_parsing(seeds_dir: Path) -> None:
    batches = _run(Pipeline(), [str(seeds_dir)], stored=_HoldsEveryId())
    assert [len(b.skipped) for b in batches] == [2] and not batches[0].analyses


def test_exact_and_near_duplicates(tmp_path: Path, seeds_dir: Path) -> None:
    original = (seeds_dir / "001_9545d4441ba4f2da.txt").read_text()
    (tmp_path / "a.txt").write_text(original)
    (tmp_path / "b.txt").write_text(original.replace("\n", "\n\n"))  # same text, other bytes
    paragraphs = original.split("\n\n")
    (tmp_path / "c.txt").write_text(
        "Breaking News\n\n" + "\n\n".join(paragraphs[1:-2])
    )  # a trimmed wire copy
    [batch] = _run(Pipeline(), [str(tmp_path)])
    by_name = {Path(a.document.path or "").name: a for a in batch.analyses}
    first = by_name["a.txt"].document
    assert by_name["b.txt"].document.duplicate_of == first.doc_id
    assert "exact-duplicate" in by_name["b.txt"].document.flags and not by_name["b.txt"].entities
    assert by_name["c.txt"].document.duplicate_of == first.doc_id
    assert "near-duplicate" in by_name["c.txt"].document.flags


def test_non_english_is_stored_flagged_not_parsed(tmp_path: Path) -> None:
    text = "Le président russe est arrivé à Pyongyang mardi pour une visite d'État de deux jours."
    (tmp_path / "fr.txt").write_text(text)
    [batch] = _run(Pipeline(), [str(tmp_path)])
    [analysis] = batch.analyses
    assert analysis.document.language == "fr" and "non-english" in analysis.document.flags
    assert analysis.entities == ()


def test_a_byte_identical_second_file_gets_a_record_naming_its_original(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """It had the first file's content id and was dropped as already seen: no record at all."""
    seed = (seeds_dir / "000_82a233cb85448ae9.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(seed)
    (tmp_path / "b.txt").write_bytes(seed)
    docs = {
        a.document.path: a.document
        for batch in Pipeline(batch_size=1).run(iter_inputs([str(tmp_path)]))
        for a in batch.analyses
    }
    first, copy = docs[str(tmp_path / "a.txt")], docs[str(tmp_path / "b.txt")]
    assert copy.doc_id != first.doc_id and copy.duplicate_of == first.doc_id
    assert "exact-duplicate" in copy.flags
    again = [a.document.doc_id for b in Pipeline().run(iter_inputs([str(tmp_path)])) for a in b.analyses]
    assert sorted(again) == sorted([first.doc_id, copy.doc_id])  # the same ids on every run


def test_one_id_for_two_different_texts_is_an_error_record(tmp_path: Path) -> None:
    lines = [
        {"id": "a", "text": "Japan protested to China."},
        {"id": "a", "text": "China protested to Japan."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    [batch] = list(Pipeline().run(iter_inputs([str(path)])))
    assert [a.document.text for a in batch.analyses] == ["Japan protested to China."]
    [failure] = batch.failures
    assert failure.code == "E-INPUT-DUPLICATE-ID" and failure.line == 2 and f"{path}:1" in failure.message


def test_a_stage_failing_on_one_document_is_its_failure_record(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met in one document's stage: that document becomes a Failure, the rest of the batch goes on."""
    from newsgraph import claims

    real = claims.attribute

    def attribute(doc: Doc, document: Document, entities: list[Entity]) -> list[Claim]:
        if "poison" in doc.text:
            raise RuntimeError("a bug")
        return real(doc, document, entities)

    monkeypatch.setattr(claims, "attribute", attribute)
    items = [
        {"id": "a", "text": "Japan protested to China."},
        {"id": "b", "text": "The poison pill was adopted."},
        {"id": "c", "text": "Putin said the talks went well."},
    ]
    [batch] = Pipeline().run(raw_inputs(items))
    assert [a.document.doc_id for a in batch.analyses] == ["a", "c"]
    assert [(f.doc_id, f.code, f.message) for f in batch.failures] == [
        ("b", StageError.code, "RuntimeError: a bug")
    ]
    assert batch.analyses[1].claims  # the documents after the failing one went through every stage
