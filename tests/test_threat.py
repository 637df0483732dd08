"""Threat at watched sites, over incidents and sites written into a real SQLite database."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint.analysis.model import Incident
from flashpoint.analysis.threat import severity, site_threats
from flashpoint.errors import ConfigError
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema
from flashpoint.store.sites import add_site

SETTINGS = AnalysisSettings()  # 30-day window, half-life 7 days
BASE = (33.7856, 42.4412)  # Al-Asad Airbase, radius 6 km below


def incident(iid: str, date: str | None, **fields: Any) -> Incident:
    """A rocket attack on US forces, placed at a point 3 km north of the base unless told otherwise."""
    values: dict[str, Any] = dict(
        event_type="ASSAULT", mode="explosives", status="actual", confidence=0.9, n_events=1, n_docs=1,
        source_name="Kata'ib Hezbollah", source_country="IRQ", source_sponsor="IRN",
        target_name="US forces", target_country="USA", loc_name="Al Baghdadi road", loc_country="IRQ",
        lat=BASE[0] + 0.027, lon=BASE[1], loc_precision="city", goldstein=-10.0, quad_class=4,
    )
    values.update(fields)
    return Incident(incident_id=iid, representative_event_id=f"ev-{iid}", date=date, **values)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'threat.db'}") as opened:
        add_site(opened, "Al-Asad Airbase", *BASE, 6.0, aliases=["Ain al-Asad"], kind="airbase", country="IRQ",
                 nations=[{"nation": "USA", "from": "2003-04", "to": "2011-12"},
                          {"nation": "USA", "from": "2014-11", "to": None},
                          {"nation": "DNK", "from": "2016-01", "to": "2021-05"}])
        add_site(opened, "Erbil Air Base", 36.2375, 43.9631, 4.0, kind="airbase", country="IRQ",
                 nations=["USA:2014-08"])
        yield opened


def write(store: Store, incidents: list[Incident]) -> None:
    with store.write() as conn:
        conn.execute(schema.incidents.insert(), [i.to_row() for i in incidents])


@pytest.fixture
def attacked(store: Store) -> Store:
    write(store, [
        # the window ending 2024-03-20 (the latest incident)
        incident("at-site", "2024-03-20", loc_name="Ain al-Asad", loc_precision="site",
                 lat=BASE[0] + 0.01, lon=BASE[1], fatalities=3),
        incident("near", "2024-03-13"),
        incident("far", "2024-03-18", loc_name="Ramadi", lat=33.42, lon=43.30),
        incident("talks", "2024-03-19", event_type="CONSULT", goldstein=1.0, quad_class=1),
        incident("region", "2024-03-15", loc_name="Anbar", loc_precision="region", lat=BASE[0], lon=BASE[1]),
        incident("unplaced", "2024-03-16", loc_name=None, lat=None, lon=None, loc_precision=None),
        incident("month", "2024-03"),
        # the window before (2024-01-21 .. 2024-02-19) and one before that
        incident("prev-1", "2024-02-14"),
        incident("prev-2", "2024-02-09"),
        incident("old", "2023-12-01"),
    ])
    return store


def test_severity_formula() -> None:
    assert severity(incident("a", "2024-01-01")) == 10.0
    assert severity(incident("b", "2024-01-01", fatalities=3)) == pytest.approx(10 * (1 + math.log(4)))
    assert severity(incident("c", "2024-01-01", injuries=8, goldstein=-4.4)) == pytest.approx(
        4.4 * (1 + 0.5 * math.log(9)))
    assert severity(incident("d", "2024-01-01", goldstein=None)) == 1.0


def test_a_site_counts_nearby_hostile_incidents_weighted_by_severity_and_recency(attacked: Store) -> None:
    threat = site_threats(attacked, SETTINGS, site="al-asad airbase")[0]
    assert (threat["as_of"], threat["as_of_source"], threat["window_days"]) == ("2024-03-20", "latest-incident", 30)
    rows = threat["incidents"]
    assert [r["incident_id"] for r in rows] == ["at-site", "near"]  # nearest first
    assert rows[0]["distance_km"] == 0.0  # named as the site (an alias), though its point is 1 km off
    assert rows[1]["distance_km"] == pytest.approx(3.0, abs=0.01)
    assert rows[0]["weight"] == pytest.approx(10 * (1 + math.log(4)), abs=1e-3)
    assert rows[1]["weight"] == pytest.approx(5.0) and rows[1]["age_days"] == 7
    assert threat["score"] == pytest.approx(rows[0]["weight"] + rows[1]["weight"])
    assert threat["level"] == "elevated"  # 28.9: between 10 and 30
    assert threat["skipped"] == {"unplaced": 1, "imprecise_place": 1, "coarse_dated": 1}
    assert [p["nation"] for p in threat["exposed_nations"]] == ["USA"]


def test_trend_compares_the_window_with_the_one_before(attacked: Store) -> None:
    threat = site_threats(attacked, SETTINGS, site="al-asad-airbase")[0]
    previous = threat["counts"]["previous"]
    assert (previous["start"], previous["end"], previous["incidents"]) == ("2024-01-21", "2024-02-19", 2)
    # ages 5 and 10 days from that window's own end
    assert previous["score"] == pytest.approx(10 * 0.5 ** (5 / 7) + 10 * 0.5 ** (10 / 7), abs=1e-3)
    assert threat["counts"]["current"]["incidents"] == 2
    assert threat["trend"] == "rising"


def test_as_of_in_the_past_sees_only_what_had_happened(attacked: Store) -> None:
    threat = site_threats(attacked, SETTINGS, site="Al-Asad Airbase", as_of="2024-02-19")[0]
    assert threat["as_of_source"] == "given"
    assert sorted(r["incident_id"] for r in threat["incidents"]) == ["prev-1", "prev-2"]
    assert threat["counts"]["previous"]["incidents"] == 0  # the old one is 80 days back
    assert threat["trend"] == "rising" and threat["level"] == "low"
    month = site_threats(attacked, SETTINGS, site="Al-Asad Airbase", as_of="2024-02")[0]
    assert month["as_of"] == "2024-02-29"


def test_exposed_nations_follow_the_dates_of_presence(attacked: Store) -> None:
    def nations(as_of: str) -> list[str]:
        return [p["nation"] for p in site_threats(attacked, SETTINGS, site="Al-Asad Airbase",
                                                  as_of=as_of)[0]["exposed_nations"]]

    assert nations("2019-06-01") == ["USA", "DNK"]
    assert nations("2013-01-01") == []  # between the two US presences
    assert nations("2008-05-10") == ["USA"]


def test_a_site_with_no_incidents_is_low_and_steady(attacked: Store) -> None:
    threats = site_threats(attacked, SETTINGS)
    assert [t["site"]["name"] for t in threats] == ["Al-Asad Airbase", "Erbil Air Base"]  # by score
    erbil = threats[1]
    assert (erbil["score"], erbil["level"], erbil["trend"], erbil["incidents"]) == (0.0, "low", "steady", [])
    assert erbil["counts"]["current"]["incidents"] == 0 and erbil["as_of"] == "2024-03-20"


def test_an_empty_database_still_reports_each_site(store: Store) -> None:
    threats = site_threats(store, SETTINGS)
    assert len(threats) == 2
    assert all(t["score"] == 0.0 and t["level"] == "low" for t in threats)
    assert threats[0]["as_of_source"].startswith("today")


def test_levels_rise_with_the_score(store: Store) -> None:
    write(store, [incident(f"h{n}", "2024-05-01", loc_precision="site", loc_name="Al-Asad Airbase",
                           lat=BASE[0], lon=BASE[1]) for n in range(7)])
    threat = site_threats(store, SETTINGS, site="Al-Asad Airbase")[0]
    assert threat["score"] == 70.0 and threat["level"] == "critical"
    assert threat["levels"] == {"low": 0.0, "elevated": 10.0, "high": 30.0, "critical": 60.0}
    quieter = site_threats(store, SETTINGS, site="Al-Asad Airbase", as_of="2024-05-08")[0]
    assert quieter["score"] == 35.0 and quieter["level"] == "high"


def test_an_unknown_site_or_date_is_a_config_error(store: Store) -> None:
    with pytest.raises(ConfigError):
        site_threats(store, SETTINGS, site="Camp Nowhere")
    with pytest.raises(ConfigError):
        site_threats(store, SETTINGS, as_of="yesterday")


def test_cli_sites_threat_json_is_the_function(attacked: Store, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = str(tmp_path / "threat.db")
    runner = CliRunner()
    one = runner.invoke(app, ["sites", "threat", "Al-Asad Airbase", "--db", db, "--json"])
    assert one.exit_code == 0, one.output
    assert json.loads(one.stdout) == site_threats(attacked, SETTINGS, site="Al-Asad Airbase")
    past = runner.invoke(app, ["sites", "threat", "--as-of", "2024-02-19", "--db", db, "--json"])
    assert json.loads(past.stdout) == site_threats(attacked, SETTINGS, as_of="2024-02-19")
    table = runner.invoke(app, ["sites", "threat", "al-asad-airbase", "--db", db])
    assert table.exit_code == 0 and "elevated" in table.stdout
    assert "Incidents near Al-Asad Airbase (2)" in table.stdout
    missing = runner.invoke(app, ["sites", "threat", "Camp Nowhere", "--db", db])
    assert missing.exit_code == 1 and "no watched site" in missing.output
