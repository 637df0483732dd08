// The event table: one page of GET /api/events, paged with next_offset.
//
// Rows are focusable and open with Enter or Space as well as a click, so the table is the
// keyboard route to every event (the map's points are for the mouse).

import { clear, h, button } from "./dom.js";

const COLUMNS = ["Date", "Type", "Source → target", "Place", "Status", "Sentence"];

/** "name (COUNTRY)" for an actor, or an empty string. */
export function actorText(actor) {
  if (!actor) return "";
  const name = actor.name || actor.text || "";
  return actor.country ? `${name} (${actor.country})` : name;
}

/** "type / mode" for a record. */
export function typeText(record) {
  return record.mode ? `${record.event_type} / ${record.mode}` : record.event_type;
}

export class EventTable {
  /** ``onOpen(eventId)`` when a row is chosen, ``onPage(offset)`` for the pager. */
  constructor(container, { onOpen, onPage }) {
    this.container = container;
    this.onOpen = onOpen;
    this.onPage = onPage;
  }

  /** Render a list answer ({items, limit, offset, next_offset}); ``openId`` marks a row. */
  render(page, openId) {
    const offset = Number(page.offset) || 0;
    const rows = page.items.map((record) => this.row(record, record.event_id === openId));
    const caption = page.items.length
      ? `Events ${offset + 1}–${offset + page.items.length}${page.next_offset === null ? "" : " (more)"}`
      : "No events match these filters.";
    const table = h("table", { class: "events" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, COLUMNS.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows));
    const pager = h("div", { class: "pager" },
      button("← Previous", () => this.onPage(Math.max(0, offset - page.limit)), { disabled: offset === 0, id: "page-prev" }),
      button("Next →", () => this.onPage(page.next_offset), { disabled: page.next_offset === null, id: "page-next" }));
    clear(this.container).append(table, pager);
  }

  /** Mark the row of the open event (none when ``eventId`` is empty). */
  markOpen(eventId) {
    for (const row of this.container.querySelectorAll("tr.row")) {
      const isOpen = row.dataset.eventId === eventId;
      row.classList.toggle("open", isOpen);
      if (isOpen) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }

  row(record, isOpen) {
    const open = () => this.onOpen(record.event_id);
    const where = record.location ? record.location.name : "";
    return h("tr", {
      tabindex: 0,
      class: isOpen ? "row open" : "row",
      "aria-current": isOpen ? "true" : null,
      dataset: { eventId: record.event_id },
      on: {
        click: open,
        keydown: (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            open();
          }
        },
      },
    },
    h("td", { class: "date" }, record.date || "—"),
    h("td", { class: "type" }, typeText(record)),
    h("td", {}, [actorText(record.source), record.target ? ` → ${actorText(record.target)}` : ""]),
    h("td", {}, where),
    h("td", { class: `status ${record.status}` }, record.status),
    h("td", { class: "sentence", title: record.sentence }, record.sentence));
  }
}
