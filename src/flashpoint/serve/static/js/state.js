// The dashboard's state lives in the URL's query string.
//
// Filters and what is open (event, incident, tab, page) are read from location.search at start
// and written back with history.replaceState on every change, so a URL is a shareable view and
// reloading restores it. Nothing else holds state that a reload would lose.

/** Filters sent to the API unchanged (docs/API.md, GET /api/events). */
export const FILTER_KEYS = ["since", "until", "type", "actor", "country", "status", "site", "within_km", "q"];

/** What is on screen: table page, open event or incident, active tab, threat date, alert grouping. */
export const VIEW_KEYS = ["offset", "event", "incident", "tab", "as_of", "by"];

const ALL_KEYS = [...FILTER_KEYS, ...VIEW_KEYS];

/** The state in ``search`` (a query string), only known keys, empty values dropped. */
export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = {};
  for (const key of ALL_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== "") state[key] = value.trim();
  }
  return state;
}

/** The query string for ``state``, keys in a fixed order so equal views have equal URLs. */
export function formatState(state) {
  const params = new URLSearchParams();
  for (const key of ALL_KEYS) {
    if (state[key] !== undefined && state[key] !== null && state[key] !== "") params.set(key, state[key]);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Only the filter part of ``state``. */
export function filtersOf(state) {
  const out = {};
  for (const key of FILTER_KEYS) if (state[key] !== undefined) out[key] = state[key];
  return out;
}

/** True when ``a`` and ``b`` differ in any of ``keys``. */
export function differs(a, b, keys) {
  return keys.some((key) => (a[key] ?? "") !== (b[key] ?? ""));
}

/** A state holder that mirrors itself into the URL and tells listeners what changed. */
export class UrlState {
  constructor(win = window) {
    this.win = win;
    this.current = parseState(win.location.search);
    this.listeners = [];
  }

  get() {
    return { ...this.current };
  }

  /** Merge ``patch`` (null or "" removes a key), update the URL, notify with (new, old). */
  set(patch) {
    const previous = this.current;
    const next = { ...previous };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === "") delete next[key];
      else next[key] = String(value);
    }
    this.current = next;
    const url = `${this.win.location.pathname}${formatState(next)}${this.win.location.hash}`;
    this.win.history.replaceState(null, "", url);
    for (const listener of this.listeners) listener(next, previous);
  }

  subscribe(listener) {
    this.listeners.push(listener);
  }
}
