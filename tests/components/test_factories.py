"""The spaCy components in a user's own pipeline (a fresh copy of the real model), against the Pipeline."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import newsgraph.components
from newsgraph.errors import ConfigError
from newsgraph.inputs import content_id
from newsgraph.pipeline import Pipeline
from newsgraph.records import Analysis, Document

PUBLISHED = "2024-06-19"


@pytest.fixture(scope="module")
def user_nlp() -> Language:
    """The user's pipeline: its own load of the model (the shared one must stay unmodified) plus ours, with
    the blank-line sentence breaks before the parser as the Pipeline has them."""
    nlp = spacy.load(newsgraph.components.model_path())
    nlp.add_pipe("newsgraph_paragraphs", before="parser")
    for name in newsgraph.components.FACTORIES:
        nlp.add_pipe(name, config={"published": PUBLISHED})
    return nlp


@pytest.fixture(scope="module")
def base_nlp() -> Language:
    """A second fresh load with no newsgraph components: single components are applied to its Docs."""
    return spacy.load(newsgraph.components.model_path())


def _seed_texts(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def test_components_give_the_pipeline_records(user_nlp: Language, seeds_dir: Path) -> None:
    texts = _seed_texts(seeds_dir)
    documents = [
        Document(doc_id=content_id(t), text=t, published=PUBLISHED, published_source="given") for t in texts
    ]
    expected = [a for a in Pipeline().analyse(documents) if isinstance(a, Analysis)]
    assert len(expected) == len(texts)
    for doc, analysis in zip(user_nlp.pipe(texts), expected, strict=True):
        assert doc._.newsgraph_entities == list(analysis.entities)
        assert doc._.newsgraph_timexes == list(analysis.timexes)
        assert doc._.newsgraph_claims == list(analysis.claims)
        assert doc._.newsgraph_events == list(analysis.events)
        assert analysis.claims and analysis.events  # the seeds are not trivially empty


@pytest.mark.parametrize(
    ("factory", "attribute"),
    [
        ("newsgraph_entities", "newsgraph_entities"),
        ("newsgraph_actors", "newsgraph_entities"),
        ("newsgraph_timex", "newsgraph_timexes"),
        ("newsgraph_claims", "newsgraph_claims"),
        ("newsgraph_events", "newsgraph_events"),
    ],
)
def test_each_component_alone_sets_only_its_extension(
    base_nlp: Language, factory: str, attribute: str
) -> None:
    component = base_nlp.create_pipe(factory, config={"published": PUBLISHED})
    doc = component(base_nlp("Putin said on Tuesday that Russia would send troops to help North Korea."))
    for name in ("newsgraph_entities", "newsgraph_timexes", "newsgraph_claims", "newsgraph_events"):
        value = getattr(doc._, name)
        if name == attribute:
            assert isinstance(value, list) and value
            assert all(r.doc_id == content_id(doc.text) for r in value)
        else:
            assert value is None


@pytest.mark.parametrize(
    ("config_published", "doc_published", "expected"),
    [
        (None, None, "XXXX-XX-XX"),  # no date: the tagger says the year is unknown, not a guess
        ("2024-06-19", None, "2024-06-18"),
        (None, "2023-09-12", "2023-09-12"),
        ("2024-06-19", "2023-09-12", "2023-09-12"),  # the Doc's own date wins over the config
    ],
)
def test_published_date_from_config_or_doc(
    base_nlp: Language, config_published: str | None, doc_published: str | None, expected: str
) -> None:
    component = base_nlp.create_pipe("newsgraph_timex", config={"published": config_published})
    tagged = base_nlp.make_doc("They met on Tuesday.")
    tagged._.newsgraph_published = doc_published
    for _name, proc in base_nlp.pipeline:
        tagged = proc(tagged)
    tagged = component(tagged)
    values = [t.value for t in tagged._.newsgraph_timexes]
    if expected == "XXXX-XX-XX":
        assert values and not values[0].startswith("20")
    else:
        assert values == [expected]


def test_doc_id_comes_from_the_doc(user_nlp: Language) -> None:
    doc = user_nlp.make_doc("Russia accused Ukraine of shelling Donetsk.")
    doc._.newsgraph_doc_id = "mine"
    for _name, proc in user_nlp.pipeline:
        doc = proc(doc)
    assert {r.doc_id for r in doc._.newsgraph_events} == {"mine"}


def test_span_actor_reads_the_linked_entities(user_nlp: Language) -> None:
    doc = user_nlp("Kim Jong Un welcomed Putin in Pyongyang.")
    actors = {ent.text: ent._.newsgraph_actor for ent in doc.ents}
    assert actors["Putin"] is not None and actors["Putin"].country == "RUS"
    assert actors["Pyongyang"] is not None and actors["Pyongyang"].country == "PRK"
    assert doc[1:3]._.newsgraph_actor is None  # a span that is no entity


@pytest.mark.parametrize(
    ("config", "error", "message"),
    [
        ({"publishd": "2024-06-19"}, "ConfigValidationError", "unexpected argument"),
        ({"published": 2024}, "ConfigValidationError", "is not <class 'str'>"),
        ({"published": ["2024-06-19"]}, "ConfigValidationError", "is not <class 'str'>"),
        ({"published": "June 19"}, "ConfigError", "not an ISO date"),
    ],
)
@pytest.mark.parametrize("factory", newsgraph.components.FACTORIES)
def test_config_is_validated(factory: str, config: dict[str, object], error: str, message: str) -> None:
    nlp = spacy.blank("en")
    with pytest.raises(Exception, match=message) as caught:
        nlp.add_pipe(factory, config=config)
    assert type(caught.value).__name__ == error


def test_bad_doc_date_is_a_config_error() -> None:
    nlp = spacy.blank("en")
    component = newsgraph.components.Claims(nlp, "newsgraph_claims", None)
    doc = nlp("x")
    doc._.newsgraph_published = "yesterday"
    with pytest.raises(ConfigError, match="not an ISO date"):
        component(doc)


def test_pipeline_config_round_trips(user_nlp: Language, tmp_path: Path) -> None:
    # Saved and loaded as spaCy pipelines are: the factories rebuild the components from the config.
    user_nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    factories = list(newsgraph.components.FACTORIES)
    assert loaded.pipe_names[-len(factories) :] == factories
    assert loaded.get_pipe("newsgraph_timex").published == PUBLISHED  # type: ignore[attr-defined]


_INSTALLED = {ep.name for ep in importlib.metadata.entry_points(group="spacy_factories")}


# Passes once pyproject.toml's [project.entry-points.spacy_factories] are installed (`pip install -e .`).
# Any one of them is enough for all: loading it imports newsgraph.components, which registers every factory.
@pytest.mark.xfail(
    not _INSTALLED & set(newsgraph.components.FACTORIES),
    reason="spacy_factories entry points not installed: pip install -e .",
    strict=True,
)
@pytest.mark.parametrize("factory", newsgraph.components.FACTORIES)
def test_entry_points_register_the_factories_without_import(factory: str) -> None:
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        f"nlp.add_pipe({factory!r})\n"
        "assert 'newsgraph.components' in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr[-2000:]
