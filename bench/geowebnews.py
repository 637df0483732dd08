#!/usr/bin/env python3
"""Geoparsing benchmark on GeoWebNews (Gritta et al. 2019): 200 news articles, gold toponyms.

What counts as a toponym to recognise: the eight gold types that carry coordinates --
Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal, Non_Literal_Modifier, Metonymic,
Embedded_Non_Lit. They are the spans the paper's "pragmatic" geotagging counts as toponyms
(literal and metonymic uses, modifiers such as "Russian" and places embedded in names such as
"Jamaica Cancer Society"). Not counted: Literal_Expression / Non_Lit_Expression (common-noun
phrases such as "the country"), Non_Toponym, Demonym ("Mexicans"), Homonym and Language,
which the paper says a geoparser should not return: a prediction that hits one of those is
a false positive.

Reported:

* recognition precision / recall / F1, strict (same character span) and overlap (spans share
  a character);
* geocoding, over gold toponyms with coordinates: accuracy within 161 km (100 miles) and the
  median error, (a) over the gold toponyms we recognised (overlap) and resolved -- the usual
  geocoding figure -- and (b) over all of them, an unrecognised or unresolved toponym counting
  as a miss (error 20,038 km, half the Earth's circumference);
* (c) the resolver alone, given the gold spans (the setting of Mordecai-style "geocoding
  given toponyms" figures);
* how many of the places in (a) and (c) are guesses for names the gazetteer lacks
  (``Place.inferred``: a town named inside the name, a US county's town, or the nearest
  place of the text), and how many of those guesses land within 161 km;
* cost: gazetteer load time and resident memory (VmRSS before/after), spaCy parse time and
  geo time per document.

Split, against tuning to the test: ``--half dev`` keeps the articles at even positions of
GWN.xml (0, 2, 4, ... in file order: 100 articles), ``--half test`` those at odd positions (the
other 100), ``--half all`` (the default) all 200. Look only at dev-half errors when changing
the geoparser (``--errors`` / ``--dump``), and report the test half as the unseen figure.

    .venv/bin/python bench/geowebnews.py [--data DIR] [--half dev|test|all] [--limit N]
                                         [--json] [--errors N] [--dump FILE]

``--dump FILE`` writes one JSON line per counted gold toponym (recognised span, resolved
place, error in km, resolution given the gold span) for error analysis.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from flashpoint.geo import Mention, load_gazetteer, recognize, resolve  # noqa: E402
from flashpoint.nlp import load_nlp  # noqa: E402
from flashpoint.settings import Settings  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "geowebnews"
COUNTED = {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal",
           "Non_Literal_Modifier", "Metonymic", "Embedded_Non_Lit"}
MISS_KM = 20038.0
RADIUS_KM = 161.0


@dataclass(frozen=True)
class Gold:
    text: str
    type: str
    start: int
    end: int
    lat: float | None
    lon: float | None


def main() -> None:
    args = _parse_args()
    articles = _half(_read(args.data / "GWN.xml"), args.half)[: args.limit or None]
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    settings = Settings()
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    gazetteer = load_gazetteer(settings)
    load_s = time.perf_counter() - t0
    gaz_mb = _rss_mb() - rss0
    nlp = load_nlp(settings)
    counts = dict(tp_strict=0, tp_overlap_pred=0, tp_overlap_gold=0, pred=0, gold=0)
    errs_recognised: list[float] = []
    errs_all: list[float] = []
    errs_oracle: list[float] = []
    inferred = {"recognised": [], "gold_spans": []}
    parse_s = geo_s = 0.0
    worst: list[tuple[float, str, str, str]] = []
    for index, (text, golds) in enumerate(articles):
        t1 = time.perf_counter()
        parsed = nlp(text)
        t2 = time.perf_counter()
        mentions = recognize(parsed, gazetteer)
        places = resolve(mentions, text, gazetteer)
        geo_s += time.perf_counter() - t2
        parse_s += t2 - t1
        counted = [g for g in golds if g.type in COUNTED]
        _score_recognition(mentions, counted, golds, counts)
        with_coords = [g for g in counted if g.lat is not None]
        if dump is not None:
            _dump(dump, index, text, counted, golds, mentions, places, gazetteer)
        for gold in with_coords:
            place = next((p for p in places if p.start < gold.end and gold.start < p.end), None)
            if place is None:
                errs_all.append(MISS_KM)
                continue
            err = _km(gold.lat, gold.lon, place.lat, place.lon)  # type: ignore[arg-type]
            if place.inferred:
                inferred["recognised"].append(err)
            errs_recognised.append(err)
            errs_all.append(err)
            if err > RADIUS_KM:
                worst.append((err, gold.text, place.name, place.country or "-"))
        oracle = resolve([_gold_mention(g, gazetteer) for g in with_coords], text, gazetteer)
        by_span = {(p.start, p.end): p for p in oracle}
        for gold in with_coords:
            place = by_span.get((gold.start, gold.end))
            if place is None:
                errs_oracle.append(MISS_KM)
            else:
                err = _km(gold.lat, gold.lon, place.lat, place.lon)  # type: ignore[arg-type]
                errs_oracle.append(err)
                if place.inferred:
                    inferred["gold_spans"].append(err)
    report = _summary(counts, errs_recognised, errs_all, errs_oracle, len(articles),
                      parse_s, geo_s, load_s, gaz_mb, len(gazetteer))
    report["inferred"] = {key: _geo(errs) for key, errs in inferred.items()}
    if dump is not None:
        dump.close()
    report["half"] = args.half
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    if args.errors:
        print(f"\nlargest errors (recognised, > {RADIUS_KM:.0f} km):")
        for err, gold, name, country in sorted(worst, reverse=True)[: args.errors]:
            print(f"  {err:8.0f} km  {gold!r} -> {name} ({country})")


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--half", choices=("dev", "test", "all"), default="all",
                        help="dev: even positions of GWN.xml; test: odd positions")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write per-toponym results as JSON lines (error analysis)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="list the N largest errors")
    return parser.parse_args()


def _read(path: Path) -> list[tuple[str, list[Gold]]]:
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        golds = []
        for top in article.iter("toponym"):
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            golds.append(Gold(
                text=top.findtext("extractedName") or "",
                type=top.findtext("type") or "",
                start=int(top.findtext("start") or 0),
                end=int(top.findtext("end") or 0),
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
            ))
        articles.append((text, golds))
    return articles


def _half(articles: list, half: str) -> list:
    """The dev half (even positions in file order), the test half (odd positions) or all."""
    if half == "dev":
        return articles[0::2]
    if half == "test":
        return articles[1::2]
    return articles


def _dump(handle, index: int, text: str, counted: list[Gold], golds: list[Gold],
          mentions: list[Mention], places: list, gazetteer) -> None:
    """Per gold toponym: what we recognised and where we put it; per false alarm, its span."""
    oracle = {(p.start, p.end): p for p in resolve(
        [_gold_mention(g, gazetteer) for g in counted if g.lat is not None], text, gazetteer)}
    for gold in counted:
        mention = next((m for m in mentions if m.start < gold.end and gold.start < m.end), None)
        place = next((p for p in places if p.start < gold.end and gold.start < p.end), None)
        given = oracle.get((gold.start, gold.end))
        row = {"doc": index, "kind": "gold", "text": gold.text, "type": gold.type,
               "at": [gold.lat, gold.lon],
               "context": text[max(0, gold.start - 60):gold.end + 60].replace("\n", " "),
               "mention": None if mention is None else [mention.text, mention.source],
               "place": None if place is None else [place.name, place.country, place.kind],
               "km": None, "given_km": None,
               "given": None if given is None else [given.name, given.country, given.kind,
                                                    given.lat, given.lon, given.inferred]}
        if gold.lat is not None and place is not None:
            row["km"] = round(_km(gold.lat, gold.lon, place.lat, place.lon))
        if gold.lat is not None and given is not None:
            row["given_km"] = round(_km(gold.lat, gold.lon, given.lat, given.lon))
        handle.write(json.dumps(row) + "\n")
    for mention in mentions:
        if not any(mention.start < g.end and g.start < mention.end for g in counted):
            hit = next((g.type for g in golds
                        if mention.start < g.end and g.start < mention.end), None)
            handle.write(json.dumps({"doc": index, "kind": "false", "text": mention.text,
                                     "source": mention.source, "hit": hit,
                                     "context": text[max(0, mention.start - 60):mention.end + 60]
                                     .replace("\n", " ")}) + "\n")


def _gold_mention(gold: Gold, gazetteer) -> Mention:
    demonym = gazetteer.demonym(gold.text) is not None
    return Mention(gold.text, gold.start, gold.end, "GOLD", demonym=demonym)


def _score_recognition(mentions: list[Mention], counted: list[Gold], golds: list[Gold],
                       counts: dict[str, int]) -> None:
    counts["pred"] += len(mentions)
    counts["gold"] += len(counted)
    spans = {(g.start, g.end) for g in counted}
    counts["tp_strict"] += sum((m.start, m.end) in spans for m in mentions)
    counts["tp_overlap_pred"] += sum(
        any(m.start < g.end and g.start < m.end for g in counted) for m in mentions)
    counts["tp_overlap_gold"] += sum(
        any(m.start < g.end and g.start < m.end for m in mentions) for g in counted)


def _prf(tp_pred: int, tp_gold: int, pred: int, gold: int) -> dict[str, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _geo(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0, "acc@161km": 0.0, "median_km": 0.0}
    return {"n": len(errors),
            "acc@161km": round(sum(e <= RADIUS_KM for e in errors) / len(errors), 3),
            "median_km": round(statistics.median(errors), 1)}


def _summary(counts, errs_recognised, errs_all, errs_oracle, n_docs, parse_s, geo_s, load_s,
             gaz_mb, rows) -> dict:
    return {
        "articles": n_docs,
        "gold_toponyms_counted": counts["gold"],
        "predicted_mentions": counts["pred"],
        "recognition_strict": _prf(counts["tp_strict"], counts["tp_strict"], counts["pred"],
                                   counts["gold"]),
        "recognition_overlap": _prf(counts["tp_overlap_pred"], counts["tp_overlap_gold"],
                                    counts["pred"], counts["gold"]),
        "geocoding_recognised": _geo(errs_recognised),
        "geocoding_all_gold": _geo(errs_all),
        "geocoding_gold_spans": _geo(errs_oracle),
        "cost": {
            "gazetteer_rows": rows,
            "gazetteer_load_s": round(load_s, 2),
            "gazetteer_rss_mb": round(gaz_mb, 1),
            "parse_ms_per_doc": round(1000 * parse_s / max(n_docs, 1), 1),
            "geo_ms_per_doc": round(1000 * geo_s / max(n_docs, 1), 1),
        },
    }


def _print(report: dict) -> None:
    print(f"GeoWebNews: {report['articles']} articles, {report['gold_toponyms_counted']} gold "
          f"toponyms counted, {report['predicted_mentions']} predicted mentions")
    for key in ("recognition_strict", "recognition_overlap"):
        r = report[key]
        print(f"  {key:<24} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    labels = {"geocoding_recognised": "geocoding (recognised)",
              "geocoding_all_gold": "geocoding (all gold)",
              "geocoding_gold_spans": "geocoding (gold spans)"}
    for key, label in labels.items():
        g = report[key]
        print(f"  {label:<24} n {g['n']:5d}  acc@161km {g['acc@161km']:.3f}  "
              f"median {g['median_km']:.1f} km")
    for key, g in report["inferred"].items():
        print(f"  {'inferred (' + key + ')':<24} n {g['n']:5d}  acc@161km {g['acc@161km']:.3f}  "
              f"median {g['median_km']:.1f} km")
    c = report["cost"]
    print(f"  gazetteer: {c['gazetteer_rows']} rows, load {c['gazetteer_load_s']} s, "
          f"+{c['gazetteer_rss_mb']} MB resident")
    print(f"  per document: parse {c['parse_ms_per_doc']} ms, geo {c['geo_ms_per_doc']} ms")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _rss_mb() -> float:
    match = re.search(r"VmRSS:\s+(\d+)", Path("/proc/self/status").read_text())
    return int(match.group(1)) / 1024 if match else 0.0


if __name__ == "__main__":
    main()
