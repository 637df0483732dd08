"""``flashpoint serve``: the REST API (``docs/API.md``) and the bundled dashboard.

:func:`create_app` builds the FastAPI app over one database; ``flashpoint serve`` runs it
with uvicorn. Modules: ``app`` (the factory), ``routes`` (one router per resource),
``params`` (query parameters into library filters), ``paging`` (list pages), ``models``
(request and answer schemas), ``auth`` (the write token), ``errors`` (the JSON error shape).
"""

from __future__ import annotations

from flashpoint.serve.app import create_app

__all__ = ["create_app"]
