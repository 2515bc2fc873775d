// The article view: a document's text, numbered by paragraph, with one span highlighted and scrolled to.

import * as api from "./api.js";
import { editHref, el, highlighted, readerHref, showError, summaryHref } from "./dom.js";
import { t } from "./i18n.js";

const view = document.getElementById("reader");
const errorBox = document.getElementById("read-error");
const cache = new Map(); // doc id -> document, until the corpus changes
window.addEventListener("corpuschange", () => cache.clear());

/** Show `?doc=ID&start=S&end=E`: the document with text[S:E] highlighted and scrolled into view. */
export async function enter(params) {
  const id = params.get("doc");
  const target = params.has("start") && params.has("end")
    ? { start: Number(params.get("start")), end: Number(params.get("end")) } : null;
  try {
    if (!cache.has(id)) cache.set(id, await api.documentById(id));
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    showError(errorBox, error);
    view.replaceChildren();
    return;
  }
  showError(errorBox, null);
  view.replaceChildren(...render(cache.get(id), target));
  const first = view.querySelector("mark.target");
  if (first) {
    first.tabIndex = -1;
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  } else {
    window.scrollTo(0, 0);
  }
}

function render(doc, target) {
  const meta = [["read.byline", doc.byline], ["read.date", doc.date], ["read.outlet", doc.outlet]]
    .filter(([, value]) => value)
    .flatMap(([key, value]) => [el("dt", {}, t(key)), el("dd", {}, value)]);
  const header = el("header", { class: "reader-head" },
    el("h1", {}, doc.title),
    doc.subtitle ? el("p", { class: "subtitle" }, doc.subtitle) : null,
    meta.length ? el("dl", { class: "meta" }, ...meta) : null,
    el("p", { class: "actions" }, el("a", { href: summaryHref(doc.id) }, t("read.summarize")),
      api.getToken() ? el("a", { href: editHref(doc.id) }, t("read.edit")) : null));
  const side = el("aside", { class: "reader-side" },
    el("section", { "aria-labelledby": "read-summary" },
      el("h2", { id: "read-summary" }, t("read.summary")),
      el("ol", { class: "summary" }, ...doc.summary.map((s) =>
        el("li", {}, el("a", { href: readerHref(doc.id, s.start, s.end) }, s.text))))),
    el("section", { "aria-labelledby": "read-keywords" },
      el("h2", { id: "read-keywords" }, t("read.keywords")),
      el("ul", { class: "chips" }, ...doc.keywords.map((k) => el("li", { class: "chip" }, k)))));
  const body = el("section", { class: "reader-text", "aria-labelledby": "read-text" },
    el("h2", { id: "read-text", class: "visually-hidden" }, t("read.text")),
    el("ol", { class: "lines" }, ...lines(doc.text, target)));
  return [header, el("div", { class: "reader-body" }, body, side)];
}

/** One list item per paragraph (line), so the list numbers are the API's paragraph numbers. */
function lines(text, target) {
  let offset = 0;
  return text.split("\n").map((line) => {
    const [start, end] = [offset, offset + Array.from(line).length];
    offset = end + 1;
    const spans = target && target.start < end && target.end > start
      ? [{ start: Math.max(target.start, start) - start, end: Math.min(target.end, end) - start, cls: "target" }]
      : [];
    return el("li", {}, highlighted(line, spans));
  });
}
