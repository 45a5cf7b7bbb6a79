"""One error shape for every failure the server answers with: {"error": {"code", "message", "status"}}."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import (
    BadRequestError,
    ForbiddenError,
    HttpError,
    InternalError,
    InvalidRequestError,
    MethodNotAllowedError,
    NewsgraphError,
    NotFoundError,
    RequestTooLargeError,
    TooManyRequestsError,
    UnauthorizedError,
    UnsupportedMediaError,
)

log = logging.getLogger(__name__)

# HTTP statuses the framework raises itself (unknown route, wrong method, ...) -> our codes.
HTTP_CODES = {
    error.status: error.code
    for error in (
        BadRequestError,
        UnauthorizedError,
        ForbiddenError,
        NotFoundError,
        MethodNotAllowedError,
        RequestTooLargeError,
        UnsupportedMediaError,
        InvalidRequestError,
        TooManyRequestsError,
    )
}


class ApiError(StarletteHTTPException):
    """One of our errors as an HTTP exception: FastAPI's body reader lets these through (a body over the
    limit is found while it is read), and unlike our errors it carries headers (WWW-Authenticate)."""

    def __init__(self, error: NewsgraphError, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=error.status, detail=error.message, headers=headers)
        self.code = error.code


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


# A page for an error (code, message, status): the dashboard's, when the server has one.
ErrorPage = Callable[[str, str, int], str]


def _wants_html(request: Request) -> bool:
    # Pages answer pages, whoever asks (a link opened from a script, curl); everything under /api gets the
    # JSON shape, and so does a page request that accepts JSON but not HTML.
    path = request.url.path
    if path.startswith(("/api/", "/static/")) or path in ("/api", "/openapi.json"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept or "application/json" not in accept


def error_response(
    request: Request, code: str, message: str, status: int, headers: dict[str, str] | None = None
) -> Response:
    page: ErrorPage | None = getattr(request.app.state, "error_page", None)
    if page is not None and _wants_html(request):
        return HTMLResponse(page(code, message, status), status_code=status, headers=headers)
    return JSONResponse(error_body(code, message, status), status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is not valid"


def install(app: FastAPI, page: ErrorPage | None = None) -> None:
    """Route every error (ours, the framework's, validation, unexpected) through :func:`error_response`;
    a browser asking for a page gets ``page`` (when given), everyone else the JSON shape."""
    app.state.error_page = page

    async def on_newsgraph(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NewsgraphError)
        return error_response(request, exc.code, exc.message, exc.status)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = exc.code if isinstance(exc, ApiError) else HTTP_CODES.get(exc.status_code, HttpError.code)
        message = str(exc.detail)
        if exc.status_code == 404 and not isinstance(exc, ApiError):
            message = f"no route {request.method} {request.url.path}; see /docs for the API"
        return error_response(request, code, message, exc.status_code, getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        error = InvalidRequestError(_validation_message(exc))
        return error_response(request, error.code, error.message, error.status)

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        error = InternalError(f"internal error ({type(exc).__name__}); the server log has the details")
        return error_response(request, error.code, error.message, error.status)

    app.add_exception_handler(NewsgraphError, on_newsgraph)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(Exception, on_unexpected)
