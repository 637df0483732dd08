"""Running the real dashboard in a real browser: the app under uvicorn on a free loopback port,
and Debian's Chromium driven by Playwright (never a browser Playwright downloads).

Used by ``tests/test_dashboard.py`` and by ``scripts/screenshots.py``, so the screenshots in
``docs/screenshots`` come from the same set-up the tests check.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("FLASHPOINT_CHROMIUM", "/usr/bin/chromium"))
INSTALL_SCRIPT = REPO / "scripts" / "install-system-deps.sh"
START_TIMEOUT_S = 30.0


def ensure_chromium() -> tuple[Path | None, str]:
    """Debian's Chromium, installed with the project's system-deps script when missing.
    Returns (path, "") or (None, why it is not there) so a caller can skip with the reason."""
    if CHROMIUM.is_file():
        return CHROMIUM, ""
    if shutil.which("apt-get") is None:
        return None, f"{CHROMIUM} is missing and apt-get is not available to install it"
    # No terminal and no stdin: a sudo that wants a password fails at once instead of waiting.
    done = subprocess.run(["bash", str(INSTALL_SCRIPT)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, start_new_session=True, timeout=900,
                          check=False)
    if CHROMIUM.is_file():
        return CHROMIUM, ""
    tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
    return None, f"{CHROMIUM} is missing and {INSTALL_SCRIPT.name} could not install it: {' '.join(tail)}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_database(db: Path, inputs: Sequence[Path]) -> None:
    """Ingest ``inputs`` into a fresh SQLite file with the real pipeline (which also builds the
    analysis tables, incidents and chains, that the dashboard reads)."""
    from flashpoint.pipeline import run_ingest
    from flashpoint.settings import Settings

    summary = run_ingest([str(p) for p in inputs], Settings(db=str(db), quiet=True))
    if summary.rejected or not summary.analysis:
        raise RuntimeError(f"ingest rejected inputs or skipped the analysis: {summary.to_dict()}")


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The real app over ``db``, served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    from flashpoint.serve import create_app
    from flashpoint.settings import Settings

    port = free_port()
    config = uvicorn.Config(create_app(Settings(db=str(db))), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="dashboard-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the app did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=START_TIMEOUT_S)


@contextmanager
def chromium(executable: Path) -> Iterator[object]:
    """A headless Chromium (Playwright ``Browser``) from ``executable``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), headless=True)
        try:
            yield browser
        finally:
            browser.close()
