"""Weekly indices over incidents written into a real SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flashpoint.analysis.indices import coarse_dated_counts, weekly_index
from flashpoint.analysis.model import Incident
from flashpoint.analysis.series import region_of
from flashpoint.errors import ConfigError
from flashpoint.settings import AnalysisSettings
from flashpoint.store import Store, schema

SETTINGS = AnalysisSettings()
AL_ASAD = (33.7856, 42.4412)


def incident(iid: str, date: str | None, **fields: Any) -> Incident:
    """A rocket attack by Kata'ib Hezbollah on US forces at Al-Asad unless ``fields`` say otherwise."""
    values: dict[str, Any] = dict(
        event_type="ASSAULT", mode="explosives", status="actual", confidence=0.9, n_events=1, n_docs=1,
        source_name="Kata'ib Hezbollah", source_country="IRQ", source_sponsor="IRN",
        target_name="US forces", target_country="USA", loc_name="Al-Asad Airbase", loc_country="IRQ",
        lat=AL_ASAD[0], lon=AL_ASAD[1], loc_precision="site", goldstein=-10.0, quad_class=4, cameo_root="19",
    )
    values.update(fields)
    return Incident(incident_id=iid, representative_event_id=f"ev-{iid}", date=date, **values)


def write(store: Store, incidents: list[Incident]) -> None:
    with store.write() as conn:
        conn.execute(schema.incidents.insert(), [i.to_row() for i in incidents])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'indices.db'}") as opened:
        yield opened


def rows_of(rows: list[dict[str, Any]], series: str) -> dict[str, dict[str, Any]]:
    return {r["week"]: r for r in rows if r["series"] == series}


def test_an_empty_database_has_no_index(store: Store) -> None:
    assert weekly_index(store, SETTINGS, by="dyad") == []
    assert weekly_index(store, SETTINGS, by="region") == []
    assert coarse_dated_counts(store, SETTINGS, by="dyad") == []


def test_dyad_weeks_count_incidents_hostile_and_goldstein(store: Store) -> None:
    # 2024-01-01 is a Monday. Week 1: two attacks and a statement; week 2 quiet; week 3: one attack.
    write(store, [
        incident("a1", "2024-01-02"),
        incident("a2", "2024-01-07", fatalities=2),
        incident("c1", "2024-01-03", event_type="CONSULT", mode=None, source_name="Iraqi government",
                 source_sponsor=None, goldstein=1.0, quad_class=1),
        incident("a3", "2024-01-15"),
    ])
    rows = weekly_index(store, SETTINGS, by="dyad", dense=True)
    irq_usa = rows_of(rows, "IRQ→USA")
    assert list(irq_usa) == ["2024-01-01", "2024-01-08", "2024-01-15"]  # the quiet week is a row
    sparse = rows_of(weekly_index(store, SETTINGS, by="dyad"), "IRQ→USA")
    assert sparse == {week: row for week, row in irq_usa.items() if row["count"]}
    assert irq_usa["2024-01-01"] == {
        "series": "IRQ→USA", "by": "dyad", "level": "country", "week": "2024-01-01",
        "count": 3, "hostile": 2, "score": -19.0, "mean_weight": round(-19.0 / 3, 3),
    }
    assert irq_usa["2024-01-08"]["count"] == 0 and irq_usa["2024-01-08"]["mean_weight"] is None
    assert irq_usa["2024-01-15"]["score"] == -10.0


def test_sponsor_dyads_gather_a_backers_own_acts_and_its_groups(store: Store) -> None:
    write(store, [
        incident("p1", "2024-02-05"),  # Kata'ib Hezbollah (IRQ, backed by IRN) -> USA
        incident("d1", "2024-02-06", source_name="IRGC", source_country="IRN", source_sponsor=None),
        incident("o1", "2024-02-07", source_name="Islamic State", source_country="UNK",
                 source_sponsor=None, target_country="IRQ", target_name="Iraqi army"),
    ])
    rows = weekly_index(store, SETTINGS, by="dyad")
    week = "2024-02-05"
    assert rows_of(rows, "IRQ→USA")[week]["count"] == 1
    assert rows_of(rows, "IRN→USA")[week]["count"] == 1
    sponsor = rows_of(rows, "IRN→USA (sponsors)")[week]
    assert (sponsor["count"], sponsor["level"]) == (2, "sponsor")
    assert rows_of(rows, "UNK→IRQ")[week]["count"] == 1
    assert "UNK→IRQ (sponsors)" not in {r["series"] for r in rows}  # no backed group in that pair


def test_an_incident_with_both_sides_unknown_is_in_no_dyad(store: Store) -> None:
    write(store, [incident("u1", "2024-03-04", source_country=None, source_sponsor=None,
                           target_country="UNK")])
    assert weekly_index(store, SETTINGS, by="dyad") == []
    assert [r["series"] for r in weekly_index(store, SETTINGS, by="all")] == ["all"]


def test_region_series_country_and_first_level_region(store: Store) -> None:
    write(store, [
        incident("s1", "2024-04-01"),  # at Al-Asad: Anbar
        incident("r1", "2024-04-02", loc_name="Anbar province", loc_precision="region", lat=33.4, lon=42.0),
        incident("k1", "2024-04-03", loc_name="Erbil", loc_precision="city", lat=36.19, lon=44.01),
        incident("n1", "2024-04-03", loc_name="Iraq", loc_precision="country", lat=33.0, lon=43.7),
        incident("x1", "2024-04-04", loc_name=None, loc_country=None, lat=None, lon=None, loc_precision=None),
    ])
    rows = weekly_index(store, SETTINGS, by="region")
    by_series = {r["series"]: r for r in rows}
    assert by_series["IRQ"]["count"] == 4  # the unplaced incident is in no region series
    assert by_series["IRQ/Anbar"]["count"] == 2 and by_series["IRQ/Anbar"]["level"] == "region"
    assert by_series["IRQ/Erbil"]["count"] == 1
    assert set(by_series) == {"IRQ", "IRQ/Anbar", "IRQ/Erbil"}


def test_region_of_prefers_the_governorate_over_an_umbrella_region() -> None:
    erbil_city = incident("e", "2024-01-01", loc_precision="city", lat=36.19, lon=44.01)
    assert region_of(erbil_city) == "Erbil"  # not the Kurdistan Region whose box also holds it
    assert region_of(incident("b", "2024-01-01", loc_precision="city", lat=30.51, lon=47.78)) == "Basra"
    outside = incident("f", "2024-01-01", loc_country="FRA", loc_precision="city", lat=48.85, lon=2.35)
    assert region_of(outside) is None


def test_month_and_year_dates_stay_out_of_the_weeks_and_are_counted_apart(store: Store) -> None:
    write(store, [
        incident("w1", "2024-05-06"),
        incident("m1", "2024-05"),
        incident("m2", "2024-05", event_type="ACCUSE", goldstein=-2.0, quad_class=3),
        incident("y1", "2023"),
        incident("n1", None),
    ])
    rows = weekly_index(store, SETTINGS, by="dyad")
    assert sum(r["count"] for r in rows_of(rows, "IRQ→USA").values()) == 1
    coarse = coarse_dated_counts(store, SETTINGS, by="dyad")
    irq = {r["period"]: (r["count"], r["hostile"]) for r in coarse if r["series"] == "IRQ→USA"}
    assert irq == {None: (1, 1), "2023": (1, 1), "2024-05": (2, 2)}
    bounded = coarse_dated_counts(store, SETTINGS, by="dyad", since="2024-05-10")
    assert {r["period"] for r in bounded} == {"2024-05"}  # the month may hold 10 May or later


def test_since_and_until_bound_the_days_and_the_dense_weeks(store: Store) -> None:
    write(store, [incident(f"i{d}", f"2024-06-{d:02d}") for d in (3, 12, 20, 28)])
    rows = weekly_index(store, SETTINGS, by="all", since="2024-06-10", until="2024-06-21")
    assert [(r["week"], r["count"]) for r in rows] == [("2024-06-10", 1), ("2024-06-17", 1)]
    widened = weekly_index(store, SETTINGS, by="all", since="2024-05-20", until="2024-07-10", dense=True)
    assert [r["week"] for r in widened][0] == "2024-05-20"  # zeros from `since` on
    assert [r["week"] for r in widened][-1] == "2024-07-08"  # and up to `until`
    assert sum(r["count"] for r in widened) == 4 and len(widened) == 8


def test_bad_arguments_are_config_errors(store: Store) -> None:
    with pytest.raises(ConfigError):
        weekly_index(store, SETTINGS, by="country")
    with pytest.raises(ConfigError):
        weekly_index(store, SETTINGS, since="June 2024")
    with pytest.raises(ConfigError):
        weekly_index(store, SETTINGS, until="2024-02-30")


def test_cli_indices_json_is_the_function_and_the_table_notes_what_it_leaves_out(
        store: Store, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from flashpoint.cli import app

    write(store, [incident("a1", "2024-01-02"), incident("a2", "2024-01-16"), incident("m1", "2024-01")])
    db = str(tmp_path / "indices.db")
    runner = CliRunner()
    as_json = runner.invoke(app, ["indices", "--by", "region", "--db", db, "--json"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout) == weekly_index(store, SETTINGS, by="region")
    table = runner.invoke(app, ["indices", "--db", db])
    assert table.exit_code == 0 and "IRQ→USA" in table.stdout
    assert "2024-01-08" not in table.stdout  # quiet weeks only with --all-weeks
    dense = runner.invoke(app, ["indices", "--db", db, "--all-weeks", "--json"])
    assert json.loads(dense.stdout) == weekly_index(store, SETTINGS, by="dyad", dense=True)
    assert "IRQ→USA 2024-01: 1" in table.stdout
    bad = runner.invoke(app, ["indices", "--by", "actor", "--db", db])
    assert bad.exit_code == 1 and "by must be one of" in bad.output


def test_region_places_outside_the_regions_file_get_the_country_series_only(store: Store) -> None:
    strait = incident("h1", "2024-07-01", loc_name="Strait of Hormuz", loc_country="IRN",
                      loc_precision="region", lat=26.57, lon=56.25)
    assert region_of(strait) is None
    write(store, [strait])
    assert [r["series"] for r in weekly_index(store, SETTINGS, by="region")] == ["IRN"]
