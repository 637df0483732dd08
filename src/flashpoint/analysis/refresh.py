"""Rebuilding the analysis tables (incidents, their reports, chain links) from the events.

``incidents``, ``incident_events`` and ``chain_links`` are derived data: :func:`refresh` throws
them away and computes them again from the asserted events and the merge decisions in force, in
one write transaction, so a reader sees the old picture or the new one and never half of each.
The same database always gives the same tables (reports are taken in text order, every tie is
broken by position or id), so running it twice changes nothing. The ingest job calls it after a
run that stored new documents; ``flashpoint analyse`` calls it on demand.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from typing import Any, Sequence

from sqlalchemy import Connection, delete, func, select

from flashpoint.analysis.chains import components, link_incidents
from flashpoint.analysis.decisions import load_constraints
from flashpoint.analysis.incidents import BuiltIncident, build_incidents, load_group_docs
from flashpoint.analysis.merge import cluster_reports, load_merge_rules
from flashpoint.analysis.model import ChainLink
from flashpoint.analysis.reports import ASSERTED, load_reports
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema
from flashpoint.store.store import IN_CHUNK, chunked

__all__ = ["RefreshSummary", "refresh", "rebuild", "is_stale"]


@dataclass(frozen=True)
class RefreshSummary:
    """What a rebuild produced; ``to_dict`` is ``flashpoint analyse --json``."""

    events: int  # asserted events (reports) considered
    incidents: int
    merged: int  # reports merged into an incident another report began
    multi_report_incidents: int
    links: int
    text_links: int
    structure_links: int
    chains: int
    decisions: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 3)
        return out


def refresh(store: Store, settings: AnalysisSettings) -> RefreshSummary:
    """Rebuild incidents and chain links from the stored events, in one write transaction."""
    with store.write() as conn:
        return rebuild(conn, settings)


def rebuild(conn: Connection, analysis: AnalysisSettings) -> RefreshSummary:
    """:func:`refresh` inside a write transaction the caller holds (a merge decision is
    recorded and applied in one)."""
    started = time.perf_counter()
    rules = load_merge_rules()
    reports = load_reports(conn)
    constraints = load_constraints(conn)
    clusters = cluster_reports(reports, constraints, analysis, rules)
    built = build_incidents(clusters, load_group_docs(conn), analysis, rules)
    links = link_incidents(built, analysis)
    _write(conn, built, links)
    return RefreshSummary(
        events=len(reports),
        incidents=len(built),
        merged=len(reports) - len(built),
        multi_report_incidents=sum(1 for b in built if len(b.members) > 1),
        links=len(links),
        text_links=sum(1 for link in links if link.kind == "text"),
        structure_links=sum(1 for link in links if link.kind == "structure"),
        chains=len(components(links)),
        decisions=len(constraints.together) + len(constraints.apart) + len(constraints.alone),
        seconds=time.perf_counter() - started,
    )


def is_stale(conn: Connection) -> bool:
    """Whether the asserted events and the reports merged into incidents differ in number (some
    events were stored after the last rebuild, or removed since)."""
    events, members = schema.events, schema.incident_events
    asserted = conn.scalar(select(func.count()).select_from(events).where(events.c.status.in_(ASSERTED)))
    merged = conn.scalar(select(func.count()).select_from(members))
    return int(asserted or 0) != int(merged or 0)


def _write(conn: Connection, built: Sequence[BuiltIncident], links: Sequence[ChainLink]) -> None:
    """Replace the three derived tables' rows (children first, so foreign keys hold)."""
    for table in (schema.chain_links, schema.incident_events, schema.incidents):
        conn.execute(delete(table))
    _insert(conn, schema.incidents, [b.incident.to_row() for b in built])
    members = [
        {"event_id": m.event_id, "incident_id": b.incident.incident_id,
         "reason": None if b.reasons.get(m.event_id) is None
         else json.dumps(b.reasons[m.event_id], sort_keys=True)}
        for b in built for m in b.members
    ]
    _insert(conn, schema.incident_events, members)
    _insert(conn, schema.chain_links, [link.to_row() for link in links])


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for chunk in chunked(rows, IN_CHUNK):
        conn.execute(table.insert(), list(chunk))
