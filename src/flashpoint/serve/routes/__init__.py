"""The API's routers, one module per resource; :func:`error_responses` documents, in OpenAPI,
the JSON errors a route can answer."""

from __future__ import annotations

from typing import Any

from flashpoint.serve.models import ErrorResponse

__all__ = ["error_responses"]

_MEANING = {
    400: "A query parameter is invalid (the error names it).",
    401: "A write without a bearer token.",
    403: "The token is wrong, or the API is read-only (no token configured).",
    404: "No such id.",
    409: "A site of that name already exists.",
    422: "The JSON body is invalid (the error names the field).",
    503: "The database cannot be read or written.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status with the error model and what it means."""
    return {s: {"model": ErrorResponse, "description": _MEANING[s]} for s in (*statuses, 503)}
