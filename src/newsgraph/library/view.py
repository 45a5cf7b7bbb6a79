"""``newsgraph.open``: a store for notebooks, with the CLI's queries returning convertible result sets."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from types import TracebackType
from typing import Any, Literal

from newsgraph.analysis.clusters import Cluster
from newsgraph.analysis.incidents import list_incidents
from newsgraph.analysis.network import Edge, Network, Node, network
from newsgraph.analysis.roundup import Roundup, RoundupClaim, roundup
from newsgraph.analysis.stories import cluster_of, story_clusters
from newsgraph.analysis.timeline import TimelineEntry, timeline
from newsgraph.errors import ConfigError
from newsgraph.incidents import Incident
from newsgraph.incidents.query import IncidentQuery
from newsgraph.ingest import ingest
from newsgraph.library.processing import Input, raw_inputs
from newsgraph.library.results import ResultSet
from newsgraph.pipeline import Pipeline
from newsgraph.queries import ClaimQuery, DocumentQuery, EventQuery
from newsgraph.records import Analysis, Claim, Document, Event, Failure, to_dict
from newsgraph.store import Store, WriteResult
from newsgraph.store.search import SearchHit


def _hit_dict(hit: SearchHit) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "rank": hit.rank,
        "doc_id": hit.doc_id,
        "title": hit.title.plain(),
        "snippets": [s.plain() for s in hit.snippets],
        "record": to_dict(hit.record),
    }


def _node_dict(node: Node) -> dict[str, Any]:
    return dataclasses.asdict(node)


class NetworkResult(ResultSet[Edge]):
    """The actor network's edges as a result set; ``nodes`` the actors, ``graph`` the whole network.

    >>> import newsgraph
    >>> store = newsgraph.open(":memory:")
    >>> net = store.network()
    >>> len(net), len(net.nodes), net.graph.level
    (0, 0, 'actor')
    """

    def __init__(self, graph: Network) -> None:
        super().__init__(graph.edges, Edge.to_dict)
        self.graph = graph
        self.nodes: ResultSet[Node] = ResultSet(graph.nodes, _node_dict)

    def to_graphml(self) -> str:
        """The network as GraphML, for Gephi or networkx."""
        return self.graph.to_graphml()


class RoundupResult(ResultSet[RoundupClaim]):
    """Each outlet's claims on a story, one row per claim; ``roundup`` has agreements and differences.

    >>> import newsgraph
    >>> store = newsgraph.open(":memory:")
    >>> _ = store.add({"text": "Putin said the pact was historic.", "outlet": "Asahi"})
    >>> result = store.roundup(query="pact")
    >>> [view.outlet for view in result.roundup.outlets], result.to_pandas()["outlet"].tolist()
    (['Asahi'], ['Asahi'])
    """

    def __init__(self, roundup: Roundup) -> None:
        super().__init__([c for view in roundup.outlets for c in view.claims], RoundupClaim.to_dict)
        self.roundup = roundup


class StoreView:
    """A store opened for reading and adding: the queries of the CLI, each returning a :class:`ResultSet`.

    Filters mean what the CLI's options mean (``since``/``until`` are ISO dates; ``actor`` is an ISO3
    country, actor id or name; ``source`` a claim source's words, actor name or id).

    >>> import newsgraph
    >>> with newsgraph.open(":memory:") as store:
    ...     added = store.add(["Russia accused Ukraine of shelling Donetsk."], published="2024-06-17")
    ...     (added.new, len(store.documents()), store.events().to_dicts()[0]["event_type"])
    (1, 1, 'ACCUSE')
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def __repr__(self) -> str:
        return f"<newsgraph {self.store!r}>"

    def __enter__(self) -> StoreView:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.store.close()

    def add(
        self,
        inputs: Input | Iterable[Input],
        *,
        published: str | None = None,
        outlet: str | None = None,
        batch_size: int = 32,
        pipeline: Pipeline | None = None,
        force: bool = False,
        language: str | None = None,
    ) -> WriteResult:
        """Analyse texts, paths or dicts (as :func:`newsgraph.process`) and store them, skipping stored ones.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> store.add({"id": "a", "text": "Japan protested to China."}).new
        1
        >>> store.add({"id": "a", "text": "Japan protested to China."}).skipped
        1
        """
        done = ingest(
            raw_inputs(inputs),
            self.store,
            pipeline=pipeline or Pipeline(batch_size=batch_size),
            published=published,
            outlet=outlet,
            language=language,
            force=force,
        )
        return done.written + WriteResult(skipped=done.skipped)

    def get(self, doc_id: str) -> Analysis:
        """One document and everything extracted from it; ``NotFoundError`` when it is not stored.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add({"id": "a", "text": "Japan protested to China."})
        >>> store.get("a").document.text
        'Japan protested to China.'
        """
        return self.store.get(doc_id)

    def documents(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        search: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> ResultSet[Document]:
        """Documents, newest first; ``outlet`` and ``search`` (title or text) match case-insensitively.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add({"id": "a", "text": "Japan protested to China.", "outlet": "Asahi"})
        >>> store.documents(outlet="asahi").to_pandas()[["doc_id", "outlet"]].values.tolist()
        [['a', 'Asahi']]
        """
        query = DocumentQuery(
            outlet=outlet, since=since, until=until, search=search, limit=limit, offset=offset
        )
        return ResultSet(self.store.documents(query), to_dict)

    def search(self, query: str, *, kind: str = "document", limit: int | None = 20) -> ResultSet[SearchHit]:
        """Full-text search over documents, claims or events (``kind``), best match first; the query
        language of ``newsgraph search``: all words, "a phrase", ``OR``, ``-word``.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add({"id": "a", "text": "Japan protested to China over the islands."})
        >>> [(h.doc_id, h.snippets[0].marked()) for h in store.search('"protested to" China -Korea')]
        [('a', 'Japan [protested to] [China] over the islands.')]
        """
        return ResultSet(self.store.search(query, kind=kind, limit=limit), _hit_dict)

    def failures(self, *, limit: int | None = 100) -> ResultSet[Failure]:
        """Inputs that could not be processed, latest first.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add({"id": "empty", "text": "  "})
        >>> store.failures().to_records()[0].code
        'E-INPUT-MALFORMED'
        """
        return ResultSet(self.store.failures(limit=limit), to_dict)

    def claims(
        self,
        *,
        source: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> ResultSet[Claim]:
        """Claims in document-date order; ``source`` matches the source's words, actor name or actor id.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add('The Kremlin said the talks would continue.', published="2024-06-19")
        >>> [(c.source.text, c.cue, c.kind.value) for c in store.claims(source="kremlin")]
        [('The Kremlin', 'said', 'prediction')]
        """
        query = ClaimQuery(source=source, kind=kind, since=since, doc_id=doc_id, limit=limit)
        return ResultSet(self.store.claims(query), to_dict)

    def events(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        factuality: str | None = None,
        since: str | None = None,
        until: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> ResultSet[Event]:
        """Events in date order (the event's date, else its document's); ``actor`` is source or target.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add("Russia accused Ukraine of shelling Donetsk.", published="2024-06-17")
        >>> frame = store.events(actor="UKR", event_type="ACCUSE").to_polars()
        >>> frame.select("event_type", "source.actor.country").rows()
        [('ACCUSE', 'RUS')]
        """
        query = EventQuery(
            actor=actor,
            event_type=event_type,
            factuality=factuality,
            since=since,
            until=until,
            doc_id=doc_id,
            limit=limit,
        )
        return ResultSet(self.store.events(query), to_dict)

    def timeline(
        self,
        *,
        actor: str | None = None,
        event_type: str | None = None,
        factuality: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> ResultSet[TimelineEntry]:
        """Events in the order they happened, each with its sentence and the document it was read in.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add("Russia accused Ukraine of shelling Donetsk on Monday.", published="2024-06-19")
        >>> [(t.date, t.event.event_type.value, t.who, t.whom) for t in store.timeline(event_type="accuse")]
        [('2024-06-17', 'ACCUSE', 'Russian Federation', 'Ukraine')]
        """
        query = EventQuery(
            actor=actor, event_type=event_type, factuality=factuality, since=since, until=until, limit=limit
        )
        entries = timeline(self.store, query)
        return ResultSet(entries, TimelineEntry.to_dict)

    def network(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        factuality: str | None = None,
        by_country: bool = False,
        count: Literal["incidents", "mentions"] = "incidents",
    ) -> NetworkResult:
        """The actor network: one row per directed edge, with ``nodes`` and the whole ``graph``. Edges
        count incidents (one happening, however many documents told it); ``count="mentions"``: events.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add("Russia accused Ukraine of shelling Donetsk.", published="2024-06-17")
        >>> [(e.source, e.target, e.count) for e in store.network(by_country=True)]
        [('RUS', 'UKR', 1)]
        """
        query = EventQuery(
            actor=actor, event_type=event_type, factuality=factuality, since=since, until=until
        )
        graph = network(self.store, query, level="country" if by_country else "actor", counting=count)
        return NetworkResult(graph)

    def incidents(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        min_outlets: int = 1,
        min_documents: int = 1,
        limit: int | None = None,
    ) -> ResultSet[Incident]:
        """Incidents in date order: events of any documents that report one happening, counted once,
        with every report and each outlet's stance. An unknown actor or type raises with suggestions.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> said = {"a": ("Monday", "Asahi", "2024-06-19"), "b": ("June 17", "Nikkei", "2024-06-18")}
        >>> _ = store.add([
        ...     {"id": k, "text": f"Russia attacked Ukraine on {day}.", "outlet": paper, "published": on}
        ...     for k, (day, paper, on) in said.items()
        ... ])
        >>> [(i.date, i.event_type, i.source, i.target, i.outlets) for i in store.incidents(min_documents=2)]
        [('2024-06-17', 'ASSAULT', 'RUS', 'UKR', ('Nikkei', 'Asahi'))]
        """
        query = IncidentQuery(
            since=since,
            until=until,
            actor=actor,
            event_type=event_type,
            min_outlets=min_outlets,
            min_documents=min_documents,
            limit=limit,
        )
        return ResultSet(list_incidents(self.store, query), Incident.to_dict)

    def roundup(self, *, query: str | None = None, cluster: str | None = None) -> RoundupResult:
        """How each outlet told a story (documents matching ``query``, or the story ``cluster`` is in).

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add({"text": "Putin said the pact was historic.", "outlet": "Asahi"})
        >>> [(c.outlet, c.claim.source.text, c.claim.cue) for c in store.roundup(query="pact")]
        [('Asahi', 'Putin', 'said')]
        """
        if bool(query) == bool(cluster):
            raise ConfigError("give either query= or cluster= (a cluster id or any of its doc_ids)")
        doc_ids = cluster_of(self.store, cluster).doc_ids if cluster else None
        return RoundupResult(roundup(self.store, query=query, doc_ids=doc_ids))

    def clusters(
        self, *, since: str | None = None, until: str | None = None, min_size: int = 1
    ) -> ResultSet[Cluster]:
        """Story clusters: documents about the same story, copies grouped as one independent source.

        >>> import newsgraph
        >>> store = newsgraph.open(":memory:")
        >>> _ = store.add([{"id": "a", "text": "Japan protested to China."}])
        >>> store.clusters().to_dicts()[0]["doc_ids"]
        ['a']
        """
        return ResultSet(
            story_clusters(self.store, since=since, until=until, min_size=min_size), Cluster.to_dict
        )


def open(url: str | None = None) -> StoreView:
    """Open (creating and migrating as needed) the store at ``url``: a SQLite path, ``:memory:``, or a URL.

    >>> import newsgraph
    >>> store = newsgraph.open(":memory:")
    >>> len(store.documents())
    0
    """
    return StoreView(Store.open(url))
