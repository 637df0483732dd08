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
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import product
from typing import Any

from sqlalchemy import (
    Connection,
    Join,
    Select,
    and_,
    case,
    column,
    distinct,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.ext.compiler import compiles

from flashpoint.errors import ConfigError
from flashpoint.records import EARTH_RADIUS_KM, Actor, Event, Location, OffsetMap, great_circle_km
from flashpoint.store import schema
from flashpoint.store.store import IN_CHUNK, Store, chunked, reading

__all__ = [
    "EventFilter",
    "is_calendar_date",
    "list_documents",
    "get_document",
    "list_events",
    "timeline",
    "iter_export_records",
    "list_rejections",
    "stats",
    "totals",
    "incident_ids_of",
    "document_summary",
    "search_words",
    "parse_bbox",
    "parse_near",
]

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

documents, events, sources = schema.documents, schema.events, schema.sources


@dataclass(frozen=True)
class EventFilter:
    """Which events to read. Every field left ``None`` matches everything.

    ``actor`` is a case-insensitive substring of the source's or target's text or name;
    ``country`` an ISO 3166-1 alpha-3 code (or ``IGO``/``UNK``) of the source or the target.
    ``bbox`` is ``(minlon, minlat, maxlon, maxlat)`` in degrees (GeoJSON order); ``near`` is
    ``(lat, lon, km)``: events placed within ``km`` of the point by great-circle distance.
    ``q`` keeps events whose sentence holds every word of it (full-text search: stemmed on
    PostgreSQL and on SQLite with FTS5). ``event_ids`` keeps only those events.
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
    bbox: tuple[float, float, float, float] | None = None
    near: tuple[float, float, float] | None = None
    q: str | None = None
    event_ids: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not is_calendar_date(value):
                raise ConfigError(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        if self.limit is not None and self.limit < 0:
            raise ConfigError(f"limit must not be negative, got {self.limit}")
        if self.offset < 0:
            raise ConfigError(f"offset must not be negative, got {self.offset}")
        if self.status is not None:
            statuses_of(self.status)
        if self.bbox is not None:
            _check_bbox(self.bbox)
        if self.near is not None:
            _check_near(self.near)
        if self.q is not None:
            search_words(self.q)


def is_calendar_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` naming a real month and day (not ``2020-13``)."""
    if not _DATE.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


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


def search_words(q: str) -> tuple[str, ...]:
    """The words of a full-text query (letters and digits); quotes and operators are dropped,
    so user input can never be read as FTS5 or tsquery syntax."""
    words = tuple(re.findall(r"\w+", q))
    if not words:
        raise ConfigError(f"q must hold at least one word, got {q!r}")
    return words


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """``"minlon,minlat,maxlon,maxlat"`` (the command line's and the API's form), checked."""
    bbox = _numbers(text, 4, "bbox must be four numbers minlon,minlat,maxlon,maxlat")
    _check_bbox(bbox)  # type: ignore[arg-type]
    return bbox  # type: ignore[return-value]


def parse_near(text: str) -> tuple[float, float, float]:
    """``"LAT,LON,KM"``, checked."""
    near = _numbers(text, 3, "near must be three numbers LAT,LON,KM")
    _check_near(near)  # type: ignore[arg-type]
    return near  # type: ignore[return-value]


def _numbers(text: str, count: int, message: str) -> tuple[float, ...]:
    try:
        numbers = tuple(float(part) for part in text.split(","))
    except ValueError:
        numbers = ()
    if len(numbers) != count or not all(math.isfinite(n) for n in numbers):
        raise ConfigError(f"{message}, got {text!r}")
    return numbers


def _check_bbox(bbox: tuple[float, float, float, float]) -> None:
    """A box that does not cross the antimeridian, corners in range, min before max."""
    if len(bbox) != 4 or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in bbox):
        raise ConfigError(f"bbox must be four numbers minlon,minlat,maxlon,maxlat, got {bbox!r}")
    minlon, minlat, maxlon, maxlat = bbox
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise ConfigError(f"bbox longitudes must lie in [-180, 180], got {minlon}, {maxlon}")
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise ConfigError(f"bbox latitudes must lie in [-90, 90], got {minlat}, {maxlat}")
    if minlon > maxlon or minlat > maxlat:
        raise ConfigError(
            f"bbox must be minlon,minlat,maxlon,maxlat with min <= max, got {bbox!r} "
            "(a box across the antimeridian is two queries)"
        )


def _check_near(near: tuple[float, float, float]) -> None:
    if len(near) != 3 or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in near):
        raise ConfigError(f"near must be three numbers lat,lon,km, got {near!r}")
    lat, lon, km = near
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ConfigError(f"near needs lat in [-90, 90] and lon in [-180, 180], got {lat}, {lon}")
    if km <= 0:
        raise ConfigError(f"near distance must be positive km, got {km}")


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


def totals(target: Store | Connection) -> dict[str, int]:
    """Documents and events stored: two counts, cheap enough for a health check."""
    with reading(target) as conn:
        return {
            "documents": int(conn.scalar(select(func.count()).select_from(documents)) or 0),
            "events": int(conn.scalar(select(func.count()).select_from(events)) or 0),
        }


def incident_ids_of(target: Store | Connection, event_ids: Iterable[str]) -> dict[str, str]:
    """``event_id -> incident_id`` for the given events that analysis has merged (others are
    missing: not asserted, or not analysed yet)."""
    members = schema.incident_events
    out: dict[str, str] = {}
    with reading(target) as conn:
        for chunk in chunked(sorted(set(event_ids)), IN_CHUNK):
            rows = conn.execute(
                select(members.c.event_id, members.c.incident_id).where(
                    members.c.event_id.in_(chunk)
                )
            )
            out.update((event_id, incident_id) for event_id, incident_id in rows)
    return out


def document_summary(target: Store | Connection, doc_id: str) -> dict[str, Any] | None:
    """One document's metadata (as in :func:`list_documents`, without texts), or ``None``."""
    with reading(target) as conn:
        row = conn.execute(
            select(*_document_summary_columns()).where(documents.c.doc_id == doc_id)
        ).first()
        return None if row is None else _with_canonical(dict(row._mapping))


# -- internals ---------------------------------------------------------------------------------




def _document_summary_columns() -> list[Any]:
    skip = {"text", "raw_text", "offsets"}
    return [c for c in documents.c if c.name not in skip]


def _with_canonical(doc: dict[str, Any]) -> dict[str, Any]:
    doc["is_canonical"] = doc["group_id"] == doc["doc_id"]
    return doc


def _document_order() -> list[Any]:
    return [documents.c.seq, events.c.char_start, events.c.trigger_start, events.c.event_id]


def _filtered(conn: Connection, query: Select[Any], flt: EventFilter) -> Select[Any]:
    """``query`` (over events joined to documents) narrowed by ``flt``."""
    conditions = [*_basic_conditions(flt), *_search_conditions(conn, flt)]
    query = query.where(and_(*conditions)) if conditions else query
    return query.limit(flt.limit).offset(flt.offset or None)


def _basic_conditions(flt: EventFilter) -> list[Any]:
    """Conditions on the event's own columns: dates, type, status, document, countries."""
    conditions = []
    if flt.since is not None:
        conditions.append(events.c.date + "-99-99" >= flt.since)
        conditions.append(events.c.date >= flt.since[:4])  # implied; lets an index find the start
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
    if flt.event_ids is not None:
        conditions.append(events.c.event_id.in_(flt.event_ids))
    return conditions


def _search_conditions(conn: Connection, flt: EventFilter) -> list[Any]:
    """Box, the box around ``near`` (exact distance is checked after, see :func:`_near_ids`),
    full-text search and actors: one condition each."""
    conditions = []
    if flt.actor is not None:
        conditions.append(_actor_match(conn, flt.actor))
    if flt.bbox is not None:
        minlon, minlat, maxlon, maxlat = flt.bbox
        conditions.append(
            and_(events.c.lat.between(minlat, maxlat), events.c.lon.between(minlon, maxlon))
        )
    if flt.near is not None:
        conditions.append(and_(*_near_box(*flt.near)))
    if flt.q is not None:
        conditions.append(_text_match(conn, search_words(flt.q)))
    return conditions


def _near_box(lat: float, lon: float, km: float) -> list[Any]:
    """Latitude/longitude ranges holding every point within ``km`` of ``(lat, lon)``.

    The bounding box of a spherical cap (Matuschek, "Finding points within a distance of a
    latitude/longitude"): it lets the ``(lat, lon)`` index narrow the candidates before the
    exact great-circle test. Near a pole or across the antimeridian any longitude may be in.
    """
    radius = km / EARTH_RADIUS_KM
    lat_min, lat_max = lat - math.degrees(radius), lat + math.degrees(radius)
    conditions = [events.c.lat.between(max(lat_min, -90.0), min(lat_max, 90.0))]
    if lat_min > -90 and lat_max < 90:
        dlon = math.degrees(math.asin(min(1.0, math.sin(radius) / math.cos(math.radians(lat)))))
        if -180 <= lon - dlon and lon + dlon <= 180:
            return [*conditions, events.c.lon.between(lon - dlon, lon + dlon)]
    return [*conditions, events.c.lon.is_not(None)]


def _text_match(conn: Connection, words: tuple[str, ...]) -> Any:
    """Sentence holds every word: PostgreSQL full text (the GIN index of revision 0005), SQLite
    FTS5 (the ``events_fts`` table of revision 0005) or, where SQLite lacks FTS5, ``LIKE``."""
    if conn.dialect.name == "postgresql":
        english = literal_column("'english'")  # a literal, so the expression matches the index
        vector = func.to_tsvector(english, events.c.sentence)
        return vector.op("@@")(func.plainto_tsquery(english, " ".join(words)))
    if _has_fts(conn, "events_fts"):
        return _fts_hits("events_fts", " ".join(f'"{word}"' for word in words))
    return and_(*(events.c.sentence.icontains(word, autoescape=True) for word in words))


def _actor_match(conn: Connection, actor: str) -> Any:
    """``actor`` is a case-insensitive substring of the source's or target's text or name:
    SQLite's trigram index (revision 0005) finds it for three characters or more; otherwise,
    and on PostgreSQL, ``LIKE``."""
    if len(actor) >= 3 and conn.dialect.name == "sqlite" and _has_fts(conn, "events_actor_fts"):
        return _fts_hits("events_actor_fts", '"' + actor.replace('"', '""') + '"')
    columns = ("source_text", "source_name", "target_text", "target_name")
    return or_(*(events.c[name].icontains(actor, autoescape=True) for name in columns))


def _fts_hits(name: str, query: str) -> Any:
    """Events whose row the FTS5 table ``name`` matches with ``query`` (FTS5 syntax, quoted)."""
    fts = table(name, column("rowid"), column(name))
    hits = select(fts.c.rowid).where(fts.c[name].op("MATCH")(query))
    return literal_column("events.rowid").in_(hits)


def _has_fts(conn: Connection, name: str) -> bool:
    """Whether this SQLite database has the FTS5 table ``name`` (revision 0005 skips it where
    SQLite cannot build it)."""
    found = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": name}
    ).first()
    return found is not None


def _records(conn: Connection, flt: EventFilter, order: list[Any]) -> Iterator[dict[str, Any]]:
    """Events as export records, with their group's reports as ``mentions``/``doc_ids``.

    A page (``limit``) is found first as ids, by the cheapest plan (:func:`_page_ids`), then
    read whole: sorting or skipping only ids keeps whole rows (sentences, the documents' texts)
    out of the work. With ``near``, the ids are those within the distance (:func:`_near_ids`),
    so paging counts exact matches only. Without a limit (export), rows stream as read."""
    if flt.near is not None:
        ids = _near_ids(conn, flt, order)
    elif flt.limit is not None and flt.event_ids is None:
        ids = _page_ids(conn, flt, order)
    else:
        yield from _read_records(conn, flt, order)
        return
    for chunk in chunked(ids, IN_CHUNK):
        yield from _read_records(conn, EventFilter(event_ids=tuple(chunk)), order)


def _read_records(conn: Connection, flt: EventFilter, order: list[Any]) -> Iterator[dict[str, Any]]:
    query = _filtered(
        conn,
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


def _near_ids(conn: Connection, flt: EventFilter, order: list[Any]) -> list[str]:
    """Ids, in ``order``, of the events matching ``flt`` whose place lies within ``near``
    (great-circle distance, the one every stage uses), cut to ``flt``'s page."""
    assert flt.near is not None
    lat, lon, km = flt.near
    query = _filtered(
        conn,
        select(events.c.event_id, events.c.lat, events.c.lon)
        .select_from(_events_and_documents(conn, flt, order))
        .order_by(*order),
        replace(flt, limit=None, offset=0),
    )
    wanted = None if flt.limit is None else flt.offset + flt.limit
    ids: list[str] = []
    result = conn.execute(query.execution_options(yield_per=IN_CHUNK))
    try:
        for event_id, ev_lat, ev_lon in result:
            if great_circle_km(lat, lon, ev_lat, ev_lon) <= km:
                ids.append(event_id)
                if wanted is not None and len(ids) >= wanted:
                    break
    finally:
        result.close()
    return ids[flt.offset :]


def _page_ids(conn: Connection, flt: EventFilter, order: list[Any]) -> list[str]:
    """The ids of one page of events matching ``flt``, in ``order``."""
    query = (
        select(events.c.event_id)
        .select_from(_events_and_documents(conn, flt, order))
        .order_by(*order)
    )
    return list(conn.scalars(_filtered(conn, query, flt)))


# -- choosing how to read a page (SQLite) -------------------------------------------------------
# A page in document order can be read two ways: walk the documents in ingest order and their
# events through the (doc_id, char_start, ...) index until the page is full, or read every match
# of one filter through its index and sort them. Walking costs what it passes, so it wins when
# matches are many (no filter, a year, a common type); sorting costs what it reads, so it wins
# when one filter is narrow (a small box, a rare word). SQLite's planner, without statistics,
# takes any indexed filter (often the broadest) and sorts, which on a million events costs
# seconds; so the choice is made here. Each indexed filter's matches are counted through its
# index up to a cap (milliseconds). Sorting reads the smallest count; a walk must pass about
# page / (product of the filters' shares) events. The plan is then fixed with CROSS JOIN, whose
# loop order SQLite keeps: documents before events to walk, the narrowest filter's matches
# before events to sort. PostgreSQL's planner makes this choice itself from its statistics.

#: How far a filter's matches are counted: at or above it, sorting them is never chosen.
PROBE_CAP = 20_000
#: What walking past one event costs, relative to reading and sorting one through an index
#: (measured on the million-event bench database: about 1.3 against 5 microseconds).
WALK_COST = 0.3


class _InOrder(Join):
    """A join SQLite loops in the written order (``CROSS JOIN``); elsewhere a plain join."""

    inherit_cache = True


@compiles(_InOrder, "sqlite")
def _cross_join(join: _InOrder, compiler: Any, from_linter: Any = None, **kw: Any) -> str:
    """As SQLAlchemy's own ``visit_join``, with ``CROSS JOIN`` for ``JOIN``."""
    kw.pop("asfrom", None)
    if from_linter is not None:  # the sides are joined: no cartesian-product warning
        from_linter.edges.update(product(join.left._from_objects, join.right._from_objects))
    left, right = (
        side._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
        for side in (join.left, join.right)
    )
    on = join.onclause._compiler_dispatch(compiler, from_linter=from_linter, **kw)
    return f"{left} CROSS JOIN {right} ON {on}"


@compiles(_InOrder)
def _plain_join(join: _InOrder, compiler: Any, **kw: Any) -> str:
    return str(compiler.visit_join(join, **kw))


def _events_and_documents(conn: Connection, flt: EventFilter, order: list[Any]) -> Join:
    """The FROM of a page query: events and their documents, in the loop order that reads the
    fewest rows (see above)."""
    on = documents.c.doc_id == events.c.doc_id
    if not _plan_here(conn, flt, order):
        return events.join(documents, on)
    driver = _driver(conn, flt)
    if driver is None:
        return _InOrder(documents, events, on)
    rowid = literal_column("events.rowid")
    found = select(rowid.label("rid")).select_from(events).where(driver).subquery("driver")
    return _InOrder(_InOrder(found, events, rowid == found.c.rid), documents, on)


def _plan_here(conn: Connection, flt: EventFilter, order: list[Any]) -> bool:
    """Whether the plan is chosen here: a page, in document order, on SQLite, not of a few
    named events (those are read through their own index)."""
    return (
        conn.dialect.name == "sqlite"
        and flt.limit is not None
        and order[0] is documents.c.seq
        and flt.doc_id is None
        and flt.event_ids is None
    )


def _driver(conn: Connection, flt: EventFilter) -> Any | None:
    """The filter whose matches to read and sort, when that reads fewer events than a walk;
    ``None``: walk."""
    counted = [(or_(*probe), _capped_count(conn, probe)) for probe in _probes(conn, flt)]
    if not counted:
        return None
    condition, fewest = min(counted, key=lambda pair: pair[1])
    if fewest >= PROBE_CAP:
        return None
    # the largest rowid: as good as a count here, and read from the table's b-tree at once
    last_rowid = select(func.max(literal_column("events.rowid"))).select_from(events)
    stored = max(int(conn.scalar(last_rowid) or 0), 1)
    share = math.prod(min(1.0, max(count, 1) / stored) for _, count in counted)
    walked = (flt.offset + flt.limit + 1) / share  # type: ignore[operator]
    return condition if walked * WALK_COST > fewest else None


def _probes(conn: Connection, flt: EventFilter) -> list[list[Any]]:
    """Each filter an index can count, as alternatives whose matches add up (a country is the
    source's or the target's)."""
    probes: list[list[Any]] = []
    if flt.event_type is not None:
        probes.append([events.c.event_type == flt.event_type.upper()])
    if flt.country is not None:
        country = flt.country.upper()
        probes.append([events.c.source_country == country, events.c.target_country == country])
    if flt.status is not None:
        probes.append([events.c.status.in_(statuses_of(flt.status))])
    dated = _basic_conditions(EventFilter(since=flt.since, until=flt.until))
    if dated:
        probes.append([and_(*(c for c in dated if _sargable_date(c)))])
    probes += [[condition] for condition in _search_conditions(conn, flt)]
    return probes


def _sargable_date(condition: Any) -> bool:
    """The date bounds an index can use: ``date >= year``, ``date <= last day``."""
    return getattr(condition, "left", None) is events.c.date


def _capped_count(conn: Connection, alternatives: list[Any]) -> int:
    """Events matching any of ``alternatives`` (added up), counted up to :data:`PROBE_CAP`."""
    total = 0
    for condition in alternatives:
        matches = select(literal_column("1")).select_from(events).where(condition)
        capped = matches.limit(PROBE_CAP - total).subquery()
        total += int(conn.scalar(select(func.count()).select_from(capped)) or 0)
        if total >= PROBE_CAP:
            break
    return total


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
