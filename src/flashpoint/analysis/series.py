"""Which series an incident is counted in: its dyad, its region, or the one series ``all``.

Weekly indices and surge alerts count incidents per *series*; this module is the one place that
says what a series is, so the index and the alerts always agree.

* ``by="dyad"``: ``"SRC→TGT"``, the source and target actors' countries (``UNK`` for an unknown
  side; an incident with both sides unknown is in no dyad). **Sponsor-aware dyads** are a second
  level: each side is replaced by its state backer when the actor knowledge base names one
  (``source_sponsor``/``target_sponsor``, e.g. Kata'ib Hezbollah, an Iraqi militia backed by
  Iran, counts as ``IRN``), giving ``"IRN→USA (sponsors)"``: Iran's own acts against the United
  States *and* those of the groups it backs. Such a series exists only where at least one
  incident involves a backed group; it then holds every incident of that sponsor pair, direct
  ones included, while the country-level ``"IRQ→USA"`` keeps counting the militia's acts.
* ``by="region"``: the incident's place's country (``"IRQ"``) and, when it can be derived, its
  first-level region (``"IRQ/Anbar"``) as a second level. The region is the place itself when
  the place is a region of ``data/regions.yaml`` (by name or alias; other region-precision
  places, such as a strait, a sea or a US state, get the country series only). For a city or a
  site it is the region of ``data/regions.yaml`` (same country) whose bounding box holds the
  point, the one with the nearest centre when the rounded-outward boxes overlap (Iraq's
  Kurdistan Region, an ``autonomous-region`` spanning three governorates, is not a candidate:
  the governorate is the first-level unit). Places at country precision, and points in no box
  (countries the file does not cover), get the country series only.
* ``by="all"``: every incident in one series, ``"all"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from flashpoint.analysis.model import Incident
from flashpoint.errors import ConfigError, ModelError
from flashpoint.records import great_circle_km

__all__ = ["BY_CHOICES", "SeriesKey", "series_keys", "region_of", "check_by"]

BY_CHOICES = ("dyad", "region", "all")

#: Codes that say "we do not know who": such a side is written UNK.
_UNKNOWN = {"", "UNK"}
_SPONSOR_SUFFIX = " (sponsors)"


@dataclass(frozen=True, order=True)
class SeriesKey:
    """A series name and its level: ``country`` or ``sponsor`` (dyads), ``country`` or
    ``region`` (regions), ``all``."""

    series: str
    level: str


@dataclass(frozen=True)
class _Region:
    name: str
    country: str
    lat: float
    lon: float
    bbox: tuple[float, float, float, float]  # min_lat, min_lon, max_lat, max_lon
    umbrella: bool  # spans several first-level units (kind autonomous-region)
    names: frozenset[str]  # casefolded name and aliases


def check_by(by: str) -> str:
    """``by`` itself, or a :class:`ConfigError` naming the choices."""
    if by not in BY_CHOICES:
        raise ConfigError(f"by must be one of {', '.join(BY_CHOICES)}, got {by!r}")
    return by


def series_keys(incidents: Sequence[Incident], by: str) -> dict[str, tuple[SeriesKey, ...]]:
    """Each incident's series (by id); an empty tuple when it belongs to none (both dyad
    sides unknown, or no place country)."""
    check_by(by)
    if by == "all":
        return {i.incident_id: (SeriesKey("all", "all"),) for i in incidents}
    if by == "region":
        return {i.incident_id: _region_keys(i) for i in incidents}
    return _dyad_keys(incidents)


def _code(country: str | None) -> str:
    code = (country or "").strip().upper()
    return "UNK" if code in _UNKNOWN else code


def _dyad_keys(incidents: Sequence[Incident]) -> dict[str, tuple[SeriesKey, ...]]:
    """Country dyads, plus the sponsor dyads of the sponsor pairs some backed group takes part in
    (two passes: which sponsor pairs exist depends on all incidents)."""
    sponsored = {_sponsor_pair(i) for i in incidents if _has_backed_side(i)}
    out: dict[str, tuple[SeriesKey, ...]] = {}
    for incident in incidents:
        keys: list[SeriesKey] = []
        pair = (_code(incident.source_country), _code(incident.target_country))
        if pair != ("UNK", "UNK"):
            keys.append(SeriesKey(f"{pair[0]}→{pair[1]}", "country"))
        backed = _sponsor_pair(incident)
        if backed in sponsored and backed != ("UNK", "UNK"):
            keys.append(SeriesKey(f"{backed[0]}→{backed[1]}{_SPONSOR_SUFFIX}", "sponsor"))
        out[incident.incident_id] = tuple(keys)
    return out


def _sponsor_pair(incident: Incident) -> tuple[str, str]:
    return (_code(incident.source_sponsor or incident.source_country),
            _code(incident.target_sponsor or incident.target_country))


def _has_backed_side(incident: Incident) -> bool:
    return any(
        sponsor and _code(sponsor) != _code(country)
        for sponsor, country in ((incident.source_sponsor, incident.source_country),
                                 (incident.target_sponsor, incident.target_country))
    )


def _region_keys(incident: Incident) -> tuple[SeriesKey, ...]:
    country = _code(incident.loc_country)
    if country == "UNK":
        return ()
    keys = [SeriesKey(country, "country")]
    region = region_of(incident)
    if region is not None:
        keys.append(SeriesKey(f"{country}/{region}", "region"))
    return tuple(keys)


def region_of(incident: Incident) -> str | None:
    """The first-level region of the incident's place, as the module docstring says, or None."""
    country = _code(incident.loc_country)
    precision = incident.loc_precision
    if precision == "region" and incident.loc_name:
        wanted = incident.loc_name.casefold()
        return next((r.name for r in _regions_of(country) if wanted in r.names), None)
    if precision in ("country", "region") or incident.lat is None or incident.lon is None:
        return None
    return _region_at(country, incident.lat, incident.lon)


def _region_at(country: str, lat: float, lon: float) -> str | None:
    holding = [r for r in _regions_of(country) if not r.umbrella
               and r.bbox[0] <= lat <= r.bbox[2] and r.bbox[1] <= lon <= r.bbox[3]]
    if not holding:
        return None
    return min(holding, key=lambda r: (great_circle_km(lat, lon, r.lat, r.lon), r.name)).name


def _regions_of(country: str) -> Iterable[_Region]:
    return (r for r in _load_regions() if r.country == country)


@lru_cache(maxsize=1)
def _load_regions() -> tuple[_Region, ...]:
    """The first-level regions of the packaged ``regions.yaml``, read once on first use."""
    try:
        text = resources.files("flashpoint.data").joinpath("regions.yaml").read_text(encoding="utf-8")
        records = yaml.safe_load(text)["regions"]
        return tuple(
            _Region(name=r["name"], country=r["country"], lat=float(r["lat"]), lon=float(r["lon"]),
                    bbox=tuple(float(v) for v in r["bbox"]),  # type: ignore[arg-type]
                    umbrella=r.get("kind") == "autonomous-region",
                    names=frozenset(n.casefold() for n in [r["name"], *r.get("aliases", [])]))
            for r in records
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"cannot read the packaged regions.yaml: {exc}") from exc
