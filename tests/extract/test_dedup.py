from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsgraph.extract.dedup import Duplicates, NearDuplicates, content_hash
from newsgraph.records import Document


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("North  Korea fired.\n\nA missile.") == content_hash("north korea fired. a missile.")
    assert content_hash("North Korea fired.") != content_hash("South Korea fired.")


def test_wire_copy_is_found_and_different_story_is_not(shared_data: Path) -> None:
    """Real White House texts: a trimmed, retitled copy is a near-duplicate; another statement is not."""
    docs = []
    with gzip.open(shared_data / "corpora" / "whitehouse-2023-2024.jsonl.gz", "rt") as fh:
        for line in fh:
            obj = json.loads(line)
            if len(obj["text"].split()) > 400:
                docs.append(obj)
            if len(docs) == 20:
                break
    index = NearDuplicates()
    for doc in docs:
        assert index.check(doc["id"], doc["text"]) is None
    original = docs[3]["text"]
    paragraphs = original.split("\n")
    # what an outlet does to a wire story: a new first line, the last paragraph cut, a sign-off
    copy = "Breaking: from our wire service\n" + "\n".join(paragraphs[:-1]) + "\n(Reporting by our desk)"
    assert index.check("copy", copy) == docs[3]["id"]


def _doc(doc_id: str, text: str, language: str = "en") -> Document:
    return Document(doc_id=doc_id, text=text, language=language, content_hash=content_hash(text))


STORY = " ".join(f"Officials in capital {i} met envoys and signed accord {i} today." for i in range(40))


def test_duplicates_decides_across_batches_and_against_the_store() -> None:
    links = {"stored-copy": "later"}  # a killed run left a copy stored that names a not-yet-stored original
    dups = Duplicates(duplicate_of=links.get)
    first = dups.decide([_doc("a", STORY), _doc("b", STORY.upper())], stored={})
    assert [d.doc_id for d in first.to_parse] == ["a"]
    assert [(x.document.doc_id, x.document.duplicate_of) for x in first.unparsed] == [("b", "a")]
    assert "exact-duplicate" in first.unparsed[0].document.flags
    # a later batch: an exact copy of an earlier batch, a copy of a stored document, a foreign text
    other = "Ein ganz anderer Text über Wahlen in Europa und die Regierung in Berlin. " * 5
    later = dups.decide(
        [_doc("c", STORY + " "), _doc("d", "stored words " * 30), _doc("e", other, language="de")],
        stored={content_hash("stored words " * 30): "s1"},
    )
    assert [(x.document.doc_id, x.document.duplicate_of) for x in later.unparsed] == [
        ("c", "a"),
        ("d", "s1"),
        ("e", None),
    ]
    assert later.to_parse == []
    # the stored copy names this very document as its original, so this one is the original
    text = "the original statement " * 30
    own = dups.decide([_doc("later", text)], stored={content_hash(text): "stored-copy"})
    assert [d.doc_id for d in own.to_parse] == ["later"]


def test_near_copy_is_parsed_but_marked() -> None:
    dups = Duplicates()
    trimmed = STORY.rsplit(" ", 12)[0] + " Reporting by our desk."
    decision = dups.decide([_doc("a", STORY), _doc("b", trimmed)], stored={})
    assert [(d.doc_id, d.duplicate_of) for d in decision.to_parse] == [("a", None), ("b", "a")]
    assert "near-duplicate" in decision.to_parse[1].flags
    assert not Duplicates(near_duplicates=False).decide([_doc("a", STORY), _doc("b", trimmed)], {}).unparsed
