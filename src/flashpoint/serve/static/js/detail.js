// The detail panel: one event with its sentence highlighted in the article it came from, or one
// incident with its reports and chain links.
//
// The article text, sentence, title and actor names are the ingested document's own words; they
// are placed as Text nodes only (dom.js), and the document's URL becomes a link only when it is
// http(s).

import { clear, h, button } from "./dom.js";
import { getJson, idPath } from "./api.js";
import { actorText, typeText } from "./table.js";

/** The UTF-16 [start, end) of a span given in code points (Python's str offsets). JavaScript
 *  strings index UTF-16 units, so text with characters beyond the BMP would shift otherwise. */
export function utf16Span(text, start, end) {
  if (!/[\uD800-\uDFFF]/.test(text)) return [start, end];
  let units = 0;
  let points = 0;
  let a = text.length;
  for (const ch of text) {
    if (points === start) a = units;
    if (points === end) return [a, units];
    units += ch.length;
    points += 1;
  }
  return [Math.min(a, units), units];
}

/** A definition list from [term, value] pairs, skipping empty values. */
function facts(pairs) {
  const rows = pairs.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return h("dl", { class: "facts" }, rows.map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function placeText(place) {
  if (!place) return "";
  const parts = [place.name, place.country, place.precision].filter(Boolean).join(", ");
  const coords = place.lat !== null && place.lat !== undefined ? ` (${Number(place.lat).toFixed(3)}, ${Number(place.lon).toFixed(3)})` : "";
  return parts + coords;
}

function casualties(record) {
  const parts = [];
  if (record.fatalities !== null && record.fatalities !== undefined) parts.push(`${record.fatalities} killed`);
  if (record.injuries !== null && record.injuries !== undefined) parts.push(`${record.injuries} injured`);
  return parts.join(", ");
}

function codes(record) {
  const parts = [];
  if (record.cameo_root) parts.push(`CAMEO ${record.cameo_root}`);
  if (record.quad_class !== null && record.quad_class !== undefined) parts.push(`QuadClass ${record.quad_class}`);
  if (record.goldstein !== null && record.goldstein !== undefined) parts.push(`Goldstein ${record.goldstein}`);
  return parts.join(" · ");
}

/** One line naming a report: date, type, document and the start of its sentence. */
export function reportLabel(record) {
  const sentence = record.sentence || "";
  const short = sentence.length > 110 ? `${sentence.slice(0, 110)}…` : sentence;
  return `${record.date || "undated"} · ${typeText(record)} · ${short}`;
}

/** One line naming an incident. */
export function incidentLabel(incident) {
  const who = [incident.source && incident.source.name, incident.target && incident.target.name]
    .filter(Boolean).join(" → ");
  const where = incident.location && incident.location.name ? ` · ${incident.location.name}` : "";
  return `${incident.date || "undated"} · ${typeText(incident)}${who ? ` · ${who}` : ""}${where}`;
}

export class DetailPanel {
  /** ``nav.openEvent(id)``, ``nav.openIncident(id)`` change the URL state; ``nav.close()``. */
  constructor({ body, title, close }, nav) {
    this.body = body;
    this.title = title;
    this.closeButton = close;
    this.nav = nav;
    this.shown = null;
    this.generation = 0;
    close.addEventListener("click", () => nav.close());
  }

  /** Show event ``id`` (a no-op when it is already shown). */
  async showEvent(id) {
    if (this.shown === `event:${id}`) return;
    const token = this.begin(`event:${id}`, "Event");
    try {
      const event = await getJson(idPath("events", id));
      const doc = await getJson(idPath("documents", event.doc_id));
      if (token !== this.generation) return;
      this.renderEvent(event, doc);
    } catch (error) {
      if (token === this.generation) this.fail(error);
    }
  }

  /** Show incident ``id``. */
  async showIncident(id) {
    if (this.shown === `incident:${id}`) return;
    const token = this.begin(`incident:${id}`, "Incident");
    try {
      const incident = await getJson(idPath("incidents", id));
      if (token === this.generation) this.renderIncident(incident);
    } catch (error) {
      if (token === this.generation) this.fail(error);
    }
  }

  hide() {
    this.generation += 1;
    this.shown = null;
    this.title.textContent = "Details";
    this.closeButton.hidden = true;
    clear(this.body).append(h("p", { class: "hint" },
      "Select an event in the table or on the map, or an incident in a chain."));
  }

  begin(key, heading) {
    this.generation += 1;
    this.shown = key;
    this.title.textContent = heading;
    this.closeButton.hidden = false;
    clear(this.body).append(h("p", { class: "hint" }, "Loading…"));
    return this.generation;
  }

  fail(error) {
    this.shown = null;
    clear(this.body).append(h("p", { class: "error", role: "alert" }, error.message));
  }

  renderEvent(event, doc) {
    this.title.textContent = `Event: ${typeText(event)}`;
    const others = (event.other_reports || []).filter((r) => r.event_id !== event.event_id);
    clear(this.body).append(
      h("div", { class: "event-view", dataset: { eventId: event.event_id } },
        facts([
          ["Type", typeText(event)],
          ["Status", event.status],
          ["Date", event.date || "unknown"],
          ["Place", placeText(event.location)],
          ["Source", actorText(event.source)],
          ["Target", actorText(event.target)],
          ["Attribution", event.attribution],
          ["Casualties", casualties(event)],
          ["Codes", codes(event)],
          ["Confidence", event.confidence],
          ["Mentions", event.mentions],
        ]),
        this.incidentLine(event, others),
        this.documentView(event, doc)),
    );
    this.scrollToHighlight();
  }

  incidentLine(event, others) {
    if (!event.incident_id) return h("p", { class: "note" }, "Not part of an incident (not asserted).");
    return h("section", { class: "reports" },
      h("h3", {}, "Incident"),
      button(`Open incident (${others.length + 1} report${others.length ? "s" : ""})`,
        () => this.nav.openIncident(event.incident_id), { class: "link", id: "open-incident" }),
      others.length ? h("h4", {}, "Other reports of this incident") : null,
      others.length ? h("ul", { class: "report-list" }, others.map((r) => h("li", {},
        button(reportLabel(r), () => this.nav.openEvent(r.event_id), { class: "link", dataset: { eventId: r.event_id } })))) : null);
  }

  /** The article with the event's sentence marked, plus its title and source link. */
  documentView(event, doc) {
    const text = doc.text || "";
    const [a, b] = utf16Span(text, event.char_start, event.char_end);
    const mark = h("mark", { id: "highlight" }, text.slice(a, b));
    const origin = doc.url || event.doc_url;
    return h("section", { class: "document", dataset: { docId: doc.doc_id } },
      h("h3", {}, doc.title || "Untitled document"),
      h("p", { class: "note" },
        [doc.published ? `Published ${doc.published}. ` : "", doc.site ? `${doc.site}. ` : ""],
        origin ? h("a", { href: origin, rel: "noopener noreferrer nofollow", target: "_blank" }, origin) : null),
      h("div", { class: "doc-text", tabindex: 0, "aria-label": "Document text" },
        text.slice(0, a), mark, text.slice(b)));
  }

  /** Scroll the article (not the page) so the highlighted sentence is in view. */
  scrollToHighlight() {
    const box = this.body.querySelector(".doc-text");
    const mark = this.body.querySelector("#highlight");
    if (!box || !mark) return;
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }

  renderIncident(incident) {
    this.title.textContent = `Incident: ${typeText(incident)}`;
    const reports = incident.reports || [];
    clear(this.body).append(
      h("div", { class: "incident-view", dataset: { incidentId: incident.incident_id } },
        facts([
          ["Type", typeText(incident)],
          ["Status", incident.status],
          ["Date", incident.date || "unknown"],
          ["Place", placeText(incident.location)],
          ["Source", actorText(incident.source)],
          ["Target", actorText(incident.target)],
          ["Casualties", casualties(incident)],
          ["Codes", codes(incident)],
          ["Reports", `${incident.n_events} in ${incident.n_docs} document${incident.n_docs === 1 ? "" : "s"}`],
          ["Disagreements", disagreementText(incident.disagreements)],
          ["Id", incident.incident_id],
        ]),
        this.linkList(incident),
        h("section", { class: "reports" },
          h("h3", {}, `Reports (${reports.length})`),
          h("ul", { class: "report-list" }, reports.map((r) => h("li", {},
            button(reportLabel(r), () => this.nav.openEvent(r.event_id), { class: "link", dataset: { eventId: r.event_id } }),
            reasonView(r.reason)))))));
  }

  /** What this incident answers and what answers it (chain links, both directions). */
  linkList(incident) {
    const links = incident.links || [];
    if (!links.length) return h("p", { class: "note" }, "No chain links.");
    const id = incident.incident_id;
    return h("section", { class: "links" },
      h("h3", {}, "Chain links"),
      h("ul", {}, links.map((link) => {
        const answers = link.response_id === id;
        const other = answers ? link.cause_id : link.response_id;
        return h("li", {},
          answers ? "Answers " : "Answered by ",
          button(other, () => this.nav.openIncident(other), { class: "link mono", dataset: { incidentId: other } }),
          h("span", { class: "note" }, ` ${linkSummary(link)}`),
          link.explanation ? h("div", { class: "explanation" }, link.explanation) : null);
      })));
  }
}

/** Why a report was merged into its incident (the analysis's reason object), folded away:
 *  which report it matched, the score against the threshold, and each test's verdict. */
function reasonView(reason) {
  if (!reason || typeof reason !== "object") return null;
  const score = reason.score !== undefined ? `score ${reason.score} of ${reason.threshold} needed` : "";
  const summary = [reason.case, score].filter(Boolean).join(", ");
  const tests = Object.entries(reason.tests || {}).map(([name, verdict]) => [name, String(verdict)]);
  if (reason.matched) tests.unshift(["matched", String(reason.matched)]);
  if (reason.distance_km !== undefined) tests.push(["distance", `${reason.distance_km} km`]);
  if (reason.ruled_out_by) tests.push(["ruled out by", String(reason.ruled_out_by)]);
  return h("details", { class: "reason" }, h("summary", {}, `Why merged: ${summary || "see tests"}`), facts(tests));
}

/** "kind, cue, gap, score" of a chain link. */
export function linkSummary(link) {
  const parts = [link.kind];
  if (link.cue) parts.push(`cue “${link.cue}”`);
  if (link.gap_days !== null && link.gap_days !== undefined) parts.push(`${link.gap_days} day${link.gap_days === 1 ? "" : "s"} later`);
  if (link.score !== null && link.score !== undefined) parts.push(`score ${Number(link.score).toFixed(2)}`);
  return parts.join(" · ");
}

/** "date: 2019-04 vs 2019-04-08" for each field the merged reports disagree on (each value
 *  comes as {value, event_ids}). */
function disagreementText(disagreements) {
  const shown = (v) => (v && typeof v === "object" && "value" in v ? v.value : v);
  const entries = Object.entries(disagreements || {});
  return entries.map(([field, values]) => `${field}: ${[].concat(values).map((v) => JSON.stringify(shown(v))).join(" vs ")}`).join("; ");
}
