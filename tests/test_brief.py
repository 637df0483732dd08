"""Briefings (``flashpoint brief``) written from a real database: the demo corpus plus one
report whose title, URL and sentence carry markup, ingested and analysed once per module."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from flashpoint.analysis import get_incident, list_chains, list_incidents
from flashpoint.brief.charts import DEFAULT_EXTENT, map_extent, timeline_counts
from flashpoint.brief.gather import gather
from flashpoint.brief.render_md import md_text
from flashpoint.brief.topojson import decode_arcs, load_countries, ring_points
from flashpoint.cli import app
from flashpoint.pipeline import run_ingest
from flashpoint.records import great_circle_km
from flashpoint.settings import Settings
from flashpoint.store import Store
from flashpoint.store.queries import EventFilter
from flashpoint.store.sites import ensure_seeded, get_site

#: The period of the Kata'ib Hezbollah strikes, the embassy storming and the Soleimani strike.
SINCE, UNTIL = "2019-12-20", "2020-01-10"
#: A report written for this test: markup in its title, a script URL, a script in its sentence.
HOSTILE_RECORD = {
    "title": "Drone strike near Erbil <img src=x onerror=alert(1)>",
    "url": "javascript:alert(document.cookie)",
    "published": "2023-09-13",
    "text": (
        "ERBIL, Iraq, Sept. 13, 2023 - Two armed drones struck a checkpoint near Erbil International "
        "Airport on Tuesday, Sept. 12, and wounded three Kurdish security guards "
        "<script>alert('brief')</script>, the regional interior ministry said.\n\n"
        "No group claimed the attack by Wednesday evening."
    ),
}
HOSTILE_SCRIPT = "<script>alert('brief')</script>"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    root = tmp_path_factory.mktemp("brief")
    extra = root / "extra"
    extra.mkdir()
    (extra / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    path = root / "brief.db"
    settings = Settings(db=str(path), quiet=True)
    summary = run_ingest([str(corpus_dir), str(extra)], settings)
    assert summary.rejected == 0 and summary.events > 0
    assert summary.analysis is not None  # the ingest rebuilt the incidents
    with Store.open(settings.db_url) as store:
        ensure_seeded(store)
    return path


@pytest.fixture(scope="module")
def store(db: Path):
    with Store.open(Settings(db=str(db)).db_url) as opened:
        yield opened


def _brief(db: Path, out: Path, *args: str) -> object:
    result = CliRunner().invoke(app, ["brief", "--db", str(db), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 0
    return result


def _expected(store: Store, since: str = SINCE, until: str = UNTIL) -> list[dict]:
    incidents = list_incidents(store, EventFilter(since=since, until=until))
    assert incidents, "the corpus must hold incidents in the test period"
    return incidents


# -- the three formats --------------------------------------------------------------------------


def test_html_lists_every_incident_of_the_period_in_date_order(db: Path, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    _brief(db, out, "--since", SINCE, "--until", UNTIL)
    text = out.read_text(encoding="utf-8")
    shown = re.findall(r'id="incident-([0-9a-f]+)"', text)
    expected = _expected(store)
    assert sorted(shown) == sorted(i["incident_id"] for i in expected)
    dates = {i["incident_id"]: i["date"] for i in expected}
    day_dated = [dates[i] for i in shown if dates[i] and len(dates[i]) == 10]
    assert day_dated == sorted(day_dated)
    assert text.count('<img src="data:image/png;base64,') == 2
    assert 'src="http' not in text and "<link" not in text  # self-contained: nothing fetched


def test_html_shows_each_incidents_sources(db: Path, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "sources.html"
    _brief(db, out, "--since", SINCE, "--until", UNTIL, "--format", "html")
    text = out.read_text(encoding="utf-8")
    for incident in _expected(store):
        for report in get_incident(store, incident["incident_id"])["reports"]:
            assert html.escape(report["sentence"]) in text


def test_html_escapes_document_text_and_refuses_script_urls(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    _brief(db, out, "--since", "2023-09", "--until", "2023-09")
    text = out.read_text(encoding="utf-8")
    assert html.escape(HOSTILE_SCRIPT) in text
    assert "<script" not in text.lower()
    assert "<img src=x" not in text and html.escape("<img src=x onerror=alert(1)>") in text
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', text))


def test_markdown_writes_and_links_its_images(db: Path, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "weekly.md"
    result = _brief(db, out, "--since", SINCE, "--until", UNTIL, "--format", "md")
    text = out.read_text(encoding="utf-8")
    for name in ("weekly_map.png", "weekly_timeline.png"):
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert f"]({name})" in text and name in "".join(result.output.split())
    plain = html.unescape(text.replace("\\", ""))
    for incident in _expected(store):
        assert f"**{incident['date']} {incident['event_type']}" in plain
    assert plain.count("\n   - ") >= len(_expected(store))  # at least one source each


def test_markdown_keeps_document_markup_literal(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.md"
    _brief(db, out, "--since", "2023-09", "--until", "2023-09", "--format", "md")
    text = out.read_text(encoding="utf-8")
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "javascript:" not in "".join(re.findall(r"\]\(([^)]*)\)", text))


def _outline_titles(pdf: bytes) -> list[str]:
    """The PDF's ``/Title`` strings (document info and bookmarks), decoded."""
    titles = []
    for raw in re.findall(rb"/Title (\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)", pdf):
        if raw.startswith(b"<"):
            titles.append(bytes.fromhex(raw[1:-1].decode()).decode("utf-16"))
        else:
            titles.append(re.sub(rb"\\(.)", rb"\1", raw[1:-1]).decode("latin-1"))
    return titles


def test_pdf_has_pages_images_and_a_bookmark_per_incident(db: Path, store: Store, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    _brief(db, out, "--since", SINCE, "--until", UNTIL)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type /Page\b", data))
    assert pages >= 1 and [int(n) for n in re.findall(rb"/Count (\d+)\s*/Kids", data)] == [pages]
    assert len(re.findall(rb"/Subtype /Image", data)) >= 2
    bookmarks = [t for t in _outline_titles(data) if re.match(r"\d{4}(-\d\d){0,2} [A-Z]+", t)]
    expected = _expected(store)
    assert sorted(t.split(":")[0].split(" (")[0] for t in bookmarks) == sorted(
        f"{i['date']} {i['event_type']}" + (f"/{i['mode']}" if i.get("mode") else "") for i in expected)


# -- narrowing, empty periods, errors -----------------------------------------------------------


def test_site_narrows_to_incidents_within_its_radius(db: Path, store: Store, tmp_path: Path) -> None:
    site = get_site(store, "erbil-air-base")
    since, until = "2021-01", "2023-12"
    briefing = gather(store, Settings().analysis, since, until, site=site["name"])
    near = {i["incident_id"] for i in _expected(store, since, until)
            if (place := i.get("location")) and place.get("lat") is not None
            and place.get("precision") not in ("region", "country")
            and great_circle_km(site["lat"], site["lon"], place["lat"], place["lon"]) <= site["radius_km"]}
    assert near and {p.incident_id for p in briefing.key_points} == near
    assert len(near) < len(_expected(store, since, until))
    assert briefing.threats[0]["site"]["site_id"] == site["site_id"]

    out = tmp_path / "erbil.html"
    _brief(db, out, "--since", since, "--until", until, "--site", site["name"])
    text = out.read_text(encoding="utf-8")
    assert set(re.findall(r'id="incident-([0-9a-f]+)"', text)) == near
    assert text.index("Site threat") < text.index("Key points")


def test_briefing_reports_the_chains_of_the_period(store: Store) -> None:
    briefing = gather(store, Settings().analysis, SINCE, UNTIL)
    assert [c["chain_id"] for c in briefing.chains] == [
        c["chain_id"] for c in list_chains(store, since=SINCE, until=UNTIL)]


@pytest.mark.parametrize("fmt", ["html", "md", "pdf"])
def test_an_empty_period_still_makes_a_briefing_that_says_so(db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"empty.{fmt}"
    result = _brief(db, out, "--since", "1990-01-01", "--until", "1990-01-31")
    assert "of 0 incident(s)" in " ".join(result.output.split())
    if fmt != "pdf":
        assert "No incidents were recorded between 1990-01-01 and 1990-01-31" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2020-13-01", "--until", "2020-12-31"], "since"),
        (["--since", "2020-02-30", "--until", "2020-03"], "calendar date"),
        (["--since", "yesterday", "--until", "2020"], "YYYY"),
        (["--since", "2020-02", "--until", "2020-01"], "after"),
        (["--since", "2020", "--until", "2020", "--site", "no such base"], "no watched site"),
        (["--since", "2020", "--until", "2020", "--format", "docx"], "format"),
    ],
)
def test_bad_options_give_a_clean_error(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "never.html"
    result = CliRunner().invoke(app, ["brief", "--db", str(db), "-o", str(out), *args])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # no traceback
    assert message in " ".join(result.output.split()) and not out.exists()


# -- map and timeline ---------------------------------------------------------------------------


def test_topojson_arcs_are_delta_decoded_and_reversed() -> None:
    topology = {"transform": {"scale": [0.5, 0.25], "translate": [10, 20]},
                "arcs": [[[0, 0], [2, 0], [0, 4]], [[0, 0], [2, 4]]]}
    arcs = decode_arcs(topology)
    assert arcs[0].tolist() == [[10, 20], [11, 20], [11, 21]]
    assert arcs[1].tolist() == [[10, 20], [11, 21]]
    ring = ring_points(arcs, [0, ~1])  # arc 1 walked backwards closes the ring
    assert ring.tolist() == [[10, 20], [11, 20], [11, 21], [10, 20]]


def test_vendored_countries_decode_to_their_known_extent() -> None:
    countries = {c.name: c for c in load_countries()}
    assert len(countries) > 200
    min_lon, min_lat, max_lon, max_lat = countries["Iraq"].bounds()
    assert 38 < min_lon < 39.5 and 48 < max_lon < 49 and 29 < min_lat < 29.5 and 37 < max_lat < 37.6
    assert all(np.allclose(r[0], r[-1]) for c in countries.values() for p in c.polygons for r in p)


def test_map_fits_the_incidents_or_shows_the_middle_east(store: Store) -> None:
    briefing = gather(store, Settings().analysis, SINCE, UNTIL)
    min_lon, min_lat, max_lon, max_lat = map_extent(briefing)
    located = [p.incident["location"] for p in briefing.key_points
               if p.incident.get("location") and p.incident["location"].get("lat") is not None]
    assert located
    assert all(min_lon < pl["lon"] < max_lon and min_lat < pl["lat"] < max_lat for pl in located)
    empty = gather(store, Settings().analysis, "1990", "1990")
    assert map_extent(empty) == DEFAULT_EXTENT


def test_timeline_counts_each_day_dated_incident_once(store: Store) -> None:
    briefing = gather(store, Settings().analysis, SINCE, UNTIL)
    days, hostile, other, unit = timeline_counts(briefing)
    assert unit == "day" and len(days) == 22
    dated = [p for p in briefing.key_points if p.date and len(p.date) == 10]
    assert sum(hostile) == sum(p.hostile for p in dated) and sum(other) == sum(not p.hostile for p in dated)
    year = gather(store, Settings().analysis, "2019", "2020")
    weeks, year_hostile, year_other, unit = timeline_counts(year)
    assert unit == "week" and all(w.weekday() == 0 for w in weeks)
    assert sum(year_hostile) + sum(year_other) == sum(1 for p in year.key_points if p.date and len(p.date) == 10)


def test_markdown_escaping() -> None:
    assert md_text("# not a heading") == "\\# not a heading"
    assert md_text("a *b* [c](javascript:x) <i>") == "a \\*b\\* \\[c\\](javascript:x) &lt;i&gt;"
    assert md_text("two\nlines") == "two lines"
