// The chain view (GET /api/chains): what answered what.
//
// Each chain is an ordered list of its incidents; under each incident, the links by which it
// answers earlier ones (kind, cue, gap in days, score, and the analysis's explanation), naming
// them by their number in the list. Every incident opens in the detail panel.

import { clear, h, button } from "./dom.js";
import { incidentLabel, linkSummary } from "./detail.js";

/** An incident entry may be the full incident or only its id. */
function incidentId(entry) {
  return typeof entry === "string" ? entry : entry.incident_id;
}

export function renderChains(container, chains, openIncident) {
  if (!chains.length) {
    clear(container).append(h("p", { class: "hint" }, "No chains for these dates and country."));
    return;
  }
  const sections = chains.map((chain, i) => renderChain(chain, i + 1, openIncident));
  clear(container).append(h("p", { class: "note" }, `${chains.length} chain${chains.length === 1 ? "" : "s"}`), ...sections);
}

function renderChain(chain, number, openIncident) {
  const entries = chain.incidents || [];
  const numberOf = new Map(entries.map((entry, i) => [incidentId(entry), i + 1]));
  const links = chain.links || [];
  const items = entries.map((entry) => {
    const id = incidentId(entry);
    const answers = links.filter((link) => link.response_id === id);
    return h("li", { class: "chain-step" },
      button(typeof entry === "string" ? id : incidentLabel(entry), () => openIncident(id),
        { class: "link", dataset: { incidentId: id } }),
      answers.length ? h("ul", { class: "chain-links" }, answers.map((link) => h("li", { class: "chain-link" },
        h("span", { class: "answers" }, `↳ answers #${numberOf.get(link.cause_id) || "?"} `),
        h("span", { class: "note" }, linkSummary(link)),
        link.explanation ? h("div", { class: "explanation" }, link.explanation) : null))) : null);
  });
  const span = [chain.start, chain.end].filter(Boolean).join(" – ");
  return h("section", { class: "chain", dataset: { chainId: chain.chain_id } },
    h("h3", {}, `Chain ${number}: ${span} · ${entries.length} incidents · ${links.length} links`),
    h("ol", {}, items));
}
