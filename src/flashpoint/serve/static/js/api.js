// The REST API of docs/API.md, as the dashboard calls it.
//
// Every answer is JSON; every error is {"error": {"status", "code", "message", "parameter"}}.
// A failed call throws ApiError carrying that message so the page can say what was wrong
// (e.g. which filter is malformed) instead of failing silently.

/** The most items one list call may return (docs/API.md: limit at most 500). */
export const MAX_LIMIT = 500;

export class ApiError extends Error {
  constructor(message, status, parameter = null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.parameter = parameter;
  }
}

/** A query string from ``params``, leaving out empty values so URLs stay short and shareable. */
export function queryString(params) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") out.set(key, String(value));
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

/** GET ``path`` (under /api) and return its JSON; ``signal`` lets a newer request cancel it. */
export async function getJson(path, params = {}, signal = undefined) {
  const response = await fetch(`api/${path}${queryString(params)}`, {
    headers: { Accept: "application/json" },
    signal,
  });
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    // An aborted read is the caller's to ignore; an error page need not be JSON.
    if (error.name === "AbortError" || response.ok) throw error;
  }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(
      error.message || `${response.status} ${response.statusText} from /api/${path}`,
      response.status,
      error.parameter || null,
    );
  }
  return body;
}

/** Every page of a list endpoint, following next_offset, up to ``cap`` items.
 *  Returns {items, complete}: complete is false when the cap cut the list short. */
export async function getAll(path, params = {}, cap = 5000, signal = undefined) {
  const items = [];
  let offset = 0;
  while (offset !== null && items.length < cap) {
    const limit = Math.min(MAX_LIMIT, cap - items.length);
    const page = await getJson(path, { ...params, limit, offset }, signal);
    items.push(...page.items);
    offset = page.next_offset;
  }
  return { items, complete: offset === null };
}

/** ``path`` with its id segment escaped: ids come from the data. */
export function idPath(prefix, id) {
  return `${prefix}/${encodeURIComponent(id)}`;
}
