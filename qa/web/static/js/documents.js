// The documents view: every indexed document, with a filter box.

import * as api from "./api.js";
import { el, readerHref, showError, summaryHref } from "./dom.js";
import { t } from "./i18n.js";

const filter = document.getElementById("doc-filter");
const list = document.getElementById("doc-list");
const count = document.getElementById("doc-count");
const errorBox = document.getElementById("doc-error");
let all = [];

filter.addEventListener("input", render);

/** Show the list (fetched once per page load). */
export async function enter() {
  try {
    all = await api.documents();
    showError(errorBox, null);
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    showError(errorBox, error);
  }
  render();
}

function render() {
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((d) => {
    const haystack = `${d.title} ${d.subtitle} ${d.byline} ${d.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  count.textContent = t("docs.count", { n: all.length, shown: shown.length });
  list.replaceChildren(...shown.map((d) => el("li", { class: "document" },
    el("a", { class: "document-title", href: readerHref(d.id) }, d.title),
    d.subtitle ? el("p", { class: "subtitle" }, d.subtitle) : null,
    el("p", { class: "meta-line" }, [d.byline, d.outlet, t("docs.passages", { n: d.passages })].filter(Boolean)
      .join(" · "), " · ",
      el("a", { href: summaryHref(d.id) }, t("docs.summarize"))))));
  if (!shown.length && all.length) list.append(el("li", { class: "empty" }, t("docs.none")));
}
