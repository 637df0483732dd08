"""HTML pages to text and metadata, with trafilatura.

Trafilatura finds the main text of a page and drops most menus, sidebars and footers; it also
reads the title, publication date, canonical URL and site name from the page's metadata. It is
run offline (it is handed the markup, never a URL to fetch) and without its signal-based
timeout, which only works in the main thread and would make results depend on machine load.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flashpoint.errors import MalformedInput

__all__ = ["Extracted", "extract_html", "preload"]


@dataclass(frozen=True)
class Extracted:
    """What trafilatura found in a page. ``text`` is what the document's offsets point into."""

    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def preload() -> None:
    """Load what trafilatura loads on first use, once per process: its modules, and the union
    of jusText's stop-word lists (100 languages) that its fallback extractor reads on the first
    page it rescues (about half a second). A long-running job or server calls this at start-up,
    so that its first pages cost what later ones do; extraction is the same either way."""
    _config()
    try:
        from justext.core import define_stoplist
        from trafilatura.external import JT_STOPLIST, jt_stoplist_init
    except ImportError:  # their internals moved: the first page pays the load, as before
        return
    define_stoplist(JT_STOPLIST or jt_stoplist_init())


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a page; :class:`MalformedInput` when it holds no text.

    Results are cached for the last few pages: :func:`flashpoint.clean.blocks_of` on an HTML
    item extracts the same page again.
    """
    return _extract(html)


@lru_cache(maxsize=128)
def _extract(html: str) -> Extracted:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            config=_config(),
        )
    except (ValueError, TypeError, AttributeError) as exc:  # lxml gives up on some inputs
        raise MalformedInput(f"HTML could not be parsed: {type(exc).__name__}") from exc
    if result is None:
        raise MalformedInput("HTML holds no extractable text")
    data = result if isinstance(result, dict) else result.as_dict()
    text = data.get("text") or ""
    if not text.strip():
        raise MalformedInput("HTML holds no extractable text")
    return Extracted(
        text=text,
        title=_clean(data.get("title")),
        date=_clean(data.get("date")),
        url=_clean(data.get("url")),
        sitename=_clean(data.get("sitename")),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
