"""Every error the API answers is one JSON shape: ``{"error": {status, code, message, parameter}}``.

Handlers turn each way a request can fail into that shape, so a client (the dashboard, a
script) reads one format: our own :class:`ApiError`; FastAPI's validation of typed query
parameters (400, naming the parameter) and of JSON bodies (422); Starlette's 404/405 for
unknown paths and methods; library errors (a bad value is a 400, an unavailable database a
503). Anything else is a bug: logged with its traceback and answered 500, still as JSON.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from flashpoint.errors import ConfigError, FlashpointError, StoreError

__all__ = ["ApiError", "install_error_handlers", "error_body"]

log = logging.getLogger(__name__)

#: Codes for the HTTP statuses Starlette raises on its own (unknown path, wrong method).
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_body",
}


class ApiError(Exception):
    """An answer other than success, raised from a route or a dependency."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        parameter: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.parameter, self.headers = parameter, headers

    @classmethod
    def bad_parameter(cls, parameter: str, message: str) -> ApiError:
        return cls(400, "bad_parameter", message, parameter)

    @classmethod
    def not_found(cls, message: str, parameter: str | None = None) -> ApiError:
        return cls(404, "not_found", message, parameter)


def error_body(
    status: int, code: str, message: str, parameter: str | None = None
) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "parameter": parameter}}


def _respond(status: int, code: str, message: str, parameter: str | None = None,
             headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, parameter), status, headers=headers)


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _respond(exc.status, exc.code, exc.message, exc.parameter, exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """The first problem FastAPI found, with the parameter (or body field) it concerns."""
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    loc = [str(part) for part in first.get("loc", ())]
    if loc and loc[0] == "body":
        field = ".".join(loc[1:]) or None
        return _respond(422, "invalid_body", f"{field or 'body'}: {first['msg']}", field)
    name = loc[-1] if loc else None
    value = first.get("input")
    shown = f" (got {value!r})" if isinstance(value, (str, int, float)) else ""
    return _respond(400, "bad_parameter", f"{name}: {first['msg']}{shown}", name)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = STATUS_CODES.get(exc.status_code, "error")
    return _respond(exc.status_code, code, str(exc.detail), None, getattr(exc, "headers", None))


async def _library_error(_request: Request, exc: Exception) -> JSONResponse:
    """Library errors that reach a route uncaught: bad values are the client's, the rest ours."""
    if isinstance(exc, ConfigError):
        return _respond(400, "bad_parameter", str(exc))
    if isinstance(exc, StoreError):
        log.error("database unavailable: %s", exc)
        return _respond(503, "store_unavailable", str(exc))
    log.error("unexpected flashpoint error: %s", exc)
    return _respond(500, "internal_error", str(exc))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return _respond(500, "internal_error", "internal error; see the server log")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers above on ``app``."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(FlashpointError, _library_error)
    app.add_exception_handler(Exception, _unexpected)
