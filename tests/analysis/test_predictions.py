from __future__ import annotations

from newsgraph.analysis.naming import actor_keys
from newsgraph.analysis.predictions import predictions
from newsgraph.store import Store


def test_only_predictions_and_warnings_with_who_and_when(analysis_store: Store) -> None:
    found = predictions(analysis_store)
    assert {p.claim.kind.value for p in found} == {"prediction", "warning"}
    for p in found:
        document = analysis_store.get(p.claim.doc_id).document
        assert p.made_on == document.published
        # A content in several parts (a quote continued after its cue) joins them with " … ".
        assert all(part in document.text for part in p.claim.content.split(" … "))


def test_later_events_involve_the_same_actors_after_the_claim(analysis_store: Store) -> None:
    found = predictions(analysis_store)
    with_later = [p for p in found if p.later]
    assert with_later, "the 2023 editorial's predictions should meet the 2024 events of seed 000"
    for p in with_later:
        assert p.made_on is not None
        analysis = analysis_store.get(p.claim.doc_id)
        mentions = [e.actor for e in analysis.entities] + [
            m.actor for e in analysis.events for m in (e.source, e.target) if m is not None
        ]
        keys = {
            k for actor in mentions if actor is not None and actor.id in p.actors for k in actor_keys(actor)
        }
        for entry in p.later:
            assert entry.date is not None and entry.date[:10] > p.made_on
            ev = entry.event
            sides = actor_keys(ev.source.actor if ev.source else None) | actor_keys(
                ev.target.actor if ev.target else None
            )
            assert sides & keys
            assert entry.event.claim_id != p.claim.id


def test_undated_claims_get_no_later_events(analysis_store: Store) -> None:
    undated = [p for p in predictions(analysis_store) if p.made_on is None]
    assert undated and all(not p.later for p in undated)


def test_source_filter(analysis_store: Store) -> None:
    found = predictions(analysis_store, source="Nikkei")
    assert found and all("Nikkei" in (p.made_by or "") or "Nikkei" in p.claim.sentence for p in found)
