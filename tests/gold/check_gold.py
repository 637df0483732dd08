"""Validate the annotated gold set (``dev.jsonl`` + ``heldout.jsonl`` + ``texts/``) and print its counts.

Pure standard library, so that it runs anywhere the gold files are copied to:

    python tests/gold/check_gold.py            # checks tests/gold next to this file
    python tests/gold/check_gold.py path/to/gold_dir

Exit status 0 when every check passes, 1 otherwise. The checks are the ones that
``flashpoint eval`` silently depends on (see docs: the "Gold record" section of the
event-record spec): a record that breaks them would be scored wrongly rather than rejected,
which is why they are enforced here, on the gold side.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT "
    "THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
STATUSES = frozenset({"actual", "claimed", "threatened", "negated", "negative"})
FIELDS = ("id", "doc", "evidence", "type", "alt_types", "mode", "source", "target",
          "date", "location", "status")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")  # ISO 3166-1 alpha-3, plus IGO / UNK
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MODE_RE = re.compile(r"^[a-z][a-z_-]*$")
EVIDENCE_WORDS = (4, 12)
TEXT_WORDS = (60, 220)
MONTHS = {
    "jan": 1, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
    "jun": 6, "july": 7, "jul": 7, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
}
# "BAGHDAD, Jan. 9, 2020 —" / "ERBIL, Iraq, Feb. 16, 2021 — POLICY BRIEF"
DATELINE_RE = re.compile(r"\b([A-Z][a-z]{2,4})\.? (\d{1,2}), (\d{4}) —")
WORD_RE = re.compile(r"[\w']+", re.UNICODE)  # the tokenisation flashpoint.events.scoring uses
EVIDENCE_SHARE = 0.6  # the scorer's threshold: a sentence "holds" evidence at >= 60% of its words
# Abbreviations after which a full stop does not end a sentence (news style of the texts).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj sgt spc st jan feb aug sept oct nov dec no u.s u.n u.k f.b.i".split()
)


@dataclass
class Report:
    """Errors found and the counts to print; errors are collected, not raised, so one run
    lists every problem in the file instead of stopping at the first."""

    errors: list[str] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def parse_dateline(text: str) -> date | None:
    """Publication date from the first line; relative dates in the text resolve against it."""
    first = text.split("\n", 1)[0]
    match = DATELINE_RE.search(first)
    if match is None:
        return None
    month = MONTHS.get(match.group(1).lower())
    if month is None:
        return None
    return date(int(match.group(3)), month, int(match.group(2)))


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: lines, then full stops that are not abbreviations or initials.

    Crude on purpose (no spaCy here): the texts are written one paragraph per line in plain news
    style, and the split is only used to check that gold evidence is unambiguous.
    """
    sentences: list[str] = []
    for line in text.split("\n")[1:]:
        start = 0
        for match in re.finditer(r"[.!?][\"”']?\s+(?=[\"“A-Z])", line):
            before = line[start:match.start()].split()
            last = before[-1].lower().rstrip(".") if before else ""
            if last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
                continue
            sentences.append(line[start:match.end()].strip())
            start = match.end()
        if line[start:].strip():
            sentences.append(line[start:].strip())
    return sentences


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def share(evidence: str, sentence: str) -> float:
    """Share of the evidence's words the sentence contains, as the scorer computes it."""
    ev = words(evidence)
    present = set(words(sentence))
    return sum(1 for w in ev if w in present) / len(ev) if ev else 0.0


def as_list(value: Any) -> list[Any]:
    """Gold fields accept one value or a list of acceptable values."""
    return value if isinstance(value, list) else [value]


def date_start(value: str) -> date | None:
    """Earliest day an ISO date of any precision can denote (None if malformed)."""
    match = DATE_RE.match(value)
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def check_actor(report: Report, where: str, actor: Any) -> None:
    if actor is None:
        return
    if not isinstance(actor, dict) or set(actor) != {"name", "country"}:
        report.error(where, f"actor must be null or {{name, country}}, got {actor!r}")
        return
    if not isinstance(actor["name"], str) or not actor["name"].strip():
        report.error(where, "actor name must be a non-empty string")
    countries = as_list(actor["country"])
    if not countries or not all(isinstance(c, str) and COUNTRY_RE.match(c) for c in countries):
        report.error(where, f"actor country must be ISO3 / IGO / UNK codes, got {actor['country']!r}")


def check_location(report: Report, where: str, loc: Any) -> None:
    if loc is None:
        return
    if not isinstance(loc, dict):
        report.error(where, "location must be null or an object")
        return
    keys = set(loc)
    point = {"lat", "lon", "radius_km"}
    if keys not in ({"name", "country"}, {"name", "country"} | point):
        report.error(where, f"location keys must be name, country [, lat, lon, radius_km], got {sorted(keys)}")
        return
    if not isinstance(loc["name"], str) or not loc["name"]:
        report.error(where, "location name must be a non-empty string")
    if not isinstance(loc["country"], str) or not COUNTRY_RE.match(loc["country"]):
        report.error(where, f"location country must be an ISO3 code, got {loc['country']!r}")
    if point <= keys:
        lat, lon, radius = loc["lat"], loc["lon"], loc["radius_km"]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon, radius)):
            report.error(where, "lat, lon, radius_km must be numbers")
        elif not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius <= 1000):
            report.error(where, f"coordinates out of range: {lat}, {lon}, r={radius}")


def check_evidence(report: Report, where: str, evidence: Any, text: str | None) -> None:
    items = as_list(evidence)
    if not items or not all(isinstance(e, str) for e in items):
        report.error(where, "evidence must be a string or a non-empty list of strings")
        return
    low, high = EVIDENCE_WORDS
    for item in items:
        words = len(item.split())
        if not low <= words <= high:
            report.error(where, f"evidence has {words} words (want {low}-{high}): {item!r}")
        if text is not None and item not in text:
            report.error(where, f"evidence not found verbatim in text: {item!r}")


def check_dates(report: Report, where: str, value: Any, published: date | None) -> None:
    if value is None:
        return
    items = as_list(value)
    if not items:
        report.error(where, "date list is empty (use null)")
    for item in items:
        start = date_start(item) if isinstance(item, str) else None
        if start is None:
            report.error(where, f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {item!r}")
        elif published is not None and start > published:
            report.error(where, f"date {item} is after the publication date {published}")


def check_record(report: Report, lineno: int, rec: Any, texts: dict[str, str], seen: set[str]) -> None:
    where = f"line {lineno}"
    if not isinstance(rec, dict):
        report.error(where, "not a JSON object")
        return
    missing = [f for f in FIELDS if f not in rec]
    if missing:
        report.error(where, f"missing fields {missing}")
        return
    where = f"line {lineno} ({rec['id']})"
    if not isinstance(rec["id"], str) or rec["id"] in seen:
        report.error(where, "id must be a unique string")
    seen.add(str(rec["id"]))
    doc = rec["doc"]
    text = texts.get(doc) if isinstance(doc, str) else None
    if text is None:
        report.error(where, f"doc {doc!r} not found in texts/")
    check_evidence(report, where, rec["evidence"], text)
    status = rec["status"]
    if status not in STATUSES:
        report.error(where, f"status must be one of {sorted(STATUSES)}, got {status!r}")
    if not isinstance(rec["alt_types"], list) or not all(t in PLOVER_TYPES for t in rec["alt_types"]):
        report.error(where, f"alt_types must be a list of PLOVER types, got {rec['alt_types']!r}")
    if rec["mode"] is not None and not (isinstance(rec["mode"], str) and MODE_RE.match(rec["mode"])):
        report.error(where, f"mode must be lower case or null, got {rec['mode']!r}")
    if status == "negative":
        asserted = {k: rec[k] for k in ("type", "mode", "source", "target", "date", "location") if rec[k] is not None}
        if asserted or rec["alt_types"]:
            report.error(where, f"a negative must have type/mode/actors/date/location null, has {sorted(asserted)}")
        report.records.append(rec)
        return
    if rec["type"] not in PLOVER_TYPES:
        report.error(where, f"type must be a PLOVER type, got {rec['type']!r}")
    elif rec["type"] in rec["alt_types"]:
        report.error(where, "alt_types repeats the type")
    check_actor(report, where + " source", rec["source"])
    check_actor(report, where + " target", rec["target"])
    if rec["source"] is None:
        report.error(where, "an asserted, threatened or negated event needs a source")
    published = parse_dateline(text) if text is not None else None
    check_dates(report, where, rec["date"], published)
    check_location(report, where, rec["location"])
    report.records.append(rec)


def load_texts(report: Report, texts_dir: Path) -> dict[str, str]:
    """Read every text and check its dateline and length (the spec's 60-220 words)."""
    texts: dict[str, str] = {}
    for path in sorted(texts_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts[path.name] = text
        if parse_dateline(text) is None:
            report.error(path.name, "first line is not a dateline like 'BAGHDAD, Jan. 9, 2020 —'")
        body = text.split("\n", 1)[1] if "\n" in text else ""
        words = len(body.split())
        low, high = TEXT_WORDS
        if not low <= words <= high:
            report.error(path.name, f"body has {words} words (want {low}-{high})")
    return texts


def check_sentences(report: Report, texts: dict[str, str]) -> None:
    """Evidence must sit inside one sentence, and a negative must be unambiguous.

    The scorer flags a negative as violated when *any* asserted prediction's sentence holds 60% of
    its evidence words, so a negative whose evidence also fits a neighbouring sentence would punish
    a correct event there; and a negative sharing its sentence with an asserted gold event would
    contradict itself.
    """
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in report.records:
        by_doc.setdefault(rec["doc"], []).append(rec)
    for doc, recs in by_doc.items():
        sentences = split_sentences(texts[doc])
        home: dict[str, int] = {}
        for rec in recs:
            for item in as_list(rec["evidence"]):
                inside = [i for i, sent in enumerate(sentences) if item in sent]
                if len(inside) != 1:
                    report.error(f"{rec['id']}", f"evidence is in {len(inside)} sentences, want 1: {item!r}")
                else:
                    home[rec["id"]] = inside[0]
        asserted_sentences = {home[r["id"]] for r in recs
                              if r["status"] in ("actual", "claimed") and r["id"] in home}
        for rec in recs:
            if rec["status"] != "negative" or rec["id"] not in home:
                continue
            own = home[rec["id"]]
            if own in asserted_sentences:
                report.error(rec["id"], "negative shares its sentence with an asserted gold event")
            for item in as_list(rec["evidence"]):
                for i, sent in enumerate(sentences):
                    if i != own and share(item, sent) >= EVIDENCE_SHARE:
                        report.error(rec["id"], f"negative evidence also fits another sentence: {sent[:70]!r}")


#: The gold set is split by text: g001–g050 are the development part (coder authors may read
#: them), g051–g075 the held-out part (reported, never tuned on).
GOLD_FILES = ("dev.jsonl", "heldout.jsonl")


def _gold_lines(gold_dir: Path) -> list[str]:
    lines: list[str] = []
    for name in GOLD_FILES:
        lines.extend((gold_dir / name).read_text(encoding="utf-8").splitlines())
    return lines


def check(gold_dir: Path) -> Report:
    report = Report()
    texts = load_texts(report, gold_dir / "texts")
    seen: set[str] = set()
    all_docs: list[str] = []
    for lineno, line in enumerate(_gold_lines(gold_dir), start=1):
        if not line.strip():
            report.error(f"line {lineno}", "blank line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            report.error(f"line {lineno}", f"invalid JSON: {exc}")
            continue
        check_record(report, lineno, rec, texts, seen)
        if isinstance(rec, dict):
            all_docs.append(str(rec.get("doc")))
    for name in sorted(set(texts) - set(all_docs)):
        report.error(name, "text has no gold record")
    check_sentences(report, texts)
    return report


def print_counts(report: Report, gold_dir: Path) -> None:
    recs = report.records
    docs = {r["doc"] for r in recs}
    n_texts = len(list((gold_dir / "texts").glob("*.txt")))
    status = Counter(r["status"] for r in recs)
    types = Counter(r["type"] for r in recs if r["type"])
    asserted = [r for r in recs if r["status"] in ("actual", "claimed")]
    print(f"texts: {n_texts}   records: {len(recs)}   docs with records: {len(docs)}")
    print(f"asserted (actual+claimed): {len(asserted)}   "
          f"non-asserted (threatened+negated+negative): {len(recs) - len(asserted)}")
    print("by status: " + ", ".join(f"{k} {v}" for k, v in status.most_common()))
    print("by type:   " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    asserted_types = Counter(r["type"] for r in asserted)
    print("asserted by type: " + ", ".join(f"{k} {v}" for k, v in asserted_types.most_common()))
    with_alt = sum(1 for r in recs if r["alt_types"])
    dated = sum(1 for r in recs if r["date"])
    located = sum(1 for r in recs if r["location"])
    points = sum(1 for r in recs if r["location"] and "lat" in r["location"])
    print(f"with alt_types: {with_alt}   dated: {dated}   located: {located} (points {points})")
    neg_docs = {r["doc"] for r in recs if r["status"] == "negative"}
    print(f"negatives: {status['negative']} in {len(neg_docs)} texts")


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    report = check(gold_dir)
    print_counts(report, gold_dir)
    if report.errors:
        print(f"\n{len(report.errors)} error(s):")
        for err in report.errors:
            print("  " + err)
        return 1
    print("\nOK: every record parses, is well-typed, and its evidence occurs in its text.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
