"""Merging repeat reports into incidents, on real databases: the user's seeds through the real
pipeline, and small stories written through ``Store`` (sentences written for these tests)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from flashpoint.analysis import (
    get_incident,
    join_events,
    list_decisions,
    list_incidents,
    refresh,
    split_event,
    undo_decision,
)
from flashpoint.errors import ConfigError, NotFoundError
from flashpoint.pipeline import run_ingest
from flashpoint.records import Actor, Document, Event, Location, OffsetMap, stable_hash
from flashpoint.settings import AnalysisSettings, Settings
from flashpoint.store import Store, schema

#: Publication dates of the seeds (tests/gold/README.md): they carry none themselves.
SEED_PUBLISHED = {"2021-07-15": ("000", "001"), "2019-08-25": ("002",)}
ANALYSIS = AnalysisSettings()


# -- stories written through Store (shared with test_chains and test_refresh) --------------------


@dataclass(frozen=True)
class Act:
    """One sentence of a hand-written story and the event it reports."""

    sentence: str
    trigger: str
    date: str | None
    source: Actor | None
    target: Actor | None
    place: Location | None = None
    event_type: str = "ASSAULT"
    status: str = "actual"
    quad_class: int = 4
    mode: str | None = None


def actor(name: str | None, country: str, actor_id: str | None = None, sector: str | None = None) -> Actor:
    return Actor(text=name or "unidentified attackers", name=name, country=country, sector=sector,
                 id=actor_id)


USA = actor("United States", "USA", "USAMIL", "military")
KH = actor("Kata'ib Hezbollah", "IRQ", "kataib_hezbollah", "militia")
UNKNOWN = Actor(text="unidentified gunmen", country="UNK")
ASAD = Location("Al-Asad Airbase", "IRQ", 33.7856, 42.4412, "site")
QAIM = Location("Al-Qaim", "IRQ", 34.37, 41.09, "city")
BAGHDAD = Location("Baghdad", "IRQ", 33.3406, 44.4009, "city")


def write_story(store: Store, name: str, acts: list[Act]) -> list[str]:
    """One document holding the acts' sentences, each coded as its event; the event ids."""
    text = " ".join(a.sentence for a in acts)
    doc = Document(doc_id=Document.id_for(text), text=text, raw_text=text,
                   offsets=OffsetMap.from_pairs(list(range(len(text)))), origin=f"{name}.txt",
                   raw_hash=stable_hash(text, length=32), format="txt")
    events, position = [], 0
    for act in acts:
        start = text.index(act.sentence, position)
        position = start + len(act.sentence)
        trigger = text.index(act.trigger, start)
        events.append(Event(
            doc_id=doc.doc_id, sentence=act.sentence, char_start=start, char_end=position,
            event_type=act.event_type, coder_version="story-1", mode=act.mode, source=act.source,
            target=act.target, date=act.date, location=act.place, status=act.status,
            confidence=0.8, quad_class=act.quad_class, goldstein=-10.0 if act.quad_class == 4 else -2.0,
            trigger=act.trigger, trigger_start=trigger, trigger_end=trigger + len(act.trigger),
        ))
    store.write_document(doc, events, [(stable_hash(name), 1)], signature=doc.doc_id.encode())
    return [e.event_id for e in events]


def incident_of(store: Store, event_id: str) -> str:
    with store.read() as conn:
        members = schema.incident_events
        return conn.scalar(select(members.c.incident_id).where(members.c.event_id == event_id))


def table_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """The derived tables' rows, sorted: what "the same rebuild" means."""
    out = {}
    with store.read() as conn:
        for table in (schema.incidents, schema.incident_events, schema.chain_links):
            out[table.name] = sorted(tuple(r) for r in conn.execute(select(table)))
    return out


# -- the seeds through the real pipeline ----------------------------------------------------------


def ingest_seeds(seeds_dir: Path, db: Path, *, with_dates: bool = True) -> None:
    """The seeds in file order: 000 and 001 first, then 002, each with its publication date
    (or, ``with_dates=False``, with whatever the coder infers)."""
    for published, names in SEED_PUBLISHED.items():
        paths = [str(p) for p in sorted(seeds_dir.glob("*.txt")) if p.name[:3] in names]
        run_ingest(paths, Settings(db=str(db), published=published if with_dates else None, quiet=True))


@pytest.fixture(scope="module")
def seeds_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("merge") / "seeds.db"
    ingest_seeds(seeds_dir, db)
    return db


@pytest.fixture
def seeds_copy(seeds_db: Path, tmp_path: Path) -> Store:
    """A private copy of the seeds database, for tests that record merge decisions."""
    copy = tmp_path / "copy.db"
    with sqlite3.connect(seeds_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    with Store.open(f"sqlite:///{copy}") as store:
        yield store


@pytest.fixture(scope="module")
def seeds(seeds_db: Path) -> Store:
    with Store.open(f"sqlite:///{seeds_db}") as store:
        yield store


def find(incidents: list[dict[str, Any]], date: str, **where: Any) -> list[dict[str, Any]]:
    """ASSAULT incidents of ``date`` whose source/target country (``source=``, ``target=``) or
    place name fragment (``at=``) match."""
    out = []
    for incident in incidents:
        if incident["event_type"] != "ASSAULT" or incident["date"] != date:
            continue
        if "source" in where and incident["source"]["country"] != where["source"]:
            continue
        if "target" in where and incident["target"]["country"] != where["target"]:
            continue
        if "at" in where and where["at"] not in ((incident["location"] or {}).get("name") or ""):
            continue
        out.append(incident)
    return out


def sentences(store: Store, incident_id: str) -> list[str]:
    detail = get_incident(store, incident_id)
    assert detail is not None
    return [r["sentence"] for r in detail["reports"]]


def test_the_27_june_strikes_told_in_summary_and_body_are_one_incident(seeds: Store) -> None:
    found = find(list_incidents(seeds), "2021-06-27", source="USA", target="IRQ")
    assert len(found) == 1, found
    strikes = found[0]
    told = sentences(seeds, strikes["incident_id"])
    assert strikes["n_events"] >= 3
    assert any("Sunday, June 27th" in s for s in told)  # the key points
    assert any("ordered a strike" in s for s in told)  # the body
    assert any("U.S. airstrikes" in s for s in told)  # a later repeat mention


def test_the_5_july_rockets_on_al_asad_are_one_incident_of_two_reports(seeds: Store) -> None:
    found = find(list_incidents(seeds), "2021-07-05", at="Asad")
    assert len(found) == 1
    assert found[0]["n_events"] == 2
    told = sentences(seeds, found[0]["incident_id"])
    assert any("rockets hit the Al-Asad base" in s for s in told)
    assert any("multiple rockets struck the Al-Asad base" in s for s in told)


def test_the_soleimani_killing_is_one_incident_and_not_the_missile_attack(seeds: Store) -> None:
    incidents = list_incidents(seeds)
    killing = [i for i in incidents if i["target"]["actor_id"] == "qasem_soleimani"]
    assert len(killing) == 1 and killing[0]["n_events"] >= 3
    missiles = find(incidents, "2020-01", source="IRN", target="USA")
    assert len(missiles) == 1
    assert missiles[0]["incident_id"] != killing[0]["incident_id"]
    # the airliner downing of the same week, by the same side, is another incident again
    downing = [i for i in incidents if i["target"]["country"] == "UKR"]
    assert len(downing) == 1 and downing[0]["incident_id"] != missiles[0]["incident_id"]


def test_different_events_are_not_merged(seeds: Store) -> None:
    incidents = list_incidents(seeds)
    days = {"2021-06-27": find(incidents, "2021-06-27", source="USA"),
            "2021-06-28": find(incidents, "2021-06-28", target="USA"),
            "2021-07-05": find(incidents, "2021-07-05", target="USA")}
    ids = [found[0]["incident_id"] for found in days.values() if len(found) == 1]
    assert len(ids) == 3 and len(set(ids)) == 3


def test_n_docs_counts_the_near_duplicate_seed_001(seeds: Store) -> None:
    with seeds.read() as conn:
        docs = {Path(origin).name[:3]: doc_id for doc_id, origin in
                conn.execute(select(schema.documents.c.doc_id, schema.documents.c.origin))}
    strikes = find(list_incidents(seeds), "2021-06-27", source="USA", target="IRQ")[0]
    assert strikes["n_docs"] == 2
    assert set(strikes["doc_ids"]) == {docs["000"], docs["001"]}
    assert get_incident(seeds, strikes["incident_id"])["doc_ids"] == strikes["doc_ids"]


def test_every_merge_is_explained(seeds: Store) -> None:
    merged = [i for i in list_incidents(seeds) if i["n_events"] > 1]
    assert len(merged) >= 4
    for incident in merged:
        detail = get_incident(seeds, incident["incident_id"])
        reasons = {r["event_id"]: r["reason"] for r in detail["reports"]}
        assert reasons[incident["representative_event_id"]] is None
        for event_id, reason in reasons.items():
            if event_id == incident["representative_event_id"]:
                continue
            assert reason["matched"] in reasons, "matched a report of the same incident"
            assert {"type", "date", "place", "source", "target"} <= set(reason["tests"])
            assert (reason["case"] in ("first report of the incident", "joined by a person")
                    or reason["score"] >= reason["threshold"])


def test_only_asserted_events_are_merged_and_none_is_lost(seeds: Store) -> None:
    with seeds.read() as conn:
        events, members = schema.events, schema.incident_events
        asserted = set(conn.scalars(
            select(events.c.event_id).where(events.c.status.in_(("actual", "claimed")))))
        merged = list(conn.scalars(select(members.c.event_id)))
        total = conn.scalar(select(func.count()).select_from(events))
    assert sorted(merged) == sorted(asserted)  # each asserted event in exactly one incident
    before = total
    refresh(seeds, ANALYSIS)
    with seeds.read() as conn:
        assert conn.scalar(select(func.count()).select_from(schema.events)) == before


def test_incident_ids_hash_the_earliest_report_and_survive_a_rebuild(seeds: Store) -> None:
    before = table_rows(seeds)
    refresh(seeds, ANALYSIS)
    assert table_rows(seeds) == before  # deterministic and idempotent
    with seeds.read() as conn:
        rows = conn.execute(
            select(schema.incident_events.c.incident_id, schema.events.c.event_id, schema.documents.c.seq,
                   schema.events.c.char_start, schema.events.c.trigger_start)
            .join(schema.events, schema.events.c.event_id == schema.incident_events.c.event_id)
            .join(schema.documents, schema.documents.c.doc_id == schema.events.c.doc_id)
        ).all()
    first: dict[str, tuple[Any, ...]] = {}
    for incident_id, event_id, seq, start, trigger in rows:
        key = (seq, start, trigger or 0, event_id)
        first[incident_id] = min(first.get(incident_id, key), key)
    assert all(i == stable_hash("incident", key[3]) for i, key in first.items())


# -- decisions ------------------------------------------------------------------------------------


def _strikes(store: Store) -> dict[str, Any]:
    """The 27 June strikes: the largest USA-on-Iraq incident of the day."""
    found = find(list_incidents(store), "2021-06-27", source="USA", target="IRQ")
    return get_incident(store, max(found, key=lambda i: i["n_events"])["incident_id"])


def test_split_keeps_a_report_apart_through_rebuilds_and_undo_restores_it(seeds_copy: Store) -> None:
    strikes = _strikes(seeds_copy)
    size = strikes["n_events"]
    taken = next(r["event_id"] for r in strikes["reports"] if "ordered a strike" in r["sentence"])
    result = split_event(seeds_copy, ANALYSIS, taken, note="a test split")
    assert result["incident_id"] != strikes["incident_id"]
    assert get_incident(seeds_copy, result["incident_id"])["n_events"] == 1
    refresh(seeds_copy, ANALYSIS)
    assert incident_of(seeds_copy, taken) == result["incident_id"]
    assert _strikes(seeds_copy)["n_events"] == size - 1
    undo_decision(seeds_copy, ANALYSIS, result["decision"]["decision_id"])
    assert incident_of(seeds_copy, taken) == strikes["incident_id"]
    assert _strikes(seeds_copy)["n_events"] == size
    assert list_decisions(seeds_copy) == []


def test_split_apart_from_one_report_only(seeds_copy: Store) -> None:
    reports = _strikes(seeds_copy)["reports"]
    a, b = reports[0]["event_id"], reports[-1]["event_id"]
    split_event(seeds_copy, ANALYSIS, b, apart_from=a)
    assert incident_of(seeds_copy, a) != incident_of(seeds_copy, b)


def test_join_forces_two_reports_together_and_undo_parts_them(seeds_copy: Store) -> None:
    incidents = list_incidents(seeds_copy)
    june = find(incidents, "2021-06-28", target="USA")[0]["representative_event_id"]
    july = find(incidents, "2021-07-05", target="USA")[0]["representative_event_id"]
    assert incident_of(seeds_copy, june) != incident_of(seeds_copy, july)
    result = join_events(seeds_copy, ANALYSIS, june, july, note="one campaign")
    assert incident_of(seeds_copy, june) == incident_of(seeds_copy, july) == result["incident_id"]
    detail = get_incident(seeds_copy, result["incident_id"])
    joined = [r["reason"] for r in detail["reports"] if r["reason"] and "decision" in json.dumps(r["reason"])]
    assert joined, "a joined report says which decision put it there"
    again = join_events(seeds_copy, ANALYSIS, july, june)  # the same decision twice: one record
    assert again["decision"]["decision_id"] == result["decision"]["decision_id"]
    undo_decision(seeds_copy, ANALYSIS, result["decision"]["decision_id"])
    assert incident_of(seeds_copy, june) != incident_of(seeds_copy, july)


def test_decisions_refuse_unknown_and_unasserted_events(seeds_copy: Store) -> None:
    with seeds_copy.read() as conn:
        status = schema.events.c.status
        threatened = conn.scalar(select(schema.events.c.event_id).where(status == "threatened"))
        asserted = conn.scalar(select(schema.events.c.event_id).where(status == "actual"))
    with pytest.raises(NotFoundError):
        split_event(seeds_copy, ANALYSIS, "no-such-event")
    with pytest.raises(ConfigError, match="only asserted"):
        join_events(seeds_copy, ANALYSIS, asserted, threatened)
    with pytest.raises(ConfigError, match="itself"):
        join_events(seeds_copy, ANALYSIS, asserted, asserted)
    with pytest.raises(NotFoundError):
        undo_decision(seeds_copy, ANALYSIS, "no-such-decision")
    assert list_decisions(seeds_copy) == []


# -- hand-written stories -------------------------------------------------------------------------


def test_a_report_is_compared_with_the_profile_so_merges_do_not_chain(tmp_path: Path) -> None:
    """A (at Al-Asad) and B (unplaced) are one attack; C, told the same day against the same
    target but about 140 km away at Al-Qaim, would fit B alone, yet contradicts A: it stays out.
    The attackers are unnamed, so no same-dyad tolerance applies."""
    attackers = actor(None, "IRQ")
    with Store.open(f"sqlite:///{tmp_path / 'profile.db'}") as store:
        a = write_story(store, "a", [Act("Rockets struck Al-Asad air base on Monday.", "struck",
                                         "2023-01-09", attackers, USA, ASAD)])
        b = write_story(store, "b", [Act("Militants fired rockets at American troops on Monday.", "fired",
                                         "2023-01-09", attackers, USA)])
        c = write_story(store, "c", [Act("Rockets hit a convoy near Al-Qaim on Monday.", "hit",
                                         "2023-01-09", attackers, USA, QAIM)])
        summary = refresh(store, ANALYSIS)
        assert incident_of(store, a[0]) == incident_of(store, b[0]) != incident_of(store, c[0])
        assert summary.incidents == 2 and summary.merged == 1


def test_dates_must_be_compatible_and_countries_must_not_contradict(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'rules.db'}") as store:
        base = write_story(store, "base", [Act("U.S. jets struck Kata'ib Hezbollah depots on 3 March.",
                                               "struck", "2023-03-03", USA, KH, QAIM)])
        later = write_story(store, "later", [Act("U.S. jets struck Kata'ib Hezbollah depots on 6 March.",
                                                 "struck", "2023-03-06", USA, KH, QAIM)])
        month = write_story(store, "month", [Act("In March, U.S. jets struck Kata'ib Hezbollah depots.",
                                                 "struck", "2023-03", USA, KH)])
        israel = actor("Israel", "ISR", "ISRMIL")
        other = write_story(store, "other", [Act("Israeli jets struck Kata'ib Hezbollah depots on 3 March.",
                                                 "struck", "2023-03-03", israel, KH, QAIM)])
        refresh(store, ANALYSIS)
        base_incident = incident_of(store, base[0])
        assert incident_of(store, later[0]) != base_incident  # three days apart (merge_max_days 1)
        assert incident_of(store, month[0]) == base_incident  # March contains 3 March
        assert incident_of(store, other[0]) != base_incident  # Israel is not the United States
        detail = get_incident(store, base_incident)
        assert detail["disagreements"]["date"] == [
            {"value": "2023-03-03", "event_ids": base}, {"value": "2023-03", "event_ids": month}]
