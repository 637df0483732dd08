// The timeline: hostile and other incidents per day or week as stacked SVG bars.
//
// Dragging across it (or clicking a bar) sets the since/until filters, so the range is part of
// the URL like every other filter. Only dates known to the day are placed; the count of the
// others (month or year only, or undated) is shown beside it rather than guessed into a bar.

import { clear, s } from "./dom.js";

const DAY_MS = 86400000;
const DAY_BINS_UP_TO_DAYS = 92;
const HEIGHT = 150;
const MARGIN = { left: 34, right: 8, top: 10, bottom: 22 };
const DAY_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toMs = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the bin holding ``ms``: itself, or the Monday of its ISO week. */
function binStart(ms, unit) {
  if (unit === "day") return ms;
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return ms - weekday * DAY_MS;
}

/** Bins {start, end (ms, inclusive last day), hostile, other} from first to last dated record. */
export function binRecords(records, isHostile) {
  const dated = records.filter((r) => r.date && DAY_DATE.test(r.date));
  if (!dated.length) return { unit: "day", bins: [], undated: records.length };
  const days = dated.map((r) => toMs(r.date));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const unit = (last - first) / DAY_MS <= DAY_BINS_UP_TO_DAYS ? "day" : "week";
  const step = unit === "day" ? DAY_MS : 7 * DAY_MS;
  const origin = binStart(first, unit);
  const bins = [];
  for (let start = origin; start <= last; start += step) {
    bins.push({ start, end: start + step - DAY_MS, hostile: 0, other: 0 });
  }
  dated.forEach((record, i) => {
    const bin = bins[Math.floor((days[i] - origin) / step)];
    if (isHostile(record)) bin.hostile += 1;
    else bin.other += 1;
  });
  return { unit, bins, undated: records.length - dated.length };
}

export class Timeline {
  /** ``onRange(since, until)`` receives ISO days when the user picks a range. */
  constructor(container, note, onRange) {
    this.container = container;
    this.note = note;
    this.onRange = onRange;
    this.data = { unit: "day", bins: [], undated: 0 };
    this.range = {};
    new ResizeObserver(() => this.draw()).observe(container);
  }

  /** Show ``records`` (each with date and quad_class); ``range`` the since/until filter. */
  render(records, isHostile, range) {
    this.data = binRecords(records, isHostile);
    this.range = range;
    const { unit, bins, undated } = this.data;
    const total = bins.reduce((n, b) => n + b.hostile + b.other, 0);
    this.note.textContent = `${total} dated to the day, per ${unit}` + (undated ? `; ${undated} with a vaguer or no date` : "");
    this.draw();
  }

  draw() {
    const width = Math.max(this.container.clientWidth, 300);
    const { bins } = this.data;
    const svg = s("svg", { class: "timeline-svg", width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`,
      role: "img", "aria-label": this.note.textContent || "Timeline" });
    clear(this.container).append(svg);
    if (!bins.length) return;
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const max = Math.max(1, ...bins.map((b) => b.hostile + b.other));
    const barW = Math.min(plotW / bins.length, 40); // a few bins should not fill the width
    const y = (n) => MARGIN.top + plotH - (n / max) * plotH;
    this.geometry = { plotW, barW };
    svg.append(this.axes(bins, barW, max, y), this.bars(bins, barW, y), this.selection(bins, barW));
    this.listenBrush(svg);
  }

  bars(bins, barW, y) {
    const g = s("g", { class: "bars" });
    bins.forEach((bin, i) => {
      const x = MARGIN.left + i * barW;
      const w = Math.max(barW - (barW > 3 ? 1 : 0), 0.5);
      const label = `${toIso(bin.start)}: ${bin.hostile} hostile, ${bin.other} other`;
      if (bin.hostile) g.append(s("rect", { class: "bar hostile", x, width: w, y: y(bin.hostile), height: y(0) - y(bin.hostile) }, s("title", {}, label)));
      if (bin.other) g.append(s("rect", { class: "bar other", x, width: w, y: y(bin.hostile + bin.other), height: y(bin.hostile) - y(bin.hostile + bin.other) }, s("title", {}, label)));
    });
    return g;
  }

  axes(bins, barW, max, y) {
    const g = s("g", { class: "axes" });
    const bottom = y(0);
    g.append(s("line", { x1: MARGIN.left, x2: MARGIN.left + bins.length * barW, y1: bottom, y2: bottom }));
    g.append(s("text", { x: MARGIN.left - 4, y: y(max) + 4, "text-anchor": "end" }, String(max)));
    g.append(s("text", { x: MARGIN.left - 4, y: bottom, "text-anchor": "end" }, "0"));
    const yearly = bins[bins.length - 1].start - bins[0].start > 300 * DAY_MS;
    let lastLabel = "";
    let lastX = -Infinity;
    bins.forEach((bin, i) => {
      const iso = toIso(bin.start);
      const label = yearly ? iso.slice(0, 4) : iso.slice(0, 7);
      const x = MARGIN.left + i * barW;
      if (label === lastLabel || x - lastX < 40) return;
      lastLabel = label;
      lastX = x;
      g.append(s("line", { x1: x, x2: x, y1: bottom, y2: bottom + 4 }));
      g.append(s("text", { x, y: bottom + 15 }, label));
    });
    return g;
  }

  /** The since/until filter drawn over the bars. */
  selection(bins, barW) {
    const { since, until } = this.range;
    const rect = s("rect", { class: "selection", y: MARGIN.top, height: HEIGHT - MARGIN.top - MARGIN.bottom, x: 0, width: 0 });
    if (!since && !until) return rect;
    const lo = since ? toMs(expand(since, "start")) : bins[0].start;
    const hi = until ? toMs(expand(until, "end")) : bins[bins.length - 1].end;
    const first = bins.findIndex((b) => b.end >= lo);
    let last = -1;
    bins.forEach((b, i) => { if (b.start <= hi) last = i; });
    if (first < 0 || last < first) return rect;
    rect.setAttribute("x", MARGIN.left + first * barW);
    rect.setAttribute("width", (last - first + 1) * barW);
    return rect;
  }

  /** Drag to select bins, click to select one; the result goes to onRange. */
  listenBrush(svg) {
    const band = svg.querySelector(".selection");
    const binAt = (e) => {
      const x = e.clientX - svg.getBoundingClientRect().left - MARGIN.left;
      return Math.min(this.data.bins.length - 1, Math.max(0, Math.floor(x / this.geometry.barW)));
    };
    let anchor = null;
    svg.addEventListener("pointerdown", (e) => {
      anchor = binAt(e);
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", (e) => {
      if (anchor === null) return;
      const [a, b] = [anchor, binAt(e)].sort((p, q) => p - q);
      band.setAttribute("x", MARGIN.left + a * this.geometry.barW);
      band.setAttribute("width", (b - a + 1) * this.geometry.barW);
    });
    svg.addEventListener("pointerup", (e) => {
      if (anchor === null) return;
      const [a, b] = [anchor, binAt(e)].sort((p, q) => p - q);
      anchor = null;
      this.onRange(toIso(this.data.bins[a].start), toIso(this.data.bins[b].end));
    });
  }
}

/** The first or last day of a YYYY, YYYY-MM or YYYY-MM-DD filter value. */
export function expand(value, side) {
  const [year, month, day] = value.split("-");
  if (day) return value;
  if (side === "start") return month ? `${year}-${month}-01` : `${year}-01-01`;
  if (!month) return `${year}-12-31`;
  const last = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(last).padStart(2, "0")}`;
}
