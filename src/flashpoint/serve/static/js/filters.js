// The filter form: mirrors the filter part of the URL state and writes it back on Apply.

import { FILTER_KEYS } from "./state.js";
import { h } from "./dom.js";

export class FilterForm {
  /** ``onApply(filters)`` gets every filter key, "" for the empty ones. */
  constructor(form, clearButton, onApply) {
    this.form = form;
    this.onApply = onApply;
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (form.reportValidity()) onApply(this.read());
    });
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => form.requestSubmit());
    }
    clearButton.addEventListener("click", () => {
      form.reset();
      onApply(this.read());
    });
  }

  /** Option lists for type (from the types file) and site (from GET /api/sites). */
  setChoices(types, sites) {
    const type = this.form.elements.type;
    type.append(...types.list.map((t) => h("option", { value: t.type }, t.label)));
    const site = this.form.elements.site;
    const sorted = [...sites].sort((a, b) => a.name.localeCompare(b.name));
    site.append(...sorted.map((s) => h("option", { value: s.site_id }, `${s.name} (${s.country || "?"})`)));
  }

  /** Put the state's filters into the inputs. */
  show(state) {
    for (const key of FILTER_KEYS) {
      const input = this.form.elements[key];
      if (!input) continue;
      const value = state[key] || "";
      if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
        input.append(h("option", { value }, value)); // a shared URL may name a value not listed
      }
      input.value = value;
    }
  }

  read() {
    const out = {};
    for (const key of FILTER_KEYS) {
      const input = this.form.elements[key];
      out[key] = input ? input.value.trim() : "";
    }
    if (out.country) out.country = out.country.toUpperCase();
    return out;
  }
}
