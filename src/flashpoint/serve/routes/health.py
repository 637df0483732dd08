"""``GET /api/health``: is the database there, and how much does it hold."""

from __future__ import annotations

from fastapi import APIRouter, Request

from flashpoint import __version__
from flashpoint.serve.context import store_of
from flashpoint.serve.models import Health
from flashpoint.serve.routes import error_responses
from flashpoint.store.queries import totals

router = APIRouter(tags=["health"])


@router.get("/api/health", response_model=Health, responses=error_responses())
def health(request: Request) -> dict[str, object]:
    """Version and counts; a 503 when the database does not answer."""
    return {"status": "ok", "version": __version__, **totals(store_of(request))}
