"""Query parameters: declared once (so OpenAPI documents them), checked here, turned into the
library's own filter objects.

Every check names the parameter it rejects, so a bad request is a 400 that says which value
to fix, never a 500 from deep in a query. An empty value (``?type=``, as an HTML form sends
an untouched field) means the parameter was not given.
"""

from __future__ import annotations

import re

from fastapi import Query, Request

from flashpoint.errors import ConfigError
from flashpoint.events.ontology import PLOVER_TYPES
from flashpoint.serve.context import store_of
from flashpoint.serve.errors import ApiError
from flashpoint.store.queries import EventFilter, is_calendar_date, parse_bbox, search_words, statuses_of
from flashpoint.store.sites import get_site

__all__ = ["event_filter", "check_date", "date_range", "check_country", "SinceQuery", "UntilQuery"]

_COUNTRY = re.compile(r"[A-Za-z]{3}")
#: Half the Earth's circumference: no two points are further apart.
MAX_KM = 20_016.0

SinceQuery = Query(None, description="On or after this date: YYYY, YYYY-MM or YYYY-MM-DD.",
                   examples=["2021-06"])
UntilQuery = Query(None, description="On or before this date: YYYY, YYYY-MM or YYYY-MM-DD.",
                   examples=["2021-12-31"])


def check_date(value: str | None, name: str) -> str | None:
    """A real calendar date at one of the three precisions (``2021-02-30`` is refused)."""
    if not value:
        return None
    if not is_calendar_date(value):
        raise ApiError.bad_parameter(name, f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Checked ``since``/``until``; ``since`` after ``until`` can match nothing and is refused."""
    since, until = check_date(since, "since"), check_date(until, "until")
    if since and until and since[: len(until)] > until:
        raise ApiError.bad_parameter("since", f"since ({since}) is after until ({until})")
    return since, until


def check_country(value: str | None, name: str = "country") -> str | None:
    if not value:
        return None
    if not _COUNTRY.fullmatch(value):
        raise ApiError.bad_parameter(
            name, f"{name} must be an ISO 3166-1 alpha-3 code (or IGO, UNK), got {value!r}"
        )
    return value.upper()


def _event_type(value: str | None) -> str | None:
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise ApiError.bad_parameter(
            "type", f"unknown event type {value!r}; choose from {', '.join(PLOVER_TYPES)}"
        )
    return value.upper()


def _status(value: str | None) -> str | None:
    if not value:
        return None
    try:
        statuses_of(value)
    except ConfigError as exc:
        raise ApiError.bad_parameter("status", str(exc)) from None
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        return parse_bbox(value)
    except ConfigError as exc:
        raise ApiError.bad_parameter("bbox", str(exc)) from None


def _q(value: str | None) -> str | None:
    if not value:
        return None
    try:
        search_words(value)
    except ConfigError as exc:
        raise ApiError.bad_parameter("q", str(exc)) from None
    return value


def _near_site(
    request: Request, site: str | None, within_km: float | None
) -> tuple[float, float, float] | None:
    """``(lat, lon, km)`` around a watched site; ``within_km`` defaults to the site's radius."""
    if not site:
        if within_km is not None:
            raise ApiError.bad_parameter("within_km", "within_km needs a site to measure from")
        return None
    found = get_site(store_of(request), site)
    if found is None:
        raise ApiError.not_found(f"no watched site {site!r} (see /api/sites)", "site")
    km = within_km if within_km is not None else float(found["radius_km"])
    return float(found["lat"]), float(found["lon"]), km


def event_filter(
    request: Request,
    since: str | None = SinceQuery,
    until: str | None = UntilQuery,
    event_type: str | None = Query(
        None, alias="type", description="PLOVER event type, e.g. ASSAULT."
    ),
    actor: str | None = Query(None, description="Text in the source or target actor (any case)."),
    country: str | None = Query(None, description="ISO3 code of the source or the target actor."),
    status: str | None = Query(
        None,
        description="actual, claimed, threatened, hypothetical, negated, or asserted "
        "(actual and claimed); comma-separated.",
    ),
    bbox: str | None = Query(
        None, description="minlon,minlat,maxlon,maxlat in degrees.", examples=["38,29,49,38"]
    ),
    site: str | None = Query(None, description="Watched site (id or name): events placed near it."),
    within_km: float | None = Query(
        None, gt=0, le=MAX_KM, description="With site: distance in km [default: the site's radius]."
    ),
    q: str | None = Query(None, description="Words that must all occur in the event's sentence."),
) -> EventFilter:
    """The filter of ``/api/events`` and ``/api/incidents``, every value checked."""
    since, until = date_range(since, until)
    return EventFilter(
        since=since,
        until=until,
        event_type=_event_type(event_type),
        actor=actor or None,
        country=check_country(country),
        status=_status(status),
        bbox=_bbox(bbox),
        near=_near_site(request, site, within_km),
        q=_q(q),
    )
