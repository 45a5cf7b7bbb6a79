"""/api/ingest: articles through the pipeline into the store; off unless NEWSGRAPH_API_TOKEN is set."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Iterable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Request

from newsgraph.api.context import StoreDep
from newsgraph.api.inputs import IngestIn
from newsgraph.api.outputs import FailureOut, IngestOut, record_out
from newsgraph.errors import ForbiddenError, InputError, UnauthorizedError
from newsgraph.inputs import RawInput
from newsgraph.records import Failure
from newsgraph.serving.errors import ApiError
from newsgraph.sources.jsonl import parse_line

router = APIRouter(prefix="/ingest", tags=["ingest"])
# One model in memory and one writer at a time: ingest is for trickles, bulk goes through `newsgraph ingest`.
_LOCK = threading.Lock()


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise ForbiddenError("ingest is disabled: the operator has set no NEWSGRAPH_API_TOKEN")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(
            UnauthorizedError(
                "missing or wrong token: send the header 'Authorization: Bearer <NEWSGRAPH_API_TOKEN>'"
            ),
            headers={"WWW-Authenticate": "Bearer"},
        )


@router.post(
    "",
    response_model=IngestOut,
    summary="Analyse and store articles (needs the operator's token)",
    dependencies=[Depends(require_token)],
)
def ingest(body: IngestIn, request: Request, store: StoreDep) -> IngestOut:
    from newsgraph.ingest import store_batches
    from newsgraph.pipeline import Batch, Pipeline

    items: list[RawInput | Failure] = []
    for line, article in enumerate(body.articles, start=1):
        try:
            raw = parse_line(
                json.dumps(article.model_dump(exclude_none=True)), path="api", line=line, max_bytes=10**9
            )
        except InputError as err:
            raise ApiError(err) from err
        if raw is not None:
            items.append(raw)
    with _LOCK:
        if getattr(request.app.state, "pipeline", None) is None:
            request.app.state.pipeline = Pipeline()
        pipeline: Pipeline = request.app.state.pipeline
        failures: list[Failure] = []
        doc_ids: list[str] = []

        def noted(batches: Iterable[Batch]) -> Iterator[Batch]:
            # The answer names every document written and every failure, not the service's first few.
            for batch in batches:
                failures.extend(batch.failures)
                doc_ids.extend(a.document.doc_id for a in batch.analyses)
                yield batch

        batches = pipeline.run(items, stored=None if body.force else store)
        done = store_batches(noted(batches), store, force=body.force)
        new = done.written.new + done.written.replaced
        skipped = done.written.skipped + done.skipped
    return IngestOut(
        new=new,
        skipped=skipped,
        failed=len(failures),
        doc_ids=doc_ids,
        failures=[record_out(FailureOut, f) for f in failures],
    )
