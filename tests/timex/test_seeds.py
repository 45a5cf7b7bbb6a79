"""Every date in the two seed pages comes out right, with the DCT given and (seed 000) without it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.records import Document, Timex

SEED_000 = "000_82a233cb85448ae9.txt"
SEED_001 = "001_9545d4441ba4f2da.txt"

# (text, kind, value, end_value, anchor) in text order
SEED_000_WITH_DCT = [
    ("June 18-19", "DATE", "2024-06-18", "2024-06-19", "dct"),
    ("June 17", "DATE", "2024-06-17", None, "dct"),
    ("24 years", "DURATION", "P24Y", None, "dct"),
    ("2000", "DATE", "2000", None, "dct"),
    ("1948", "DATE", "1948", None, "dct"),
    ("September 2023", "DATE", "2023-09", None, "dct"),
    ("about four and a half years", "DURATION", "P4.5Y", None, "dct"),
    ("April", "DATE", "2024-04", None, "dct"),
]
# No date in the text: the visit's year follows from "first in 24 years since 2000"; nothing else is guessed.
SEED_000_WITHOUT_DCT = [
    ("June 18-19", "DATE", "2024-06-18", "2024-06-19", "inferred"),
    ("June 17", "DATE", "2024-06-17", None, "inferred"),
    ("24 years", "DURATION", "P24Y", None, "none"),
    ("2000", "DATE", "2000", None, "none"),
    ("1948", "DATE", "1948", None, "none"),
    ("September 2023", "DATE", "2023-09", None, "none"),
    ("about four and a half years", "DURATION", "P4.5Y", None, "none"),
    ("April", "DATE", "2024-04", None, "inferred"),
]
SEED_001_WITH_DCT = [
    ("4½ years", "DURATION", "P4.5Y", None, "dct"),
    ("this year", "DATE", "2023", None, "dct"),
    ("Sept. 15, 2023", "DATE", "2023-09-15", None, "dct"),
]


def _rows(found: list[Timex]) -> list[tuple[str, str, str, str | None, str]]:
    return [(t.text, t.kind.value, t.value, t.end_value, t.anchor) for t in found]


@pytest.mark.parametrize(
    ("seed", "dct", "expected"),
    [
        (SEED_000, "2024-06-17", SEED_000_WITH_DCT),
        (SEED_000, None, SEED_000_WITHOUT_DCT),
        (SEED_001, "2023-09-15", SEED_001_WITH_DCT),
    ],
)
def test_seed_dates(
    nlp: Language,
    seeds_dir: Path,
    seed: str,
    dct: str | None,
    expected: list[tuple[str, str, str, str | None, str]],
) -> None:
    from newsgraph.timex import tag

    text = (seeds_dir / seed).read_text(encoding="utf-8")
    found = tag(nlp(text), Document(doc_id=seed, text=text, published=dct))
    assert _rows(found) == expected
    for t in found:
        assert text[t.span[0] : t.span[1]] == t.text
