"""Closed vocabularies: a typo names the close match instead of quietly matching nothing."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.errors import ChoiceError
from newsgraph.queries import ClaimQuery, EventQuery
from newsgraph.records import Analysis, Document, EventType
from newsgraph.store import Store
from newsgraph.vocabulary import choose
from newsgraph.wording import plural

TYPES = [t.value for t in EventType]


@pytest.mark.parametrize(
    ("given", "chosen"), [("ASSAULT", "ASSAULT"), ("assault", "ASSAULT"), (" Aid ", "AID")]
)
def test_case_does_not_matter(given: str, chosen: str) -> None:
    assert choose(given, TYPES, "--type") == chosen


@pytest.mark.parametrize(("given", "hint"), [("ASAULT", "did you mean ASSAULT?"), ("THREATENS", "THREATEN?")])
def test_a_typo_names_the_close_match(given: str, hint: str) -> None:
    with pytest.raises(ChoiceError, match=hint):
        choose(given, TYPES, "--type")


def test_no_suggestion_when_nothing_is_close() -> None:
    with pytest.raises(ChoiceError) as caught:
        choose("maybe", ["asserted", "reported"], "--factuality")
    assert "did you mean" not in caught.value.message and "asserted, reported" in caught.value.message


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("choices") / "news.db")
    with Store.open(path) as store:
        store.write([Analysis(Document("d1", "Japan protested to China.", published="2024-06-18"))])
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--type", "ASAULT"], "did you mean ASSAULT?"),
        (["events", "--type", "FOO"], "--type 'FOO' is not one of"),
        (["events", "--factuality", "maybe"], "--factuality 'maybe' is not one of"),
        (["timeline", "--type", "ASAULT"], "did you mean ASSAULT?"),
        (["network", "--factuality", "asserted!"], "did you mean asserted?"),
        (["claims", "--kind", "predction"], "did you mean prediction?"),
        (["export", "--format", "parket", "--out", "x"], "did you mean parquet?"),
    ],
)
def test_cli_options_outside_their_vocabulary_are_usage_errors(
    db: str, args: list[str], message: str
) -> None:
    """`events --type FOO` printed an empty table with exit 0."""
    result = CliRunner().invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert "E-CHOICE" in result.stderr and message in result.stderr


def test_the_store_refuses_them_too(db: str) -> None:
    with Store.open(db, create=False) as store:
        assert store.events(EventQuery(event_type="assault")) == []
        with pytest.raises(ChoiceError):
            store.events(EventQuery(event_type="FOO"))
        with pytest.raises(ChoiceError):
            store.claims(ClaimQuery(kind="maybe"))


@pytest.mark.parametrize(
    ("count", "noun", "said"),
    [
        (1, "claim", "1 claim"),
        (2, "document", "2 documents"),
        (0, "entity", "0 entities"),
        (1, "story", "1 story"),
    ],
)
def test_counts_are_pluralised(count: int, noun: str, said: str) -> None:
    assert plural(count, noun) == said
