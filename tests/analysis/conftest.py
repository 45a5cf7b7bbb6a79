"""A store built by the real pipeline from the two seed pages and two BASIL events (three outlets each)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.pipeline import Pipeline
from newsgraph.sources import iter_inputs
from newsgraph.store import Store

# Two BASIL events: each told by Fox News, the New York Times and HuffPost.
BASIL_EVENTS = ("2b95d2cf-e979-4f9c-ae27-9a5370934f23", "38f7cbb7-5d6a-4c89-bcbd-8e164144172a")
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


def basil_jsonl(basil: Path, out: Path) -> dict[str, list[str]]:
    """The BASIL articles of BASIL_EVENTS as JSON Lines input; returns event -> doc_ids."""
    events: dict[str, list[str]] = {}
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(basil.rglob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            event = data["triplet-uuid"]
            if event not in BASIL_EVENTS:
                continue
            text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"])
            row = {
                "id": path.stem,
                "text": text,
                "title": data["title"],
                "url": data["url"],
                "outlet": OUTLETS[data["source"].lower()],
                "published": data["date"],
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            events.setdefault(event, []).append(path.stem)
    return events


@pytest.fixture(scope="session")
def basil_input(
    shared_data: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, list[str]]]:
    path = tmp_path_factory.mktemp("basil") / "basil.jsonl"
    return path, basil_jsonl(shared_data / "corpora" / "basil", path)


@pytest.fixture(scope="session")
def basil_events(basil_input: tuple[Path, dict[str, list[str]]]) -> dict[str, list[str]]:
    return basil_input[1]


@pytest.fixture(scope="session")
def analysis_store(
    nlp: Language,
    seeds_dir: Path,
    basil_events: dict[str, list[str]],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("analysis")
    basil = next(tmp_path_factory.getbasetemp().glob("basil*/basil.jsonl"))
    with Store.open(str(folder / "analysis.db")) as store:
        for batch in Pipeline().run(iter_inputs([str(seeds_dir), str(basil)]), stored=store):
            assert not batch.failures, batch.failures
            store.write(batch.analyses, batch.failures)
        yield store
