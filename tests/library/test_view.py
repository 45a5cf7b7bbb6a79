"""``newsgraph.open``: the CLI's queries over a real store of the seed pages, and their conversions."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import ConfigError, NotFoundError
from newsgraph.library import MissingExtraError, NetworkResult, ResultSet, RoundupResult, StoreView
from newsgraph.queries import ClaimQuery
from newsgraph.records import Claim, Document, Event


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[StoreView]:
    path = tmp_path_factory.mktemp("library") / "news.db"
    with newsgraph.open(str(path)) as opened:
        result = opened.add(seeds_dir, outlet=None)
        assert (result.new, result.failed) == (2, 0)
        yield opened


def test_adding_again_skips(store: StoreView, seeds_dir: Path) -> None:
    assert store.add(seeds_dir).skipped == 2


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        (lambda s: s.documents(), Document),
        (lambda s: s.documents(search="Putin", limit=1), Document),
        (lambda s: s.claims(), Claim),
        (lambda s: s.claims(kind="prediction"), Claim),
        (lambda s: s.events(actor="PRK"), Event),
        (lambda s: s.events(since="2023-01-01", until="2024-12-31"), Event),
    ],
)
def test_record_queries_return_records(store: StoreView, query: object, kind: type) -> None:
    result = query(store)  # type: ignore[operator]
    assert isinstance(result, ResultSet)
    assert len(result) > 0
    assert all(isinstance(r, kind) for r in result.to_records())
    assert [d["type"] for d in result.to_dicts()] == [r.type for r in result]


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"kind": "prediction"}, lambda c: c.kind.value == "prediction"),
        (
            {"source": "Nikkei"},
            lambda c: "nikkei" in f"{c.source.text} {c.source.actor.name if c.source.actor else ''}".lower(),
        ),
    ],
)
def test_claim_filters_mean_what_the_cli_means(
    store: StoreView, filters: dict[str, str], check: object
) -> None:
    found = store.claims(**filters)
    assert found and all(check(c) for c in found)  # type: ignore[operator]
    assert len(found) == len(store.store.claims(ClaimQuery(**filters)))  # the same query as the CLI runs


def test_frames_have_one_row_per_item_and_flat_columns(store: StoreView) -> None:
    events = store.events()
    frame = events.to_pandas()
    assert len(frame) == len(events)
    assert {"event_type", "factuality", "source.text", "source.actor.country", "span"} <= set(frame.columns)
    polars_frame = events.to_polars()
    assert polars_frame.height == len(events)
    assert polars_frame["event_type"].to_list() == frame["event_type"].tolist()


def test_analysis_queries(store: StoreView) -> None:
    timeline = store.timeline(actor="PRK")
    dates = timeline.to_pandas()["date"].tolist()
    dated = [d for d in dates if isinstance(d, str)]
    assert dated and dated == sorted(dated)  # in date order, undated ones (a document with no date) last
    assert dates[: len(dated)] == dated
    network = store.network(by_country=True)
    assert isinstance(network, NetworkResult)
    assert ("RUS", "PRK") in {(e.source, e.target) for e in network}
    assert {n.id for n in network.nodes} >= {"RUS", "PRK"}
    assert network.to_graphml().startswith("<?xml")
    clusters = store.clusters()
    assert sum(len(c.doc_ids) for c in clusters) == 2
    roundup = store.roundup(query="Putin")
    assert isinstance(roundup, RoundupResult)
    assert len(roundup) == sum(len(v.claims) for v in roundup.roundup.outlets) > 0
    by_cluster = store.roundup(cluster=clusters[0].cluster)
    assert set(by_cluster.roundup.doc_ids) == set(clusters[0].doc_ids)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda s: s.roundup(), ConfigError),
        (lambda s: s.roundup(query="x", cluster="y"), ConfigError),
        (lambda s: s.get("nope"), NotFoundError),
        (lambda s: s.events(since="June"), ConfigError),
    ],
)
def test_errors_are_newsgraph_errors(store: StoreView, call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call(store)  # type: ignore[operator]


@pytest.mark.parametrize(("module", "method"), [("pandas", "to_pandas"), ("polars", "to_polars")])
def test_missing_extra_says_how_to_install(
    store: StoreView, monkeypatch: pytest.MonkeyPatch, module: str, method: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # what an environment without the extra looks like
    with pytest.raises(MissingExtraError, match=f'pip install "newsgraph\\[{module}\\]"'):
        getattr(store.documents(), method)()


def test_empty_results_convert() -> None:
    with newsgraph.open(":memory:") as empty:
        assert empty.events().to_pandas().shape == (0, 0)
        assert empty.events().to_polars().shape == (0, 0)
        assert empty.timeline().to_records() == []
