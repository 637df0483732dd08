"""The records a briefing is made of, collected once by :func:`flashpoint.brief.gather.gather`
and read by every renderer, so the HTML, Markdown and PDF of one period say the same things."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

__all__ = ["Source", "KeyPoint", "Briefing"]


@dataclass(frozen=True)
class Source:
    """One report of an incident: where an analyst can check it (document and sentence)."""

    doc_id: str
    sentence: str
    title: str | None = None
    path: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class KeyPoint:
    """One incident of the period with the reports it was merged from.

    ``incident`` is :meth:`flashpoint.analysis.Incident.to_dict` (actors and place nested);
    ``distance_km`` is set when the briefing is narrowed to a watched site.
    """

    incident: dict[str, Any]
    sources: tuple[Source, ...]
    hostile: bool
    distance_km: float | None = None

    @property
    def incident_id(self) -> str:
        return str(self.incident["incident_id"])

    @property
    def date(self) -> str | None:
        return self.incident.get("date")

    def by_document(self) -> list[tuple[Source, tuple[str, ...]]]:
        """Sources grouped by document, in the order first reported: one document often
        carries several reports of an incident, and a reader wants it named once."""
        groups: dict[str, tuple[Source, list[str]]] = {}
        for source in self.sources:
            groups.setdefault(source.doc_id, (source, []))[1].append(source.sentence)
        return [(source, tuple(sentences)) for source, sentences in groups.values()]


@dataclass(frozen=True)
class Briefing:
    """Everything one briefing says about ``[since, until]`` (optionally one watched site).

    ``first``/``last`` are the calendar days the bounds stand for (``2020-01`` -> 1 and 31
    January), for the charts' axes. ``threats`` are site threat cards (``site_threats`` dicts);
    with a ``site`` its own card comes first. ``sites`` are the watched sites the map draws:
    those with a key point inside their radius (and the chosen site).
    """

    since: str
    until: str
    first: date
    last: date
    generated_at: str
    key_points: tuple[KeyPoint, ...]
    chains: tuple[dict[str, Any], ...] = ()
    alerts: tuple[dict[str, Any], ...] = ()
    threats: tuple[dict[str, Any], ...] = ()
    sites: tuple[dict[str, Any], ...] = ()
    site: dict[str, Any] | None = None

    @property
    def is_empty(self) -> bool:
        return not self.key_points

    @property
    def hostile_count(self) -> int:
        return sum(1 for point in self.key_points if point.hostile)
