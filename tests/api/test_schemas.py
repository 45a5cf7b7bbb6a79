"""The response models say what the records and the analysis results hold: a field added on one side and
not the other fails here (the models ignore unknown keys, so the API would drop it silently)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from tests.api.seeded import shared_store

from newsgraph.analysis.network import network
from newsgraph.analysis.roundup import roundup
from newsgraph.analysis.stories import story_clusters
from newsgraph.analysis.timeline import timeline
from newsgraph.api.incident_out import FirstReportOut, IncidentOut, ReportOut, StanceOut
from newsgraph.api.outputs import (
    ClusterOut,
    DocumentOut,
    EdgeOut,
    EntityOut,
    EventOut,
    NetworkOut,
    NodeOut,
    OutletViewOut,
    RoundupClaimOut,
    RoundupOut,
    SourceDocOut,
    TimelineEntryOut,
    TimexOut,
)
from newsgraph.incidents.query import IncidentQuery
from newsgraph.queries import DocumentQuery
from newsgraph.records import to_dict
from newsgraph.store import Store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Store:
    return shared_store(tmp_path_factory, seeds_dir)


def _same_keys(model: type[BaseModel], data: dict[str, Any]) -> None:
    assert set(model.model_fields) == set(data), model.__name__


def test_record_models_are_the_records(store: Store) -> None:
    analysis = max(
        (store.get(d.doc_id) for d in store.documents(DocumentQuery(limit=None))), key=lambda a: len(a.events)
    )
    _same_keys(DocumentOut, to_dict(analysis.document))
    _same_keys(EntityOut, to_dict(analysis.entities[0]))
    _same_keys(TimexOut, to_dict(analysis.timexes[0]))
    _same_keys(EventOut, to_dict(analysis.events[0]))


def test_analysis_models_are_the_results(store: Store) -> None:
    entry = timeline(store)[0].to_dict()
    _same_keys(TimelineEntryOut, entry)
    _same_keys(SourceDocOut, entry["document"])
    net = network(store).to_dict()
    _same_keys(NetworkOut, net)
    _same_keys(NodeOut, net["nodes"][0])
    _same_keys(EdgeOut, net["edges"][0])
    _same_keys(ClusterOut, story_clusters(store)[0].to_dict())
    told = roundup(store, query="Putin").to_dict()
    _same_keys(RoundupOut, told)
    _same_keys(OutletViewOut, told["outlets"][0])
    _same_keys(RoundupClaimOut, next(iter(told["outlets"][0]["claims_by_kind"].values()))[0])
    incident = store.incidents(IncidentQuery(limit=1))[0].to_dict()
    _same_keys(IncidentOut, incident)
    _same_keys(ReportOut, incident["reports"][0])
    _same_keys(FirstReportOut, incident["first_report"])
    _same_keys(StanceOut, incident["stance_counts"][0])
