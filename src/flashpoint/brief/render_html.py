"""A briefing as one self-contained HTML file: styles inline, images as ``data:`` URIs, so it
can be mailed or opened offline. Every text that came from a document (titles, sentences,
actor and place names, URLs) goes through :func:`html.escape`; only http(s) URLs become links."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import Any

from flashpoint.brief import labels
from flashpoint.brief.charts import map_png, timeline_png
from flashpoint.brief.model import Briefing, KeyPoint, Source

__all__ = ["render_html", "write_html"]

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1d;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.summary{color:#444}.facts{color:#555;font-size:.92rem;margin:.1rem 0 .4rem}
.hostile{border-left:4px solid #b2182b;padding-left:.6rem}.other{border-left:4px solid #8fa9c4;padding-left:.6rem}
blockquote{margin:.2rem 0 .5rem 1rem;color:#333;font-style:italic}
ol.sources{margin:.2rem 0;padding-left:1.2rem;font-size:.92rem}.card{background:#f6f3ee;padding:.6rem .9rem;
border-radius:6px;margin:.6rem 0}img{max-width:100%}figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555}
"""


def write_html(briefing: Briefing, path: Path) -> list[Path]:
    """Write the briefing to ``path``; the files written (just that one)."""
    path.write_text(render_html(briefing), encoding="utf-8")
    return [path]


def render_html(briefing: Briefing) -> str:
    """The whole document as a string."""
    title = escape(labels.title_line(briefing))
    parts = [
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>',
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="summary">{escape(labels.summary_line(briefing))}</p>',
        _figures(briefing),
    ]
    if briefing.site is not None and briefing.threats:
        parts.append(_site_card(briefing))
    parts += [_key_points(briefing), _chains(briefing), _alerts(briefing)]
    if briefing.site is None:
        parts.append(_threats(briefing))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _figures(briefing: Briefing) -> str:
    note = labels.undated_chart_note(briefing)
    caption = "Incidents per day or week: hostile (conflict) and other." + (f" {note}" if note else "")
    return (
        f'<figure>{_img(map_png(briefing), "Map of the incidents and watched sites")}'
        "<figcaption>Incidents by event type; dashed circles are watched sites' radii.</figcaption></figure>"
        f'<figure>{_img(timeline_png(briefing), "Timeline of incidents")}'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'


def _key_points(briefing: Briefing) -> str:
    if briefing.is_empty:
        return f"<h2>Key points</h2><p>{escape(labels.empty_line(briefing))}</p>"
    items = "".join(_key_point(point) for point in briefing.key_points)
    return f"<h2>Key points</h2><ol class=\"points\">{items}</ol>"


def _key_point(point: KeyPoint) -> str:
    css = "hostile" if point.hostile else "other"
    sources = "".join(_source(source, sentences) for source, sentences in point.by_document())
    return (
        f'<li class="{css}" id="incident-{escape(point.incident_id)}">'
        f"<strong>{escape(labels.headline(point.incident))}</strong>"
        f'<div class="facts">{escape(labels.facts_line(point))}</div>'
        f'<ol class="sources">{sources}</ol></li>'
    )


def _source(source: Source, sentences: tuple[str, ...]) -> str:
    label = escape(labels.source_label(source))
    url = labels.safe_url(source.url)
    name = f'<a href="{escape(url)}" rel="noopener noreferrer">{label}</a>' if url else label
    quotes = "".join(f"<blockquote>“{escape(sentence)}”</blockquote>" for sentence in sentences)
    return f"<li>{name}{quotes}</li>"


def _chains(briefing: Briefing) -> str:
    if not briefing.chains:
        return "<h2>Action–reaction chains</h2><p>No action–reaction chains in this period.</p>"
    by_id = {p.incident_id: p.incident for p in briefing.key_points}
    blocks = []
    for chain in briefing.chains:
        by_id.update({i["incident_id"]: i for i in chain.get("incidents") or []})
        links = "".join(f"<li>{escape(labels.link_label(link, by_id))}<br><small>"
                        f"{escape(str(link.get('explanation') or ''))}</small></li>"
                        for link in chain.get("links") or [])
        blocks.append(f'<div class="card"><strong>{escape(labels.chain_label(chain))}</strong><ul>{links}</ul></div>')
    return "<h2>Action–reaction chains</h2>" + "".join(blocks)


def _alerts(briefing: Briefing) -> str:
    if not briefing.alerts:
        return "<h2>Surge alerts</h2><p>No surge alerts in this period.</p>"
    items = "".join(f"<li>{escape(labels.alert_label(alert))}</li>" for alert in briefing.alerts)
    return f"<h2>Surge alerts</h2><ul>{items}</ul>"


def _threat_card(threat: dict[str, Any]) -> str:
    name = escape(labels.threat_site_name(threat))
    nearest = "".join(f"<li>{escape(labels.threat_incident_label(i))}</li>" for i in threat.get("incidents") or [])
    return (f'<div class="card"><strong>{name}</strong>: {escape(labels.threat_label(threat))}'
            f"<ul>{nearest}</ul></div>")


def _site_card(briefing: Briefing) -> str:
    return "<h2>Site threat</h2>" + _threat_card(briefing.threats[0])


def _threats(briefing: Briefing) -> str:
    if not briefing.threats:
        return "<h2>Watched-site threats</h2><p>No watched site had a hostile incident within its radius.</p>"
    return "<h2>Watched-site threats</h2>" + "".join(_threat_card(t) for t in briefing.threats)
