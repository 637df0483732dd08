"""A briefing as Markdown, with its map and timeline written as PNG files beside it
(``<stem>_map.png``, ``<stem>_timeline.png``) and linked by relative path, so the folder can
be committed to a wiki or converted with any Markdown tool.

Text from documents is escaped for Markdown *and* for the HTML that Markdown passes through:
a sentence holding ``<script>`` or ``[click](javascript:...)`` must stay literal text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from flashpoint.brief import labels
from flashpoint.brief.charts import map_png, timeline_png
from flashpoint.brief.model import Briefing, KeyPoint, Source

__all__ = ["write_md", "render_md", "md_text", "image_paths"]

#: Characters Markdown gives a meaning anywhere in a line; each is backslash-escaped. (``<``,
#: ``>`` and ``&`` become entities; ``(``, ``!`` and ``|`` mean nothing once ``[`` is escaped and
#: no table is open.)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]~])")
#: What makes a line a heading, list item or quote when it starts the text.
_MD_LINE_START = re.compile(r"^([#+=-])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def md_text(text: str) -> str:
    """``text`` as literal Markdown on one line: HTML metacharacters as entities, Markdown
    punctuation backslash-escaped, line breaks folded (a newline could start a heading)."""
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_NUMBERED.sub(r"\1\\\2", _MD_LINE_START.sub(r"\\\1", flat))


def _md_url(url: str) -> str:
    """An http(s) URL made safe inside ``(...)``: spaces and brackets percent-encoded."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def image_paths(path: Path) -> tuple[Path, Path]:
    """Where the map and timeline of a Markdown briefing at ``path`` are written."""
    return path.with_name(f"{path.stem}_map.png"), path.with_name(f"{path.stem}_timeline.png")


def write_md(briefing: Briefing, path: Path) -> list[Path]:
    """Write the Markdown and its two images; the files written."""
    map_path, timeline_path = image_paths(path)
    map_path.write_bytes(map_png(briefing))
    timeline_path.write_bytes(timeline_png(briefing))
    path.write_text(render_md(briefing, map_path.name, timeline_path.name), encoding="utf-8")
    return [path, map_path, timeline_path]


def render_md(briefing: Briefing, map_name: str, timeline_name: str) -> str:
    """The Markdown text, linking the images by the given relative names."""
    note = labels.undated_chart_note(briefing)
    lines = [
        f"# {md_text(labels.title_line(briefing))}", "", md_text(labels.summary_line(briefing)), "",
        f"![Map of the incidents and watched sites]({_md_url(map_name)})", "",
        f"![Timeline of incidents]({_md_url(timeline_name)})", "",
    ]
    if note:
        lines += [f"*{md_text(note)}*", ""]
    if briefing.site is not None and briefing.threats:
        lines += ["## Site threat", "", *_threat(briefing.threats[0]), ""]
    lines += _key_points(briefing) + _chains(briefing) + _alerts(briefing)
    if briefing.site is None:
        lines += _threats(briefing)
    return "\n".join(lines).rstrip() + "\n"


def _key_points(briefing: Briefing) -> list[str]:
    lines = ["## Key points", ""]
    if briefing.is_empty:
        return lines + [md_text(labels.empty_line(briefing)), ""]
    for number, point in enumerate(briefing.key_points, 1):
        lines += _key_point(number, point)
    return lines


def _key_point(number: int, point: KeyPoint) -> list[str]:
    marker = "hostile" if point.hostile else "other"
    lines = [f"{number}. **{md_text(labels.headline(point.incident))}** ({marker})", "",
             f"   {md_text(labels.facts_line(point))}", ""]
    for source, sentences in point.by_document():
        lines += [f"   - {_source(source)}", *(f"     “{md_text(sentence)}”" for sentence in sentences)]
    return lines + [""]


def _source(source: Source) -> str:
    label = md_text(labels.source_label(source))
    url = labels.safe_url(source.url)
    return f"[{label}]({_md_url(url)})" if url else label


def _chains(briefing: Briefing) -> list[str]:
    lines = ["## Action–reaction chains", ""]
    if not briefing.chains:
        return lines + ["No action–reaction chains in this period.", ""]
    by_id = {p.incident_id: p.incident for p in briefing.key_points}
    for chain in briefing.chains:
        by_id.update({i["incident_id"]: i for i in chain.get("incidents") or []})
        lines += [f"- **{md_text(labels.chain_label(chain))}**"]
        for link in chain.get("links") or []:
            lines += [f"  - {md_text(labels.link_label(link, by_id))}",
                      f"    {md_text(str(link.get('explanation') or ''))}"]
    return lines + [""]


def _alerts(briefing: Briefing) -> list[str]:
    lines = ["## Surge alerts", ""]
    if not briefing.alerts:
        return lines + ["No surge alerts in this period.", ""]
    return lines + [f"- {md_text(labels.alert_label(alert))}" for alert in briefing.alerts] + [""]


def _threat(threat: dict[str, Any]) -> list[str]:
    lines = [f"**{md_text(labels.threat_site_name(threat))}**: {md_text(labels.threat_label(threat))}", ""]
    return lines + [f"- {md_text(labels.threat_incident_label(i))}" for i in threat.get("incidents") or []]


def _threats(briefing: Briefing) -> list[str]:
    lines = ["## Watched-site threats", ""]
    if not briefing.threats:
        return lines + ["No watched site had a hostile incident within its radius.", ""]
    for threat in briefing.threats:
        lines += _threat(threat) + [""]
    return lines
