"""A blank line ends a sentence, a single line break does not (issue 14: items cite their own sentence)."""

from __future__ import annotations

import subprocess
import sys

from tests.stage_records import events_of

from newsgraph.nlp.model import load_model

HEADLINE = (
    "Congress rejects Obama veto of 9/11 bill, in first override of presidency\n\n"
    "Congress on Wednesday overwhelmingly rejected President Obama's veto of a bipartisan bill."
)


def _sentences(text: str) -> list[str]:
    return [s.text for s in load_model()(text).sents]


def test_a_headline_without_a_stop_is_a_sentence_of_its_own() -> None:
    first, *rest = _sentences(HEADLINE)
    assert first.strip() == "Congress rejects Obama veto of 9/11 bill, in first override of presidency"
    assert rest and rest[0].startswith("Congress on Wednesday")


def test_a_question_and_the_next_paragraph_are_two_sentences() -> None:
    text = "How does China perceive Kim's remark?\n\nChina itself is partly responsible for the tensions."
    assert [s.strip() for s in _sentences(text)] == [
        "How does China perceive Kim's remark?",
        "China itself is partly responsible for the tensions.",
    ]


def test_a_hard_wrapped_line_stays_inside_its_sentence() -> None:
    text = "The two leaders signed a treaty on\nmutual defence in Pyongyang on Wednesday."
    assert len(_sentences(text)) == 1


def test_an_event_cites_its_sentence_without_the_blank_line() -> None:
    for event in events_of(HEADLINE, published="2016-09-29"):
        assert event.sentence == event.sentence.strip()
        assert "\n\n" not in event.sentence


def test_the_entry_point_registers_the_component_without_import() -> None:
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('newsgraph_paragraphs')\n"
        "doc = nlp('A headline\\n\\nThe first sentence.')\n"
        "print(len(list(doc.sents)) if doc.has_annotation('SENT_START') else 'unset')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "2", result.stderr[-2000:]
