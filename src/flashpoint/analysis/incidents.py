"""Incidents: clusters of reports made into :class:`~flashpoint.analysis.model.Incident` records,
and the read functions over them (``list_incidents``, ``get_incident``).

An incident describes its *representative* report (the member that agrees best with what the
members agree on, and says the most), with the gaps of that report (no date, no place, an
unknown actor) filled from what the members agree on; where members disagree on the date, the place, the
casualty figures or the actors' countries, ``disagreements`` keeps each report's own value with
the events that give it. ``n_docs`` counts every document that carries a member, near-duplicate
copies included (their events are stored once, on the canonical copy). The id is a hash of the
earliest member (text order), so it survives rebuilds and later ingests.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from sqlalchemy import Connection, and_, case, exists, or_, select

from flashpoint.analysis.merge import Cluster, MergeRules, compare, profile_of
from flashpoint.analysis.model import ChainLink, Incident, incident_event_ids
from flashpoint.analysis.reports import Party, Report
from flashpoint.records import great_circle_km, stable_hash
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema
from flashpoint.store.queries import EventFilter, list_events, statuses_of
from flashpoint.store.store import IN_CHUNK, chunked, reading

__all__ = ["BuiltIncident", "build_incidents", "load_group_docs", "list_incidents", "get_incident",
           "incident_doc_ids"]

incidents, members_table, links_table = schema.incidents, schema.incident_events, schema.chain_links
_DISAGREEING = ("date", "loc_name", "fatalities", "injuries", "source_country", "target_country",
                "mode")


@dataclass(frozen=True)
class BuiltIncident:
    """An incident as rebuilt, with its members (text order) and why each was merged."""

    incident: Incident
    members: tuple[Report, ...]
    reasons: Mapping[str, dict[str, Any] | None]


def load_group_docs(conn: Connection) -> dict[str, list[str]]:
    """Each near-duplicate group's documents, in ingest order."""
    documents = schema.documents
    out: dict[str, list[str]] = {}
    for group_id, doc_id in conn.execute(
        select(documents.c.group_id, documents.c.doc_id).order_by(documents.c.seq)
    ):
        out.setdefault(group_id, []).append(doc_id)
    return out


def build_incidents(clusters: Sequence[Cluster], group_docs: Mapping[str, list[str]],
                    settings: AnalysisSettings, rules: MergeRules) -> list[BuiltIncident]:
    """One incident per cluster."""
    return [_build(c, group_docs, settings, rules) for c in clusters]


def _build(cluster: Cluster, group_docs: Mapping[str, list[str]], settings: AnalysisSettings,
           rules: MergeRules) -> BuiltIncident:
    members = tuple(sorted(cluster.members, key=lambda m: m.position))
    rep = next(m for m in members if m.event_id == cluster.profile.representative)
    docs = {d for m in members for d in group_docs.get(m.group_id, [m.doc_id])}
    profile = cluster.profile
    place = rep.place or profile.place
    incident = Incident(
        incident_id=stable_hash("incident", members[0].event_id),
        representative_event_id=rep.event_id,
        event_type=rep.event_type,
        status="actual" if any(m.status == "actual" for m in members) else "claimed",
        confidence=round(max(m.confidence for m in members), 3),
        n_events=len(members),
        n_docs=len(docs),
        mode=rep.mode or _common(m.mode for m in members),
        date=rep.date if rep.date is not None else profile.date,
        **_party_fields("source", _filled(rep.source, profile.source)),
        **_party_fields("target", _filled(rep.target, profile.target)),
        loc_name=place.name if place else None,
        loc_country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        loc_precision=place.precision if place else None,
        fatalities=rep.fatalities if rep.fatalities is not None else _common(m.fatalities for m in members),
        injuries=rep.injuries if rep.injuries is not None else _common(m.injuries for m in members),
        goldstein=rep.goldstein,
        quad_class=rep.quad_class,
        cameo_root=rep.cameo_root,
        disagreements=_disagreements(members),
    )
    return BuiltIncident(incident, members, _reasons(cluster, members, rep, settings, rules))


def _filled(party: Party | None, consensus: Party | None) -> Party | None:
    """The representative's actor, or where it is unknown the one the members agree on."""
    if party is not None and party.known:
        return party
    return consensus if consensus is not None and consensus.known else party


def _party_fields(role: str, party: Party | None) -> dict[str, Any]:
    keys = ("name", "country", "sector", "actor_id", "sponsor")
    if party is None:
        return {f"{role}_{k}": None for k in keys}
    return {f"{role}_{k}": getattr(party, k) for k in keys}


def _common(values: Any) -> Any:
    """The most frequent non-null value (ties: the larger), or None."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], v))


def _field(member: Report, name: str) -> Any:
    if name == "loc_name":
        return member.place.name if member.place else None
    if name in ("source_country", "target_country"):
        party = member.source if name == "source_country" else member.target
        return party.country if party is not None and party.known else None
    return getattr(member, name)


def _disagreements(members: Sequence[Report]) -> dict[str, list[dict[str, Any]]]:
    """Field -> ``[{"value", "event_ids"}]`` where members give different non-null values."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in _DISAGREEING:
        by_value: dict[Any, list[str]] = {}
        for member in members:
            value = _field(member, name)
            if value is not None:
                by_value.setdefault(value, []).append(member.event_id)
        if len(by_value) > 1:
            out[name] = [{"value": v, "event_ids": ids} for v, ids in by_value.items()]
    return out


def _reasons(cluster: Cluster, members: Sequence[Report], rep: Report, settings: AnalysisSettings,
             rules: MergeRules) -> dict[str, dict[str, Any] | None]:
    """Null for the representative; the report that began the cluster gets its own comparison
    with the incident's profile, since nothing was matched to it when it came."""
    reasons: dict[str, dict[str, Any] | None] = {}
    for member in members:
        reason = cluster.reasons.get(member.event_id)
        if member.event_id == rep.event_id:
            reason = None
        elif reason is None:
            match = compare(profile_of([member], settings, rules), False, cluster.profile, settings, rules)
            reason = {**match.reason(rep.event_id), "case": "first report of the incident"}
        reasons[member.event_id] = reason
    return reasons


# -- reading -----------------------------------------------------------------------------------


def list_incidents(target: Store | Connection, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Incidents matching ``flt`` (same fields and rules as for events), by date (undated last),
    each ``Incident.to_dict()`` plus ``doc_ids``."""
    flt = flt or EventFilter()
    query = select(incidents).order_by(
        case((incidents.c.date.is_(None), 1), else_=0), incidents.c.date, incidents.c.incident_id
    )
    conditions = _conditions(flt)
    if conditions:
        query = query.where(*conditions)
    near = getattr(flt, "near", None)
    if near is None:
        query = query.limit(flt.limit).offset(flt.offset or None)
    with reading(target) as conn:
        found = [Incident.from_row(row._mapping) for row in conn.execute(query)]
        if near is not None:
            found = _within(found, near)[flt.offset:]
            found = found[: flt.limit] if flt.limit is not None else found
        doc_ids = incident_doc_ids(conn, [i.incident_id for i in found])
    return [{**i.to_dict(), "doc_ids": doc_ids.get(i.incident_id, [])} for i in found]


def _conditions(flt: EventFilter) -> list[Any]:
    c = incidents.c
    conditions: list[Any] = []
    if flt.since is not None:
        conditions.append(c.date + "-99-99" >= flt.since)
    if flt.until is not None:
        conditions.append(c.date <= flt.until + "-99-99"[: 10 - len(flt.until)])
    if flt.event_type is not None:
        conditions.append(c.event_type == flt.event_type.upper())
    if flt.status is not None:
        conditions.append(c.status.in_(statuses_of(flt.status)))
    if flt.country is not None:
        conditions.append(or_(c.source_country == flt.country.upper(),
                              c.target_country == flt.country.upper()))
    if flt.actor is not None:
        conditions.append(or_(c.source_name.icontains(flt.actor, autoescape=True),
                              c.target_name.icontains(flt.actor, autoescape=True)))
    conditions.extend(_member_conditions(flt))
    bbox = getattr(flt, "bbox", None)
    if bbox is not None:
        conditions.append(and_(c.lon.between(bbox[0], bbox[2]), c.lat.between(bbox[1], bbox[3])))
    return conditions


def _member_conditions(flt: EventFilter) -> list[Any]:
    """Filters about the reports: an incident with a member in ``doc_id``, among ``event_ids``,
    or whose sentence holds every word of ``q``."""
    events = schema.events
    wanted: list[Any] = []
    if flt.doc_id is not None:
        wanted.append(events.c.doc_id == flt.doc_id)
    if getattr(flt, "event_ids", None) is not None:
        wanted.append(events.c.event_id.in_(flt.event_ids))
    if getattr(flt, "q", None):
        from flashpoint.store.queries import search_words

        wanted.extend(events.c.sentence.icontains(w, autoescape=True) for w in search_words(flt.q))
    if not wanted:
        return []
    member = (select(members_table.c.event_id)
              .join(events, events.c.event_id == members_table.c.event_id)
              .where(members_table.c.incident_id == incidents.c.incident_id, *wanted))
    return [exists(member)]


def _within(found: list[Incident], near: tuple[float, float, float]) -> list[Incident]:
    lat, lon, km = near
    return [i for i in found if i.lat is not None and i.lon is not None
            and great_circle_km(lat, lon, i.lat, i.lon) <= km]


def incident_doc_ids(target: Store | Connection, incident_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each incident's documents (every copy of each near-duplicate group), in ingest order."""
    events, documents = schema.events, schema.documents
    copies = documents.alias("copies")
    out: dict[str, list[str]] = {i: [] for i in incident_ids}
    with reading(target) as conn:
        for chunk in chunked(list(incident_ids), IN_CHUNK):
            rows = conn.execute(
                select(members_table.c.incident_id, copies.c.doc_id, copies.c.seq).distinct()
                .join(events, events.c.event_id == members_table.c.event_id)
                .join(documents, documents.c.doc_id == events.c.doc_id)
                .join(copies, copies.c.group_id == documents.c.group_id)
                .where(members_table.c.incident_id.in_(chunk))
                .order_by(members_table.c.incident_id, copies.c.seq)
            )
            for incident_id, doc_id, _seq in rows:
                out[incident_id].append(doc_id)
    return out


def get_incident(target: Store | Connection, incident_id: str) -> dict[str, Any] | None:
    """One incident with ``doc_ids``, ``reports`` (its events as export records, document order,
    each with the ``reason`` it was merged) and ``links`` (chain links in and out), or None."""
    with reading(target) as conn:
        row = conn.execute(select(incidents).where(incidents.c.incident_id == incident_id)).first()
        if row is None:
            return None
        incident = Incident.from_row(row._mapping)
        member_ids = incident_event_ids(conn, [incident_id])[incident_id]
        reasons = dict(conn.execute(select(members_table.c.event_id, members_table.c.reason)
                                    .where(members_table.c.incident_id == incident_id)).all())
        reports = _records(conn, member_ids)
        links = conn.execute(select(links_table).where(or_(
            links_table.c.cause_id == incident_id, links_table.c.response_id == incident_id
        )).order_by(links_table.c.link_id))
        out = incident.to_dict()
        out["doc_ids"] = incident_doc_ids(conn, [incident_id])[incident_id]
        out["reports"] = [{**r, "reason": json.loads(reasons[r["event_id"]])
                           if reasons.get(r["event_id"]) else None} for r in reports]
        out["links"] = [ChainLink.from_row(link._mapping).to_row() for link in links]
        return out


def _records(conn: Connection, event_ids: list[str]) -> list[dict[str, Any]]:
    """Export records of the given events, in the order given."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunked(event_ids, IN_CHUNK):
        for record in list_events(conn, EventFilter(event_ids=tuple(chunk))):
            found[record["event_id"]] = record
    return [found[e] for e in event_ids if e in found]
