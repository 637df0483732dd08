"""Country outlines for the briefing map, decoded from the vendored Natural Earth TopoJSON.

TopoJSON stores each shared border once as an *arc*: a list of quantized points where every
point after the first is a delta from the previous one, turned back into degrees by the
topology's ``transform`` (``scale``, ``translate``). A polygon ring lists arc indices; a
negative index ``~i`` means arc ``i`` walked backwards. Consecutive arcs share their joining
point, so it is dropped from all but the first. Reading it here keeps the map offline and free of
a geo dependency; the file is the same one the dashboard draws.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

__all__ = ["Country", "load_countries", "decode_arcs", "ring_points"]

#: The vendored world-atlas file, relative to the ``flashpoint`` package.
COUNTRIES_FILE = ("serve", "static", "vendor", "countries-50m.json")


@dataclass(frozen=True)
class Country:
    """One country: its name and its polygons, each a list of rings ((n, 2) lon/lat arrays;
    the first ring the outline, the others holes)."""

    name: str
    polygons: tuple[tuple[np.ndarray, ...], ...]

    def bounds(self) -> tuple[float, float, float, float]:
        """``(min_lon, min_lat, max_lon, max_lat)`` of all its rings."""
        points = np.concatenate([ring for polygon in self.polygons for ring in polygon])
        (min_lon, min_lat), (max_lon, max_lat) = points.min(axis=0), points.max(axis=0)
        return float(min_lon), float(min_lat), float(max_lon), float(max_lat)


def decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Every arc of ``topology`` as an (n, 2) array of lon/lat degrees."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.asarray(arc, dtype=float)
        if transform is not None:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def ring_points(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    """One closed ring from its arc indices (``~i`` is arc ``i`` reversed)."""
    parts = []
    for position, index in enumerate(indices):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        parts.append(arc if position == 0 else arc[1:])
    return np.concatenate(parts)


def _polygons(geometry: dict[str, Any], arcs: list[np.ndarray]) -> tuple[tuple[np.ndarray, ...], ...]:
    """A Polygon's or MultiPolygon's rings; other geometry types carry no area to draw."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return ()
    return tuple(tuple(ring_points(arcs, ring) for ring in polygon) for polygon in polygons)


@lru_cache(maxsize=1)
def load_countries() -> tuple[Country, ...]:
    """The countries of the vendored file, decoded once per process (the file is 750 kB)."""
    source = resources.files("flashpoint").joinpath(*COUNTRIES_FILE)
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry, arcs)
        if polygons:
            name = (geometry.get("properties") or {}).get("name") or str(geometry.get("id", ""))
            countries.append(Country(name=name, polygons=polygons))
    return tuple(countries)
