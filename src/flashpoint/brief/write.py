"""Write a briefing in the format asked for (or the one its file name says)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flashpoint.brief.model import Briefing
from flashpoint.errors import ConfigError

__all__ = ["FORMATS", "format_for", "write_briefing"]

FORMATS = ("html", "md", "pdf")
#: File suffix -> format, for ``-o brief.pdf`` without ``--format``.
_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".pdf": "pdf"}


def format_for(path: Path, fmt: str | None) -> str:
    """``fmt`` checked, else the format of ``path``'s suffix, else HTML."""
    if fmt is None:
        return _SUFFIXES.get(path.suffix.lower(), "html")
    chosen = fmt.strip().lower()
    if chosen not in FORMATS:
        raise ConfigError(f"unknown briefing format {fmt!r}; choose from {', '.join(FORMATS)}")
    return chosen


def write_briefing(briefing: Briefing, path: Path, fmt: str | None = None) -> list[Path]:
    """Render and write; the files written (Markdown also writes its two images). A path that
    cannot be written is the user's to fix, so it is a :class:`ConfigError`, not a traceback."""
    writer = _writer(format_for(path, fmt))
    if not path.parent.is_dir():
        raise ConfigError(f"cannot write {path}: folder {path.parent} does not exist")
    try:
        return writer(briefing, path)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _writer(fmt: str) -> Callable[[Briefing, Path], list[Path]]:
    """The renderer, imported on demand: fpdf2 is loaded only for a PDF."""
    if fmt == "md":
        from flashpoint.brief.render_md import write_md

        return write_md
    if fmt == "pdf":
        from flashpoint.brief.render_pdf import write_pdf

        return write_pdf
    from flashpoint.brief.render_html import write_html

    return write_html
