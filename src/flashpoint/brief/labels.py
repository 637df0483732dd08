"""How a briefing phrases incidents, sources, chains, alerts and site threats in words.

The three renderers share these plain-text phrasings so an HTML, a Markdown and a PDF briefing
of one period read alike; each renderer escapes the text for its own format. Nothing here
escapes: text from documents stays as it was read.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flashpoint.brief.model import Briefing, KeyPoint, Source

__all__ = [
    "actor_label",
    "place_label",
    "casualties_label",
    "headline",
    "facts_line",
    "source_label",
    "safe_url",
    "title_line",
    "summary_line",
    "empty_line",
    "chain_label",
    "link_label",
    "alert_label",
    "threat_site_name",
    "threat_label",
    "threat_incident_label",
    "incident_brief",
    "undated_chart_note",
]


def actor_label(actor: dict[str, Any] | None) -> str:
    """``"United States (USA)"``; an em dash for no actor."""
    if not actor:
        return "—"
    label = actor.get("name") or actor.get("text") or "?"
    country = actor.get("country")
    return f"{label} ({country})" if country and country not in label else label


def place_label(location: dict[str, Any] | None) -> str | None:
    """``"Baghdad, IRQ"``, or ``None`` when the incident has no place."""
    if not location or not location.get("name"):
        return None
    country = location.get("country")
    return f"{location['name']}, {country}" if country else str(location["name"])


def casualties_label(incident: dict[str, Any]) -> str | None:
    """``"25 killed, 55 injured"``; ``None`` when the reports give no figure."""
    parts = []
    if incident.get("fatalities") is not None:
        parts.append(f"{incident['fatalities']} killed")
    if incident.get("injuries") is not None:
        parts.append(f"{incident['injuries']} injured")
    return ", ".join(parts) or None


def headline(incident: dict[str, Any]) -> str:
    """``"2020-01-03 ASSAULT/aerial: United States (USA) → Quds Force (IRN)"``."""
    kind = incident["event_type"] + (f"/{incident['mode']}" if incident.get("mode") else "")
    status = "" if incident.get("status") in (None, "actual") else f" ({incident['status']})"
    who = f"{actor_label(incident.get('source'))} → {actor_label(incident.get('target'))}"
    return f"{incident.get('date') or 'undated'} {kind}{status}: {who}"


def facts_line(point: KeyPoint) -> str:
    """Place, casualties, number of reports and (for a site briefing) the distance."""
    incident = point.incident
    reports = f"{incident.get('n_events', len(point.sources))} report(s)"
    if incident.get("n_docs") is not None:
        reports += f" in {incident['n_docs']} document(s)"
    parts = [place_label(incident.get("location")) or "place unknown",
             casualties_label(incident) or "no casualty figures", reports]
    if point.distance_km is not None:
        parts.append(f"{point.distance_km:.0f} km from the site")
    return " · ".join(parts)


def source_label(source: Source) -> str:
    """The document's title, else its path, else its id, with its publication date."""
    name = source.title or source.path or source.doc_id
    extra = [value for value in (source.path if source.title else None, source.published) if value]
    return f"{name} ({', '.join(extra)})" if extra else name


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address: a document's ``javascript:`` URL must never
    become a link an analyst can click."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


def title_line(briefing: Briefing) -> str:
    period = briefing.since if briefing.since == briefing.until else f"{briefing.since} to {briefing.until}"
    site = f" — {briefing.site['name']}" if briefing.site else ""
    return f"Flashpoint briefing: {period}{site}"


def summary_line(briefing: Briefing) -> str:
    """One sentence of counts for the top of the briefing."""
    reports = sum(len(point.sources) for point in briefing.key_points)
    return (
        f"{len(briefing.key_points)} incident(s) ({briefing.hostile_count} hostile) from "
        f"{reports} report(s) between {briefing.first.isoformat()} and {briefing.last.isoformat()}; "
        f"{len(briefing.chains)} action–reaction chain(s), {len(briefing.alerts)} surge alert(s), "
        f"{len(briefing.threats)} watched site(s) under threat. Generated {briefing.generated_at}."
    )


def empty_line(briefing: Briefing) -> str:
    where = f" within {briefing.site['radius_km']:g} km of {briefing.site['name']}" if briefing.site else ""
    return (f"No incidents were recorded{where} between {briefing.first.isoformat()} and "
            f"{briefing.last.isoformat()}.")


def undated_chart_note(briefing: Briefing) -> str | None:
    """Says how many incidents the timeline leaves out because they are not dated to the day."""
    coarse = sum(1 for p in briefing.key_points if not p.date or len(p.date) != 10)
    return f"{coarse} incident(s) dated only to a month or year are not in the chart." if coarse else None


def incident_brief(incident: dict[str, Any] | None, incident_id: str) -> str:
    """A chain member or alert member in a few words (its id when it is not at hand)."""
    return headline(incident) if incident else f"incident {incident_id}"


def chain_label(chain: dict[str, Any]) -> str:
    size = len(chain.get("incidents") or [])
    return f"{chain.get('start') or '?'} to {chain.get('end') or '?'}: {size} incident(s)"


def link_label(link: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> str:
    """``cause → response`` with how the link was found and how sure it is."""
    gap = f", {link['gap_days']} day(s) later" if link.get("gap_days") is not None else ""
    cue = f", cue “{link['cue']}”" if link.get("cue") else ""
    return (f"{incident_brief(by_id.get(link['cause_id']), link['cause_id'])} ⇒ "
            f"{incident_brief(by_id.get(link['response_id']), link['response_id'])} "
            f"[{link['kind']}{cue}{gap}, score {float(link['score']):.2f}]")


def alert_label(alert: dict[str, Any]) -> str:
    return (
        f"{alert['series']} ({alert['by']}), week of {alert['week']}: {alert['count']} hostile "
        f"incident(s) against a baseline of {float(alert['baseline_mean']):.1f} a week over "
        f"{alert['baseline_weeks']} week(s); p = {float(alert['p_value']):.2g} ({alert['method']})"
    )


def threat_site_name(threat: dict[str, Any]) -> str:
    """``"Al-Asad Airbase (airbase, IRQ)"``."""
    site = threat["site"]
    extra = ", ".join(str(v) for v in (site.get("kind"), site.get("country")) if v)
    return f"{site['name']} ({extra})" if extra else str(site["name"])


def threat_label(threat: dict[str, Any]) -> str:
    """Level, score, trend and the two windows' counts of a ``site_threats`` card."""
    counts = threat.get("counts") or {}
    current, previous = counts.get("current") or {}, counts.get("previous") or {}
    nations = ", ".join(p["nation"] for p in threat.get("exposed_nations") or []) or "none recorded"
    return (
        f"threat {threat['level']} (score {float(threat['score']):.1f}, {threat['trend']}): "
        f"{current.get('incidents', 0)} hostile incident(s) within {threat['site']['radius_km']:g} km "
        f"from {current.get('start')} to {current.get('end')}, against "
        f"{previous.get('incidents', 0)} in the {threat['window_days']} days before; "
        f"nations present: {nations}"
    )


def threat_incident_label(incident: dict[str, Any]) -> str:
    """One incident near a site: what, how far, and its weight in the score."""
    return (f"{headline(incident)} — {float(incident['distance_km']):.0f} km away, "
            f"weight {float(incident['weight']):.1f}")
