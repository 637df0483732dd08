"""Weekly conflict-cooperation indices per dyad or region, counted over incidents.

For each series (:mod:`flashpoint.analysis.series`) and ISO week (keyed by its Monday) the index
gives the number of incidents, how many were hostile (PLOVER QuadClass in
``AnalysisSettings.hostile_quad_classes``), ``score`` the sum of their Goldstein weights
(-10 most hostile .. +10 most cooperative) and ``mean_weight`` that sum over the incidents that
carry a weight (``None`` when none does). Incidents, not reports, are counted: an attack
reported forty times weighs once.

Rows are the weeks that hold at least one incident of the series: a quiet week is a week
missing from its series (the record covers every week between its first and last incident). With
``dense=True`` every week from the series' first incident (or from ``since``) to the last week of
the range is a row, zeros included, for a chart that must show quiet weeks; that is series ×
weeks rows, which on years of reporting and hundreds of dyads is far more than the incidents.

Incidents dated only to a month or a year are **not** in any weekly row: putting them on a week
would invent a day. :func:`coarse_dated_counts` counts them per series and month/year (and the
undated ones) so a reader can see what the weekly rows leave out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection

from flashpoint.analysis.model import Incident, load_incidents
from flashpoint.analysis.periods import day_of, first_day, is_coarse, last_day, week_of, weeks_from
from flashpoint.analysis.series import SeriesKey, check_by, series_keys
from flashpoint.settings import AnalysisSettings
from flashpoint.store.store import Store

__all__ = ["weekly_index", "coarse_dated_counts", "dated_incidents", "group_weekly"]



def weekly_index(
    target: Store | Connection,
    settings: AnalysisSettings,
    *,
    by: str = "dyad",
    since: str | None = None,
    until: str | None = None,
    dense: bool = False,
) -> list[dict[str, Any]]:
    """One row per series and week with incidents (every week when ``dense``): ``{"series",
    "by", "level", "week", "count", "hostile", "score", "mean_weight"}``, by series then week."""
    check_by(by)
    dated = dated_incidents(target, since, until)
    if not dated:
        return []
    last = last_day(until) if until else max(day for _, day in dated)
    weekly = group_weekly(dated, by)
    rows: list[dict[str, Any]] = []
    for key in sorted(weekly):
        start = first_day(since) if since else min(weekly[key])
        weeks = weeks_from(start, last) if dense else sorted(weekly[key])
        rows.extend(_row(by, key, week, weekly[key].get(week, []), settings) for week in weeks)
    return rows


def group_weekly(dated: Sequence[tuple[Incident, date]], by: str
                 ) -> dict[SeriesKey, dict[date, list[Incident]]]:
    """Incidents by series and ISO week (Monday), the shape both the index and alerts count."""
    keys = series_keys([incident for incident, _ in dated], by)
    weekly: dict[SeriesKey, dict[date, list[Incident]]] = defaultdict(lambda: defaultdict(list))
    for incident, day in dated:
        for key in keys[incident.incident_id]:
            weekly[key][week_of(day)].append(incident)
    return weekly


def dated_incidents(
    target: Store | Connection, since: str | None, until: str | None
) -> list[tuple[Incident, date]]:
    """Incidents dated to the day, within ``[since, until]`` (first and last day those bounds
    can mean), with their day; the bounds are checked first."""
    lo = first_day(since, "since") if since else None
    hi = last_day(until, "until") if until else None
    out = []
    for incident in load_incidents(target, since=since, until=until, dated_only=True):
        day = day_of(incident.date)
        if day is not None and (lo is None or day >= lo) and (hi is None or day <= hi):
            out.append((incident, day))
    return out


def _row(by: str, key: SeriesKey, week: date, incidents: Sequence[Incident],
         settings: AnalysisSettings) -> dict[str, Any]:
    weights = [i.goldstein for i in incidents if i.goldstein is not None]
    score = round(sum(weights), 3)
    return {
        "series": key.series,
        "by": by,
        "level": key.level,
        "week": week.isoformat(),
        "count": len(incidents),
        "hostile": sum(1 for i in incidents if i.quad_class in settings.hostile_quad_classes),
        "score": score,
        "mean_weight": round(score / len(weights), 3) if weights else None,
    }


def coarse_dated_counts(
    target: Store | Connection,
    settings: AnalysisSettings,
    *,
    by: str = "dyad",
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """What the weekly rows leave out: per series, incidents dated only to a month or year
    (``period`` that month or year) and, without date bounds, undated ones (``period`` None).

    Rows ``{"series", "by", "level", "period", "count", "hostile"}``; a month or year is kept
    when it overlaps ``[since, until]``.
    """
    check_by(by)
    if since:
        first_day(since, "since")
    if until:
        last_day(until, "until")
    left_out = [i for i in load_incidents(target, since=since, until=until)
                if i.date is None or is_coarse(i.date)]
    keys = series_keys(left_out, by)
    groups: dict[tuple[SeriesKey, str], list[Incident]] = defaultdict(list)
    for incident in left_out:
        for key in keys[incident.incident_id]:
            groups[(key, incident.date or "")].append(incident)
    return [
        {"series": key.series, "by": by, "level": key.level, "period": period or None,
         "count": len(members),
         "hostile": sum(1 for i in members if i.quad_class in settings.hostile_quad_classes)}
        for (key, period), members in sorted(groups.items())
    ]
