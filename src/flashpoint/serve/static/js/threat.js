// Surge alerts (GET /api/alerts) and one threat card per watched site (GET /api/threat).

import { append, clear, h, button } from "./dom.js";
import { incidentLabel } from "./detail.js";

const TREND_WORDS = { rising: "↑ rising", falling: "↓ falling", steady: "→ steady" };

/** A class-safe slug of a value from the API (levels, trends) for CSS colouring. */
function slug(value) {
  return String(value ?? "").toLowerCase().replace(/[^a-z0-9-]/g, "");
}

function incidentButtons(incidents, openIncident, extra = () => "") {
  return h("ul", { class: "incident-list" }, incidents.map((incident) => h("li", {},
    button(incidentLabel(incident), () => openIncident(incident.incident_id),
      { class: "link", dataset: { incidentId: incident.incident_id } }),
    extra(incident))));
}

/** The alerts list with its grouping selector (``by`` is kept in the URL by the caller). */
export function renderAlerts(container, alerts, { by, onBy, openIncident }) {
  const select = h("select", { id: "alerts-by", on: { change: (e) => onBy(e.target.value) } },
    [["dyad", "dyad (who against whom)"], ["region", "region"], ["all", "all incidents"]].map(([value, text]) =>
      h("option", { value, selected: (by || "dyad") === value }, text)));
  const head = h("div", { class: "view-head" }, h("label", { for: "alerts-by" }, "Group by "), select,
    h("span", { class: "note" }, ` ${alerts.length} surge${alerts.length === 1 ? "" : "s"}`));
  if (!alerts.length) {
    clear(container).append(head, h("p", { class: "hint" }, "No surges in these dates."));
    return;
  }
  const rows = alerts.map((alert) => h("tr", { dataset: { alertId: alert.alert_id } },
    h("td", {}, alert.week),
    h("td", {}, alert.by),
    h("td", {}, alert.series),
    h("td", { class: "num" }, alert.count),
    h("td", { class: "num" }, `${Number(alert.baseline_mean).toFixed(2)} over ${alert.baseline_weeks} wk`),
    h("td", { class: "num" }, formatP(alert.p_value)),
    h("td", {}, alert.method),
    h("td", {}, h("details", {}, h("summary", {}, `${(alert.incidents || []).length} incidents`),
      incidentButtons(alert.incidents || [], openIncident)))));
  clear(container).append(head, h("table", { class: "alerts" },
    h("thead", {}, h("tr", {}, ["Week", "By", "Series", "Count", "Baseline", "p", "Method", "Incidents"]
      .map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows)));
}

function formatP(p) {
  const value = Number(p);
  return value < 0.001 ? value.toExponential(1) : value.toFixed(3);
}

/** Threat cards, most threatened first; sites with nothing near them are listed by name. */
export function renderThreat(container, threats, { asOf, onAsOf, openIncident }) {
  const input = h("input", { id: "threat-as-of", value: asOf || "", placeholder: "YYYY-MM-DD", size: 10,
    on: { change: (e) => onAsOf(e.target.value.trim()) } });
  const head = h("div", { class: "view-head" }, h("label", { for: "threat-as-of" }, "As of "), input,
    h("span", { class: "note" }, " (default: the until filter, else the latest incident)"));
  const active = threats.filter((t) => Number(t.score) > 0 || (t.incidents || []).length);
  const quiet = threats.filter((t) => !active.includes(t));
  active.sort((a, b) => Number(b.score) - Number(a.score));
  append(clear(container), head,
    active.length ? h("div", { class: "cards" }, active.map((t) => card(t, openIncident)))
      : h("p", { class: "hint" }, "No hostile incidents near any watched site in this window."),
    quiet.length ? h("details", { class: "quiet" }, h("summary", {}, `${quiet.length} quiet sites`),
      h("p", {}, quiet.map((t) => t.site.name).join(", "))) : null);
}

function card(threat, openIncident) {
  const site = threat.site || {};
  const nearest = (threat.incidents || []).slice(0, 5);
  return h("article", { class: "card", dataset: { site: site.site_id || site.name } },
    h("h3", {}, site.name || "site"),
    h("p", { class: "note" }, [site.kind, site.country, site.radius_km ? `${site.radius_km} km` : null].filter(Boolean).join(" · ")),
    h("p", { class: "score-line" },
      h("span", { class: `level level-${slug(threat.level)}` }, threat.level),
      ` score ${Number(threat.score).toFixed(2)} `,
      h("span", { class: `trend trend-${slug(threat.trend)}` }, TREND_WORDS[threat.trend] || threat.trend)),
    h("p", { class: "note" }, `${threat.window_days}-day window to ${threat.as_of}. ${countsText(threat.counts)}`),
    nearest.length ? h("h4", {}, "Nearest incidents") : null,
    nearest.length ? incidentButtons(nearest, openIncident, (i) => h("span", { class: "note" },
      ` ${Number(i.distance_km).toFixed(1)} km, weight ${Number(i.weight).toFixed(1)}`)) : null,
    h("p", {}, h("strong", {}, "Exposed: "), nationsText(threat.exposed_nations)));
}

/** "This window: 1 incident (score 11.9); previous: 0 (0.0)". */
function countsText(counts) {
  const part = (window) => (window ? `${window.incidents} (score ${Number(window.score).toFixed(1)})` : "?");
  if (!counts) return "";
  return `This window: ${part(counts.current)}; the one before: ${part(counts.previous)}.`;
}

/** Exposed nations as text: "USA (since 2015: logistics outpost)". */
function nationsText(nations) {
  if (!nations || !nations.length) return "none recorded";
  return nations.map((n) => {
    if (typeof n === "string") return n;
    const when = n.from ? `since ${n.from}${n.to ? ` until ${n.to}` : ""}` : "";
    const about = [when, n.note].filter(Boolean).join(": ");
    return about ? `${n.nation} (${about})` : n.nation;
  }).join("; ");
}
