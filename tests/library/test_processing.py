"""``newsgraph.process``: texts, paths and dicts in, the records the CLI's JSON Lines path gives out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsgraph
from newsgraph.inputs import content_id
from newsgraph.library.processing import MEMORY_PATH, raw_inputs
from newsgraph.pipeline import Pipeline
from newsgraph.records import Claim, Document, Failure, Record, to_dict
from newsgraph.sources import iter_inputs

TEXT = "Russia accused Ukraine of shelling Donetsk on Monday, the Kremlin said."


@pytest.mark.parametrize(
    ("inputs", "expected"),
    [
        (TEXT, [("raw", content_id(TEXT))]),
        ({"id": "a1", "text": TEXT}, [("raw", "a1")]),
        ({"text": TEXT, "outlet": "TASS"}, [("raw", content_id(TEXT))]),
        ([TEXT, {"id": "b", "html": "<p>x</p>"}], [("raw", content_id(TEXT)), ("raw", "b")]),
        ("", [("E-INPUT-MALFORMED", None)]),
        ({"id": "c"}, [("E-INPUT-MALFORMED", None)]),
        ({"text": TEXT, "when": object()}, [("E-INPUT-MALFORMED", None)]),
        ([3.5], [("E-INPUT-UNSUPPORTED", None)]),
        (Path("/no/such/file.txt"), [("E-INPUT-MISSING", None)]),
    ],
)
def test_raw_inputs(inputs: Any, expected: list[tuple[str, str | None]]) -> None:
    got: list[tuple[str, str | None]] = []
    for item in raw_inputs(inputs):
        if isinstance(item, Failure):
            got.append((item.code, None))
        else:
            got.append(("raw", item.doc_id))
    assert got == expected


def test_texts_are_kept_verbatim_and_offsets_index_them() -> None:
    text = "Home | World\n\nThe Kremlin said talks would go on.  Share 0"
    records = list(newsgraph.process(text, published="2024-06-19"))
    document = records[0]
    assert isinstance(document, Document)
    assert (document.text, document.doc_id, document.path) == (text, content_id(text), MEMORY_PATH)
    claims = [r for r in records if isinstance(r, Claim)]
    assert claims
    for claim in claims:
        assert text[claim.span[0] : claim.span[1]] == claim.content


def test_text_gives_what_a_jsonl_file_gives(tmp_path: Path) -> None:
    line = {"id": "same", "text": TEXT, "title": "Shelling", "published": "2024-06-19"}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    from_file: list[Record] = []
    for batch in Pipeline().run(iter_inputs([str(path)])):
        from_file += [r for a in batch.analyses for r in a.records()]
    from_dict = list(newsgraph.process(line))
    strip = {"path", "line"}  # where the input came from differs; nothing else may
    assert [{k: v for k, v in to_dict(r).items() if k not in strip} for r in from_dict] == [
        {k: v for k, v in to_dict(r).items() if k not in strip} for r in from_file
    ]
    assert len(from_dict) > 3


def test_paths_give_what_the_cli_reads(seeds_dir: Path) -> None:
    from_path = [r for r in newsgraph.process(seeds_dir) if isinstance(r, Document)]
    assert sorted(d.path or "" for d in from_path) == sorted(str(p) for p in seeds_dir.glob("*.txt"))
    assert all(d.published for d in from_path) or any(d.published is None for d in from_path)


@pytest.mark.parametrize(
    ("published", "outlet", "expected"),
    [
        (None, None, (None, None)),
        ("2024-06-19", None, ("2024-06-19", None)),
        ("2024-06-19", "Asahi", ("2024-06-19", "Asahi")),
    ],
)
def test_given_published_and_outlet_win(
    published: str | None, outlet: str | None, expected: tuple[str | None, str | None]
) -> None:
    document = next(newsgraph.process({"text": TEXT}, published=published, outlet=outlet))
    assert isinstance(document, Document)
    assert (document.published, document.outlet) == expected


def test_a_pipeline_chooses_the_stages() -> None:
    pipeline = newsgraph.Pipeline(stages=("timex",))
    kinds = {r.type for r in newsgraph.process([TEXT, {"id": "x", "text": TEXT}], pipeline=pipeline)}
    assert kinds == {"document", "entity", "timex"}


def test_failures_come_in_order_with_the_rest() -> None:
    records = list(newsgraph.process(["", TEXT, 7]))
    assert [r.type for r in records if r.type in ("document", "error")] == ["document", "error", "error"]
    assert [r.line for r in records if isinstance(r, Failure)] == [1, 3]
