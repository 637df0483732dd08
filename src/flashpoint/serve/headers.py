"""Security headers for every response, and the dashboard's Content-Security-Policy.

The dashboard's page carries its CSP in a ``<meta>`` tag too, but ``frame-ancestors`` (no
framing, against click-jacking) only works as a header, and a header also covers the page's
scripts and JSON. ``/docs`` (Swagger UI) needs inline scripts, so it gets the common headers
without the dashboard's policy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

__all__ = ["install_security_headers", "DASHBOARD_CSP"]

#: The policy of ``static/index.html`` plus what only a header can say.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; require-trusted-types-for 'script'; "
    "trusted-types 'none'"
)

_COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

#: Paths served by FastAPI's own pages, which the dashboard policy would break.
_OWN_PAGES = ("/docs", "/redoc")


def install_security_headers(app: FastAPI) -> None:
    """Add the headers to every response of ``app``."""

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in _COMMON.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith(_OWN_PAGES):
            response.headers.setdefault("Content-Security-Policy", DASHBOARD_CSP)
        return response
