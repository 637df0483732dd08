"""Watched sites: the places whose threat flashpoint follows, read and written for the CLI
(``flashpoint sites``) and the web API alike.

A site is a point, a radius in km and the nations present there with their dates (validated
as a :class:`~flashpoint.store.site_file.SiteSpec`). Sites come from two places:

* **curated** — the packaged facilities file ``data/sites.yaml`` (or another file in the same
  format). The table is seeded from it the first time a ``sites`` command finds the table empty
  (:func:`ensure_seeded`), and again on ``flashpoint sites seed``. Seeding is keyed by site id:
  it adds the sites that are missing and refreshes the curated ones the file now describes
  differently, so a newer package's corrected coordinates arrive with the next seed.
* **user** — added with :func:`add_site`.

A user's decision about a curated site is never undone by seeding: :func:`update_site` (and
``add --replace``) marks it ``edited_at``, :func:`remove_site` keeps it as a tombstone with
``removed_at`` set, and seeding skips both (``restore=True`` puts the file's version back).
Removing a user's own site deletes its row.

Sites are matched by id or by name (case-insensitive); names are unique. Bad values raise
:class:`~flashpoint.errors.ConfigError`, as does naming a site that does not exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from flashpoint.errors import ConfigError
from flashpoint.records import great_circle_km
from flashpoint.store import schema
from flashpoint.store.site_file import (
    Presence,
    SiteSpec,
    load_site_file,
    parse_presence,
    presences_to_json,
    slug_for,
)
from flashpoint.store.store import Store, reading

__all__ = [
    "Presence",
    "SiteSpec",
    "SeedResult",
    "add_site",
    "update_site",
    "remove_site",
    "get_site",
    "list_sites",
    "seed_sites_from_file",
    "ensure_seeded",
    "site_spec",
    "parse_point",
    "parse_presence",
    "slug_for",
]

sites = schema.watched_sites

CURATED, USER = "curated", "user"

#: Mean Earth radius (IUGG), for great-circle distances.

#: Fields a user may change on a site (the id never changes: events and scores refer to it).
EDITABLE = ("name", "lat", "lon", "radius_km", "kind", "country", "region", "nations", "aliases", "notes")


@dataclass(frozen=True)
class SeedResult:
    """What one seeding did, by site id."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()  # curated sites the file now describes differently
    restored: tuple[str, ...] = ()  # edited or removed curated sites put back (restore=True)
    kept: tuple[str, ...] = ()  # curated sites a user edited or removed, left as they are
    unchanged: int = 0
    conflicts: tuple[str, ...] = ()  # file sites whose name another stored site already has

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# -- reads -------------------------------------------------------------------------------------


def list_sites(
    target: Store | Connection,
    *,
    country: str | None = None,
    source: str | None = None,
    nation: str | None = None,
    near: tuple[float, float] | None = None,
    within_km: float | None = None,
    include_removed: bool = False,
) -> list[dict[str, Any]]:
    """Watched sites as JSON-ready dicts, by name; by distance (``distance_km``) when ``near``.

    ``country`` is the site's ISO3 country, ``nation`` an ISO3 code with a presence open now,
    ``within_km`` keeps sites whose centre lies that close to ``near``.
    """
    if within_km is not None and near is None:
        raise ConfigError("within_km needs a point to measure from (near)")
    if source is not None and source not in (CURATED, USER):
        raise ConfigError(f"source must be {CURATED!r} or {USER!r}, got {source!r}")
    query = select(sites).order_by(sites.c.name, sites.c.site_id)
    if not include_removed:
        query = query.where(sites.c.removed_at.is_(None))
    if country:
        query = query.where(sites.c.country == country.strip().upper())
    if source:
        query = query.where(sites.c.source == source)
    with reading(target) as conn:
        rows = [_site_dict(row) for row in conn.execute(query)]
    if nation:
        code = nation.strip().upper()
        rows = [r for r in rows if code in site_spec(r).nations_present()]
    if near is not None:
        lat, lon = _checked_point(*near)
        for row in rows:
            row["distance_km"] = round(great_circle_km(lat, lon, row["lat"], row["lon"]), 3)
        if within_km is not None:
            rows = [r for r in rows if r["distance_km"] <= within_km]
        rows.sort(key=lambda r: (r["distance_km"], r["name"]))
    return rows


def get_site(target: Store | Connection, key: str) -> dict[str, Any] | None:
    """The site whose id or name (case-insensitive) is ``key``, or ``None``."""
    with reading(target) as conn:
        row = _find(conn, key)
        return None if row is None else _site_dict(row)


def site_spec(site: Mapping[str, Any]) -> SiteSpec:
    """The :class:`SiteSpec` of a dict from :func:`list_sites` / :func:`get_site` (for
    ``nations_present`` and the like)."""
    return SiteSpec.build(**{key: site[key] for key in ("site_id", *EDITABLE)})


# -- writes ------------------------------------------------------------------------------------


def add_site(
    store: Store,
    name: str,
    lat: float,
    lon: float,
    radius_km: float,
    *,
    nations: Iterable[Presence | Mapping[str, Any] | str] | None = None,
    kind: str | None = None,
    country: str | None = None,
    region: str | None = None,
    aliases: Iterable[str] | None = None,
    notes: str | None = None,
    replace: bool = False,
) -> dict[str, Any]:
    """Add a site (``source='user'``, id derived from the name); the stored site.

    A site that already has this name, or whose id is ``name`` or the id the name gives, is an
    error unless ``replace``: then the values given replace its own, the ones left ``None`` are
    kept, and so is its name when it was matched by id (a curated site is marked edited). A
    removed curated site matched that way is brought back with the values given.
    """
    spec = SiteSpec.build(
        name=name, lat=lat, lon=lon, radius_km=radius_km, kind=kind, country=country,
        region=region, nations=nations or (), aliases=aliases or (), notes=notes,
    )
    changes = {"name": spec.name, "lat": spec.lat, "lon": spec.lon, "radius_km": spec.radius_km,
               "kind": kind, "country": country, "region": region, "nations": nations,
               "aliases": aliases, "notes": notes}
    with store.write() as conn:
        row = _find(conn, spec.name, include_removed=True) or _find_id(conn, spec.site_id)
        if row is None:
            now = _now()
            conn.execute(sites.insert().values(**_content(spec), source=USER,
                                               created_at=now, updated_at=now))
            return _site_dict(_find_id(conn, spec.site_id))
        if _name_key(row.name) != _name_key(spec.name):  # matched by id: keep its name
            changes["name"] = row.name
        if row.removed_at is not None:
            revived = {**_spec_fields(spec), "site_id": row.site_id, "name": changes["name"]}
            return _rewrite(conn, row, SiteSpec.build(**revived))
        if not replace:
            raise ConfigError(
                f"a site {row.name!r} (id {row.site_id}) already exists: "
                "replace it (--replace) or choose another name"
            )
        return _rewrite(conn, row, _merged(row, changes))


def update_site(store: Store, key: str, **changes: Any) -> dict[str, Any]:
    """Change some fields (:data:`EDITABLE`) of the site whose id or name is ``key``; values
    left ``None`` are kept. The stored site; a curated one is marked edited."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ConfigError(f"cannot change {sorted(unknown)}; editable: {', '.join(EDITABLE)}")
    with store.write() as conn:
        row = _require(conn, key)
        return _rewrite(conn, row, _merged(row, changes))


def remove_site(store: Store, key: str) -> dict[str, Any]:
    """Remove the site whose id or name is ``key``; the site as it was.

    A user's site is deleted; a curated one is kept as a tombstone (``removed_at``) so that
    seeding does not bring it back.
    """
    with store.write() as conn:
        row = _require(conn, key)
        removed = _site_dict(row)
        if row.source == USER:
            conn.execute(delete(sites).where(sites.c.site_id == row.site_id))
        else:
            now = _now()
            conn.execute(update(sites).where(sites.c.site_id == row.site_id)
                         .values(removed_at=now, updated_at=now))
        return removed


def seed_sites_from_file(
    store: Store, path: str | Path | None = None, *, restore: bool = False
) -> SeedResult:
    """Seed the table from a facilities file (the packaged ``sites.yaml`` when ``path`` is None).

    Idempotent and keyed by site id: a second run with the same file changes nothing. Sites a
    user edited or removed are kept as the user left them unless ``restore``. The whole file is
    validated before anything is written, and it is written in one transaction.
    """
    specs = load_site_file(path)
    added: list[str] = []
    updated: list[str] = []
    restored: list[str] = []
    kept: list[str] = []
    conflicts: list[str] = []
    unchanged = 0
    with store.write() as conn:
        stored = {row.site_id: row for row in conn.execute(select(sites))}
        names = {_name_key(row.name): row.site_id for row in stored.values()}
        now = _now()
        for spec in specs:
            row = stored.get(spec.site_id)
            owner = names.get(_name_key(spec.name))
            if owner is not None and owner != spec.site_id:
                conflicts.append(spec.site_id)
            elif row is None:
                conn.execute(sites.insert().values(**_content(spec), source=CURATED,
                                                   created_at=now, updated_at=now))
                names[_name_key(spec.name)] = spec.site_id
                added.append(spec.site_id)
            elif row.source == USER or row.edited_at is not None or row.removed_at is not None:
                if restore:
                    _overwrite(conn, row.site_id, spec, now, source=CURATED)
                    restored.append(spec.site_id)
                else:
                    kept.append(spec.site_id)
            elif _differs(row, spec):
                _overwrite(conn, row.site_id, spec, now, source=CURATED)
                updated.append(spec.site_id)
            else:
                unchanged += 1
    return SeedResult(tuple(added), tuple(updated), tuple(restored), tuple(kept), unchanged,
                      tuple(conflicts))


def ensure_seeded(store: Store, path: str | Path | None = None) -> SeedResult | None:
    """Seed from the facilities file if the table has never held a site; else do nothing.

    Removed curated sites stay as tombstones, so a table a user has emptied is not refilled.
    Two first commands at once both seed, harmlessly: seeding is idempotent under the write lock.
    """
    if _count(store) > 0:
        return None
    return seed_sites_from_file(store, path)


# -- geometry and parsing ----------------------------------------------------------------------


def parse_point(text: str) -> tuple[float, float]:
    """``"33.3,44.4"`` (latitude, longitude in decimal degrees) as a checked pair."""
    parts = text.replace(" ", "").split(",")
    if len(parts) != 2:
        raise ConfigError(f"a point must be LAT,LON in decimal degrees, got {text!r}")
    try:
        lat, lon = float(parts[0]), float(parts[1])
    except ValueError:
        raise ConfigError(f"a point must be LAT,LON in decimal degrees, got {text!r}") from None
    return _checked_point(lat, lon)


# -- internals ---------------------------------------------------------------------------------




def _checked_point(lat: float, lon: float) -> tuple[float, float]:
    """Reuse the site checks so a point is refused with the same words as a site."""
    SiteSpec(site_id="point", name="point", lat=lat, lon=lon, radius_km=1.0)
    return float(lat), float(lon)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _find(conn: Connection, key: str, *, include_removed: bool = False) -> Any:
    """The row whose id is ``key``, else whose name matches it case-insensitively.

    Names are compared in Python (``casefold``): SQLite's ``lower`` folds ASCII only, and the
    table holds hundreds of rows, not millions.
    """
    query = select(sites)
    if not include_removed:
        query = query.where(sites.c.removed_at.is_(None))
    rows = list(conn.execute(query))
    key = key.strip()
    for row in rows:
        if row.site_id == key:
            return row
    wanted = _name_key(key)
    for row in rows:
        if _name_key(row.name) == wanted:
            return row
    return None


def _find_id(conn: Connection, site_id: str) -> Any:
    return conn.execute(select(sites).where(sites.c.site_id == site_id)).first()


def _require(conn: Connection, key: str) -> Any:
    row = _find(conn, key)
    if row is None:
        raise ConfigError(f"no watched site {key!r} (see `flashpoint sites list`)")
    return row


def _count(store: Store) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(sites)) or 0)


def _merged(row: Any, changes: Mapping[str, Any]) -> SiteSpec:
    """The row's site with the non-``None`` ``changes`` applied, validated."""
    current = _site_dict(row)
    fields = {key: current[key] for key in EDITABLE}
    fields.update({key: value for key, value in changes.items() if value is not None})
    return SiteSpec.build(site_id=row.site_id, **fields)


def _rewrite(conn: Connection, row: Any, spec: SiteSpec) -> dict[str, Any]:
    """Store a user's version of an existing site (name kept unique) and return it."""
    other = _find(conn, spec.name, include_removed=True)
    if other is not None and other.site_id != row.site_id:
        raise ConfigError(f"another site (id {other.site_id}) is already called {other.name!r}")
    now = _now()
    _overwrite(conn, row.site_id, spec, now, source=row.source,
               edited_at=now if row.source == CURATED else None)
    return _site_dict(_find_id(conn, row.site_id))


def _overwrite(conn: Connection, site_id: str, spec: SiteSpec, now: str, *, source: str,
               edited_at: str | None = None) -> None:
    values = {**_content(spec), "source": source, "updated_at": now, "edited_at": edited_at,
              "removed_at": None}
    conn.execute(update(sites).where(sites.c.site_id == site_id).values(**values))


def _content(spec: SiteSpec) -> dict[str, Any]:
    """The columns that hold the site itself (everything but bookkeeping)."""
    return {
        "site_id": spec.site_id,
        "name": spec.name,
        "kind": spec.kind,
        "country": spec.country,
        "region": spec.region,
        "lat": spec.lat,
        "lon": spec.lon,
        "radius_km": spec.radius_km,
        "nations": json.dumps(presences_to_json(spec.nations), ensure_ascii=False),
        "aliases": json.dumps(list(spec.aliases), ensure_ascii=False),
        "notes": spec.notes,
    }


def _spec_fields(spec: SiteSpec) -> dict[str, Any]:
    return {key: getattr(spec, key) for key in EDITABLE}


def _differs(row: Any, spec: SiteSpec) -> bool:
    stored = row._mapping
    return any(stored[key] != value for key, value in _content(spec).items())


def _site_dict(row: Any) -> dict[str, Any]:
    site = dict(row._mapping)
    site["nations"] = json.loads(site["nations"])
    site["aliases"] = json.loads(site["aliases"])
    return site


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

