"""The escalation picture: incidents, chains, weekly indices, surge alerts and site threat.

Each route checks its parameters, calls the :mod:`flashpoint.analysis` function ``docs/API.md``
names, and returns what it returns (lists as pages).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from flashpoint.analysis import (
    find_alerts,
    get_incident,
    list_chains,
    list_incidents,
    site_threats,
    weekly_index,
)
from flashpoint.serve.context import settings_of, store_of
from flashpoint.serve.errors import ApiError
from flashpoint.serve.models import (
    Alert,
    Chain,
    IncidentDetail,
    IncidentModel,
    IndexRow,
    Page,
    SiteThreat,
)
from flashpoint.serve.paging import Paging, envelope, paging, sliced
from flashpoint.serve.params import (
    SinceQuery,
    UntilQuery,
    check_country,
    check_date,
    date_range,
    event_filter,
)
from flashpoint.serve.routes import error_responses
from flashpoint.store.queries import EventFilter
from flashpoint.store.sites import get_site

router = APIRouter(tags=["analysis"])

By = Literal["dyad", "region", "all"]
ByQuery = Query("dyad", description="Series per dyad (who against whom), per region, or all.")
AsOfQuery = Query(
    None, description="Day the threat is computed for [default: the latest incident]."
)


@router.get(
    "/api/incidents", response_model=Page[IncidentModel], responses=error_responses(400, 404)
)
def incidents(
    request: Request, flt: EventFilter = Depends(event_filter), page: Paging = Depends(paging)
) -> dict[str, Any]:
    """Incidents (merged reports) matching the same filters as events, by date."""
    rows = list_incidents(store_of(request), replace(flt, limit=page.probe, offset=page.offset))
    return envelope(rows, page)


@router.get(
    "/api/incidents/{incident_id}", response_model=IncidentDetail, responses=error_responses(404)
)
def incident(incident_id: str, request: Request) -> dict[str, Any]:
    """One incident: its reports (each with the reason it was merged) and its chain links."""
    found = get_incident(store_of(request), incident_id)
    if found is None:
        raise ApiError.not_found(f"no incident {incident_id!r}")
    return found


@router.get("/api/chains", response_model=Page[Chain], responses=error_responses(400))
def chains(
    request: Request,
    since: str | None = SinceQuery,
    until: str | None = UntilQuery,
    country: str | None = Query(None, description="ISO3 code of a side (or its sponsor)."),
    page: Paging = Depends(paging),
) -> dict[str, Any]:
    """Action-reaction chains, by start date."""
    since, until = date_range(since, until)
    found = list_chains(store_of(request), since=since, until=until, country=check_country(country))
    return sliced(found, page)


@router.get("/api/indices", response_model=Page[IndexRow], responses=error_responses(400))
def indices(
    request: Request,
    by: By = ByQuery,
    since: str | None = SinceQuery,
    until: str | None = UntilQuery,
    page: Paging = Depends(paging),
) -> dict[str, Any]:
    """Weekly conflict-cooperation index: one row per series and week."""
    since, until = date_range(since, until)
    rows = weekly_index(store_of(request), settings_of(request).analysis, by=by, since=since,
                        until=until)
    return sliced(rows, page)


@router.get("/api/alerts", response_model=Page[Alert], responses=error_responses(400))
def alerts(
    request: Request,
    by: By = ByQuery,
    since: str | None = SinceQuery,
    until: str | None = UntilQuery,
    page: Paging = Depends(paging),
) -> dict[str, Any]:
    """Weeks whose count of hostile incidents is a surge against the series' baseline."""
    since, until = date_range(since, until)
    rows = find_alerts(store_of(request), settings_of(request).analysis, by=by, since=since,
                       until=until)
    return sliced(rows, page)


@router.get(
    "/api/sites/{site}/threat", response_model=SiteThreat, responses=error_responses(400, 404)
)
def site_threat(site: str, request: Request, as_of: str | None = AsOfQuery) -> dict[str, Any]:
    """The threat picture at one watched site (id or name)."""
    as_of = check_date(as_of, "as_of")
    store = store_of(request)
    if get_site(store, site) is None:
        raise ApiError.not_found(f"no watched site {site!r}")
    return site_threats(store, settings_of(request).analysis, site=site, as_of=as_of)[0]


@router.get("/api/threat", response_model=Page[SiteThreat], responses=error_responses(400))
def threat(
    request: Request, as_of: str | None = AsOfQuery, page: Paging = Depends(paging)
) -> dict[str, Any]:
    """The threat picture at every watched site, highest score first."""
    as_of = check_date(as_of, "as_of")
    return sliced(site_threats(store_of(request), settings_of(request).analysis, as_of=as_of), page)
