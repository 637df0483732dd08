// The map: bundled Natural Earth countries, watched sites with their radius, events or
// incidents as points coloured by type and sized by how many reports carry them.
//
// Zoom and pan move the SVG viewBox (wheel, drag, or the buttons); point and marker sizes are
// reset after each move so they stay the same on screen while site circles keep their true size.

import { clear, s, h } from "./dom.js";
import { Projection, boundsOf, fitBox } from "./geo.js";

const MIN_WIDTH = 0.05; // projected units (degrees): about 5 km across
const MAX_WIDTH = 400;
const DRAG_THRESHOLD_PX = 4;

/** A map point from an incident (Incident.to_dict) or an event record; null without a place. */
export function mapItem(record) {
  const place = record.location;
  if (!place || place.lat === null || place.lat === undefined || place.lon === null) return null;
  const isIncident = "incident_id" in record && "n_events" in record;
  const who = [record.source && record.source.name, record.target && record.target.name].filter(Boolean);
  return {
    kind: isIncident ? "incident" : "event",
    id: isIncident ? record.incident_id : record.event_id,
    type: record.event_type,
    lon: Number(place.lon),
    lat: Number(place.lat),
    weight: Math.max(1, Number(isIncident ? record.n_docs || record.n_events : record.mentions) || 1),
    label: `${record.event_type} ${record.date || "undated"} — ${who.join(" → ") || "actors unknown"}`
      + ` — ${place.name || ""}`,
  };
}

export class MapView {
  /** ``onSelect(item)`` when a point is clicked, ``onSite(site)`` when a site marker is. */
  constructor(container, types, { onSelect, onSite }) {
    this.container = container;
    this.types = types;
    this.onSelect = onSelect;
    this.onSite = onSite;
    this.projection = null;
    this.topology = null;
    this.sites = [];
    this.items = [];
    this.box = null;
    this.svg = s("svg", { class: "map-svg", role: "img", "aria-label": "Map of events and watched sites",
      preserveAspectRatio: "xMidYMid meet" });
    this.layers = {
      land: s("g", { class: "countries" }),
      sites: s("g", { class: "sites" }),
      points: s("g", { class: "points" }),
    };
    this.svg.append(this.layers.land, this.layers.sites, this.layers.points);
    container.append(this.svg);
    this.listen();
  }

  setBasemap(topology) {
    this.topology = topology;
    if (this.projection) this.drawLand();
  }

  setSites(sites) {
    this.sites = sites;
    if (this.projection) this.drawSites();
  }

  /** Show ``items`` (from mapItem); the first call fixes the projection to their area. */
  setItems(items, { fit = false } = {}) {
    this.items = [...items].sort((a, b) => b.weight - a.weight); // small ones drawn on top
    if (!this.projection) {
      const bounds = boundsOf(this.items.map((i) => [i.lon, i.lat]));
      this.projection = new Projection((bounds[1] + bounds[3]) / 2);
      this.drawLand();
      this.drawSites();
      fit = true;
    }
    this.drawPoints();
    if (fit) this.fit();
  }

  /** Fit the view to the points shown (the Middle East when there are none). */
  fit() {
    const rect = this.svg.getBoundingClientRect();
    const bounds = boundsOf(this.items.map((i) => [i.lon, i.lat]));
    this.setBox(fitBox(this.projection, bounds, rect.width || 800, rect.height || 400));
  }

  /** Zoom by ``factor`` (> 1 zooms in) around projected point [cx, cy] (the centre by default). */
  zoom(factor, centre = null) {
    if (!this.box) return;
    const { x, y, w, h: height } = this.box;
    const [cx, cy] = centre || [x + w / 2, y + height / 2];
    const nw = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w / factor));
    const k = nw / w;
    this.setBox({ x: cx - (cx - x) * k, y: cy - (cy - y) * k, w: nw, h: height * k });
  }

  setBox(box) {
    this.box = box;
    this.svg.setAttribute("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
    this.resize();
  }

  /** Projected units per screen pixel at the current zoom. */
  unitsPerPixel() {
    const ctm = this.svg.getScreenCTM();
    return ctm && ctm.a ? 1 / ctm.a : (this.box ? this.box.w / 800 : 0.05);
  }

  /** Keep point and marker sizes constant on screen. */
  resize() {
    const unit = this.unitsPerPixel();
    for (const circle of this.layers.points.children) {
      circle.setAttribute("r", Number(circle.dataset.px) * unit);
      circle.setAttribute("stroke-width", unit);
    }
    for (const marker of this.layers.sites.querySelectorAll(".site-marker")) {
      const [x, y] = [Number(marker.dataset.x), Number(marker.dataset.y)];
      const half = 3 * unit;
      marker.setAttribute("x", x - half);
      marker.setAttribute("y", y - half);
      marker.setAttribute("width", 2 * half);
      marker.setAttribute("height", 2 * half);
      marker.setAttribute("stroke-width", unit);
    }
  }

  drawLand() {
    if (!this.topology || !window.topojson) return;
    const countries = window.topojson.feature(this.topology, this.topology.objects.countries);
    const paths = countries.features.map((feature) => s("path",
      { d: this.projection.path(feature.geometry), class: "country" },
      s("title", {}, (feature.properties && feature.properties.name) || "")));
    clear(this.layers.land).append(...paths);
  }

  drawSites() {
    const nodes = [];
    for (const site of this.sites) {
      const [x, y] = this.projection.point(site.lon, site.lat);
      const [rx, ry] = this.projection.radius(Number(site.radius_km) || 0, site.lat);
      const label = `${site.name} (${site.kind || "site"}, ${site.radius_km} km)`;
      nodes.push(s("ellipse", { class: "site-area", cx: x, cy: y, rx, ry }));
      nodes.push(s("rect", { class: "site-marker", dataset: { x, y, site: site.site_id } },
        s("title", {}, label)));
    }
    clear(this.layers.sites).append(...nodes);
    this.resize();
  }

  drawPoints() {
    const circles = this.items.map((item, index) => {
      const [x, y] = this.projection.point(item.lon, item.lat);
      const px = Math.min(16, 4 + 2.5 * Math.sqrt(item.weight - 1));
      return s("circle", { class: "point", cx: x, cy: y, fill: this.types.colour(item.type),
        dataset: { index: String(index), px: String(px), kind: item.kind, id: item.id } },
      s("title", {}, item.label));
    });
    clear(this.layers.points).append(...circles);
    this.resize();
  }

  listen() {
    this.svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      this.zoom(Math.exp(-e.deltaY * 0.0015), this.toProjected(e));
    }, { passive: false });
    this.listenDrag();
    this.svg.addEventListener("click", (e) => this.clicked(e));
    new ResizeObserver(() => this.resize()).observe(this.container);
  }

  /** Drag to pan. Pointer capture starts only once the pointer has moved, so a plain click
   *  still reaches the point under it. */
  listenDrag() {
    let start = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || !this.box) return;
      start = { x: e.clientX, y: e.clientY, box: this.box, unit: this.unitsPerPixel(), moved: false };
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!start) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      if (!start.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      if (!start.moved) this.svg.setPointerCapture(e.pointerId);
      start.moved = true;
      this.svg.classList.add("dragging");
      this.setBox({ ...start.box, x: start.box.x - dx * start.unit, y: start.box.y - dy * start.unit });
    });
    const end = () => {
      this.dragged = Boolean(start && start.moved);
      start = null;
      this.svg.classList.remove("dragging");
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
  }

  clicked(e) {
    if (this.dragged) {
      this.dragged = false;
      return;
    }
    const point = e.target.closest(".point");
    if (point) {
      this.onSelect(this.items[Number(point.dataset.index)]);
      return;
    }
    const marker = e.target.closest(".site-marker");
    if (marker) this.onSite(this.sites.find((site) => site.site_id === marker.dataset.site));
  }

  toProjected(e) {
    const ctm = this.svg.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return [p.x, p.y];
  }
}

/** The legend: one swatch per type present in ``items``, with its count. */
export function renderLegend(container, types, items) {
  const counts = new Map();
  for (const item of items) counts.set(item.type, (counts.get(item.type) || 0) + 1);
  const entries = types.list.filter((t) => counts.has(t.type)).map((t) => h("span", { class: "legend-item" },
    s("svg", { width: 12, height: 12, "aria-hidden": "true" },
      s("circle", { cx: 6, cy: 6, r: 5, fill: t.colour })),
    ` ${t.label} ${counts.get(t.type)}`));
  clear(container).append(...entries);
}
