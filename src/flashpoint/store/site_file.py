"""Watched-site records and the facilities file they are seeded from (``data/sites.yaml``).

A :class:`SiteSpec` is one validated site: a point, a radius in km, and the nations whose
forces or missions are present there, each with the dates of its presence (:class:`Presence`).
Both the database functions (:mod:`flashpoint.store.sites`) and the loader of the facilities
file build them, so a bad latitude is refused the same way whether it was typed at the command
line, sent to the web API or written in a YAML file.

The file format is described in ``data/PLACES-SOURCES.md``: a YAML list, one item per site,
with ``id``, ``name``, ``aliases``, ``kind``, ``country``, ``region``, ``lat``, ``lon``,
``radius_km``, ``hosted`` (``{nation, from, to, note}``) and ``sources``. The packaged file is
read once per process, on first use, never at import.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from flashpoint.errors import ConfigError, FlashpointError, ModelError

__all__ = [
    "Presence",
    "SiteSpec",
    "MAX_RADIUS_KM",
    "PACKAGED_SITE_FILE",
    "load_site_file",
    "parse_presence",
    "slug_for",
    "presences_to_json",
]

#: A radius above this is a typo (metres for km) rather than a site: the threat computation
#: counts events within the radius, and beyond a few hundred km that is a region, not a site.
MAX_RADIUS_KM = 1000.0

#: The facilities file inside the package, for messages and ``--file`` defaults.
PACKAGED_SITE_FILE = "flashpoint/data/sites.yaml"

_ISO3 = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_SITE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_KIND = re.compile(r"[a-z][a-z0-9-]{0,31}")
_MAX_NAME = 200
#: Appended to a reduced-precision ISO date, it sorts after every completion of that date.
_LAST_DAY = "-99-99"


@dataclass(frozen=True)
class Presence:
    """A nation's forces or mission at a site from ``start`` to ``end`` (ISO dates, any of
    ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``); ``None`` means undocumented (start) or open (end)."""

    nation: str
    start: str | None = None
    end: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.nation, str) or not _ISO3.fullmatch(self.nation):
            raise ConfigError(f"nation must be an ISO 3166-1 alpha-3 code such as USA, got {self.nation!r}")
        for label, value in (("from", self.start), ("to", self.end)):
            if value is not None and (not isinstance(value, str) or not _DATE.fullmatch(value)):
                raise ConfigError(
                    f"{self.nation} {label} date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
                )
        if self.start is not None and self.end is not None and self.start > self.end + _LAST_DAY:
            raise ConfigError(f"{self.nation} presence ends ({self.end}) before it starts ({self.start})")

    def covers(self, on: str | None) -> bool:
        """Whether the presence may include the date ``on`` (any precision); ``None`` = now,
        which is every presence still open."""
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on + _LAST_DAY) and (
            self.end is None or on <= self.end + _LAST_DAY
        )

    def to_dict(self) -> dict[str, str | None]:
        """The JSON form, keyed as in the facilities file's ``hosted`` entries."""
        return {"nation": self.nation, "from": self.start, "to": self.end, "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Presence:
        unknown = set(data) - {"nation", "from", "to", "note"}
        if unknown:
            raise ConfigError(f"unknown presence fields {sorted(unknown)} (nation, from, to, note)")
        return cls(
            nation=_upper(data.get("nation")),
            start=_date_text(data.get("from")),
            end=_date_text(data.get("to")),
            note=data.get("note"),
        )


def parse_presence(text: str) -> Presence:
    """``USA``, ``USA:2014-11`` or ``USA:2014-11:2021-12`` (an empty part is undocumented/open),
    the command-line form of one presence."""
    parts = [part.strip() for part in text.split(":")]
    if len(parts) > 3:
        raise ConfigError(f"nation must be ISO3[:FROM[:TO]], got {text!r}")
    parts += [""] * (3 - len(parts))
    return Presence(nation=parts[0].upper(), start=parts[1] or None, end=parts[2] or None)


@dataclass(frozen=True)
class SiteSpec:
    """One watched site, validated: what is written to the ``watched_sites`` table."""

    site_id: str
    name: str
    lat: float
    lon: float
    radius_km: float
    kind: str | None = None
    country: str | None = None
    region: str | None = None
    nations: tuple[Presence, ...] = ()
    aliases: tuple[str, ...] = ()
    notes: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.site_id, str) or not _SITE_ID.fullmatch(self.site_id):
            raise ConfigError(f"site id must be a slug of a-z, 0-9 and '-' (at most 64), got {self.site_id!r}")
        if not isinstance(self.name, str) or not self.name.strip() or len(self.name) > _MAX_NAME:
            raise ConfigError(f"site name must be 1 to {_MAX_NAME} characters, got {self.name!r}")
        if "\n" in self.name or self.name != self.name.strip():
            raise ConfigError(f"site name must be one line without outer spaces, got {self.name!r}")
        _check_number("lat", self.lat, -90.0, 90.0)
        _check_number("lon", self.lon, -180.0, 180.0)
        _check_number("radius_km", self.radius_km, 0.0, MAX_RADIUS_KM)
        if self.radius_km <= 0:
            raise ConfigError(f"radius_km must be above 0, got {self.radius_km}")
        if self.kind is not None and not _KIND.fullmatch(self.kind):
            raise ConfigError(f"kind must be a lower-case slug such as airbase, got {self.kind!r}")
        if self.country is not None and not _ISO3.fullmatch(self.country):
            raise ConfigError(f"country must be an ISO 3166-1 alpha-3 code, got {self.country!r}")
        if not all(isinstance(p, Presence) for p in self.nations):
            raise ConfigError("nations must be Presence records")
        if not all(isinstance(a, str) and a.strip() for a in self.aliases):
            raise ConfigError(f"aliases must be non-empty strings, got {list(self.aliases)!r}")

    @classmethod
    def build(
        cls,
        *,
        name: str,
        lat: Any,
        lon: Any,
        radius_km: Any,
        site_id: str | None = None,
        kind: str | None = None,
        country: str | None = None,
        region: str | None = None,
        nations: Iterable[Presence | Mapping[str, Any] | str] = (),
        aliases: Iterable[str] = (),
        notes: str | None = None,
    ) -> SiteSpec:
        """A site from loosely typed values (command line, JSON, YAML): strips and upper-cases
        codes, lower-cases the kind, reads numbers, and derives the id from the name if none."""
        name = name.strip() if isinstance(name, str) else name
        return cls(
            site_id=site_id if site_id is not None else slug_for(str(name or "")),
            name=name,
            lat=_number("lat", lat),
            lon=_number("lon", lon),
            radius_km=_number("radius_km", radius_km),
            kind=kind.strip().lower() if isinstance(kind, str) and kind.strip() else None,
            country=_upper(country) or None,
            region=region or None,
            nations=tuple(_presence(p) for p in nations),
            aliases=tuple(str(a).strip() for a in aliases),
            notes=notes or None,
        )

    def nations_present(self, on: str | None = None) -> list[str]:
        """ISO3 codes present on the date ``on`` (any precision), or now (open presences)."""
        return sorted({p.nation for p in self.nations if p.covers(on)})


def slug_for(name: str) -> str:
    """The id of a site added by name: ``Camp Victory (Baghdad)`` -> ``camp-victory-baghdad``.

    A name with no ASCII letters or digits gets ``site-`` and a hash, so every name has an id.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64].rstrip("-")
    if slug:
        return slug
    from flashpoint.records import stable_hash

    return f"site-{stable_hash(name, length=16)}"


def load_site_file(path: str | Path | None = None) -> list[SiteSpec]:
    """The sites of a facilities file (the packaged ``sites.yaml`` when ``path`` is None).

    Raises :class:`ModelError` for a broken packaged file and :class:`ConfigError` for a broken
    file the user named, with the entry at fault, so a bad entry never seeds half a file.
    """
    if path is None:
        return list(_packaged_sites())
    return _parse_site_file(_read(Path(path), ConfigError), str(path), ConfigError)


@lru_cache(maxsize=1)
def _packaged_sites() -> tuple[SiteSpec, ...]:
    """The packaged file, parsed once per process."""
    try:
        text = resources.files("flashpoint").joinpath("data", "sites.yaml").read_text("utf-8")
    except OSError as exc:
        raise ModelError(f"cannot read {PACKAGED_SITE_FILE}: {exc}") from exc
    return tuple(_parse_site_file(text, PACKAGED_SITE_FILE, ModelError))


def _read(path: Path, error: type[FlashpointError]) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"cannot read sites file {path}: {exc}") from exc


def _parse_site_file(text: str, where: str, error: type[FlashpointError]) -> list[SiteSpec]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(f"{where} is not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise error(f"{where} must be a YAML list of sites, got {type(data).__name__}")
    sites: list[SiteSpec] = []
    seen: dict[str, int] = {}
    for number, entry in enumerate(data, start=1):
        label = f"{where}, entry {number}"
        try:
            site = _site_entry(entry)
        except ConfigError as exc:
            raise error(f"{label}: {exc}") from exc
        if site.site_id in seen:
            raise error(f"{label}: id {site.site_id!r} repeats entry {seen[site.site_id]}")
        seen[site.site_id] = number
        sites.append(site)
    return sites


_FILE_FIELDS = {"id", "name", "aliases", "kind", "country", "region", "lat", "lon", "radius_km",
                "hosted", "sources"}


def _site_entry(entry: Any) -> SiteSpec:
    if not isinstance(entry, Mapping):
        raise ConfigError(f"a site must be a mapping, got {type(entry).__name__}")
    missing = {"id", "name", "lat", "lon", "radius_km"} - set(entry)
    if missing:
        raise ConfigError(f"missing fields {sorted(missing)}")
    unknown = set(entry) - _FILE_FIELDS
    if unknown:
        raise ConfigError(f"unknown fields {sorted(unknown)}")
    for key in ("aliases", "hosted"):
        if not isinstance(entry.get(key) or [], list):
            raise ConfigError(f"{key} must be a list")
    if not isinstance(entry["id"], str):
        raise ConfigError(f"id must be a string, got {entry['id']!r}")
    return SiteSpec.build(
        site_id=entry["id"],
        name=entry["name"],
        lat=entry["lat"],
        lon=entry["lon"],
        radius_km=entry["radius_km"],
        kind=entry.get("kind"),
        country=entry.get("country"),
        region=entry.get("region"),
        nations=entry.get("hosted") or [],
        aliases=entry.get("aliases") or [],
        notes=entry.get("sources"),
    )


def _presence(value: Presence | Mapping[str, Any] | str) -> Presence:
    if isinstance(value, Presence):
        return value
    if isinstance(value, str):
        return parse_presence(value)
    if isinstance(value, Mapping):
        return Presence.from_dict(value)
    raise ConfigError(f"a nation must be ISO3[:FROM[:TO]] or a mapping, got {value!r}")


def _number(name: str, value: Any) -> float:
    """A float from an int, float or numeric string; never from a bool (YAML ``yes``)."""
    if isinstance(value, bool) or value is None:
        raise ConfigError(f"{name} must be a number, got {value!r}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{name} must be a number, got {value!r}") from None


def _check_number(name: str, value: float, low: float, high: float) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(f"{name} must be a finite number, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}, got {value:g}")


def _upper(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def _date_text(value: Any) -> Any:
    """YAML reads an unquoted 2015 as an int and 2020-08-23 as a date: accept both as text."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return value


def presences_to_json(nations: Sequence[Presence]) -> list[dict[str, str | None]]:
    """The JSON list stored in ``watched_sites.nations``."""
    return [p.to_dict() for p in nations]
