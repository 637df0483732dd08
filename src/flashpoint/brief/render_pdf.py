"""A briefing as a PDF (fpdf2), images embedded, one bookmark per section and per incident so
an analyst can jump through a long period from the viewer's outline.

Text is set in DejaVu Sans, the TrueType family matplotlib ships, so names in any script the
font covers print as written without a font download; a PDF holds no markup, so document text
needs no escaping here, only http(s) URLs become links.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.brief import labels
from flashpoint.brief.charts import map_png, timeline_png
from flashpoint.brief.model import Briefing, KeyPoint

if TYPE_CHECKING:
    from fpdf import FPDF

__all__ = ["write_pdf", "render_pdf", "font_files"]

FAMILY = "DejaVu"
#: fpdf2 style letter -> DejaVu file name in matplotlib's ``mpl-data/fonts/ttf``.
FONT_STYLES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
HOSTILE_RGB = (178, 24, 43)
MUTED_RGB = (90, 90, 90)


@lru_cache(maxsize=1)
def font_files() -> dict[str, Path]:
    """The DejaVu files of the installed matplotlib, by fpdf2 style letter."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {style: folder / name for style, name in FONT_STYLES.items()}


def write_pdf(briefing: Briefing, path: Path) -> list[Path]:
    """Write the PDF to ``path``; the files written (just that one)."""
    path.write_bytes(render_pdf(briefing))
    return [path]


def render_pdf(briefing: Briefing) -> bytes:
    """The PDF's bytes."""
    pdf = _document(labels.title_line(briefing))
    _text(pdf, labels.title_line(briefing), 15, "B")
    _text(pdf, labels.summary_line(briefing), 9, rgb=MUTED_RGB)
    _image(pdf, map_png(briefing))
    _image(pdf, timeline_png(briefing))
    note = labels.undated_chart_note(briefing)
    if note:
        _text(pdf, note, 8, "I", rgb=MUTED_RGB)
    if briefing.site is not None and briefing.threats:
        _section(pdf, "Site threat")
        _threat(pdf, briefing.threats[0])
    _key_points(pdf, briefing)
    _chains(pdf, briefing)
    _alerts(pdf, briefing)
    if briefing.site is None:
        _threats(pdf, briefing)
    return bytes(pdf.output())


def _document(title: str) -> FPDF:
    """A blank A4 document with the DejaVu fonts registered (fpdf2 is imported only here, as
    only a PDF needs it)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=15)
    for style, path in font_files().items():
        pdf.add_font(FAMILY, style, str(path))
    pdf.set_title(title)
    pdf.set_creator("flashpoint brief")
    pdf.add_page()
    return pdf


def _text(pdf: FPDF, text: str, size: float, style: str = "", *, rgb: tuple[int, int, int] = (0, 0, 0),
          link: str | None = None, indent: float = 0.0) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_text_color(*rgb)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, text, align="L", link=link,
                   new_x="LMARGIN", new_y="NEXT")


def _image(pdf: FPDF, png: bytes) -> None:
    pdf.ln(2)
    pdf.image(io.BytesIO(png), w=pdf.epw)
    pdf.ln(2)


def _section(pdf: FPDF, title: str) -> None:
    pdf.ln(3)
    pdf.start_section(title, level=0)
    _text(pdf, title, 13, "B")
    pdf.ln(1)


def _key_points(pdf: FPDF, briefing: Briefing) -> None:
    _section(pdf, "Key points")
    if briefing.is_empty:
        _text(pdf, labels.empty_line(briefing), 10)
    for point in briefing.key_points:
        _key_point(pdf, point)


def _key_point(pdf: FPDF, point: KeyPoint) -> None:
    headline = labels.headline(point.incident)
    pdf.start_section(headline, level=1)
    _text(pdf, headline, 10, "B", rgb=HOSTILE_RGB if point.hostile else (0, 0, 0))
    _text(pdf, labels.facts_line(point), 8.5, rgb=MUTED_RGB, indent=3)
    for source, sentences in point.by_document():
        _text(pdf, labels.source_label(source), 8.5, indent=5, link=labels.safe_url(source.url))
        for sentence in sentences:
            _text(pdf, f"“{sentence}”", 8.5, "I", rgb=MUTED_RGB, indent=9)
    pdf.ln(2)


def _chains(pdf: FPDF, briefing: Briefing) -> None:
    _section(pdf, "Action–reaction chains")
    if not briefing.chains:
        _text(pdf, "No action–reaction chains in this period.", 10)
    by_id = {p.incident_id: p.incident for p in briefing.key_points}
    for chain in briefing.chains:
        by_id.update({i["incident_id"]: i for i in chain.get("incidents") or []})
        _text(pdf, labels.chain_label(chain), 10, "B")
        for link in chain.get("links") or []:
            _text(pdf, labels.link_label(link, by_id), 8.5, indent=4)
            _text(pdf, str(link.get("explanation") or ""), 8, "I", rgb=MUTED_RGB, indent=8)
        pdf.ln(1)


def _alerts(pdf: FPDF, briefing: Briefing) -> None:
    _section(pdf, "Surge alerts")
    if not briefing.alerts:
        _text(pdf, "No surge alerts in this period.", 10)
    for alert in briefing.alerts:
        _text(pdf, labels.alert_label(alert), 9)


def _threat(pdf: FPDF, threat: dict[str, Any]) -> None:
    _text(pdf, labels.threat_site_name(threat), 10, "B")
    _text(pdf, labels.threat_label(threat), 8.5, indent=3)
    for incident in threat.get("incidents") or []:
        _text(pdf, labels.threat_incident_label(incident), 8, rgb=MUTED_RGB, indent=6)
    pdf.ln(1)


def _threats(pdf: FPDF, briefing: Briefing) -> None:
    _section(pdf, "Watched-site threats")
    if not briefing.threats:
        _text(pdf, "No watched site had a hostile incident within its radius.", 10)
    for threat in briefing.threats:
        _threat(pdf, threat)
