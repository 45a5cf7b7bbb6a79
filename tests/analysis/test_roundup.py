from __future__ import annotations

import pytest

from newsgraph.analysis.roundup import UNKNOWN_OUTLET, roundup
from newsgraph.errors import ConfigError
from newsgraph.queries import DocumentQuery
from newsgraph.store import Store

SEED_000 = "Putin’s North Korean Gambit"


@pytest.fixture(scope="module")
def seed_roundup(analysis_store: Store):  # type: ignore[no-untyped-def]
    doc = next(
        d for d in analysis_store.documents(DocumentQuery(limit=None)) if (d.title or "").startswith(SEED_000)
    )
    return roundup(analysis_store, doc_ids=[doc.doc_id])


# Seed 000 is one article by a Korean outlet reporting four Japanese papers: the papers are the outlets.
@pytest.mark.parametrize(
    ("outlet", "kinds"),
    [
        ("The Yomiuri Shimbun", {"prediction"}),
        ("The Asahi Shimbun", {"report", "explanation"}),
        ("The Sankei Shimbun", {"prediction"}),
        ("Nikkei", {"prediction", "warning"}),
    ],
)
def test_seed_000_claims_grouped_by_the_four_papers(seed_roundup, outlet: str, kinds: set[str]) -> None:  # type: ignore[no-untyped-def]
    view = next(v for v in seed_roundup.outlets if v.outlet == outlet)
    assert view.grouped_by == ("claim source",)
    assert kinds <= set(view.by_kind())
    assert all(c.claim.content and c.source.doc_id for c in view.claims)


def test_seed_000_says_how_it_grouped(seed_roundup) -> None:  # type: ignore[no-untyped-def]
    assert "source" in seed_roundup.rule and "document" in seed_roundup.rule
    data = seed_roundup.to_dict()
    assert data["rule"] and {o["outlet"] for o in data["outlets"]} >= {
        "The Sankei Shimbun",
        "The Asahi Shimbun",
    }
    # claims whose source is no outlet stay with the (unknown) outlet of the document that carried them
    others = [v for v in seed_roundup.outlets if v.grouped_by == ("document outlet",)]
    assert [v.outlet for v in others] in ([], [UNKNOWN_OUTLET])


def test_basil_event_one_view_per_outlet(analysis_store: Store, basil_events: dict[str, list[str]]) -> None:
    for doc_ids in basil_events.values():
        result = roundup(analysis_store, doc_ids=doc_ids)
        by_document = {v.outlet for v in result.outlets if "document outlet" in v.grouped_by}
        assert by_document == {"Fox News", "The New York Times", "HuffPost"}
        for view in result.outlets:
            for claim in view.claims:
                assert claim.claim.doc_id in doc_ids
                if claim.grouped_by == "document outlet":
                    assert claim.outlet == claim.source.outlet
        # every claim is either shared with another outlet or listed as one outlet's own
        agreed = {id(c) for a in result.agreements for c in a.claims}
        own = {id(c) for cs in result.only_in.values() for c in cs}
        assert agreed | own == {id(c) for v in result.outlets for c in v.claims}
        assert all(len(set(a.outlets)) == 2 and a.similarity >= 0.3 for a in result.agreements)


def test_query_finds_documents(analysis_store: Store) -> None:
    result = roundup(analysis_store, query="Steele")
    assert result.doc_ids and all("Steele" in analysis_store.get(d).document.text for d in result.doc_ids)


def test_needs_a_query_or_documents(analysis_store: Store) -> None:
    with pytest.raises(ConfigError):
        roundup(analysis_store)


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        ("the international community’s", "the international community"),
        ("Russia's", "Russia"),
        ("the protesters'", "the protesters"),
        ("officials", "officials"),
        ("‘experts’", "‘experts’"),
    ],
)
def test_an_unlinked_source_is_named_without_its_genitive(words: str, shown: str) -> None:
    """ "the international community's call for ...": the roundup names the community, not its genitive."""
    from newsgraph.analysis.naming import label
    from newsgraph.records import Mention

    assert label(Mention(words, (0, len(words)))) == shown


def test_a_source_read_only_as_a_sector_keeps_its_words() -> None:
    from newsgraph.analysis.naming import label
    from newsgraph.records import Actor, Mention

    sector = Actor(id="GOV", name="government", kind="sector", sector="GOV")
    assert label(Mention("they", (0, 4), sector)) == "they (government)"
    russia = Actor(id="RUS-GOV", name="Russian government", kind="sector", country="RUS", sector="GOV")
    assert label(Mention("Moscow", (0, 6), russia)) == "Russian government"
