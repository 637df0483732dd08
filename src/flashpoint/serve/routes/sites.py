"""``/api/sites``: watched sites, read by anyone, added and removed with the write token."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from flashpoint.errors import ConfigError
from flashpoint.serve.auth import require_writer
from flashpoint.serve.context import store_of
from flashpoint.serve.errors import ApiError
from flashpoint.serve.models import Page, Site, SiteIn
from flashpoint.serve.paging import Paging, paging, sliced
from flashpoint.serve.routes import error_responses
from flashpoint.store.sites import add_site, get_site, list_sites, remove_site, slug_for

router = APIRouter(tags=["sites"])


@router.get("/api/sites", response_model=Page[Site], responses=error_responses(400))
def sites(request: Request, page: Paging = Depends(paging)) -> dict[str, Any]:
    """Watched sites by name (seeded from the facilities file when the API starts)."""
    return sliced(list_sites(store_of(request)), page)


@router.post(
    "/api/sites",
    status_code=201,
    response_model=Site,
    responses=error_responses(401, 403, 409, 422),
    dependencies=[Depends(require_writer)],
)
def create_site(body: SiteIn, request: Request) -> dict[str, Any]:
    """Add a site (a user's site; its id is made from the name). Needs the write token."""
    store = store_of(request)
    for key in (body.name, slug_for(body.name)):
        existing = get_site(store, key)
        if existing is not None:
            raise ApiError(409, "conflict", f"a site {existing['name']!r} (id "
                           f"{existing['site_id']}) already exists", "name")
    nations = [n if isinstance(n, str) else n.model_dump(by_alias=True, exclude_none=True)
               for n in body.nations]
    try:
        return add_site(
            store, body.name, body.lat, body.lon, body.radius_km, nations=nations,
            kind=body.kind, country=body.country, region=body.region, aliases=body.aliases,
            notes=body.notes,
        )
    except ConfigError as exc:
        raise ApiError(422, "invalid_body", str(exc)) from None


@router.delete(
    "/api/sites/{site}",
    response_model=Site,
    responses=error_responses(401, 403, 404),
    dependencies=[Depends(require_writer)],
)
def delete_site(site: str, request: Request) -> dict[str, Any]:
    """Remove a site (id or name); a curated one stays removed when sites are seeded again."""
    store = store_of(request)
    if get_site(store, site) is None:
        raise ApiError.not_found(f"no watched site {site!r}")
    return remove_site(store, site)
