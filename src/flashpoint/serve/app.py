"""The web app behind ``flashpoint serve``: the REST API of ``docs/API.md`` and the dashboard.

:func:`create_app` opens the database once (one :class:`Store`, one connection pool) and
keeps it on ``app.state``; every request reads its own snapshot through the same query
functions the CLI uses. Routes are plain ``def`` functions: the database calls block, and
FastAPI runs such routes in its thread pool instead of stalling the event loop.

The dashboard (static files built into ``serve/static``) is mounted at ``/`` after the API
routes, so ``/api/...``, ``/openapi.json`` and ``/docs`` are matched first.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from flashpoint import __version__
from flashpoint.serve.errors import install_error_handlers
from flashpoint.serve.headers import install_security_headers
from flashpoint.serve.routes import analysis, documents, events, health, ingest, sites
from flashpoint.settings import Settings
from flashpoint.store import Store
from flashpoint.store.sites import ensure_seeded

__all__ = ["create_app", "STATIC_DIR"]

STATIC_DIR = Path(__file__).resolve().with_name("static")

DESCRIPTION = """\
Political and military events coded from news articles (PLOVER types, actors, dates, places),
the incidents they were merged into, action-reaction chains, weekly indices, surge alerts and
the threat to watched sites.

Reads are open. Writes (`POST /api/ingest`, `POST /api/sites`, `DELETE /api/sites/{site}`)
need `Authorization: Bearer <token>`; without a configured token the API is read-only.
Every error is `{"error": {"status", "code", "message", "parameter"}}`. Lists are
`{"items", "limit", "offset", "next_offset"}`.
"""


def create_app(settings: Settings) -> FastAPI:
    """The API over the database of ``settings`` (opened, migrated and sites seeded now, so a
    bad database fails at start-up rather than on the first request)."""
    store = Store.open(settings.db_url)
    try:
        ensure_seeded(store)
    except BaseException:
        store.close()
        raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    # FastAPIOffline: /docs with the Swagger UI files of the package, never a CDN's; and no
    # online validator badge either
    app = FastAPIOffline(title="flashpoint", version=__version__, description=DESCRIPTION,
                         lifespan=lifespan, redoc_url=None,
                         swagger_ui_parameters={"validatorUrl": None})
    app.state.store = store
    app.state.settings = settings
    install_error_handlers(app)
    install_security_headers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # the basemap is 756 kB as JSON
    for module in (health, documents, events, analysis, sites, ingest):
        app.include_router(module.router)
    if (STATIC_DIR / "index.html").is_file():
        app.mount("/", StaticFiles(directory=STATIC_DIR, html=True), name="dashboard")
    return app
