"""Surge alerts: weeks whose count of hostile incidents in a series is improbably high.

For every series (:mod:`flashpoint.analysis.series`; ``by="all"`` is one series of every hostile
incident) the weekly count ``k`` of hostile incidents (QuadClass in
``hostile_quad_classes``) is tested against the previous ``baseline_weeks`` weeks, zeros
included:

* ``λ = (sum of baseline counts + 0.5) / (baseline_weeks + 1)``: the baseline mean with a small
  Gamma(0.5, 1) prior — half an incident spread over one more week — so that an all-zero
  baseline gives a small λ rather than 0, under which any single incident would have
  probability 0 and be a "surge";
* if the baseline's sample variance (n - 1) exceeds λ, the counts are overdispersed (attacks come
  in bursts) and ``p = P(X >= k)`` is taken under a negative binomial with mean λ and size
  ``r = λ² / (variance - λ)`` (method of moments); otherwise under Poisson(λ)
  (:mod:`flashpoint.analysis.tails`);
* the week is an alert when ``p < alert_alpha`` and ``k >= alert_min_count``.

A week is tested only when the database covers its whole baseline: weeks before the first
incident dated to the day are unknown, not quiet, so the first ``baseline_weeks`` weeks of the
record raise nothing. Incidents dated only to a month or year are not counted (they have no
week). Alert ids hash ``by``, series and week, so the same data give the same ids.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from flashpoint.analysis.coverage import dated_span
from flashpoint.analysis.indices import dated_incidents, group_weekly
from flashpoint.analysis.model import Incident
from flashpoint.analysis.periods import first_day, last_day, week_of
from flashpoint.analysis.series import SeriesKey, check_by
from flashpoint.analysis.tails import negbin_size, negbin_sf, poisson_sf
from flashpoint.records import stable_hash
from flashpoint.settings import AnalysisSettings
from flashpoint.store.store import Store

__all__ = ["find_alerts", "SurgeTest", "surge_test", "PRIOR_EVENTS", "PRIOR_WEEKS"]

#: The Gamma prior on the weekly rate: this many incidents over this many extra weeks.
PRIOR_EVENTS = 0.5
PRIOR_WEEKS = 1.0


@dataclass(frozen=True)
class SurgeTest:
    """The test of one week's count against its baseline."""

    count: int
    mean: float  # λ, the prior-smoothed baseline mean
    variance: float  # the baseline's sample variance
    method: str  # "poisson" | "negative-binomial"
    size: float | None  # the negative binomial's r
    p_value: float


def surge_test(count: int, baseline: Sequence[int]) -> SurgeTest:
    """``P(X >= count)`` under the baseline's Poisson or negative-binomial fit (module doc)."""
    lam = (sum(baseline) + PRIOR_EVENTS) / (len(baseline) + PRIOR_WEEKS)
    variance = statistics.variance(baseline) if len(baseline) > 1 else 0.0
    if variance > lam:
        size = negbin_size(lam, variance)
        return SurgeTest(count, lam, variance, "negative-binomial", size, negbin_sf(count, lam, size))
    return SurgeTest(count, lam, variance, "poisson", None, poisson_sf(count, lam))


def find_alerts(
    target: Store | Connection,
    settings: AnalysisSettings,
    *,
    by: str = "dyad",
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Surges in the weeks of ``[since, until]``, newest week first, then smallest p-value."""
    check_by(by)
    span = dated_span(target)
    if span is None:
        return []
    lo = first_day(since, "since") if since else span[0]
    hi = last_day(until, "until") if until else span[1]
    reach = week_of(lo) - timedelta(weeks=settings.baseline_weeks)
    hostile = [(i, day) for i, day in dated_incidents(target, reach.isoformat(), until)
               if i.quad_class in settings.hostile_quad_classes]
    weekly = group_weekly(hostile, by)
    first_testable = week_of(span[0]) + timedelta(weeks=settings.baseline_weeks)
    weeks = (max(week_of(lo), first_testable), week_of(hi))
    alerts = [alert for key in sorted(weekly)
              for alert in _series_alerts(by, key, weekly[key], weeks, settings)]
    alerts.sort(key=lambda a: (a["p_value"], a["series"]))
    alerts.sort(key=lambda a: a["week"], reverse=True)  # stable: newest week first
    return alerts


def _series_alerts(by: str, key: SeriesKey, weekly: dict[date, list[Incident]],
                   weeks: tuple[date, date], settings: AnalysisSettings) -> list[dict[str, Any]]:
    """The alerts of one series among the weeks ``weeks[0] .. weeks[1]`` (Mondays)."""
    out = []
    for week in sorted(w for w in weekly if weeks[0] <= w <= weeks[1]):
        members = weekly[week]
        if len(members) < settings.alert_min_count:
            continue
        baseline = [len(weekly.get(week - timedelta(weeks=j), []))
                    for j in range(settings.baseline_weeks, 0, -1)]
        test = surge_test(len(members), baseline)
        if test.p_value < settings.alert_alpha:
            out.append(_alert(by, key, week, members, baseline, test, settings))
    return out


def _alert(by: str, key: SeriesKey, week: date, members: Sequence[Incident],
           baseline: Sequence[int], test: SurgeTest, settings: AnalysisSettings) -> dict[str, Any]:
    return {
        "alert_id": stable_hash("alert", by, key.series, week.isoformat()),
        "by": by,
        "series": key.series,
        "level": key.level,
        "week": week.isoformat(),
        "count": test.count,
        "baseline_mean": round(test.mean, 4),
        "baseline_weeks": len(baseline),
        "baseline": {
            "start": (week - timedelta(weeks=len(baseline))).isoformat(),
            "end": (week - timedelta(days=1)).isoformat(),
            "counts": list(baseline),
            "variance": round(test.variance, 4),
            "prior": {"incidents": PRIOR_EVENTS, "weeks": PRIOR_WEEKS},
        },
        "method": test.method,
        "size": None if test.size is None else round(test.size, 4),
        "p_value": test.p_value,
        "alpha": settings.alert_alpha,
        "min_count": settings.alert_min_count,
        "incidents": [incident.to_dict() for incident in members],
    }
