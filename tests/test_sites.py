"""Watched sites on real databases (SQLite file and private PostgreSQL) and through the CLI."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, inspect, select

from flashpoint.errors import ConfigError
from flashpoint.records import great_circle_km
from flashpoint.store import Store, schema
from flashpoint.store.site_file import Presence, SiteSpec, load_site_file, parse_presence
from flashpoint.store.sites import (
    add_site,
    ensure_seeded,
    get_site,
    list_sites,
    parse_point,
    remove_site,
    seed_sites_from_file,
    site_spec,
    update_site,
)


def packaged_entries() -> list[dict]:
    """The packaged facilities file, read independently of the code under test."""
    text = resources.files("flashpoint").joinpath("data", "sites.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@pytest.fixture
def store(store_url: str):
    with Store.open(store_url) as opened:
        yield opened


def stored_rows(store: Store) -> int:
    with store.read() as conn:
        return int(conn.scalar(select(func.count()).select_from(schema.watched_sites)) or 0)


# -- schema and seeding ------------------------------------------------------------------------


def test_migration_creates_an_empty_watched_sites_table(store: Store) -> None:
    with store.read() as conn:
        inspector = inspect(conn)
        assert "watched_sites" in inspector.get_table_names()
        columns = {c["name"] for c in inspector.get_columns("watched_sites")}
        assert {"site_id", "name", "kind", "country", "lat", "lon", "radius_km", "nations",
                "source", "aliases", "edited_at", "removed_at"} <= columns
        assert inspector.get_pk_constraint("watched_sites")["constrained_columns"] == ["site_id"]
    assert stored_rows(store) == 0


def test_seeding_loads_every_curated_site_once(store: Store) -> None:
    entries = packaged_entries()
    first = seed_sites_from_file(store)
    assert len(first.added) == len(entries) == stored_rows(store)
    sites = {s["site_id"]: s for s in list_sites(store)}
    assert set(sites) == {e["id"] for e in entries}
    asad = sites["al-asad-airbase"]
    entry = next(e for e in entries if e["id"] == "al-asad-airbase")
    assert (asad["name"], asad["lat"], asad["lon"], asad["radius_km"]) == (
        entry["name"], entry["lat"], entry["lon"], entry["radius_km"])
    assert asad["source"] == "curated" and asad["country"] == "IRQ"
    assert asad["nations"] == [dict(h) for h in entry["hosted"]]
    assert "Ain al-Asad" in asad["aliases"]

    second = seed_sites_from_file(store)
    assert second.added == second.updated == second.kept == ()
    assert second.unchanged == len(entries) == stored_rows(store)


def test_ensure_seeded_seeds_only_a_table_that_never_held_a_site(store: Store) -> None:
    assert ensure_seeded(store) is not None
    count = stored_rows(store)
    assert ensure_seeded(store) is None
    for site in list_sites(store):
        remove_site(store, site["site_id"])
    assert list_sites(store) == []
    assert ensure_seeded(store) is None  # tombstones remember the user emptied it
    assert stored_rows(store) == count


def test_a_users_edit_and_removal_of_curated_sites_survive_reseeding(store: Store) -> None:
    seed_sites_from_file(store)
    edited = update_site(store, "Tower 22", radius_km=9, nations=["USA:2015", "JOR"])
    assert edited["source"] == "curated" and edited["edited_at"] is not None
    removed = remove_site(store, "al-tanf-garrison")
    assert removed["site_id"] == "al-tanf-garrison"

    again = seed_sites_from_file(store)
    assert set(again.kept) == {"tower-22", "al-tanf-garrison"}
    assert again.added == again.updated == ()
    tower = get_site(store, "tower-22")
    assert tower is not None and tower["radius_km"] == 9
    assert [n["nation"] for n in tower["nations"]] == ["USA", "JOR"]
    assert get_site(store, "al-tanf-garrison") is None

    restored = seed_sites_from_file(store, restore=True)
    assert set(restored.restored) == {"tower-22", "al-tanf-garrison"}
    assert get_site(store, "tower-22")["radius_km"] == 2  # type: ignore[index]
    assert get_site(store, "al-tanf-garrison") is not None


def test_reseeding_refreshes_unedited_curated_sites_from_a_changed_file(
    store: Store, tmp_path: Path
) -> None:
    entries = packaged_entries()[:3]
    path = tmp_path / "sites.yaml"
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    assert len(seed_sites_from_file(store, path).added) == 3
    update_site(store, entries[1]["id"], radius_km=42)
    entries[0]["radius_km"] = 11
    entries[1]["radius_km"] = 12
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    result = seed_sites_from_file(store, path)
    assert result.updated == (entries[0]["id"],) and result.kept == (entries[1]["id"],)
    assert get_site(store, entries[0]["id"])["radius_km"] == 11  # type: ignore[index]
    assert get_site(store, entries[1]["id"])["radius_km"] == 42  # type: ignore[index]


def test_a_bad_sites_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    entries = packaged_entries()[:2]
    entries[1]["lat"] = 123.0
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(entries), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"entry 2: lat must be between -90 and 90"):
        seed_sites_from_file(store, path)
    assert stored_rows(store) == 0
    with pytest.raises(ConfigError, match="cannot read"):
        seed_sites_from_file(store, tmp_path / "missing.yaml")


# -- add, list, remove -------------------------------------------------------------------------


def test_add_list_remove_round_trip(store: Store) -> None:
    site = add_site(store, "Camp Example", 33.3, 44.4, 2.5, nations=["usa", "GBR:2020:2023-06"],
                    kind="Base", country="irq")
    assert site["site_id"] == "camp-example" and site["source"] == "user"
    assert site["kind"] == "base" and site["country"] == "IRQ"
    assert site["nations"] == [
        {"nation": "USA", "from": None, "to": None, "note": None},
        {"nation": "GBR", "from": "2020", "to": "2023-06", "note": None},
    ]
    assert site_spec(site).nations_present() == ["USA"]
    assert site_spec(site).nations_present("2021") == ["GBR", "USA"]
    assert [s["site_id"] for s in list_sites(store)] == ["camp-example"]
    assert get_site(store, "CAMP example") == site
    assert list_sites(store, country="syr") == []
    assert list_sites(store, nation="USA")[0]["site_id"] == "camp-example"

    with pytest.raises(ConfigError, match="already exists"):
        add_site(store, "camp example", 1, 1, 1)
    changed = add_site(store, "Camp Example", 33.31, 44.41, 4, replace=True)
    assert changed["radius_km"] == 4 and changed["kind"] == "base"  # not given: kept
    assert len(changed["nations"]) == 2

    by_id = add_site(store, "camp-example", 33.31, 44.41, 5, replace=True)
    assert by_id["name"] == "Camp Example" and by_id["radius_km"] == 5
    with pytest.raises(ConfigError, match=r"'Camp Example' \(id camp-example\) already exists"):
        add_site(store, "Camp-Example!", 1, 1, 1)  # another spelling, the same id

    removed = remove_site(store, "Camp Example")
    assert removed["site_id"] == "camp-example"
    assert list_sites(store) == [] and stored_rows(store) == 0  # a user's site leaves no row


def test_list_near_a_point_sorts_by_distance(store: Store) -> None:
    add_site(store, "Far", 34.0, 44.4, 1)
    add_site(store, "Near", 33.31, 44.4, 1)
    rows = list_sites(store, near=(33.3, 44.4))
    assert [r["name"] for r in rows] == ["Near", "Far"]
    assert rows[0]["distance_km"] == pytest.approx(1.112, abs=0.01)
    assert [r["name"] for r in list_sites(store, near=(33.3, 44.4), within_km=5)] == ["Near"]
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(20015.1, abs=1)


@pytest.mark.parametrize(
    ("lat", "lon", "radius", "message"),
    [
        (91, 44, 1, "lat must be between -90 and 90"),
        (-90.5, 44, 1, "lat must be between"),
        (33, 181, 1, "lon must be between -180 and 180"),
        (33, 44, 0, "radius_km must be above 0"),
        (33, 44, -2, "radius_km must be"),
        (33, 44, 5000, "radius_km must be between 0 and 1000"),
        (float("nan"), 44, 1, "lat must be a finite number"),
        ("north", 44, 1, "lat must be a number"),
    ],
)
def test_bad_positions_and_radii_are_refused(store: Store, lat, lon, radius, message) -> None:
    with pytest.raises(ConfigError, match=message):
        add_site(store, "Somewhere", lat, lon, radius)
    assert stored_rows(store) == 0


def test_bad_names_nations_and_unknown_sites_are_refused(store: Store) -> None:
    for name in ("", "   "):
        with pytest.raises(ConfigError, match="site name"):
            add_site(store, name, 1, 1, 1)
    with pytest.raises(ConfigError, match="ISO 3166-1 alpha-3"):
        add_site(store, "X", 1, 1, 1, nations=["United States"])
    with pytest.raises(ConfigError, match="ends .* before it starts"):
        add_site(store, "X", 1, 1, 1, nations=["USA:2020:2019"])
    with pytest.raises(ConfigError, match="country must be"):
        add_site(store, "X", 1, 1, 1, country="Iraq")
    with pytest.raises(ConfigError, match="no watched site 'nowhere'"):
        remove_site(store, "nowhere")
    with pytest.raises(ConfigError, match="no watched site"):
        update_site(store, "nowhere", radius_km=2)
    with pytest.raises(ConfigError, match="cannot change"):
        update_site(store, "nowhere", site_id="x")
    assert get_site(store, "nowhere") is None
    assert stored_rows(store) == 0


def test_a_removed_curated_site_can_be_added_back_by_name(store: Store) -> None:
    seed_sites_from_file(store)
    remove_site(store, "Tower 22")
    with pytest.raises(ConfigError, match="no watched site"):
        remove_site(store, "Tower 22")
    back = add_site(store, "tower 22", 33.3, 38.7, 3)
    assert back["site_id"] == "tower-22" and back["source"] == "curated"
    assert back["edited_at"] is not None and back["removed_at"] is None
    assert "tower-22" in seed_sites_from_file(store).kept


def test_renaming_onto_another_sites_name_is_refused(store: Store) -> None:
    add_site(store, "Alpha", 1, 1, 1)
    add_site(store, "Beta", 2, 2, 1)
    with pytest.raises(ConfigError, match="already called 'Alpha'"):
        update_site(store, "beta", name="ALPHA")


# -- records and parsing (no database) ---------------------------------------------------------


def test_packaged_file_loads_as_site_specs() -> None:
    specs = load_site_file()
    assert len(specs) == len(packaged_entries())
    assert all(isinstance(s, SiteSpec) and 0 < s.radius_km <= 12 for s in specs)
    # a presence with an undocumented start stays open-ended on that side
    assert any(p.start is None for s in specs for p in s.nations)


def test_presence_and_point_parsing() -> None:
    assert parse_presence("usa:2014-11:") == Presence("USA", "2014-11", None)
    assert Presence("USA", "2014-11", "2021").covers("2021-06")
    assert not Presence("USA", "2014-11", "2021").covers("2022")
    assert Presence("USA", None, "2015-03").covers("2001")
    with pytest.raises(ConfigError):
        parse_presence("USA:1:2:3")
    assert parse_point("33.3, -44.5") == (33.3, -44.5)
    for bad in ("33.3", "a,b", "95,0"):
        with pytest.raises(ConfigError):
            parse_point(bad)


def test_a_repeated_id_in_a_sites_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(yaml.safe_dump(packaged_entries()[:1] * 2), encoding="utf-8")
    with pytest.raises(ConfigError, match="entry 2: id 'al-asad-airbase' repeats entry 1"):
        load_site_file(path)


# -- command line ------------------------------------------------------------------------------


def test_cli_round_trip(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = str(tmp_path / "sites.db")
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["sites", *args, "--db", db])

    added = run("add", "Camp Example", "--lat", "33.3", "--lon", "-44.4", "--radius-km", "2.5",
                "--nation", "USA", "--nation", "GBR:2020", "--kind", "base", "--country", "IRQ",
                "--json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["site_id"] == "camp-example"

    listed = run("list", "--json")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert len(rows) == len(packaged_entries()) + 1  # the first sites command seeded the table
    example = next(r for r in rows if r["site_id"] == "camp-example")
    assert example["lon"] == -44.4 and [n["nation"] for n in example["nations"]] == ["USA", "GBR"]

    near = run("list", "--json", "--near", "33.3,-44.4", "--within-km", "1")
    assert [r["site_id"] for r in json.loads(near.stdout)] == ["camp-example"]
    table = run("list", "--country", "jor")
    jordan = sum(e["country"] == "JOR" for e in packaged_entries())  # Tower 22, Muwaffaq, ...
    assert table.exit_code == 0 and f"Watched sites ({jordan})" in table.stdout

    assert run("remove", "camp-example").exit_code == 0
    missing = run("remove", "camp-example")
    assert missing.exit_code == 1 and "no watched site" in missing.output
    bad = run("add", "Nowhere", "--lat", "91", "--lon", "0", "--radius-km", "1")
    assert bad.exit_code == 1 and "lat must be between" in bad.output
    zero = run("add", "Nowhere", "--lat", "9", "--lon", "0", "--radius-km", "0")
    assert zero.exit_code == 1 and "radius_km must be above 0" in zero.output

    seeded = run("seed", "--json")
    assert seeded.exit_code == 0, seeded.output
    assert json.loads(seeded.stdout)["unchanged"] == len(packaged_entries())
    final = json.loads(run("list", "--json").stdout)
    assert len(final) == len(packaged_entries())


def test_every_curated_region_is_a_region_of_the_sites_country() -> None:
    """A site's ``region`` is written exactly as in regions.yaml, for the site's own country."""
    text = resources.files("flashpoint").joinpath("data", "regions.yaml").read_text("utf-8")
    regions = {(r["name"], r["country"]) for r in yaml.safe_load(text)["regions"]}
    for entry in packaged_entries():
        if entry["region"] is not None:
            assert (entry["region"], entry["country"]) in regions, entry["id"]


@pytest.mark.parametrize("site_id, country, lat, lon", [
    ("london-heathrow-airport", "GBR", 51.48, -0.46),
    ("jfk-international-airport", "USA", 40.64, -73.78),
    ("washington-dulles-airport", "USA", 38.94, -77.46),
    ("ben-gurion-airport", "ISR", 32.01, 34.89),
    ("imam-khomeini-international-airport", "IRN", 35.42, 51.15),
    ("dubai-international-airport", "ARE", 25.25, 55.36),
    ("queen-alia-international-airport", "JOR", 31.72, 35.99),
    ("kuwait-international-airport", "KWT", 29.24, 47.97),
])
def test_major_international_airports_are_curated(site_id, country, lat, lon) -> None:
    entry = next(e for e in packaged_entries() if e["id"] == site_id)
    assert entry["kind"] == "airport" and entry["country"] == country
    assert great_circle_km(entry["lat"], entry["lon"], lat, lon) < 3
    assert entry["aliases"] and entry["sources"]
