"""Read functions over a flashpoint database, shared by the CLI and (later) the web API.

Every function takes a :class:`~flashpoint.store.Store` (each call reads one consistent
snapshot) or an open SQLAlchemy ``Connection`` (to compose several reads in one transaction),
and returns plain dicts and lists ready for JSON.

Event dates have the precision the text allows (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``). The
``since``/``until`` filters keep an event whose date *could* fall in the range: ``2021`` is
kept by ``since=2021-06`` and by ``until=2021-01-15``. ISO strings sort as dates, so this is
two string comparisons: the event's last possible day (its date followed by ``-99-99``, which
sorts after any month or day) against the first day of ``since``, and the event's date against
the last day of ``until``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Select, and_, case, distinct, func, or_, select

from flashpoint.errors import ConfigError
from flashpoint.records import Actor, Event, Location, OffsetMap
from flashpoint.store import schema
from flashpoint.store.store import IN_CHUNK, Store, chunked, reading

__all__ = [
    "EventFilter",
    "list_documents",
    "get_document",
    "list_events",
    "timeline",
    "iter_export_records",
    "list_rejections",
    "stats",
]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

documents, events, sources = schema.documents, schema.events, schema.sources


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Every field left ``None`` matches everything.

    ``actor`` is a case-insensitive substring of the source's or target's text or name;
    ``country`` an ISO 3166-1 alpha-3 code (or ``IGO``/``UNK``) of the source or the target.
    """

    since: str | None = None
    until: str | None = None
    event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    doc_id: str | None = None
    status: str | None = None
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _DATE.fullmatch(value):
                raise ConfigError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must not be negative, got {self.limit}")
        if self.offset < 0:
            raise ConfigError(f"offset must not be negative, got {self.offset}")
        if self.status is not None:
            statuses_of(self.status)


#: ``--status asserted`` means what the spec calls asserted: reported as having happened, or claimed.
STATUS_GROUPS = {"asserted": ("actual", "claimed")}
STATUSES = ("actual", "claimed", "threatened", "hypothetical", "negated")


def statuses_of(value: str) -> tuple[str, ...]:
    """``"asserted"`` or a comma-separated list of statuses, checked against the spec's five."""
    out: list[str] = []
    for part in (p.strip().lower() for p in value.split(",") if p.strip()):
        if part not in STATUS_GROUPS and part not in STATUSES:
            choices = ", ".join((*STATUSES, *STATUS_GROUPS))
            raise ConfigError(f"unknown status {part!r}; choose from {choices}")
        out.extend(STATUS_GROUPS.get(part, (part,)))
    return tuple(out)


# -- documents ---------------------------------------------------------------------------------


def list_documents(
    target: Store | Connection, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored documents in ingest order, with their near-duplicate group and event count."""
    group_sizes = (
        select(documents.c.group_id, func.count().label("n_reports"))
        .group_by(documents.c.group_id)
        .subquery()
    )
    event_counts = (
        select(events.c.doc_id, func.count().label("n_events")).group_by(events.c.doc_id).subquery()
    )
    query = (
        select(
            *_document_summary_columns(),
            group_sizes.c.n_reports,
            func.coalesce(event_counts.c.n_events, 0).label("n_events"),
        )
        .join(group_sizes, group_sizes.c.group_id == documents.c.group_id)
        .outerjoin(event_counts, event_counts.c.doc_id == documents.c.doc_id)
        .order_by(documents.c.seq)
        .limit(limit)
        .offset(offset)
    )
    with reading(target) as conn:
        return [_with_canonical(dict(row._mapping)) for row in conn.execute(query)]


def get_document(target: Store | Connection, doc_id: str) -> dict[str, Any] | None:
    """One document in full (texts, offset map, sources, group, events), or ``None``."""
    with reading(target) as conn:
        row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        if row is None:
            return None
        doc = _with_canonical(dict(row._mapping))
        doc["offsets"] = [list(run) for run in OffsetMap.from_json(doc["offsets"]).runs]
        doc["sources"] = [
            dict(r._mapping)
            for r in conn.execute(
                select(sources.c.raw_hash, sources.c.origin, sources.c.locator)
                .where(sources.c.doc_id == doc_id)
                .order_by(sources.c.origin, sources.c.locator, sources.c.raw_hash)
            )
        ]
        doc["group"] = _group_members(conn, [doc["group_id"]])[doc["group_id"]]
        doc["n_reports"] = len(doc["group"])
        doc["events"] = list(_records(conn, EventFilter(doc_id=doc_id), _document_order()))
        return doc


# -- events ------------------------------------------------------------------------------------


def list_events(target: Store | Connection, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events matching ``flt`` in document order, as exported records (spec shape)."""
    with reading(target) as conn:
        return list(_records(conn, flt or EventFilter(), _document_order()))


def timeline(target: Store | Connection, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events matching ``flt`` by date (a less precise date first), then document order;
    undated events last."""
    order = [case((events.c.date.is_(None), 1), else_=0), events.c.date, *_document_order()]
    with reading(target) as conn:
        return list(_records(conn, flt or EventFilter(), order))


def iter_export_records(
    target: Store | Connection, flt: EventFilter | None = None
) -> Iterator[dict[str, Any]]:
    """Exported-event records (``shared/spec/event-record.md``, keys in ``Event.to_record``
    order), streamed in document order. ``mentions``/``doc_ids`` count every report of the
    event's near-duplicate group: a canonical copy's events stand for the whole group."""
    with reading(target) as conn:
        yield from _records(conn, flt or EventFilter(), _document_order())


# -- rejections and statistics -----------------------------------------------------------------


def list_rejections(
    target: Store | Connection, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Rejected input items in the order they were recorded."""
    table = schema.rejections
    query = (
        select(table.c.rejection_id, table.c.origin, table.c.locator, table.c.kind, table.c.reason)
        .order_by(table.c.seq)
        .limit(limit)
        .offset(offset)
    )
    with reading(target) as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def stats(target: Store | Connection) -> dict[str, Any]:
    """Counts for ``flashpoint stats``: documents and groups, events, rejections, runs."""
    canonical = documents.c.group_id == documents.c.doc_id
    with reading(target) as conn:
        n_docs, n_canonical, n_groups = conn.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((canonical, 1), else_=0)), 0),
                func.count(distinct(documents.c.group_id)),
            ).select_from(documents)
        ).one()
        group_sizes = (
            select(func.count().label("n"))
            .select_from(documents)
            .group_by(documents.c.group_id)
            .subquery()
        )
        n_dup_groups = conn.scalar(select(func.count()).where(group_sizes.c.n > 1))
        by_type = _count_by(conn, events.c.event_type)
        by_status = _count_by(conn, events.c.status)
        by_kind = _count_by(conn, schema.rejections.c.kind)
        runs = schema.runs
        last = conn.execute(select(runs).order_by(runs.c.run_id.desc()).limit(1)).first()
        return {
            "documents": int(n_docs),
            "canonical_documents": int(n_canonical),
            "duplicates": int(n_docs) - int(n_canonical),
            "groups": int(n_groups),
            "duplicate_groups": int(n_dup_groups or 0),
            "sources": int(conn.scalar(select(func.count()).select_from(sources)) or 0),
            "events": sum(by_type.values()),
            "events_by_type": by_type,
            "events_by_status": by_status,
            "rejections": sum(by_kind.values()),
            "rejections_by_kind": by_kind,
            "runs": int(conn.scalar(select(func.count()).select_from(runs)) or 0),
            "last_run": _run_dict(last._mapping) if last is not None else None,
        }


# -- internals ---------------------------------------------------------------------------------




def _document_summary_columns() -> list[Any]:
    skip = {"text", "raw_text", "offsets"}
    return [c for c in documents.c if c.name not in skip]


def _with_canonical(doc: dict[str, Any]) -> dict[str, Any]:
    doc["is_canonical"] = doc["group_id"] == doc["doc_id"]
    return doc


def _document_order() -> list[Any]:
    return [documents.c.seq, events.c.char_start, events.c.trigger_start, events.c.event_id]


def _filtered(query: Select[Any], flt: EventFilter) -> Select[Any]:
    """``query`` (over events joined to documents) narrowed by ``flt``."""
    conditions = []
    if flt.since is not None:
        conditions.append(events.c.date + "-99-99" >= flt.since)
    if flt.until is not None:
        conditions.append(events.c.date <= flt.until + "-99-99"[: 10 - len(flt.until)])
    if flt.event_type is not None:
        conditions.append(events.c.event_type == flt.event_type.upper())
    if flt.status is not None:
        conditions.append(events.c.status.in_(statuses_of(flt.status)))
    if flt.doc_id is not None:
        conditions.append(events.c.doc_id == flt.doc_id)
    if flt.country is not None:
        country = flt.country.upper()
        conditions.append(
            or_(events.c.source_country == country, events.c.target_country == country)
        )
    if flt.actor is not None:
        columns = ("source_text", "source_name", "target_text", "target_name")
        conditions.append(
            or_(*(events.c[name].icontains(flt.actor, autoescape=True) for name in columns))
        )
    query = query.where(and_(*conditions)) if conditions else query
    return query.limit(flt.limit).offset(flt.offset or None)


def _records(conn: Connection, flt: EventFilter, order: list[Any]) -> Iterator[dict[str, Any]]:
    """Events as export records, with their group's reports as ``mentions``/``doc_ids``."""
    query = _filtered(
        select(events, documents.c.group_id)
        .join(documents, documents.c.doc_id == events.c.doc_id)
        .order_by(*order),
        flt,
    )
    groups: dict[str, list[str]] = {}
    result = conn.execute(query.execution_options(yield_per=IN_CHUNK))
    for rows in result.partitions():
        missing = {row.group_id for row in rows} - groups.keys()
        groups.update(_group_members(conn, missing))
        for row in rows:
            members = groups[row.group_id]
            event = replace(_event(row._mapping), mentions=len(members), doc_ids=tuple(members))
            yield event.to_record()


def _group_members(conn: Connection, group_ids: Iterable[str]) -> dict[str, list[str]]:
    """Each group's document ids, in ingest order (the canonical copy first)."""
    members: dict[str, list[str]] = {g: [] for g in group_ids}
    for chunk in chunked(sorted(members), IN_CHUNK):
        rows = conn.execute(
            select(documents.c.group_id, documents.c.doc_id)
            .where(documents.c.group_id.in_(chunk))
            .order_by(documents.c.seq)
        )
        for group_id, doc_id in rows:
            members[group_id].append(doc_id)
    return members


def _event(row: Any) -> Event:
    """The :class:`Event` a stored row was written from."""
    return Event(
        doc_id=row["doc_id"],
        sentence=row["sentence"],
        char_start=row["char_start"],
        char_end=row["char_end"],
        event_type=row["event_type"],
        coder_version=row["coder_version"],
        mode=row["mode"],
        source=_actor(row, "source"),
        target=_actor(row, "target"),
        date=row["date"],
        location=_location(row),
        fatalities=row["fatalities"],
        injuries=row["injuries"],
        status=row["status"],
        attribution=row["attribution"],
        confidence=row["confidence"],
        cameo_root=row["cameo_root"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        trigger=row["trigger"],
        trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"],
        doc_path=row["doc_path"],
        doc_url=row["doc_url"],
    )


def _actor(row: Any, role: str) -> Actor | None:
    if row[f"{role}_text"] is None:
        return None
    return Actor(
        text=row[f"{role}_text"],
        name=row[f"{role}_name"],
        country=row[f"{role}_country"],
        sector=row[f"{role}_sector"],
        id=row[f"{role}_actor_id"],
    )


def _location(row: Any) -> Location | None:
    if row["loc_name"] is None:
        return None
    return Location(
        name=row["loc_name"],
        country=row["loc_country"],
        lat=row["lat"],
        lon=row["lon"],
        precision=row["loc_precision"],
    )


def _count_by(conn: Connection, column: Any) -> dict[str, int]:
    rows = conn.execute(select(column, func.count()).group_by(column).order_by(column))
    return {key: int(n) for key, n in rows}


def _run_dict(row: Any) -> dict[str, Any]:
    return {
        "run_id": row["run_id"],
        "started_at": row["started_at"],
        "finished_at": row["finished_at"],
        "counts": json.loads(row["counts"]) if row["counts"] else None,
    }
