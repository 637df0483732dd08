// Building DOM nodes without ever parsing a string as markup.
//
// Everything the dashboard shows from the database (sentences, article text, titles, actor
// names) comes from ingested documents, i.e. from strangers. The only way such text enters the
// page is as a Text node (createTextNode / textContent), so a document that holds "<script>" shows
// those characters and runs nothing. The page's CSP also requires Trusted Types with no policy,
// so an accidental innerHTML with a string would throw instead of rendering.

const SVG_NS = "http://www.w3.org/2000/svg";

/** Append children: strings and numbers become Text nodes, null/undefined/false are skipped. */
export function append(parent, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Set attributes and listeners on a node. ``on`` maps event names to handlers; ``href`` goes
 *  through safeUrl so a stored "javascript:" URL can never become a link. */
function decorate(node, props) {
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") {
      for (const [name, handler] of Object.entries(value)) node.addEventListener(name, handler);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else if (key === "href") {
      const url = safeUrl(value);
      if (url) node.setAttribute("href", url);
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  return node;
}

/** An HTML element: h("td", {class: "x"}, "text", otherNode). */
export function h(tag, props, ...children) {
  return append(decorate(document.createElement(tag), props), ...children);
}

/** An SVG element, same calling convention as h(). */
export function s(tag, props, ...children) {
  return append(decorate(document.createElementNS(SVG_NS, tag), props), ...children);
}

/** Remove every child of ``node`` (and so every listener hung on them). */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** ``value`` if it is an absolute http(s) URL, else null: URLs come from documents too. */
export function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A button that runs ``action`` on click; with a label for screen readers when given. */
export function button(text, action, props = {}) {
  return h("button", { type: "button", ...props, on: { click: action } }, text);
}
