// The dashboard: wires the URL state to the API and to each view.
//
// A change of filters reloads the table, map, timeline and the open tab; a change of what is
// open (event, incident, page, tab) reloads only that part. Requests of an outdated view are
// aborted so a slow answer never overwrites a newer one.

import { getAll, getJson, ApiError } from "./api.js";
import { UrlState, FILTER_KEYS, filtersOf, differs } from "./state.js";
import { EventTypes } from "./types.js";
import { FilterForm } from "./filters.js";
import { MapView, mapItem, renderLegend } from "./map.js";
import { Timeline, expand } from "./timeline.js";
import { EventTable } from "./table.js";
import { DetailPanel } from "./detail.js";
import { renderChains } from "./chains.js";
import { renderAlerts, renderThreat } from "./threat.js";

const $ = (id) => document.getElementById(id);
const PAGE_SIZE = 50;
const TABS = ["events", "chains", "alerts", "sites"];

class Dashboard {
  constructor(types) {
    this.types = types;
    this.state = new UrlState();
    this.controllers = {};
    const nav = {
      openEvent: (id) => this.state.set({ event: id, incident: null }),
      openIncident: (id) => this.state.set({ incident: id, event: null }),
      close: () => this.state.set({ event: null, incident: null }),
    };
    this.nav = nav;
    this.filters = new FilterForm($("filters"), $("f-clear"), (f) => this.state.set({ ...f, offset: null }));
    this.map = new MapView($("map"), types, {
      onSelect: (item) => (item.kind === "incident" ? nav.openIncident(item.id) : nav.openEvent(item.id)),
      onSite: (site) => site && this.state.set({ site: site.site_id, offset: null }),
    });
    this.timeline = new Timeline($("timeline"), $("timeline-note"),
      (since, until) => this.state.set({ since, until, offset: null }));
    this.table = new EventTable($("view-events"), {
      onOpen: nav.openEvent,
      onPage: (offset) => this.state.set({ offset: offset || null }),
    });
    this.detail = new DetailPanel({ body: $("detail-body"), title: $("detail-title"), close: $("detail-close") }, nav);
    this.wireButtons();
  }

  wireButtons() {
    $("zoom-in").addEventListener("click", () => this.map.zoom(1.6));
    $("zoom-out").addEventListener("click", () => this.map.zoom(1 / 1.6));
    $("zoom-fit").addEventListener("click", () => this.map.fit());
    $("timeline-clear").addEventListener("click", () => this.state.set({ since: null, until: null, offset: null }));
    const tabs = [...document.querySelectorAll("[role=tab]")];
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => this.state.set({ tab: tab.dataset.tab === "events" ? null : tab.dataset.tab }));
      tab.addEventListener("keydown", (e) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
        if (!step) return;
        const next = tabs[(i + step + tabs.length) % tabs.length];
        next.focus();
        next.click();
      });
    });
  }

  async start() {
    this.state.subscribe((next, previous) => this.changed(next, previous));
    const [sites, topology] = await Promise.all([
      getAll("sites", {}, 5000).then((r) => r.items).catch((e) => this.report(e) || []),
      fetch("vendor/countries-50m.json").then((r) => r.json()),
      this.showHealth(),
    ]);
    this.filters.setChoices(this.types, sites);
    this.map.setSites(sites);
    this.map.setBasemap(topology);
    const state = this.state.get();
    this.filters.show(state);
    this.showTab(state);
    this.reload(state, { fit: true });
    this.showDetail(state);
  }

  changed(next, previous) {
    this.filters.show(next);
    if (differs(next, previous, FILTER_KEYS)) {
      this.reload(next, { fit: false });
    } else {
      if (differs(next, previous, ["offset"])) this.loadTable(next);
      if (differs(next, previous, ["tab", "by", "as_of"])) this.showTab(next);
    }
    if (differs(next, previous, ["event", "incident"])) this.showDetail(next);
  }

  /** Everything that depends on the filters. */
  reload(state, { fit }) {
    this.report(null);
    this.loadTable(state);
    this.loadPicture(state, fit);
    this.loadTab(state);
  }

  /** A fresh AbortSignal for ``part``, aborting the request it replaces. */
  signal(part) {
    if (this.controllers[part]) this.controllers[part].abort();
    this.controllers[part] = new AbortController();
    return this.controllers[part].signal;
  }

  async loadTable(state) {
    const params = { ...filtersOf(state), limit: PAGE_SIZE, offset: state.offset || 0 };
    try {
      const page = await getJson("events", params, this.signal("table"));
      this.table.render(page, state.event);
    } catch (error) {
      this.report(error);
    }
  }

  /** Map and timeline: incidents (one point per real-world event) where the analysis has
   *  built them, else the events themselves. */
  async loadPicture(state, fit) {
    const signal = this.signal("picture");
    const inRange = filtersOf(state);
    const allDates = { ...inRange, since: null, until: null };
    try {
      let kind = "incidents";
      let [shown, all] = await this.fetchBoth(kind, inRange, allDates, signal);
      if (!all.items.length) {
        kind = "events";
        [shown, all] = await this.fetchBoth(kind, inRange, allDates, signal);
      }
      this.drawPicture(kind, shown, all, state, fit);
    } catch (error) {
      this.report(error);
    }
  }

  async fetchBoth(kind, inRange, allDates, signal) {
    try {
      return await Promise.all([getAll(kind, inRange, 5000, signal), getAll(kind, allDates, 5000, signal)]);
    } catch (error) {
      if (kind === "incidents" && error instanceof ApiError && error.status === 404) {
        return [{ items: [], complete: true }, { items: [], complete: true }];
      }
      throw error;
    }
  }

  drawPicture(kind, shown, all, state, fit) {
    const items = shown.items.map(mapItem).filter(Boolean);
    this.map.setItems(items, { fit });
    renderLegend($("legend"), this.types, items);
    const unplaced = shown.items.length - items.length;
    const noun = items.length === 1 ? kind.replace(/s$/, "") : kind;
    $("map-note").textContent = `${items.length} ${noun} placed` + (unplaced ? `, ${unplaced} without a place` : "")
      + (shown.complete ? "" : " (first 5000)");
    this.timeline.render(all.items, (r) => this.types.hostile(r), { since: state.since, until: state.until });
  }

  showTab(state) {
    const active = TABS.includes(state.tab) ? state.tab : "events";
    for (const tab of document.querySelectorAll("[role=tab]")) {
      const selected = tab.dataset.tab === active;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      $(`view-${tab.dataset.tab}`).hidden = !selected;
    }
    this.loadTab(state);
  }

  async loadTab(state) {
    const tab = TABS.includes(state.tab) ? state.tab : "events";
    if (tab === "events") return;
    const signal = this.signal("tab");
    const openIncident = this.nav.openIncident;
    try {
      if (tab === "chains") {
        const { items } = await getAll("chains", { since: state.since, until: state.until, country: state.country }, 5000, signal);
        renderChains($("view-chains"), items, openIncident);
      } else if (tab === "alerts") {
        const { items } = await getAll("alerts", { by: state.by, since: state.since, until: state.until }, 5000, signal);
        renderAlerts($("view-alerts"), items, { by: state.by, openIncident,
          onBy: (by) => this.state.set({ by }) });
      } else {
        // As of the chosen day, else the end of the until filter, else the server's default
        // (the latest incident: the corpus may be years old and "today" would be all quiet).
        const asOf = state.as_of || (state.until ? expand(state.until, "end") : null);
        const { items } = await getAll("threat", { as_of: asOf }, 5000, signal);
        renderThreat($("view-sites"), items, { asOf, openIncident,
          onAsOf: (value) => this.state.set({ as_of: value }) });
      }
    } catch (error) {
      this.report(error);
    }
  }

  showDetail(state) {
    if (state.event) this.detail.showEvent(state.event);
    else if (state.incident) this.detail.showIncident(state.incident);
    else this.detail.hide();
    this.table.markOpen(state.event);
  }

  async showHealth() {
    try {
      const health = await getJson("health");
      $("health").textContent = `${health.documents} documents · ${health.events} events · v${health.version}`;
    } catch (error) {
      this.report(error);
    }
  }

  /** Say what went wrong (or clear the message with null); aborted requests are not errors. */
  report(error) {
    const status = $("status");
    if (error && error.name === "AbortError") return;
    status.textContent = error ? error.message : "";
    status.classList.toggle("error", Boolean(error));
    if (error && !(error instanceof ApiError)) console.error(error);
  }
}

async function boot() {
  const types = await EventTypes.load();
  await new Dashboard(types).start();
}

boot().catch((error) => {
  $("status").textContent = `The dashboard could not start: ${error.message}`;
  $("status").classList.add("error");
});
