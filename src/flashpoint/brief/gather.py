"""Collect a :class:`~flashpoint.brief.model.Briefing` from the database.

Everything is read through the functions the CLI and the REST API use (``flashpoint.analysis``
for incidents, chains, alerts and site threat; ``flashpoint.store`` for documents and sites),
inside one read transaction, so a briefing says what ``flashpoint incidents``/``chains``/
``alerts``/``sites threat`` and the dashboard say for the same period, and is consistent even
while an ingest is writing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from flashpoint.analysis import find_alerts, get_incident, list_chains, list_incidents, site_threats
from flashpoint.analysis.periods import first_day, last_day
from flashpoint.brief.model import Briefing, KeyPoint, Source
from flashpoint.errors import ConfigError
from flashpoint.records import great_circle_km
from flashpoint.settings import AnalysisSettings
from flashpoint.store.queries import EventFilter, document_summary
from flashpoint.store.sites import get_site, list_sites
from flashpoint.store.store import Store

__all__ = ["gather"]

#: Place precisions too coarse to put an incident near a site (a centroid says nothing about
#: the site); the same rule as the site threat score.
COARSE_PLACES = ("region", "country")
#: The series families whose surges a briefing reports.
ALERT_FAMILIES = ("dyad", "region")


def gather(
    store: Store,
    settings: AnalysisSettings,
    since: str,
    until: str,
    *,
    site: str | None = None,
) -> Briefing:
    """The briefing for ``[since, until]`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    ``site`` (a watched site's id or name) narrows the key points, chains and alerts to incidents
    placed within its radius and puts its threat card first. Bad dates, a reversed period or an
    unknown site raise :class:`~flashpoint.errors.ConfigError`.
    """
    first, last = first_day(since, "since"), last_day(until, "until")
    if first > last:
        raise ConfigError(f"since ({since}) is after until ({until})")
    flt = EventFilter(since=since, until=until)
    with store.read() as conn:
        chosen = _site(conn, site)
        points = _key_points(conn, settings, list_incidents(conn, flt), chosen)
        ids = {point.incident_id for point in points}
        chains = [c for c in list_chains(conn, since=since, until=until) if _touches(c, ids)]
        alerts = [a for by in ALERT_FAMILIES
                  for a in find_alerts(conn, settings, by=by, since=since, until=until) if _touches(a, ids)]
        threats = _threats(conn, settings, chosen, last.isoformat())
        drawn = [chosen] if chosen else _sites_hit(list_sites(conn), points)
    alerts.sort(key=lambda a: (a["week"], -a["p_value"]), reverse=True)
    return Briefing(
        since=since, until=until, first=first, last=last,
        generated_at=datetime.now(UTC).isoformat(timespec="minutes"),
        key_points=tuple(points), chains=tuple(chains), alerts=tuple(alerts),
        threats=tuple(threats), sites=tuple(drawn), site=chosen,
    )


def _site(conn: Connection, key: str | None) -> dict[str, Any] | None:
    if key is None:
        return None
    found = get_site(conn, key)
    if found is None:
        raise ConfigError(f"no watched site {key!r} (see `flashpoint sites list`)")
    return found


def _key_points(conn: Connection, settings: AnalysisSettings, incidents: list[dict[str, Any]],
                site: dict[str, Any] | None) -> list[KeyPoint]:
    """Incidents (near ``site`` if given) with their sources; those dated to the day first,
    in date order, then the ones known only to a month or year."""
    documents: dict[str, dict[str, Any] | None] = {}
    points = []
    for incident in incidents:
        distance = _distance_km(site, incident) if site else None
        if site is not None and distance is None:
            continue
        hostile = incident.get("quad_class") in settings.hostile_quad_classes
        sources = _sources(conn, incident["incident_id"], documents)
        points.append(KeyPoint(incident=incident, sources=sources, hostile=hostile, distance_km=distance))
    points.sort(key=lambda p: (len(p.date or "") != 10, p.date or "", p.incident_id))
    return points


def _distance_km(site: dict[str, Any], incident: dict[str, Any]) -> float | None:
    """km from the site when the incident is placed (finer than a region) within its radius."""
    place = incident.get("location") or {}
    if place.get("lat") is None or place.get("lon") is None or place.get("precision") in COARSE_PLACES:
        return None
    km = great_circle_km(site["lat"], site["lon"], place["lat"], place["lon"])
    return round(km, 1) if km <= site["radius_km"] else None


def _sources(conn: Connection, incident_id: str, documents: dict[str, dict[str, Any] | None]
             ) -> tuple[Source, ...]:
    """The incident's reports as sources: document title, path, URL and the sentence.
    ``documents`` caches each document read, as several reports often share one."""
    detail = get_incident(conn, incident_id) or {}
    out = []
    for report in detail.get("reports") or []:
        doc_id = report["doc_id"]
        if doc_id not in documents:
            documents[doc_id] = document_summary(conn, doc_id)
        doc = documents[doc_id] or {}
        out.append(Source(
            doc_id=doc_id, sentence=report["sentence"], title=doc.get("title"),
            path=report.get("doc_path") or doc.get("origin"),
            url=report.get("doc_url") or doc.get("url"), published=doc.get("published"),
        ))
    return tuple(out)


def _touches(item: dict[str, Any], ids: set[str]) -> bool:
    """Whether a chain or an alert involves one of the briefing's incidents."""
    return any(incident["incident_id"] in ids for incident in item.get("incidents") or [])


def _threats(conn: Connection, settings: AnalysisSettings, site: dict[str, Any] | None,
             as_of: str) -> list[dict[str, Any]]:
    """The chosen site's card (always), or every site with a hostile incident in its window."""
    if site is not None:
        return site_threats(conn, settings, site=site["site_id"], as_of=as_of)
    cards = site_threats(conn, settings, as_of=as_of)
    return [card for card in cards if card["counts"]["current"]["incidents"] > 0]


def _sites_hit(sites: list[dict[str, Any]], points: list[KeyPoint]) -> list[dict[str, Any]]:
    """Watched sites with at least one key point inside their radius: the ones the map draws."""
    return [site for site in sites
            if any(_distance_km(site, point.incident) is not None for point in points)]
