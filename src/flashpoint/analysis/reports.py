"""Asserted events read back as :class:`Report` objects: what merging and linking compare.

A report is one stored event with what analysis needs beside the row: its document's
near-duplicate group and ingest position (text order), its date as an interval of days, each
actor's sponsor from the actor knowledge base (Kata'ib Hezbollah: Iraqi, backed by Iran), and
whether the actor is *named* (a knowledge-base actor) or only *suspected* (an unnamed doer the
coder gave the country of the place or of the groups the report names; see the event-record
spec). A target that is the source's own state is dropped (see :func:`_target`). Only
``actual`` and ``claimed`` events are reports: threats, forecasts and denials did not happen and
are never merged into incidents.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Mapping

from sqlalchemy import Connection, select

from flashpoint.store import schema

__all__ = ["ASSERTED", "Party", "Place", "Report", "load_reports", "date_interval", "sponsor_of"]

#: The statuses of events that happened (or are said to have): the only ones merged.
ASSERTED = ("actual", "claimed")
UNKNOWN_COUNTRIES = frozenset({"UNK", ""})


@dataclass(frozen=True)
class Party:
    """One side of an event: who, from where, backed by whom, and how sure the coder was."""

    name: str | None
    country: str | None
    sector: str | None
    actor_id: str | None
    sponsor: str | None

    @property
    def known(self) -> bool:
        return self.country is not None and self.country not in UNKNOWN_COUNTRIES

    @property
    def named(self) -> bool:
        """A knowledge-base actor; otherwise the country is the coder's suspicion."""
        return self.actor_id is not None

    @property
    def state_sector(self) -> str | None:
        """For a state actor coded by country and sector (``USAMIL``, ``IRQGOV``, ``USA``), the
        sector code ("" for the state as a whole); None for other actors."""
        code = self.actor_id or ""
        rest = code[len(self.country or "") :]
        state_coded = code.isupper() and (rest == "" or rest.isalpha())
        return rest if self.country and code.startswith(self.country) and state_coded else None

    @property
    def side(self) -> frozenset[str]:
        """The actor's country and its sponsor: Iran and the militias it backs are one side."""
        return frozenset(c for c in (self.country, self.sponsor) if c and c not in UNKNOWN_COUNTRIES)

    def label(self) -> str:
        """"Kata'ib Hezbollah (IRQ)", "IRQ" (unnamed), or "unknown"."""
        if not self.known:
            return self.name or "unknown"
        if self.name and self.name != self.country:
            return f"{self.name} ({self.country})"
        return str(self.country)


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


@dataclass(frozen=True)
class Report:
    """An asserted event as analysis sees it (see the module docstring)."""

    event_id: str
    doc_id: str
    group_id: str
    position: tuple[int, int, int, str]  # (document seq, sentence start, trigger start, id)
    sentence: str
    char_start: int
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    event_type: str
    mode: str | None
    status: str
    confidence: float
    date: str | None
    interval: tuple[int, int] | None  # first and last day (ordinals) the date can mean
    source: Party | None
    target: Party | None
    place: Place | None
    fatalities: int | None
    injuries: int | None
    goldstein: float | None
    quad_class: int | None
    cameo_root: str | None

    @property
    def precision(self) -> str | None:
        """``day``, ``month`` or ``year``; None when undated."""
        if self.date is None:
            return None
        return {10: "day", 7: "month"}.get(len(self.date), "year")


def load_reports(conn: Connection) -> list[Report]:
    """Every asserted event in text order (document ingest order, then sentence and trigger)."""
    events, documents = schema.events, schema.documents
    query = (
        select(events, documents.c.group_id, documents.c.seq)
        .join(documents, documents.c.doc_id == events.c.doc_id)
        .where(events.c.status.in_(ASSERTED))
    )
    reports = [_report(row._mapping) for row in conn.execute(query)]
    reports.sort(key=lambda r: r.position)
    return reports


def _report(row: Mapping[str, Any]) -> Report:
    trigger_start = row["trigger_start"]
    source = _party(row, "source")
    return Report(
        event_id=row["event_id"],
        doc_id=row["doc_id"],
        group_id=row["group_id"],
        position=(int(row["seq"]), int(row["char_start"]), int(trigger_start or 0), row["event_id"]),
        sentence=row["sentence"],
        char_start=int(row["char_start"]),
        trigger=row["trigger"],
        trigger_start=trigger_start,
        trigger_end=row["trigger_end"],
        event_type=row["event_type"],
        mode=row["mode"],
        status=row["status"],
        confidence=float(row["confidence"]),
        date=row["date"],
        interval=date_interval(row["date"]),
        source=source,
        target=_target(source, _party(row, "target")),
        place=_place(row),
        fatalities=row["fatalities"],
        injuries=row["injuries"],
        goldstein=row["goldstein"],
        quad_class=row["quad_class"],
        cameo_root=row["cameo_root"],
    )


def _party(row: Mapping[str, Any], role: str) -> Party | None:
    country, actor_id = row[f"{role}_country"], row[f"{role}_actor_id"]
    name = row[f"{role}_name"]
    if country is None and actor_id is None and name is None:
        return None
    return Party(name, country, row[f"{role}_sector"], actor_id, sponsor_of(actor_id, name))


def _target(source: Party | None, target: Party | None) -> Party | None:
    """The target, unless it is the source's own state (``USA`` against ``USAMIL``): a state
    acting on itself is how a coder reads "the U.S. airstrikes" or "attacks on U.S. forces"
    when it takes one word for both sides, so that target says nothing and is dropped."""
    if (source is not None and target is not None and source.country == target.country
            and source.state_sector is not None and target.state_sector is not None):
        return None
    return target


def _place(row: Mapping[str, Any]) -> Place | None:
    if row["loc_name"] is None:
        return None
    return Place(row["loc_name"], row["loc_country"], row["lat"], row["lon"], row["loc_precision"])


@lru_cache(maxsize=4096)
def sponsor_of(actor_id: str | None, name: str | None) -> str | None:
    """The state backer of a knowledge-base actor (``sponsor:`` in ``organisations.yaml``).

    The dictionary is looked up by the actor's canonical name, which is one of its aliases, and
    the entry found must carry the stored id: a renamed or removed entry gives no sponsor rather
    than another actor's.
    """
    if actor_id is None or name is None:
        return None
    from flashpoint.events.actors import load_actors

    found = load_actors().find(name)
    if found is None or found[0].id != actor_id:
        return None
    return found[0].sponsor


def date_interval(value: str | None) -> tuple[int, int] | None:
    """The first and last day (proleptic ordinals) an ISO date of any precision can mean."""
    if not value:
        return None
    try:
        year = int(value[:4])
        if len(value) == 4:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(value[5:7])
        if len(value) == 7:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
        day = date(year, month, int(value[8:10])).toordinal()
        return day, day
    except ValueError:
        return None
