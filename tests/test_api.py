"""The REST API (``flashpoint serve``) over a real database built by ingesting the demo corpus.

The corpus is ingested once per module through the real pipeline; the app is the real one
(``create_app``) driven by FastAPI's TestClient. Expected answers come from the query layer
or from checks written here independently of it (distances, words, dates), never from
numbers copied into the test. Writes run on a copy of the database so that reads see the
corpus as ingested.
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from flashpoint.analysis import (
    find_alerts,
    list_chains,
    list_incidents,
    refresh,
    site_threats,
    weekly_index,
)
from flashpoint.cli import app as cli_app
from flashpoint.events.ontology import PLOVER_TYPES
from flashpoint.pipeline import run_ingest
from flashpoint.records import great_circle_km
from flashpoint.serve import create_app
from flashpoint.serve.app import STATIC_DIR
from flashpoint.settings import Settings
from flashpoint.store import EventFilter, Store, list_events, stats
from flashpoint.store.sites import list_sites

TOKEN = "test-write-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

#: An article written for this test; "Kestrel" occurs nowhere in the demo corpus.
NEW_ARTICLE = {
    "title": "Rockets hit the Kestrel logistics base",
    "url": "https://example.org/2023/03/kestrel-rockets",
    "published": "2023-03-05",
    "text": (
        "KIRKUK, March 5, 2023 - Militants fired three rockets at the Kestrel logistics base "
        "near Kirkuk on Saturday, wounding two Iraqi soldiers, security officials said.\n\n"
        "No group claimed the attack on the Kestrel base."
    ),
}


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    """The demo corpus ingested once through the real pipeline, then analysed."""
    db = tmp_path_factory.mktemp("api") / "corpus.db"
    settings = Settings(db=str(db), quiet=True)
    summary = run_ingest([str(corpus_dir)], settings)
    assert summary.events > 0 and summary.new_documents > 0
    with Store.open(settings.db_url) as store:
        assert refresh(store, settings.analysis).incidents > 0
    return db


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(db=str(corpus_db), api_token=TOKEN))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def store(corpus_db: Path) -> Iterator[Store]:
    with Store.open(str(corpus_db)) as opened:
        yield opened


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite database (WAL included), through SQLite's backup API."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


@pytest.fixture()
def writable(corpus_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """An app with a write token over a copy of the corpus database."""
    db = copy_db(corpus_db, tmp_path / "copy.db")
    with TestClient(create_app(Settings(db=str(db), api_token=TOKEN))) as test_client:
        yield test_client


def get_all(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list endpoint, following next_offset."""
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        answer = client.get(path, params={**params, "offset": offset, "limit": 500})
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert body["offset"] == offset and body["limit"] == 500
        items += body["items"]
        offset = body["next_offset"]
    return items


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["event_id"] for row in rows]


def assert_error(answer: Any, status: int, code: str, parameter: str | None) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["status"] == status and error["code"] == code
    assert error["parameter"] == parameter
    assert error["message"]
    return error


# -- health, documents -------------------------------------------------------------------------


def test_health_counts_what_the_database_holds(client: TestClient, store: Store) -> None:
    body = client.get("/api/health").json()
    counts = stats(store)
    assert body["status"] == "ok" and body["version"]
    assert (body["documents"], body["events"]) == (counts["documents"], counts["events"])


def test_every_answer_carries_security_headers(client: TestClient) -> None:
    page, listing, viewer = client.get("/"), client.get("/api/events"), client.get("/docs")
    for answer in (page, listing, viewer):
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert answer.headers["x-frame-options"] == "DENY"
    # the dashboard may not be framed and runs only its own scripts; Swagger UI keeps its inline one
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "script-src 'self'" in listing.headers["content-security-policy"]
    assert "content-security-policy" not in viewer.headers


def test_the_basemap_is_served_compressed(client: TestClient) -> None:
    answer = client.get("/vendor/countries-50m.json", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200 and answer.headers["content-encoding"] == "gzip"
    assert "objects" in answer.json()


def test_documents_page_through_in_ingest_order(client: TestClient, store: Store) -> None:
    first = client.get("/api/documents", params={"limit": 5}).json()
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    everything = get_all(client, "/api/documents")
    assert [d["seq"] for d in everything] == sorted(d["seq"] for d in everything)
    assert len(everything) == stats(store)["documents"]
    assert everything[:5] == first["items"]


def test_a_document_has_its_text_events_and_group(client: TestClient) -> None:
    listed = get_all(client, "/api/documents")
    doc = next(d for d in listed if d["n_events"] > 0)
    body = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert body["doc_id"] == doc["doc_id"] and body["text"]
    assert doc["doc_id"] in body["group"] and "raw_text" not in body
    assert len(body["events"]) == doc["n_events"]
    for event in body["events"]:
        assert event["doc_id"] == doc["doc_id"]
        assert body["text"][event["char_start"] : event["char_end"]] == event["sentence"]
        assert "incident_id" in event


def test_unknown_document_and_event_are_json_404s(client: TestClient) -> None:
    assert_error(client.get("/api/documents/nope"), 404, "not_found", None)
    assert_error(client.get("/api/events/nope"), 404, "not_found", None)


# -- events: paging and filters ----------------------------------------------------------------


def test_events_page_through_every_event_in_document_order(
    client: TestClient, store: Store
) -> None:
    expected = ids(list_events(store))
    page = client.get("/api/events", params={"limit": 7, "offset": 14}).json()
    assert ids(page["items"]) == expected[14:21] and page["next_offset"] == 21
    assert ids(get_all(client, "/api/events")) == expected
    last = client.get("/api/events", params={"limit": 10, "offset": len(expected) - 3}).json()
    assert len(last["items"]) == 3 and last["next_offset"] is None
    default = client.get("/api/events").json()
    assert default["limit"] == 50 and len(default["items"]) == 50
    assert all("incident_id" in item for item in default["items"])


def test_type_actor_and_country_filters(client: TestClient, store: Store) -> None:
    every = list_events(store)
    assaults = get_all(client, "/api/events", type="assault")
    assert assaults and all(e["event_type"] == "ASSAULT" for e in assaults)
    assert len(assaults) == sum(e["event_type"] == "ASSAULT" for e in every)
    iran = get_all(client, "/api/events", country="irn")
    assert iran and len(iran) < len(every)
    assert ids(iran) == [e["event_id"] for e in every if "IRN" in sides(e, "country")]
    actor = get_all(client, "/api/events", actor="hezbollah")
    assert actor and ids(actor) == [
        e["event_id"] for e in every if any("hezbollah" in t.lower() for t in sides(e, "text", "name"))
    ]
    both = get_all(client, "/api/events", type="ASSAULT", country="IRN")
    assert set(ids(both)) == set(ids(assaults)) & set(ids(iran))


def sides(event: dict[str, Any], *keys: str) -> list[str]:
    return [a[k] for a in (event["source"], event["target"]) if a for k in keys if a.get(k)]


def could_fall_in(date: str | None, since: str, until: str) -> bool:
    """An independent reading of the date rule: the event's span meets [since, until]."""
    if date is None:
        return False
    return date >= since[: len(date)] and date[: len(until)] <= until


def test_time_window(client: TestClient, store: Store) -> None:
    every = list_events(store)
    window = get_all(client, "/api/events", since="2020-01", until="2020-01-31")
    assert window and len(window) < len(every)
    assert ids(window) == [e["event_id"] for e in every if could_fall_in(e["date"], "2020-01", "2020-01-31")]


def test_bbox_keeps_events_placed_inside(client: TestClient, store: Store) -> None:
    box = (40.0, 30.0, 46.0, 36.0)  # central Iraq
    inside = get_all(client, "/api/events", bbox=",".join(map(str, box)))
    every = list_events(store)
    expected = [
        e["event_id"] for e in every
        if e["location"] and e["location"]["lat"] is not None
        and box[0] <= e["location"]["lon"] <= box[2] and box[1] <= e["location"]["lat"] <= box[3]
    ]
    assert inside and ids(inside) == expected and len(expected) < len(every)


def test_site_within_km_uses_great_circle_distance(client: TestClient, store: Store) -> None:
    site = next(s for s in list_sites(store) if s["site_id"] == "al-asad-airbase")
    every = list_events(store)

    def near(km: float) -> list[str]:
        return [
            e["event_id"] for e in every
            if e["location"] and e["location"]["lat"] is not None
            and great_circle_km(site["lat"], site["lon"], e["location"]["lat"], e["location"]["lon"]) <= km
        ]

    wide = get_all(client, "/api/events", site="Al-Asad Airbase", within_km=150)
    assert wide and ids(wide) == near(150) and len(wide) < len(every)
    default = get_all(client, "/api/events", site="al-asad-airbase")
    assert ids(default) == near(site["radius_km"])
    page = client.get("/api/events", params={"site": "al-asad-airbase", "within_km": 150,
                                             "limit": 2, "offset": 1}).json()
    assert ids(page["items"]) == near(150)[1:3]


def test_q_searches_words_of_the_sentence(client: TestClient, store: Store) -> None:
    hits = get_all(client, "/api/events", q="rocket")
    assert hits and all("rocket" in e["sentence"].lower() for e in hits)
    whole_word = re.compile(r"\brockets?\b", re.IGNORECASE)
    assert {e["event_id"] for e in list_events(store) if whole_word.search(e["sentence"])} <= set(ids(hits))
    both = get_all(client, "/api/events", q="rockets base")
    assert both and set(ids(both)) <= set(ids(hits))
    # words match by stem, as the search engines index them ("base" finds "troops are based")
    assert all(re.search(r"\bbas(e|es|ed|ing)\b", e["sentence"], re.IGNORECASE) for e in both)
    assert any(re.search(r"\bbases?\b", e["sentence"], re.IGNORECASE) for e in both)


def test_search_falls_back_to_like_without_fts5(
    corpus_db: Path, tmp_path: Path, client: TestClient
) -> None:
    db = copy_db(corpus_db, tmp_path / "nofts.db")
    with sqlite3.connect(db) as conn:
        for name in ("events_fts", "events_actor_fts"):
            for action in ("insert", "delete", "update"):
                conn.execute(f"DROP TRIGGER {name}_{action}")
            conn.execute(f"DROP TABLE {name}")
    with Store.open(str(db)) as plain:
        found = list_events(plain, EventFilter(q="rocket"))
        actors = list_events(plain, EventFilter(actor="Hezbollah"))
    assert found and all("rocket" in e["sentence"].lower() for e in found)
    assert set(ids(get_all(client, "/api/events", q="rocket"))) <= set(ids(found))
    assert actors and ids(actors) == ids(get_all(client, "/api/events", actor="Hezbollah"))


@pytest.mark.parametrize(
    "params",
    [{}, {"type": "ASSAULT"}, {"country": "IRN", "since": "2020"}, {"q": "rockets"},
     {"actor": "iran"}, {"bbox": "40,30,46,36"}, {"site": "al-asad-airbase", "within_km": 300}],
)
def test_walking_and_sorting_read_the_same_pages(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, params: dict[str, Any]
) -> None:
    """A page is read by walking documents or by sorting matches (store.queries chooses by
    the filters' counts); forcing each way gives the same pages."""
    from flashpoint.store import queries

    pages = []
    for cost in (0.0, float("inf")):  # walking costs nothing: always walk; infinitely: never
        monkeypatch.setattr(queries, "WALK_COST", cost)
        pages.append([ids(client.get("/api/events", params={**params, "limit": 7, "offset": k}).json()["items"])
                      for k in (0, 7, 21)])
    assert pages[0] == pages[1] and pages[0][0]


def test_event_detail_names_its_document(client: TestClient) -> None:
    item = client.get("/api/events", params={"limit": 1, "offset": 3}).json()["items"][0]
    body = client.get(f"/api/events/{item['event_id']}").json()
    assert body["event_id"] == item["event_id"] and body["sentence"] == item["sentence"]
    assert body["document"]["doc_id"] == item["doc_id"] and body["document"]["title"]
    assert isinstance(body["other_reports"], list) and "incident_id" in body


# -- analysis ----------------------------------------------------------------------------------


def test_events_carry_their_incident(client: TestClient) -> None:
    events = get_all(client, "/api/events")
    merged = [e for e in events if e["incident_id"]]
    assert merged and len(merged) < len(events)  # only asserted events are merged
    assert all(e["status"] in ("actual", "claimed") for e in merged)
    by_incident: dict[str, list[str]] = {}
    for e in merged:
        by_incident.setdefault(e["incident_id"], []).append(e["event_id"])
    incident_id, members = max(by_incident.items(), key=lambda item: len(item[1]))
    assert len(members) > 1
    detail = client.get(f"/api/events/{members[0]}").json()
    assert detail["incident_id"] == incident_id
    assert sorted(ids(detail["other_reports"])) == sorted(members[1:])
    incident = client.get(f"/api/incidents/{incident_id}").json()
    assert sorted(ids(incident["reports"])) == sorted(members)
    assert incident["n_events"] == len(members) and "links" in incident


def test_incidents_page_and_filter_like_events(client: TestClient, store: Store) -> None:
    everything = get_all(client, "/api/incidents")
    assert [i["incident_id"] for i in everything] == [i["incident_id"] for i in list_incidents(store)]
    assaults = get_all(client, "/api/incidents", type="ASSAULT", since="2020")
    expected = list_incidents(store, EventFilter(event_type="ASSAULT", since="2020"))
    assert assaults and [i["incident_id"] for i in assaults] == [i["incident_id"] for i in expected]
    assert len(assaults) < len(everything)
    assert_error(client.get("/api/incidents/nope"), 404, "not_found", None)
    assert_error(client.get("/api/incidents?until=2020-02-30"), 400, "bad_parameter", "until")


def test_chains_indices_and_alerts_are_the_analysis_functions(client: TestClient, store: Store) -> None:
    analysis = Settings().analysis
    chains = get_all(client, "/api/chains")
    assert chains and [c["chain_id"] for c in chains] == [c["chain_id"] for c in list_chains(store)]
    irn = get_all(client, "/api/chains", country="IRN", since="2020")
    assert [c["chain_id"] for c in irn] == [
        c["chain_id"] for c in list_chains(store, since="2020", country="IRN")
    ]
    rows = get_all(client, "/api/indices", by="region", since="2020-01", until="2020-03")
    assert rows and rows == weekly_index(store, analysis, by="region", since="2020-01", until="2020-03")
    alerts = get_all(client, "/api/alerts", by="all")
    assert [a["alert_id"] for a in alerts] == [a["alert_id"] for a in find_alerts(store, analysis, by="all")]
    assert_error(client.get("/api/indices?by=month"), 400, "bad_parameter", "by")
    assert_error(client.get("/api/chains?country=Iran"), 400, "bad_parameter", "country")


def test_threat_for_every_site_and_for_one(client: TestClient, store: Store) -> None:
    analysis = Settings().analysis
    every = get_all(client, "/api/threat", as_of="2020-01-31")
    expected = site_threats(store, analysis, as_of="2020-01-31")
    assert [t["site"]["site_id"] for t in every] == [t["site"]["site_id"] for t in expected]
    top = expected[0]
    assert top["score"] > 0  # the corpus holds January 2020's attacks on bases in Iraq
    one = client.get(f"/api/sites/{top['site']['site_id']}/threat", params={"as_of": "2020-01-31"})
    assert one.status_code == 200 and one.json()["score"] == top["score"]
    assert_error(client.get("/api/sites/nowhere/threat"), 404, "not_found", None)
    assert_error(client.get("/api/threat?as_of=2020-02-31"), 400, "bad_parameter", "as_of")


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [
        ({"since": "2021-13"}, 400, "since"),
        ({"until": "2021-02-30"}, 400, "until"),
        ({"since": "June 2021"}, 400, "since"),
        ({"since": "2022", "until": "2021-06"}, 400, "since"),
        ({"type": "BOMBING"}, 400, "type"),
        ({"status": "rumoured"}, 400, "status"),
        ({"country": "US"}, 400, "country"),
        ({"limit": 0}, 400, "limit"),
        ({"limit": 501}, 400, "limit"),
        ({"limit": "ten"}, 400, "limit"),
        ({"offset": -1}, 400, "offset"),
        ({"bbox": "40,30,46"}, 400, "bbox"),
        ({"bbox": "46,30,40,36"}, 400, "bbox"),
        ({"bbox": "40,30,190,36"}, 400, "bbox"),
        ({"bbox": "a,b,c,d"}, 400, "bbox"),
        ({"within_km": 10}, 400, "within_km"),
        ({"site": "al-asad-airbase", "within_km": -5}, 400, "within_km"),
        ({"site": "al-asad-airbase", "within_km": "far"}, 400, "within_km"),
        ({"site": "no such base"}, 404, "site"),
        ({"q": "?!"}, 400, "q"),
    ],
)
def test_bad_event_parameters_are_json_errors(
    client: TestClient, params: dict[str, Any], status: int, parameter: str
) -> None:
    code = "not_found" if status == 404 else "bad_parameter"
    assert_error(client.get("/api/events", params=params), status, code, parameter)


def test_unknown_type_lists_the_choices(client: TestClient) -> None:
    error = assert_error(client.get("/api/events?type=BOMBING"), 400, "bad_parameter", "type")
    assert all(name in error["message"] for name in PLOVER_TYPES)


def test_unknown_paths_and_methods_are_json(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found", None)
    assert_error(client.put("/api/events"), 405, "method_not_allowed", None)


def test_empty_parameters_mean_not_given(client: TestClient) -> None:
    blank = client.get("/api/events", params={"type": "", "since": "", "q": "", "bbox": ""})
    assert blank.status_code == 200
    assert ids(blank.json()["items"]) == ids(client.get("/api/events").json()["items"])


# -- writes and auth ---------------------------------------------------------------------------


def test_read_only_without_a_configured_token(corpus_db: Path, tmp_path: Path) -> None:
    db = copy_db(corpus_db, tmp_path / "ro.db")
    with TestClient(create_app(Settings(db=str(db)))) as read_only:
        body = {"documents": [NEW_ARTICLE]}
        assert_error(read_only.post("/api/ingest", json=body, headers=AUTH), 403, "read_only", None)
        site = {"name": "Camp Test", "lat": 33.0, "lon": 44.0, "radius_km": 2}
        assert_error(read_only.post("/api/sites", json=site), 403, "read_only", None)
        assert_error(read_only.delete("/api/sites/al-asad-airbase"), 403, "read_only", None)
        assert read_only.get("/api/health").status_code == 200


def test_writes_need_the_right_token(writable: TestClient) -> None:
    body = {"documents": [NEW_ARTICLE]}
    missing = writable.post("/api/ingest", json=body)
    assert_error(missing, 401, "unauthorized", None)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = {"Authorization": "Bearer not-the-token"}
    assert_error(writable.post("/api/ingest", json=body, headers=wrong), 403, "forbidden", None)
    assert_error(writable.delete("/api/sites/al-asad-airbase", headers=wrong), 403, "forbidden", None)


def test_ingest_runs_the_pipeline_and_the_new_events_are_searchable(writable: TestClient) -> None:
    before = writable.get("/api/health").json()
    summary = writable.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=AUTH)
    assert summary.status_code == 200, summary.text
    done = summary.json()
    assert done["new_documents"] == 1 and done["events"] >= 1 and done["rejected"] == 0
    after = writable.get("/api/health").json()
    assert after["documents"] == before["documents"] + 1
    assert after["events"] == before["events"] + done["events"]
    found = get_all(writable, "/api/events", q="kestrel")  # indexed by the FTS trigger
    assert found and all("Kestrel" in e["sentence"] for e in found)
    assert done["analysis"]["incidents"] > 0  # incidents rebuilt after the ingest
    assert all(e["incident_id"] for e in found if e["status"] in ("actual", "claimed"))
    doc = writable.get(f"/api/documents/{found[0]['doc_id']}").json()
    assert doc["title"] == NEW_ARTICLE["title"] and doc["published"] == "2023-03-05"
    again = writable.post("/api/ingest", json={"documents": [NEW_ARTICLE]}, headers=AUTH).json()
    assert again["already_present"] == 1 and again["new_documents"] == 0


def test_ingest_reports_bad_documents_and_validates_the_body(writable: TestClient) -> None:
    summary = writable.post(
        "/api/ingest", json={"documents": [{"title": "no text"}, {"text": "   "}]}, headers=AUTH
    ).json()
    assert summary["rejected"] == 2 and summary["new_documents"] == 0
    assert {r["kind"] for r in summary["rejections"]} == {"malformed", "empty"}
    assert_error(writable.post("/api/ingest", json={"documents": []}, headers=AUTH),
                 422, "invalid_body", "documents")
    assert_error(writable.post("/api/ingest", json={"docs": []}, headers=AUTH),
                 422, "invalid_body", "documents")


def test_sites_add_list_and_remove(writable: TestClient) -> None:
    name = f"Camp Test {uuid.uuid4().hex[:6]}"
    site = {"name": name, "lat": 33.3, "lon": 44.4, "radius_km": 3, "nations": ["USA", "CAN:2015"],
            "kind": "base", "country": "irq"}
    created = writable.post("/api/sites", json=site, headers=AUTH)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["name"] == name and body["source"] == "user" and body["country"] == "IRQ"
    assert [(n["nation"], n["from"]) for n in body["nations"]] == [("USA", None), ("CAN", "2015")]
    assert body["site_id"] in [s["site_id"] for s in get_all(writable, "/api/sites")]
    assert_error(writable.post("/api/sites", json=site, headers=AUTH), 409, "conflict", "name")
    bad = {**site, "name": "Elsewhere", "lat": 95}
    assert_error(writable.post("/api/sites", json=bad, headers=AUTH), 422, "invalid_body", "lat")
    removed = writable.delete(f"/api/sites/{body['site_id']}", headers=AUTH)
    assert removed.status_code == 200 and removed.json()["site_id"] == body["site_id"]
    assert_error(writable.delete(f"/api/sites/{body['site_id']}", headers=AUTH), 404, "not_found", None)


# -- schema, dashboard, CLI --------------------------------------------------------------------


def test_openapi_lists_every_path_with_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    expected = {
        "/api/health", "/api/documents", "/api/documents/{doc_id}", "/api/events",
        "/api/events/{event_id}", "/api/sites", "/api/sites/{site}", "/api/ingest",
        "/api/incidents", "/api/incidents/{incident_id}", "/api/chains", "/api/indices",
        "/api/alerts", "/api/sites/{site}/threat", "/api/threat",
    }
    assert expected <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "actor", "country", "status", "bbox", "site", "within_km",
            "q", "limit", "offset"} <= parameters
    components = schema["components"]["schemas"]
    assert {"EventRecord", "ErrorResponse", "Site", "IngestRequest"} <= set(components)
    assert "bearer" in str(schema["paths"]["/api/ingest"]["post"].get("security", "")).lower()
    viewer = client.get("/docs")
    assert viewer.status_code == 200 and "swagger" in viewer.text.lower()
    assert not re.findall(r"(?:src|href)=[\"']https?://", viewer.text)  # nothing from a CDN
    for asset in re.findall(r"(?:src|href)=[\"'](/[^\"']+)", viewer.text):
        assert client.get(asset).status_code == 200, asset


def test_dashboard_is_served_at_the_root_when_built(client: TestClient) -> None:
    index = STATIC_DIR / "index.html"
    answer = client.get("/")
    if index.is_file():
        assert answer.status_code == 200 and answer.text == index.read_text("utf-8")
    else:
        assert_error(answer, 404, "not_found", None)
    assert client.get("/api/health").json()["status"] == "ok"  # the API still wins


def test_cli_events_take_the_new_filters(corpus_db: Path, client: TestClient) -> None:
    runner = CliRunner()
    result = runner.invoke(cli_app, ["events", "--db", str(corpus_db), "--q", "rocket",
                                     "--near", "33.786,42.441,150", "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    api = get_all(client, "/api/events", q="rocket", site="al-asad-airbase", within_km=150)
    assert printed and ids(printed) == ids(api)
    bad = runner.invoke(cli_app, ["events", "--db", str(corpus_db), "--bbox", "1,2,3"])
    assert bad.exit_code == 1


# -- PostgreSQL --------------------------------------------------------------------------------


@pytest.mark.postgres
def test_event_filters_agree_on_postgresql(pg_cluster: Any, corpus_dir: Path, client: TestClient) -> None:
    name = f"t_{uuid.uuid4().hex[:16]}"
    pg_cluster.admin(f"CREATE DATABASE {name}")
    try:
        settings = Settings(db=pg_cluster.url(name), quiet=True)
        run_ingest([str(corpus_dir)], settings)
        with TestClient(create_app(settings)) as pg:
            for params in (
                {}, {"type": "ASSAULT", "country": "IRN"}, {"since": "2020", "until": "2021-06"},
                {"bbox": "40,30,46,36"}, {"site": "al-asad-airbase", "within_km": 150},
                {"actor": "hezbollah"},
            ):
                assert ids(get_all(pg, "/api/events", **params)) == ids(
                    get_all(client, "/api/events", **params)
                ), params
            hits = get_all(pg, "/api/events", q="rockets")
            assert hits and all("rocket" in e["sentence"].lower() for e in hits)
            assert set(ids(hits)) == set(ids(get_all(client, "/api/events", q="rockets")))
            assert_error(pg.get("/api/events", params={"q": "?!"}), 400, "bad_parameter", "q")
    finally:
        pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
