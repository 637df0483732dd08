"""The records of the analysis stage and how they are read back from the database.

An :class:`Incident` is one real-world event: the asserted reports (events) merged into it by
:mod:`flashpoint.analysis.merge`. A :class:`ChainLink` says that one incident answers an earlier
one (:mod:`flashpoint.analysis.chains`). Both are rebuilt from ``events`` by
:func:`flashpoint.analysis.refresh`; indices, alerts and site threat read incidents, so a
rocket attack reported forty times counts once.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, and_, select

from flashpoint.store import schema
from flashpoint.store.store import IN_CHUNK, Store, chunked, reading

__all__ = ["Incident", "ChainLink", "ANALYSIS_VERSION", "load_incidents", "incident_event_ids"]

#: Written on every incident; bump when merging or linking changes what they produce.
ANALYSIS_VERSION = "analysis-1"

incidents = schema.incidents


@dataclass(frozen=True)
class Incident:
    """One real-world event and the reports merged into it (see ``schema.incidents``)."""

    incident_id: str
    representative_event_id: str
    event_type: str
    status: str
    confidence: float
    n_events: int
    n_docs: int
    mode: str | None = None
    date: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    source_actor_id: str | None = None
    source_sponsor: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    target_actor_id: str | None = None
    target_sponsor: str | None = None
    loc_name: str | None = None
    loc_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    loc_precision: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    cameo_root: str | None = None
    disagreements: dict[str, Any] = field(default_factory=dict)
    analysis_version: str = ANALYSIS_VERSION

    @classmethod
    def from_row(cls, row: Any) -> Incident:
        values = dict(row)
        values["disagreements"] = json.loads(values.get("disagreements") or "{}")
        return cls(**{k: v for k, v in values.items() if k in cls.__dataclass_fields__})

    def to_row(self) -> dict[str, Any]:
        # every field but ``disagreements`` is a scalar: no need for asdict's deep copy
        row = {f.name: getattr(self, f.name) for f in fields(self)}
        row["disagreements"] = json.dumps(self.disagreements, sort_keys=True)
        return row

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, with actors and place nested as in the event record."""
        out = asdict(self)
        for role in ("source", "target"):
            out[role] = {
                key: out.pop(f"{role}_{key}")
                for key in ("name", "country", "sector", "actor_id", "sponsor")
            }
        place = {key: out.pop(f"loc_{key}") for key in ("name", "country", "precision")}
        place.update(lat=out.pop("lat"), lon=out.pop("lon"))
        out["location"] = place if place["name"] or place["lat"] is not None else None
        return out


@dataclass(frozen=True)
class ChainLink:
    """``response_id`` answers ``cause_id``; ``kind`` is ``text`` or ``structure``."""

    link_id: str
    cause_id: str
    response_id: str
    kind: str
    score: float
    explanation: str
    cue: str | None = None
    gap_days: int | None = None

    @classmethod
    def from_row(cls, row: Any) -> ChainLink:
        return cls(**{k: v for k, v in dict(row).items() if k in cls.__dataclass_fields__})

    def to_row(self) -> dict[str, Any]:
        return asdict(self)


def load_incidents(
    target: Store | Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    dated_only: bool = False,
) -> list[Incident]:
    """Incidents whose date could fall in ``[since, until]`` (same rule as
    :class:`flashpoint.store.EventFilter`), ordered by date then id; undated ones are kept
    unless a date bound or ``dated_only`` is given."""
    conditions = []
    if since is not None:
        conditions.append(incidents.c.date + "-99-99" >= since)
    if until is not None:
        conditions.append(incidents.c.date <= until + "-99-99"[: 10 - len(until)])
    if dated_only:
        conditions.append(incidents.c.date.is_not(None))
    query = select(incidents).order_by(incidents.c.date, incidents.c.incident_id)
    if conditions:
        query = query.where(and_(*conditions))
    with reading(target) as conn:
        return [Incident.from_row(row._mapping) for row in conn.execute(query)]


def incident_event_ids(target: Store | Connection, incident_ids: list[str]) -> dict[str, list[str]]:
    """Each incident's member event ids (its reports), in document order."""
    members = schema.incident_events
    events, documents = schema.events, schema.documents
    out: dict[str, list[str]] = {i: [] for i in incident_ids}
    with reading(target) as conn:
        for chunk in chunked(incident_ids, IN_CHUNK):
            rows = conn.execute(
                select(members.c.incident_id, members.c.event_id)
                .join(events, events.c.event_id == members.c.event_id)
                .join(documents, documents.c.doc_id == events.c.doc_id)
                .where(members.c.incident_id.in_(chunk))
                .order_by(documents.c.seq, events.c.char_start, events.c.event_id)
            )
            for incident_id, event_id in rows:
                out[incident_id].append(event_id)
    return out

