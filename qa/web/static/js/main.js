// Entry point: routes the address bar (`?q=`, `?doc=`, `?view=`) to a view and switches language.

import * as ask from "./ask.js";
import * as documents from "./documents.js";
import { navigate } from "./dom.js";
import { applyStrings, getLang, setLang } from "./i18n.js";
import * as reader from "./reader.js";
import * as summarize from "./summarize.js";

const VIEWS = { ask, read: reader, summarize, documents };

function route() {
  const params = new URLSearchParams(location.search);
  const requested = params.get("view") ?? (params.has("doc") ? "read" : "ask");
  const name = requested in VIEWS ? requested : "ask";
  for (const section of document.querySelectorAll("[data-view]")) section.hidden = section.dataset.view !== name;
  for (const link of document.querySelectorAll("[data-view-link]")) {
    if (link.dataset.viewLink === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  VIEWS[name].enter(params);
}

// Same-page links change the view without reloading; modified clicks keep their usual meaning.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || link.target || link.origin !== location.origin || link.pathname !== location.pathname
      || link.getAttribute("href").startsWith("#")) return;
  event.preventDefault();
  navigate(link.href);
});

const langButton = document.getElementById("lang");

function relabel() {
  applyStrings();
  langButton.lang = getLang() === "zh" ? "en" : "zh-CN"; // the button names the other language in itself
}

langButton.addEventListener("click", () => {
  setLang(getLang() === "zh" ? "en" : "zh");
  relabel();
  route();
});

window.addEventListener("popstate", route);
relabel();
route();
