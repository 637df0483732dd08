"""Writes need ``Authorization: Bearer <token>`` matching ``Settings.api_token``.

Reads stay open: the API serves a dashboard on a trusted network. Writes (ingest, sites) change
what every reader sees, so they need the token given to ``flashpoint serve --token`` (or
``FLASHPOINT_API_TOKEN``). Without a configured token there is no way to write: the API is
read-only and says so (403), rather than accepting writes from anyone.
"""

from __future__ import annotations

import secrets

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from flashpoint.serve.context import settings_of
from flashpoint.serve.errors import ApiError

__all__ = ["require_writer", "bearer"]

#: Declares the scheme in OpenAPI; errors are ours (``auto_error=False``), not FastAPI's.
bearer = HTTPBearer(auto_error=False, description="The token given to `flashpoint serve --token`.")

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="flashpoint"'}


def require_writer(
    request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
) -> None:
    """A dependency of every write route: raise unless the request carries the write token."""
    token = settings_of(request).api_token
    if not token:
        raise ApiError(
            403, "read_only",
            "this API is read-only: start `flashpoint serve` with --token "
            "(or FLASHPOINT_API_TOKEN) to allow writes",
        )
    if credentials is None:
        raise ApiError(401, "unauthorized", "writes need 'Authorization: Bearer <token>'",
                       headers=CHALLENGE)
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise ApiError(403, "forbidden", "the bearer token is not this API's write token")
