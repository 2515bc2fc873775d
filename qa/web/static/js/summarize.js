// The summary view: a document's, a pasted text's, or a question's summary; sentences link to their place.

import * as api from "./api.js";
import { el, highlighted, readerHref, showError } from "./dom.js";
import { t } from "./i18n.js";

const form = document.getElementById("sum-form");
const select = document.getElementById("sum-doc");
const result = document.getElementById("sum-result");
const errorBox = document.getElementById("sum-error");
let last = null; // {body, response, error} of the summary shown
let titles = new Map(); // doc id -> title

function showSource() {
  const source = form.elements.source.value;
  for (const field of form.querySelectorAll("[data-source]")) field.hidden = field.dataset.source !== source;
}

form.addEventListener("change", (event) => {
  if (event.target.name === "source") showSource();
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const fields = { doc: ["doc_id", select.value], text: ["text", form.elements.text.value],
    question: ["question", form.elements.question.value] };
  const [key, value] = fields[form.elements.source.value];
  const body = { [key]: value, max_sentences: Number(form.elements.sentences.value) };
  try {
    last = { body, response: await api.summarize(body) };
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    last = { body, error };
  }
  render();
});

/** Show the view; `?view=summarize&doc=ID` picks that document. */
export async function enter(params) {
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true; // until the document list is in
  try {
    const documents = await api.documents();
    titles = new Map(documents.map((d) => [d.id, d.title]));
    const chosen = params.get("doc") ?? select.value;
    select.replaceChildren(...documents.map((d) => el("option", { value: d.id }, d.title)));
    if (titles.has(chosen)) select.value = chosen;
    if (params.has("doc")) form.elements.source.value = "doc";
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    last = { error };
  } finally {
    submit.disabled = false;
  }
  showSource();
  render();
}

function render() {
  showError(errorBox, last?.error);
  const response = last?.response;
  if (!response) {
    result.replaceChildren();
    return;
  }
  const pasted = last.body.text;
  const groups = [];
  for (const sentence of response.sentences) {
    if (groups.at(-1)?.docId !== sentence.doc_id) groups.push({ docId: sentence.doc_id, sentences: [] });
    groups.at(-1).sentences.push(sentence);
  }
  result.replaceChildren(el("section", { "aria-labelledby": "sum-result-heading" },
    el("h2", { id: "sum-result-heading" }, t("sum.result")),
    response.sentences.length ? null : el("p", {}, t("sum.empty")),
    ...groups.map(({ docId, sentences }) => el("section", { class: "summary-group" },
      docId ? el("h3", {}, titles.get(docId) ?? docId) : null,
      el("ol", { class: "summary" }, ...sentences.map((s) => el("li", {},
        docId ? el("a", { href: readerHref(docId, s.start, s.end) }, s.text) : s.text))))),
    pasted === undefined ? null : el("section", {},
      el("h3", {}, t("sum.pasted")),
      el("p", { class: "pasted" },
        highlighted(pasted, response.sentences.map((s) => ({ start: s.start, end: s.end, cls: "target" }))))),
    el("h3", {}, t("sum.keywords")),
    el("ul", { class: "chips" }, ...response.keywords.map((k) => el("li", { class: "chip" }, k)))));
}
