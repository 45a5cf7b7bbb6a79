"""The stored near-duplicate index: a wire copy is caught in a later run, not only in its original's run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select
from tests.store.backends import BACKENDS, fresh_url

from newsgraph.extract.dedup import BANDS, Duplicates, buckets, content_hash, minhash, signature, similarity
from newsgraph.pipeline import Pipeline
from newsgraph.records import Analysis, Document
from newsgraph.sources import iter_inputs
from newsgraph.store import Store, schema
from newsgraph.store.engine import _alembic_config, create, normalise_url


def _copy_of(original: str) -> str:
    paragraphs = original.split("\n\n")
    return "Breaking News\n\n" + "\n\n".join(paragraphs[1:-2])  # a retitled, trimmed wire copy


class _NoNearCopies:
    """The store, with its near-duplicate index hidden (as before the index existed)."""

    def __init__(self, store: Store) -> None:
        self.known = store.known
        self.known_hashes = store.known_hashes

    def near_candidates(self, wanted: Iterable[str]) -> dict[str, tuple[set[str], bytes]]:
        return {}


def _ingest(store: Store, path: Path, *, near: bool = True) -> list[Analysis]:
    stored: list[Analysis] = []
    for batch in Pipeline().run(iter_inputs([str(path)]), stored=store if near else _NoNearCopies(store)):
        store.write(batch.analyses, batch.failures)
        stored += batch.analyses
    return stored


def _count(store: Store, table: object) -> int:
    with store._engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


def test_signature_round_trips_and_buckets_are_stable() -> None:
    text = " ".join(f"word{i}" for i in range(300))
    sig = minhash(text)
    assert similarity(sig, signature(sig)) == 1.0
    assert len(buckets(sig)) == BANDS and buckets(sig) == buckets(minhash(text))
    assert similarity(sig, minhash(" ".join(f"other{i}" for i in range(300)))) < 0.1


def test_wire_copy_in_a_later_run_points_at_the_stored_original(
    tmp_path: Path, seeds_dir: Path, url: str
) -> None:
    original = (seeds_dir / "001_9545d4441ba4f2da.txt").read_text()
    (tmp_path / "run1").mkdir()
    (tmp_path / "run2").mkdir()
    (tmp_path / "run1" / "a.txt").write_text(original)
    (tmp_path / "run2" / "c.txt").write_text(_copy_of(original))
    with Store.open(url) as store:
        [first] = _ingest(store, tmp_path / "run1")
        assert _count(store, schema.near_signatures) == 1
        assert _count(store, schema.near_buckets) == BANDS
        [copy] = _ingest(store, tmp_path / "run2")
        assert copy.document.duplicate_of == first.document.doc_id
        assert "near-duplicate" in copy.document.flags
        assert store.get(copy.document.doc_id).document.duplicate_of == first.document.doc_id


def test_without_the_stored_index_a_later_copy_is_missed(tmp_path: Path, seeds_dir: Path) -> None:
    """The control: the same two runs with only the in-run index, as before the index was stored."""
    original = (seeds_dir / "001_9545d4441ba4f2da.txt").read_text()
    (tmp_path / "run1").mkdir()
    (tmp_path / "run2").mkdir()
    (tmp_path / "run1" / "a.txt").write_text(original)
    (tmp_path / "run2" / "c.txt").write_text(_copy_of(original))
    with Store.open(str(tmp_path / "news.db")) as store:
        _ingest(store, tmp_path / "run1", near=False)
        [copy] = _ingest(store, tmp_path / "run2", near=False)
        assert copy.document.duplicate_of is None


def test_force_rewrites_the_index_and_exact_copies_are_not_indexed(tmp_path: Path) -> None:
    text = " ".join(f"Officials in city {i} signed accord {i} with envoys." for i in range(60))
    doc = Document(doc_id="a", text=text, content_hash=content_hash(text))
    copy = Document(
        doc_id="b", text=text, content_hash=content_hash(text), duplicate_of="a", flags=("exact-duplicate",)
    )
    with Store.open(str(tmp_path / "news.db")) as store:
        store.write([Analysis(document=doc), Analysis(document=copy)])
        assert set(store.near_candidates(buckets(minhash(text)))) == {"a"}
        store.write([Analysis(document=doc)], force=True)
        assert _count(store, schema.near_signatures) == 1 and _count(store, schema.near_buckets) == BANDS
        # a batch decided against the store: the stored document is the one a copy points at
        dups = Duplicates()
        near = Document(doc_id="c", text=text + " Reuters.", content_hash=content_hash(text + " Reuters."))
        decision = dups.decide([near], store.known_hashes([near.content_hash]), store.near_candidates)
        assert [(d.doc_id, d.duplicate_of) for d in decision.to_parse] == [("c", "a")]


def test_migration_indexes_documents_stored_before_it(tmp_path: Path) -> None:
    url = normalise_url(str(tmp_path / "old.db"))
    engine = create(url)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    text = " ".join(f"Ministers from state {i} met in the capital on trade {i}." for i in range(50))
    with engine.begin() as conn:
        conn.execute(
            schema.documents.insert().values(
                doc_id="old", content_hash=content_hash(text), text=text, record={"doc_id": "old"}
            )
        )
    engine.dispose()
    with Store.open(url) as store:  # opening migrates to the newest revision
        assert set(store.near_candidates(buckets(minhash(text + " (AP)")))) == {"old"}


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_url(request.param, tmp_path, request) as made:
        yield made
