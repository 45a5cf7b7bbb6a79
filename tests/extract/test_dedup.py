from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsgraph.extract.dedup import NearDuplicates, content_hash


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
