"""Regenerate docs/screenshots: the dashboard on the demo corpus, in Debian's headless Chromium.

    PYTHONPATH=src .venv/bin/python scripts/screenshots.py [--db flashpoint.db] [--out docs/screenshots]

Without ``--db`` a fresh database is built from examples/corpus in a temporary folder (the real
pipeline, then the analysis refresh), so the pictures always show what ``make demo`` produces.
The app is the real one, served on a free loopback port; nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests/browser.py holds the server and browser set-up

from tests.browser import build_database, chromium, ensure_chromium, serve  # noqa: E402

VIEWPORT = {"width": 1440, "height": 1000}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: build one from examples/corpus)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    executable, why = ensure_chromium()
    if executable is None:
        print(why, file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db
        if db is None:
            db = Path(scratch) / "demo.db"
            build_database(db, [REPO / "examples" / "corpus"])
        with serve(db) as base, chromium(executable) as browser:
            for name, path in shoot(browser, base, args.out):
                print(f"{name}: {path}")
    return 0


def shoot(browser: Any, base: str, out: Path) -> list[tuple[str, Path]]:
    """Each view worth showing, saved as ``out/<name>.png``."""
    page = browser.new_page(viewport=VIEWPORT)
    views: list[tuple[str, str, Callable[[Any], None]]] = [
        ("overview", "", _ready),
        ("filtered", "?type=ASSAULT&since=2019-12&until=2020-03", _ready),
        ("event", f"?event={_multi_report_event(base)}", _event_ready),
        ("chains", "?tab=chains", _chains_ready),
        ("threat", "?tab=sites&as_of=2020-01-10", _cards_ready),
    ]
    saved = []
    for name, query, wait in views:
        page.goto(base + query)
        wait(page)
        path = out / f"{name}.png"
        page.screenshot(path=str(path))
        saved.append((name, path))
    page.close()
    return saved


def _multi_report_event(base: str) -> str:
    """An asserted assault whose incident other documents also report: the event view then
    shows the links between reports."""
    listed = _get_json(f"{base}api/events?type=ASSAULT&status=asserted&limit=500")
    for record in listed["items"]:
        detail = _get_json(f"{base}api/events/{record['event_id']}")
        if detail.get("other_reports"):
            return str(record["event_id"])
    raise RuntimeError("no event with other reports in this database")


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.load(answer)


def _ready(page: Any) -> None:
    for selector in ("table.events tbody tr.row", "#map circle.point", "#timeline rect.bar"):
        page.wait_for_selector(selector, state="attached")  # the table may sit in a hidden tab


def _event_ready(page: Any) -> None:
    _ready(page)
    page.wait_for_selector("#detail mark#highlight")


def _chains_ready(page: Any) -> None:
    _ready(page)
    page.wait_for_selector("#view-chains section.chain")
    page.locator("#view-chains .chain-step:has(.chain-link) > button.link").nth(2).click()
    page.wait_for_selector("#detail .incident-view")
    _show_tabs(page)


def _cards_ready(page: Any) -> None:
    _ready(page)
    page.wait_for_selector("#view-sites article.card")
    _show_tabs(page)


def _show_tabs(page: Any) -> None:
    """Scroll the tabbed views to the top of the window (the detail panel follows)."""
    page.locator(".tabs-panel").evaluate("panel => panel.scrollIntoView()")


if __name__ == "__main__":
    raise SystemExit(main())
