"""The dashboard in a real browser: Debian's Chromium (headless, driven by Playwright) against
the real app under uvicorn, over a SQLite database the real pipeline built from the demo corpus
plus one hostile document whose text, title, site and URL carry script.

What the browser shows is checked against what the API answers over HTTP, so a view that
drifts from the data fails. Screenshots of every test go to an artifacts folder whose path is
printed at the end of the module (``FLASHPOINT_TEST_ARTIFACTS`` chooses it).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser import build_database, chromium, ensure_chromium, serve

pytestmark = pytest.mark.slow

#: Script in every field a document brings: if any of it ran, window.__pwned would be set or a
#: dialog would open. The sentences are written for this test.
HOSTILE = {
    "title": "Rockets at Al-Asad <script>window.__pwned=1;alert('title')</script>",
    "url": "javascript:window.__pwned=1",
    "published": "2021-07-21",
    "source": "Test Wire <img src=x onerror=\"window.__pwned=1\">",
    "text": (
        "AL-ASAD AIR BASE, Iraq, July 21, 2021 - Militants fired three rockets "
        "<script>window.__pwned=1;alert('text')</script> at Al-Asad Air Base in Anbar province, "
        "the coalition said.\n\n"
        "A coalition spokesman said the rockets caused no injuries "
        "<img src=x onerror=\"window.__pwned=1;alert('img')\"> and that the base was not damaged.\n\n"
        "Iraqi security forces later found the launch rails near the town of Baghdadi, "
        "officials said."
    ),
}
SCRIPT_TAG = "<script>window.__pwned=1;alert('text')</script>"
IMG_TAG = "<img src=x onerror=\"window.__pwned=1;alert('img')\">"

VIEWPORT = {"width": 1400, "height": 1000}


# -- fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium_path() -> Path:
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    return path


@pytest.fixture(scope="module")
def dashboard_db(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("dashboard")
    hostile = folder / "hostile" / "hostile.jsonl"
    hostile.parent.mkdir()
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "dashboard.db"
    build_database(db, [corpus_dir, hostile.parent])
    return db


@pytest.fixture(scope="module")
def base_url(dashboard_db: Path) -> Iterator[str]:
    with serve(dashboard_db) as url:
        yield url


@pytest.fixture(scope="module")
def api(base_url: str) -> Iterator[Any]:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser(chromium_path: Path) -> Iterator[Any]:
    with chromium(chromium_path) as launched:
        yield launched


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Path]:
    chosen = os.environ.get("FLASHPOINT_TEST_ARTIFACTS")
    folder = Path(chosen) if chosen else tmp_path_factory.getbasetemp() / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\ndashboard screenshots: {folder}")


@dataclass
class Watched:
    """A page and what it said: console errors (CSP violations show there), uncaught
    exceptions and dialogs (each dismissed)."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, query: str = "") -> Any:
        self.page.goto(self.base + query)
        return self.page

    def state(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlparse(self.page.url).query).items()}

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


@pytest.fixture
def watched(browser: Any, base_url: str, artifacts: Path, request: pytest.FixtureRequest) -> Iterator[Watched]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    seen = Watched(page, base_url)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(f"uncaught: {e}"))
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    try:
        yield seen
    finally:
        page.screenshot(path=str(artifacts / f"{request.node.name}.png"), full_page=True)
        context.close()


# -- helpers -----------------------------------------------------------------------------------


def all_items(api: Any, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list endpoint, following next_offset."""
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        answer = api.get(path, params={**params, "limit": 500, "offset": offset})
        answer.raise_for_status()
        body = answer.json()
        items += body["items"]
        offset = body["next_offset"]
    return items


def all_items_ids(api: Any, **filters: Any) -> list[str]:
    return [e["event_id"] for e in all_items(api, "/api/events", **filters)]


def expect_rows(page: Any, api: Any, **filters: Any) -> list[str]:
    """Wait until the table shows the API's first page for ``filters``; return its ids."""
    wanted = [e["event_id"] for e in api.get("/api/events", params={**filters, "limit": 50}).json()["items"]]
    expect(page.locator("table.events tbody tr.row")).to_have_count(len(wanted))
    page.wait_for_function("ids => [...document.querySelectorAll('table.events tbody tr.row')]"
                           ".map(r => r.dataset.eventId).join() === ids.join()", arg=wanted)
    return wanted


def placed(items: list[dict[str, Any]]) -> int:
    return sum(1 for i in items if i.get("location") and i["location"].get("lat") is not None)


def view_box(page: Any) -> list[float]:
    return [float(v) for v in page.get_attribute("#map svg", "viewBox").split()]


# -- tests -------------------------------------------------------------------------------------


def test_dashboard_shows_the_data_the_api_holds(watched: Watched, api: Any) -> None:
    page = watched.open()
    expect_rows(page, api)
    incidents = all_items(api, "/api/incidents")
    assert placed(incidents) > 0
    expect(page.locator("#map circle.point")).to_have_count(placed(incidents))
    assert page.locator("#map path.country").count() > 200
    assert page.locator("#map .site-marker").count() == len(all_items(api, "/api/sites"))
    day_dated = sum(1 for i in incidents if i.get("date") and len(i["date"]) == 10)
    expect(page.locator("#timeline-note")).to_contain_text(f"{day_dated} dated to the day")
    assert page.locator("#timeline rect.bar").count() > 0
    health = api.get("/api/health").json()
    expect(page.locator("#health")).to_have_text(re.compile(rf"{health['documents']} documents"))
    watched.assert_clean()


def test_filters_live_in_the_url_and_survive_a_reload(watched: Watched, api: Any) -> None:
    page = watched.open()
    unfiltered = expect_rows(page, api)
    page.select_option("#f-type", "ACCUSE")
    expect(page).to_have_url(re.compile(r"[?&]type=ACCUSE"))
    accusations = expect_rows(page, api, type="ACCUSE")
    assert accusations and accusations != unfiltered
    for cell in page.locator("table.events tbody td.type").all_inner_texts():
        assert cell.startswith("ACCUSE")
    page.fill("#f-country", "irn")
    page.press("#f-country", "Enter")
    expect(page).to_have_url(re.compile(r"[?&]country=IRN"))
    narrowed = expect_rows(page, api, type="ACCUSE", country="IRN")
    assert set(narrowed) <= set(all_items_ids(api, type="ACCUSE"))
    expect(page.locator("#map circle.point")).to_have_count(
        placed(all_items(api, "/api/incidents", type="ACCUSE", country="IRN")))

    page.reload()
    assert expect_rows(page, api, type="ACCUSE", country="IRN") == narrowed
    assert page.input_value("#f-type") == "ACCUSE" and page.input_value("#f-country") == "IRN"
    page.click("#f-clear")
    expect(page).not_to_have_url(re.compile(r"type="))
    assert expect_rows(page, api) == unfiltered
    watched.assert_clean()


def test_site_filter_with_radius_and_from_the_map(watched: Watched, api: Any) -> None:
    page = watched.open()
    unfiltered = expect_rows(page, api)
    page.select_option("#f-site", "al-asad-airbase")
    expect(page).to_have_url(re.compile(r"[?&]site=al-asad-airbase"))
    at_site = expect_rows(page, api, site="al-asad-airbase")
    assert at_site and at_site != unfiltered
    page.fill("#f-within", "250")
    page.press("#f-within", "Enter")
    expect(page).to_have_url(re.compile(r"[?&]within_km=250"))
    wider = expect_rows(page, api, site="al-asad-airbase", within_km=250)
    assert len(all_items_ids(api, site="al-asad-airbase", within_km=250)) > len(
        all_items_ids(api, site="al-asad-airbase")), "250 km reaches Baghdad and Taji"
    assert set(at_site) < set(wider) or len(wider) == 50
    page.click("#f-clear")
    expect_rows(page, api)
    page.click("#zoom-fit")
    marker = page.locator("#map .site-marker[data-site='erbil-air-base']")
    marker.dispatch_event("click")  # an incident at the base is drawn over its marker
    expect(page).to_have_url(re.compile(r"[?&]site=erbil-air-base"))
    assert page.input_value("#f-site") == "erbil-air-base"
    expect_rows(page, api, site="erbil-air-base")
    watched.assert_clean()


def test_clicking_a_row_shows_its_sentence_highlighted_in_the_article(watched: Watched, api: Any) -> None:
    page = watched.open()
    ids = expect_rows(page, api)
    page.locator("table.events tbody tr.row").nth(3).click()
    expect(page).to_have_url(re.compile(rf"[?&]event={ids[3]}"))
    event = api.get(f"/api/events/{ids[3]}").json()
    document = api.get(f"/api/documents/{event['doc_id']}").json()
    mark = page.locator("#detail mark#highlight")
    expect(mark).to_have_count(1)
    assert mark.text_content() == event["sentence"]
    assert page.locator("#detail .doc-text").text_content() == document["text"]
    box, spot = page.locator("#detail .doc-text").bounding_box(), mark.bounding_box()
    assert box["y"] <= spot["y"] < box["y"] + box["height"], "the sentence is scrolled into view"
    expect(page.locator("#detail .document h3")).to_have_text(document["title"] or "Untitled document")
    watched.assert_clean()


def test_highlight_offsets_count_code_points_as_python_does(watched: Watched) -> None:
    """Stored offsets are Python str (code point) offsets; JavaScript strings count UTF-16
    units, so text with characters beyond the BMP must be converted, not sliced as is."""
    page = watched.open()
    text = "Drone \U0001f6e9 strike at \U0001d4d0l-Asad; rockets \U0001f680 followed."
    spans = [(0, 5), (6, 7), (8, 14), (18, 24), (25, len(text)), (len(text), len(text))]
    sliced = page.evaluate(
        """async ([text, spans]) => {
             const { utf16Span } = await import("./js/detail.js");
             return spans.map(([a, b]) => text.slice(...utf16Span(text, a, b)));
           }""", [text, spans])
    assert sliced == [text[a:b] for a, b in spans]
    watched.assert_clean()


def test_an_event_links_to_every_other_report_of_its_incident(watched: Watched, api: Any) -> None:
    event = next(d for d in (api.get(f"/api/events/{i}").json() for i in all_items_ids(api, status="asserted"))
                 if d.get("other_reports"))
    page = watched.open(f"?event={event['event_id']}")
    links = page.locator("#detail .report-list button")
    expect(links).to_have_count(len(event["other_reports"]))
    other = event["other_reports"][0]
    links.first.click()
    expect(page).to_have_url(re.compile(rf"[?&]event={other['event_id']}"))
    expect(page.locator("#detail mark#highlight")).to_have_text(other["sentence"])
    page.click("#open-incident")
    expect(page).to_have_url(re.compile(rf"[?&]incident={event['incident_id']}"))
    watched.assert_clean()


def test_table_rows_open_from_the_keyboard(watched: Watched, api: Any) -> None:
    page = watched.open()
    ids = expect_rows(page, api)
    page.locator("table.events tbody tr.row").first.focus()
    page.keyboard.press("ArrowDown")  # a focused row ignores other keys
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]event={ids[0]}"))
    expect(page.locator("#detail mark#highlight")).to_have_count(1)
    for control in ("#f-since", "#f-until", "#f-type", "#f-status", "#f-actor", "#f-country",
                    "#f-site", "#f-within", "#f-q"):
        label = page.locator(f"label[for='{control[1:]}']")
        assert label.count() == 1 and label.inner_text().strip()
    watched.assert_clean()


def test_a_chain_link_opens_its_incident(watched: Watched, api: Any) -> None:
    chains = all_items(api, "/api/chains")
    assert any(c["links"] for c in chains), "the demo corpus has at least one linked chain"
    page = watched.open("?tab=chains")
    expect(page.locator("#view-chains section.chain")).to_have_count(len(chains))
    response = page.locator("#view-chains .chain-step:has(.chain-link) > button.link").first
    incident_id = response.get_attribute("data-incident-id")
    response.click()
    expect(page).to_have_url(re.compile(rf"[?&]incident={incident_id}"))
    incident = api.get(f"/api/incidents/{incident_id}").json()
    view = page.locator(f"#detail .incident-view[data-incident-id='{incident_id}']")
    expect(view).to_have_count(1)
    expect(view.locator(".reports li")).to_have_count(len(incident["reports"]))
    cause = next(link["cause_id"] for link in incident["links"] if link["response_id"] == incident_id)
    view.locator(f".links button[data-incident-id='{cause}']").click()
    expect(page).to_have_url(re.compile(rf"[?&]incident={cause}"))
    watched.assert_clean()


def test_hostile_document_text_is_shown_as_text_and_never_runs(watched: Watched, api: Any) -> None:
    hostile = [e for e in all_items(api, "/api/events") if SCRIPT_TAG in e["sentence"]]
    assert hostile, "the hostile document was coded"
    page = watched.open()
    page.fill("#f-q", "Militants fired three rockets")
    page.press("#f-q", "Enter")
    row = page.locator(f"tr.row[data-event-id='{hostile[0]['event_id']}']")
    expect(row).to_have_count(1)
    expect(row.locator("td.sentence")).to_contain_text(SCRIPT_TAG)
    row.click()
    expect(page.locator("#detail mark#highlight")).to_have_text(hostile[0]["sentence"])
    text = page.locator("#detail .doc-text").text_content()
    assert SCRIPT_TAG in text and IMG_TAG in text
    expect(page.locator("#detail .document h3")).to_have_text(HOSTILE["title"])
    assert page.locator("#detail script, #detail img, body img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.click("#open-incident")  # the same sentence again, as a report of its incident
    expect(page.locator("#detail .incident-view .report-list")).to_contain_text(SCRIPT_TAG[:40])
    assert page.locator("#detail script, body img").count() == 0
    page.wait_for_timeout(300)  # let a stray handler fire, if there were one
    watched.assert_clean()
    # Trusted Types (the page's CSP): even our own code could not put a string into innerHTML.
    assert page.evaluate("() => { try { document.body.innerHTML = '<b>x</b>'; return 'allowed'; }"
                         " catch (e) { return e.name; } }") == "TypeError"
    # one report per policy that forbids it: the page's <meta> CSP and the server's header
    assert watched.errors and all("TrustedHTML" in e for e in watched.errors), watched.errors


def test_threat_cards_and_alerts_match_the_api(watched: Watched, api: Any) -> None:
    page = watched.open("?tab=sites&as_of=2020-01-10")
    threats = all_items(api, "/api/threat", as_of="2020-01-10")
    active = [t for t in threats if float(t["score"]) > 0 or t["incidents"]]
    assert active, "Al-Asad was hit on 2020-01-08"
    cards = page.locator("#view-sites article.card")
    expect(cards).to_have_count(len(active))
    top = max(active, key=lambda t: float(t["score"]))
    expect(cards.first.locator("h3")).to_have_text(top["site"]["name"])
    expect(cards.first.locator(".level")).to_have_text(str(top["level"]))

    page.click("#tab-alerts")
    expect(page).to_have_url(re.compile(r"[?&]tab=alerts"))
    alerts = all_items(api, "/api/alerts")
    expect(page.locator("#view-alerts tbody tr")).to_have_count(len(alerts))
    watched.assert_clean()


def test_timeline_brush_and_map_zoom(watched: Watched, api: Any) -> None:
    page = watched.open()
    expect_rows(page, api)
    expect(page.locator("#timeline rect.bar").first).to_be_visible()
    svg = page.locator("#timeline svg").bounding_box()
    y = svg["y"] + svg["height"] / 2
    page.mouse.move(svg["x"] + svg["width"] * 0.35, y)
    page.mouse.down()
    page.mouse.move(svg["x"] + svg["width"] * 0.6, y, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"since=\d{4}-\d{2}-\d{2}.*until=\d{4}-\d{2}-\d{2}"))
    state = watched.state()
    expect_rows(page, api, since=state["since"], until=state["until"])
    page.click("#timeline-clear")
    expect(page).not_to_have_url(re.compile(r"since="))

    before = view_box(page)
    page.click("#zoom-in")
    zoomed_in = view_box(page)
    assert zoomed_in[2] < before[2]
    box = page.locator("#map svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)  # scrolling down zooms out
    page.wait_for_function("w => Number(document.querySelector('#map svg')"
                           ".getAttribute('viewBox').split(' ')[2]) > w", arg=zoomed_in[2])
    zoomed_out = view_box(page)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2, steps=4)
    page.mouse.up()
    assert view_box(page)[0] < zoomed_out[0], "dragging right moves the view west"
    page.click("#zoom-fit")
    page.locator("#map circle.point").first.click(force=True)
    expect(page).to_have_url(re.compile(r"[?&](incident|event)="))
    watched.assert_clean()


def test_a_bad_filter_shows_the_api_error(watched: Watched) -> None:
    page = watched.open("?since=20x1")
    expect(page.locator("#status")).to_contain_text("since")
    expect(page.locator("#status")).to_have_class(re.compile("error"))
    watched.errors[:] = [e for e in watched.errors if "400" not in e]  # the failed request itself
    watched.assert_clean()
