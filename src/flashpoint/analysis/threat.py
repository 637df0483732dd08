"""The threat picture at watched sites: recent hostile incidents near each site, weighted.

For a site and an ``as_of`` day, the *window* is the ``threat_window_days`` days ending on
``as_of`` (ages 0 .. window-1 days). An incident counts when it is hostile (QuadClass in
``hostile_quad_classes``), dated to the day inside the window, and placed within the site's
``radius_km`` (great-circle distance; a place at ``site`` precision whose name is the site's
name or an alias is the site itself, distance 0). Each counts with

    weight   = severity × recency
    severity = max(|goldstein|, 1) × (1 + ln(1 + fatalities) + 0.5 × ln(1 + injuries))
               (|goldstein| taken as 1 when the incident has none)
    recency  = 0.5 ** (age_days / threat_half_life_days)

and ``score`` is the sum. A fresh rocket attack (Goldstein -10) without casualties weighs 10;
with three killed, 23.9; a week later, half that. ``level`` reads the score against
:data:`LEVELS`. ``trend`` compares the window with the one before it (same length, its score
computed as of that window's own last day): ``rising`` above :data:`TREND_RATIO` times the
previous score, ``falling`` below its inverse, else ``steady``.

Not counted, and reported as ``skipped``: hostile incidents of the window without coordinates
(``unplaced``), placed only to a region or country (``imprecise_place``: a centroid near a site
says nothing about the site), and dated only to a month or year overlapping the window
(``coarse_dated``). ``exposed_nations`` are the site's presences whose dates cover ``as_of``.
``as_of`` defaults to the last day of the latest incident dated to the day (``as_of_source``
says which rule gave it); a ``YYYY-MM`` or ``YYYY`` value means its last day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from flashpoint.analysis.coverage import dated_span
from flashpoint.analysis.model import Incident, load_incidents
from flashpoint.analysis.periods import day_of, is_coarse, last_day
from flashpoint.errors import ConfigError
from flashpoint.records import great_circle_km
from flashpoint.settings import AnalysisSettings
from flashpoint.store.sites import get_site, list_sites, site_spec
from flashpoint.store.store import Store, reading

__all__ = ["site_threats", "severity", "LEVELS", "TREND_RATIO"]

#: (lowest score, level), ascending: a score is at the last level whose threshold it reaches.
LEVELS: tuple[tuple[float, str], ...] = ((0.0, "low"), (10.0, "elevated"), (30.0, "high"), (60.0, "critical"))
#: A window's score this many times the previous one's is ``rising`` (its inverse: ``falling``).
TREND_RATIO = 1.25
_COARSE_PLACES = ("region", "country")


@dataclass(frozen=True)
class _Candidate:
    """A hostile incident dated to the day, placed to a point, in the window or the one before."""

    incident: Incident
    age_days: int  # days before as_of (0 = that day)


def severity(incident: Incident) -> float:
    """How bad an incident is, before recency: see the module docstring."""
    base = max(abs(incident.goldstein), 1.0) if incident.goldstein is not None else 1.0
    deaths, hurt = incident.fatalities or 0, incident.injuries or 0
    return base * (1.0 + math.log1p(max(deaths, 0)) + 0.5 * math.log1p(max(hurt, 0)))


def site_threats(
    target: Store | Connection,
    settings: AnalysisSettings,
    *,
    site: str | None = None,
    as_of: str | None = None,
) -> list[dict[str, Any]]:
    """Per watched site (or the one ``site`` names, by id or name), highest score first."""
    with reading(target) as conn:
        sites = _sites(conn, site)
        day, source = _as_of(conn, as_of)
        window = settings.threat_window_days
        start = day - timedelta(days=2 * window - 1)
        hostile = [i for i in load_incidents(conn, since=start.isoformat(), until=day.isoformat())
                   if i.quad_class in settings.hostile_quad_classes]
    candidates, skipped = _candidates(hostile, day, window)
    out = [_site_threat(s, candidates, day, source, skipped, settings) for s in sites]
    out.sort(key=lambda t: (-t["score"], t["site"]["name"]))
    return out


def _sites(conn: Connection, key: str | None) -> list[dict[str, Any]]:
    if key is None:
        return list_sites(conn)
    found = get_site(conn, key)
    if found is None:
        raise ConfigError(f"no watched site {key!r} (see `flashpoint sites list`)")
    return [found]


def _as_of(conn: Connection, text: str | None) -> tuple[date, str]:
    if text is not None:
        return last_day(text, "as_of"), "given"
    span = dated_span(conn)
    if span is not None:
        return span[1], "latest-incident"
    return datetime.now(UTC).date(), "today (no incident is dated to the day)"


def _candidates(hostile: Sequence[Incident], as_of: date, window: int
                ) -> tuple[list[_Candidate], dict[str, int]]:
    """Incidents that can be near a site, and counts of the window's ones that cannot."""
    skipped = {"unplaced": 0, "imprecise_place": 0, "coarse_dated": 0}
    out = []
    for incident in hostile:
        day = day_of(incident.date)
        if day is None:
            skipped["coarse_dated"] += int(is_coarse(incident.date) and _overlaps(incident.date, as_of, window))
            continue
        age = (as_of - day).days
        if not 0 <= age < 2 * window:
            continue
        if incident.lat is None or incident.lon is None:
            skipped["unplaced"] += int(age < window)
        elif incident.loc_precision in _COARSE_PLACES:
            skipped["imprecise_place"] += int(age < window)
        else:
            out.append(_Candidate(incident, age))
    return out, skipped


def _overlaps(period: str, as_of: date, window: int) -> bool:
    """Whether a month or year may hold a day of the window (string order is date order)."""
    first = (as_of - timedelta(days=window - 1)).isoformat()
    return period + "-99-99" >= first and period <= as_of.isoformat()


def _site_threat(site: dict[str, Any], candidates: Sequence[_Candidate], as_of: date, source: str,
                 skipped: dict[str, int], settings: AnalysisSettings) -> dict[str, Any]:
    window = settings.threat_window_days
    near = [(c, d) for c in candidates if (d := _distance(site, c.incident)) is not None]
    current = [_scored(c, d, 0, settings) for c, d in near if c.age_days < window]
    previous = [_scored(c, d, window, settings) for c, d in near if c.age_days >= window]
    score, before = _total(current), _total(previous)
    current.sort(key=lambda r: (r["distance_km"], -r["weight"], r["incident_id"]))
    return {
        "site": {key: site[key] for key in ("site_id", "name", "kind", "country", "lat", "lon", "radius_km")},
        "as_of": as_of.isoformat(),
        "as_of_source": source,
        "window_days": window,
        "half_life_days": settings.threat_half_life_days,
        "score": score,
        "level": _level(score),
        "levels": {name: low for low, name in LEVELS},
        "trend": _trend(score, before),
        "counts": {
            "current": _window(as_of, window, 0, current, score),
            "previous": _window(as_of, window, 1, previous, before),
        },
        "incidents": current,
        "exposed_nations": [p.to_dict() for p in site_spec(site).nations if p.covers(as_of.isoformat())],
        "skipped": dict(skipped),
    }


def _distance(site: dict[str, Any], incident: Incident) -> float | None:
    """km from the site when within its radius (0 for the site itself), else None."""
    if incident.loc_precision == "site" and incident.loc_name:
        names = {site["name"].casefold(), *(a.casefold() for a in site.get("aliases") or [])}
        if incident.loc_name.casefold() in names:
            return 0.0
    km = great_circle_km(site["lat"], site["lon"], incident.lat, incident.lon)  # type: ignore[arg-type]
    return round(km, 3) if km <= site["radius_km"] else None


def _scored(candidate: _Candidate, km: float, shift: int, settings: AnalysisSettings) -> dict[str, Any]:
    """The incident with its distance and weight; ``shift`` moves the recency reference back
    to the end of the previous window."""
    age = candidate.age_days - shift
    harm = severity(candidate.incident)
    recency = 0.5 ** (age / settings.threat_half_life_days)
    return {**candidate.incident.to_dict(), "distance_km": km, "age_days": age,
            "severity": round(harm, 3), "recency": round(recency, 4), "weight": round(harm * recency, 3)}


def _total(rows: Sequence[dict[str, Any]]) -> float:
    """The score: the sum of the weights shown, so a reader can add them up."""
    return round(math.fsum(r["weight"] for r in rows), 3)


def _window(as_of: date, window: int, back: int, rows: Sequence[dict[str, Any]], score: float
            ) -> dict[str, Any]:
    end = as_of - timedelta(days=back * window)
    return {"start": (end - timedelta(days=window - 1)).isoformat(), "end": end.isoformat(),
            "incidents": len(rows), "score": score}


def _level(score: float) -> str:
    return [name for low, name in LEVELS if score >= low][-1]


def _trend(score: float, previous: float) -> str:
    if score > previous * TREND_RATIO and score > 0:
        return "rising"
    if score < previous / TREND_RATIO:
        return "falling"
    return "steady"
