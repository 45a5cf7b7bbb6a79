"""Request size limit: bodies over the limit are refused with 413 in the common error shape."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import RequestTooLargeError
from newsgraph.serving.errors import ApiError, error_body

# Large enough for a long article sent as JSON, small enough that one request cannot exhaust memory.
DEFAULT_MAX_BODY = 2_000_000


def _too_large(limit: int) -> str:
    return f"the request body is over the limit of {limit:,} bytes; send smaller batches"


class BodyLimit:
    """Refuse by Content-Length before reading; count streamed (chunked) bodies as they arrive."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    # Raised inside the body read: FastAPI passes HTTP exceptions through to our handler.
                    raise ApiError(RequestTooLargeError(_too_large(self.max_body)))
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, send: Send) -> None:
        error = RequestTooLargeError(_too_large(self.max_body))
        body = json.dumps(error_body(error.code, error.message, error.status)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
