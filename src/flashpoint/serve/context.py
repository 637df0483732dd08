"""What every request reads from the app: the one :class:`Store` and the :class:`Settings`.

Both are built once by :func:`flashpoint.serve.app.create_app` and kept on ``app.state``
(never in module globals), so two apps with different databases can live in one process.
"""

from __future__ import annotations

from fastapi import Request

from flashpoint.settings import Settings
from flashpoint.store import Store

__all__ = ["store_of", "settings_of"]


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def settings_of(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]
