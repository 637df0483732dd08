"""The briefing's two pictures, as PNG bytes: a map of the incidents and watched sites, and a
timeline of daily or weekly incident counts (hostile against the rest).

Figures are drawn on matplotlib's Agg canvas directly (``Figure`` + ``FigureCanvasAgg``), never
through ``pyplot``: no global backend is switched, no window can open, and two briefings drawn
in one process (the web server) share no state.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from flashpoint.analysis.periods import day_of, week_of, weeks_from
from flashpoint.brief.model import Briefing, KeyPoint
from flashpoint.brief.topojson import Country, load_countries

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["map_png", "timeline_png", "map_extent", "timeline_counts", "type_colour", "DEFAULT_EXTENT"]

#: (min_lon, min_lat, max_lon, max_lat) shown when nothing in the briefing has a place: the
#: Middle East, the region the packaged gazetteer and watched sites cover.
DEFAULT_EXTENT = (25.0, 12.0, 63.0, 42.0)
#: Smallest span (degrees) of a fitted map, so one incident still shows its surroundings.
MIN_SPAN_DEG = 6.0
#: Margin around the fitted points, as a share of their span.
MARGIN_SHARE = 0.15
#: A period up to this many days is counted per day; a longer one per ISO week.
DAILY_MAX_DAYS = 62
#: Sites closer than this share of the map's width share one label.
LABEL_MERGE_SHARE = 0.04
KM_PER_DEG_LAT = 111.32
DPI = 110


def map_extent(briefing: Briefing) -> tuple[float, float, float, float]:
    """The incidents' and drawn sites' extent with a margin; :data:`DEFAULT_EXTENT` if none."""
    lons, lats = [], []
    for lon, lat in (_point_of(p) for p in briefing.key_points):
        if lon is not None:
            lons.append(lon)
            lats.append(lat)
    for site in briefing.sites:
        reach = site["radius_km"] / KM_PER_DEG_LAT
        lats += [site["lat"] - reach, site["lat"] + reach]
        lons += [site["lon"] - reach, site["lon"] + reach]
    if not lons:
        return DEFAULT_EXTENT
    return _padded(min(lons), min(lats), max(lons), max(lats))


def _padded(min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> tuple[float, float, float, float]:
    half_w = max(max_lon - min_lon, MIN_SPAN_DEG) * (0.5 + MARGIN_SHARE)
    half_h = max(max_lat - min_lat, MIN_SPAN_DEG) * (0.5 + MARGIN_SHARE)
    mid_lon, mid_lat = (min_lon + max_lon) / 2, (min_lat + max_lat) / 2
    return (max(-180.0, mid_lon - half_w), max(-90.0, mid_lat - half_h),
            min(180.0, mid_lon + half_w), min(90.0, mid_lat + half_h))


def _point_of(point: KeyPoint) -> tuple[float | None, float | None]:
    location = point.incident.get("location") or {}
    if location.get("lat") is None or location.get("lon") is None:
        return None, None
    return float(location["lon"]), float(location["lat"])


def map_png(briefing: Briefing) -> bytes:
    """The map: countries, incidents coloured by event type, watched sites as radius circles."""
    figure, axes = _figure(8.0, 6.0)
    min_lon, min_lat, max_lon, max_lat = map_extent(briefing)
    _draw_countries(axes, (min_lon, min_lat, max_lon, max_lat))
    _draw_sites(axes, briefing.sites, max_lon - min_lon)
    _draw_incidents(axes, briefing.key_points)
    axes.set_xlim(min_lon, max_lon)
    axes.set_ylim(min_lat, max_lat)
    axes.set_aspect(1.0 / max(0.2, math.cos(math.radians((min_lat + max_lat) / 2))))
    axes.set_facecolor("#dfeaf2")
    axes.tick_params(labelsize=7)
    located = sum(1 for p in briefing.key_points if _point_of(p)[0] is not None)
    axes.set_title(f"Incidents with a known place: {located} of {len(briefing.key_points)}", fontsize=9)
    return _png(figure)


def _draw_countries(axes: Axes, extent: tuple[float, float, float, float]) -> None:
    """Each country in view as one compound path, so holes (enclaves, lakes) stay holes."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    min_lon, min_lat, max_lon, max_lat = extent
    for country in load_countries():
        c_min_lon, c_min_lat, c_max_lon, c_max_lat = country.bounds()
        if c_max_lon < min_lon or c_min_lon > max_lon or c_max_lat < min_lat or c_min_lat > max_lat:
            continue
        rings = [Path(ring, closed=True) for polygon in country.polygons for ring in polygon]
        patch = PathPatch(Path.make_compound_path(*rings), facecolor="#f4f1ea",
                          edgecolor="#9a9a9a", linewidth=0.5, zorder=1)
        axes.add_patch(patch)
        _label_country(axes, country, extent)


def _label_country(axes: Axes, country: Country, extent: tuple[float, float, float, float]) -> None:
    """The name at the middle of the country's largest ring, when that lies in view."""
    outline = max((polygon[0] for polygon in country.polygons), key=len)
    lon, lat = (float(v) for v in outline.mean(axis=0))
    if extent[0] < lon < extent[2] and extent[1] < lat < extent[3]:
        axes.annotate(country.name, (lon, lat), ha="center", va="center", fontsize=7,
                      color="#8a8a8a", style="italic", zorder=1.5)


def _draw_sites(axes: Axes, sites: tuple[dict[str, Any], ...], span_deg: float) -> None:
    """Radius circles and markers; the names of sites that sit close together share one label
    (a capital holds an embassy, an airport and a base within a few km)."""
    for site in sites:
        lons, lats = _circle(site["lat"], site["lon"], site["radius_km"])
        axes.plot(lons, lats, color="#7a1f1f", linewidth=1.0, linestyle="--", zorder=2)
        axes.plot([site["lon"]], [site["lat"]], marker="^", color="#7a1f1f", markersize=5, zorder=3)
    for (lon, lat), names in _label_groups(sites, LABEL_MERGE_SHARE * span_deg):
        axes.annotate("\n".join(names), (lon, lat), xytext=(5, 5), textcoords="offset points",
                      fontsize=6.5, color="#7a1f1f", zorder=6,
                      bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75})


def _label_groups(sites: tuple[dict[str, Any], ...], within_deg: float
                  ) -> list[tuple[tuple[float, float], list[str]]]:
    """Sites grouped greedily (north to south) when within ``within_deg`` of a group's first."""
    groups: list[tuple[tuple[float, float], list[str]]] = []
    for site in sorted(sites, key=lambda s: (-s["lat"], s["lon"], s["name"])):
        for (lon, lat), names in groups:
            if abs(site["lon"] - lon) <= within_deg and abs(site["lat"] - lat) <= within_deg:
                names.append(site["name"])
                break
        else:
            groups.append(((site["lon"], site["lat"]), [site["name"]]))
    return groups


def _circle(lat: float, lon: float, radius_km: float, steps: int = 72) -> tuple[list[float], list[float]]:
    """A radius around a point in degrees (equirectangular: longitude shrinks with latitude)."""
    d_lat = radius_km / KM_PER_DEG_LAT
    d_lon = d_lat / max(0.05, math.cos(math.radians(lat)))
    angles = [2 * math.pi * i / steps for i in range(steps + 1)]
    return [lon + d_lon * math.cos(a) for a in angles], [lat + d_lat * math.sin(a) for a in angles]


def _draw_incidents(axes: Axes, points: tuple[KeyPoint, ...]) -> None:
    """Points coloured by event type (one legend entry per type), sized by their reports."""
    by_type: dict[str, list[tuple[float, float, int]]] = {}
    for point in points:
        lon, lat = _point_of(point)
        if lon is not None and lat is not None:
            reports = int(point.incident.get("n_events") or 1)
            by_type.setdefault(point.incident["event_type"], []).append((lon, lat, reports))
    for event_type, rows in sorted(by_type.items()):
        sizes = [18 + 14 * math.sqrt(reports) for _, _, reports in rows]
        axes.scatter([r[0] for r in rows], [r[1] for r in rows], s=sizes, color=type_colour(event_type),
                     edgecolors="#333333", linewidths=0.4, alpha=0.85, label=event_type, zorder=5)
    if by_type:
        axes.legend(loc="lower left", fontsize=7, framealpha=0.85, title="event type", title_fontsize=7)


def type_colour(event_type: str) -> str:
    """The colour the dashboard draws ``event_type`` in (``serve/static/data/event-types.json``,
    the one table of type colours), so a briefing and the dashboard read alike; grey if unknown."""
    return _type_colours().get(event_type, "#777777")


@lru_cache(maxsize=1)
def _type_colours() -> dict[str, str]:
    path = resources.files("flashpoint").joinpath("serve", "static", "data", "event-types.json")
    return {row["type"]: row["colour"] for row in json.loads(path.read_text(encoding="utf-8"))["types"]}


def timeline_counts(briefing: Briefing) -> tuple[list[date], list[int], list[int], str]:
    """Buckets (days, or ISO-week Mondays for a long period) with their hostile and other
    counts, and the bucket's name. Incidents not dated to the day are left out."""
    weekly = (briefing.last - briefing.first).days + 1 > DAILY_MAX_DAYS
    if weekly:
        buckets = weeks_from(briefing.first, briefing.last)
    else:
        buckets = [briefing.first + timedelta(days=i) for i in range((briefing.last - briefing.first).days + 1)]
    hostile: Counter[date] = Counter()
    other: Counter[date] = Counter()
    for point in briefing.key_points:
        day = day_of(point.date)
        if day is None or not briefing.first <= day <= briefing.last:
            continue
        key = week_of(day) if weekly else day
        (hostile if point.hostile else other)[key] += 1
    return buckets, [hostile[b] for b in buckets], [other[b] for b in buckets], "week" if weekly else "day"


def timeline_png(briefing: Briefing) -> bytes:
    """Stacked bars of incidents per day or week: hostile (conflict) below, the rest above."""
    buckets, hostile, other, unit = timeline_counts(briefing)
    figure, axes = _figure(8.0, 3.0)
    width = 6.0 if unit == "week" else 0.85
    axes.bar(buckets, hostile, width=width, color="#b2182b", label="hostile")
    axes.bar(buckets, other, width=width, bottom=hostile, color="#8fa9c4", label="other")
    axes.set_ylabel(f"incidents per {unit}", fontsize=8)
    axes.set_ylim(0, max([h + o for h, o in zip(hostile, other)] + [1]) * 1.15)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.tick_params(labelsize=7)
    axes.legend(fontsize=7, loc="upper left")
    axes.set_xlim(buckets[0] - timedelta(days=4 if unit == "week" else 1),
                  buckets[-1] + timedelta(days=4 if unit == "week" else 1))
    figure.autofmt_xdate()
    return _png(figure)


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, layout="tight")
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
