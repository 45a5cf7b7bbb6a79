"""/api/network: actors as nodes, their events aggregated into directed edges."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from newsgraph.analysis.network import Counting, network
from newsgraph.api.context import CacheDep, Since, StoreDep, Until
from newsgraph.api.outputs import NetworkOut, dict_out
from newsgraph.queries import EventQuery
from newsgraph.records import EventType, Factuality

router = APIRouter(prefix="/network", tags=["network"])


@router.get("", response_model=NetworkOut, summary="The actor network over a time window")
def get_network(
    store: StoreDep,
    cache: CacheDep,
    since: Since = None,
    until: Until = None,
    actor: Annotated[str | None, Query(description="Only events this actor takes part in.")] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    factuality: Annotated[Factuality | None, Query()] = None,
    level: Annotated[
        Literal["actor", "country"], Query(description="Nodes are actors or countries.")
    ] = "actor",
    count: Annotated[
        Counting,
        Query(
            description="Edges count incidents (one happening, however many reports) or mentions (events)."
        ),
    ] = "incidents",
) -> Response:
    query = EventQuery(
        actor=actor,
        event_type=event_type.value if event_type else None,
        factuality=factuality.value if factuality else None,
        since=since,
        until=until,
    )

    def build() -> bytes:
        net = network(store, query, level=level, counting=count)
        return dict_out(NetworkOut, net.to_dict()).model_dump_json().encode("utf-8")

    # kept as JSON: a network of thousands of ties is serialised once per write, not once per client
    key = (since, until, actor, event_type, factuality, level, count)
    return Response(cache.get(store, "network-json", key, build), media_type="application/json")
