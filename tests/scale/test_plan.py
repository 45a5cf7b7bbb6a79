"""The planner decides duplicates in input order, whatever order shards come back from workers."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

import pytest

from newsgraph.inputs import RawInput
from newsgraph.records import Document
from newsgraph.scale import DaskMissingError, Planner, Shard, extract, require_dask

BASE = (
    "The foreign ministers of Japan and South Korea met in Seoul on Tuesday to discuss the missile "
    "launches, agreeing to share radar data in real time and to hold a further meeting next month, "
    "officials from both governments said after the talks ended late in the evening."
)
NEAR = BASE.replace("late in the evening", "late on Tuesday evening")
OTHER = (
    "Farmers in the north of the country protested on Friday against new import rules, blocking "
    "roads with tractors and demanding that the agriculture minister withdraw the regulation."
)
GERMAN = (
    "Die Außenminister Japans und Südkoreas trafen sich am Dienstag in Seoul, um über die "
    "Raketenstarts zu sprechen, und vereinbarten, Radardaten in Echtzeit auszutauschen."
)


def raw(doc_id: str, text: str) -> RawInput:
    return RawInput(doc_id=doc_id, path=f"{doc_id}.txt", kind="text", content=text)


@dataclass
class _Stored:
    """What a store answers the planner: its doc_ids and content hashes (no near copies)."""

    ids: set[str]
    hashes: dict[str, str]

    def known(self, doc_ids: Iterable[str]) -> set[str]:
        return self.ids & set(doc_ids)

    def known_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        return {h: self.hashes[h] for h in hashes if h in self.hashes}

    def near_candidates(self, wanted: Iterable[str]) -> dict[str, tuple[set[str], bytes]]:
        return {}


def plan(shards: list[list[RawInput]], planner: Planner | None = None) -> list[Shard]:
    """Extract every shard up front (as workers would, in any order), then decide in admission order."""
    planner = planner or Planner()
    admitted = [planner.admit(s) for s in shards]
    extracted = [extract(a.raws) for a in reversed(admitted)][::-1]
    return [planner.decide(a, e) for a, e in zip(admitted, extracted, strict=True)]


def outcome(shards: list[Shard]) -> dict[str, str]:
    """doc_id -> parse | skip | exact:<original> | near:<original> | unparsed | failed."""
    found: dict[str, str] = {}
    for shard in shards:
        for doc in shard.to_parse:
            found[doc.doc_id] = f"near:{doc.duplicate_of}" if doc.duplicate_of else "parse"
        for analysis in shard.unparsed:
            d = analysis.document
            found[d.doc_id] = f"exact:{d.duplicate_of}" if "exact-duplicate" in d.flags else "unparsed"
        for doc_id in shard.skipped:
            found[doc_id] = "skip"
        for failure in shard.failures:
            found[failure.doc_id] = "failed"
    return found


CASES = [
    ("distinct", [[raw("a", BASE)], [raw("b", OTHER)]], {"a": "parse", "b": "parse"}),
    ("exact copy, later shard", [[raw("a", BASE)], [raw("b", BASE.upper())]], {"a": "parse", "b": "exact:a"}),
    ("exact copy, same shard", [[raw("a", BASE), raw("b", BASE)]], {"a": "parse", "b": "exact:a"}),
    ("near copy", [[raw("a", BASE)], [raw("b", NEAR)]], {"a": "parse", "b": "near:a"}),
    ("first seen is the original", [[raw("b", NEAR)], [raw("a", BASE)]], {"b": "parse", "a": "near:b"}),
    ("repeated doc_id", [[raw("a", BASE)], [raw("a", BASE)]], {"a": "skip"}),
    ("not English", [[raw("g", GERMAN)]], {"g": "unparsed"}),
    ("empty text", [[raw("e", "   \n")]], {"e": "failed"}),
]


@pytest.mark.parametrize(("shards", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_planner_decides_like_one_process(shards: list[list[RawInput]], expected: dict[str, str]) -> None:
    assert outcome(plan(shards)) == expected


STORED_CASES = [
    # (stored doc_ids, stored doc_id with the same content, its duplicate_of, expected for doc "a")
    ("stored id is skipped", {"a"}, None, {}, "skip"),
    ("copy of a stored original", set(), "z", {"z": None}, "exact:z"),
    # A run killed after a copy's shard committed but before its original's: the original is no copy.
    ("stored copy of this document", set(), "b", {"b": "a"}, "parse"),
    ("stored copy of another", set(), "b", {"b": "z"}, "exact:z"),
]


@pytest.mark.parametrize(
    ("ids", "same_content", "links", "expected"),
    [c[1:] for c in STORED_CASES],
    ids=[c[0] for c in STORED_CASES],
)
def test_planner_consults_the_store(
    ids: set[str], same_content: str | None, links: dict[str, str | None], expected: str
) -> None:
    [document] = [d for d in extract([raw("a", BASE)]) if isinstance(d, Document)]
    stored_hashes = {document.content_hash: same_content} if same_content else {}
    planner = Planner(stored=_Stored(ids, stored_hashes), duplicate_of=links.__getitem__)
    assert outcome(plan([[raw("a", BASE)]], planner))["a"] == expected


def test_missing_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what an environment without the extra imports
    with pytest.raises(DaskMissingError, match=r"pip install 'newsgraph\[scale\]'") as err:
        require_dask()
    assert err.value.code == "E-SCALE-DASK-MISSING"
