"""Parsing in bounded batches: long documents in paragraph pieces, joined back into one Doc."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language

from newsgraph.nlp.model import PIECE_CHARS, parse, pieces


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=5, max_value=60))
def test_pieces_join_back_to_the_text_and_keep_to_the_size(text: str, size: int) -> None:
    parts = pieces(text, size)
    assert "".join(parts) == text
    # a piece may run past the size only by the whitespace after its cut
    assert all(len(p.rstrip()) <= size and p for p in parts[:-1])
    assert len(parts[-1]) <= size


def test_pieces_are_cut_after_paragraph_breaks() -> None:
    text = ("word " * 30 + "\n\n") * 10
    parts = pieces(text, 400)
    assert len(parts) > 1 and all(p.endswith("\n\n") for p in parts[:-1])


def test_a_long_document_parses_as_one_doc_like_the_whole(nlp: Language, shared_data: Path) -> None:
    corpus = shared_data / "corpora" / "whitehouse-2023-2024.jsonl.gz"
    with gzip.open(corpus, "rt") as fh:
        text = max((json.loads(line)["text"] for line in itertools.islice(fh, 600)), key=len)
    assert len(text) > 2 * PIECE_CHARS
    short = "North Korea fired a missile on Monday."
    docs = list(parse([short, text, short], batch_size=2, nlp=nlp))
    assert [d.text for d in docs] == [short, text, short]
    joined, whole = docs[1], nlp(text)
    ents = [(e.start_char, e.end_char, e.label_) for e in joined.ents]
    assert ents == [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    # every piece boundary is a sentence start, and no dependency crosses it
    assert all(t.head.sent == t.sent for t in joined)
