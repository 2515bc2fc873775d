// The ask view: question box, the answer in its sentence, and the passages in rank order.

import * as api from "./api.js";
import { el, highlighted, navigate, questionTermSpans, readerHref, showError, slice } from "./dom.js";
import { t } from "./i18n.js";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const result = document.getElementById("ask-result");
const errorBox = document.getElementById("ask-error");
let last = null; // {question, response, error} of the question shown
let asking = 0;
window.addEventListener("corpuschange", () => { last = null; }); // the same question may now answer otherwise

form.addEventListener("submit", (event) => {
  event.preventDefault();
  last = null; // asking again always asks
  navigate(`?${new URLSearchParams({ q: input.value })}`);
});

result.addEventListener("click", (event) => {
  const text = event.target.closest(".passage-text");
  if (text) navigate(text.closest(".passage").querySelector(".passage-title").href);
});

/** Show the view for `?q=`: ask the question unless its answer is already shown. */
export async function enter(params) {
  const question = params.get("q");
  if (question === null) {
    last = null;
    render();
    return;
  }
  input.value = question;
  if (last?.question !== question) {
    const ticket = ++asking;
    let shown;
    try {
      shown = { question, response: await api.ask(question) };
    } catch (error) {
      if (!(error instanceof api.ApiError)) throw error;
      shown = { question, error };
    }
    if (ticket !== asking) return; // a later question is on its way
    last = shown;
  }
  render();
}

function render() {
  showError(errorBox, last?.error);
  const response = last?.response;
  result.replaceChildren(...(response ? [answerBox(response), passageList(response)] : []));
}

function answerBox({ answer, passages }) {
  if (!answer) {
    return el("section", { class: "answer-box none", "aria-labelledby": "answer-heading" },
      el("h2", { id: "answer-heading" }, t("answer.none")),
      el("p", {}, t("answer.none.detail")));
  }
  const passage = passages.find((p) => p.id === answer.passage_id);
  const main = el("p", { class: "answer-main" },
    el("mark", { class: "answer" }, answer.text), " ",
    el("span", { class: "chip", title: t("answer.type") }, t(`type.${answer.type}`)));
  const parts = answer.parts.length > 1
    ? [el("ul", { class: "answer-parts" }, ...answer.parts.map((part) => el("li", {},
      el("mark", { class: "answer" }, part.text), " ", el("span", { class: "chip" }, t(`type.${part.type}`)))))]
    : [];
  if (!passage) { // an article's own fact (its byline, its title) may stand in a passage not retrieved
    return el("section", { class: "answer-box", "aria-labelledby": "answer-heading" },
      el("h2", { id: "answer-heading" }, t("answer.heading")), main, ...parts,
      el("p", { class: "answer-source" }, t("answer.source"),
        el("a", { href: readerHref(answer.doc_id, answer.doc_start, answer.doc_end) }, answer.doc_id)));
  }
  const { start, end } = answer.sentence;
  const sentence = highlighted(slice(passage.text, start, end),
    [{ start: answer.start - start, end: answer.end - start, cls: "answer" }]);
  return el("section", { class: "answer-box", "aria-labelledby": "answer-heading" },
    el("h2", { id: "answer-heading" }, t("answer.heading")), main, ...parts,
    el("blockquote", { class: "answer-sentence" }, sentence),
    el("p", { class: "answer-source" }, t("answer.source"), sourceLink(passage), " · ",
      t("passage.paragraph", { n: passage.source.paragraph })));
}

function sourceLink({ source }) {
  return el("a", { class: "passage-title", href: readerHref(source.doc_id, source.start, source.end) }, source.title);
}

function passageList({ question, answer, passages, took_ms: took }) {
  const items = passages.map((passage) => {
    const spans = [
      ...passage.highlights.map(([start, end]) => ({ start, end, cls: "sentence" })),
      ...questionTermSpans(question, passage.text),
      ...(answer?.passage_id === passage.id ? [{ start: answer.start, end: answer.end, cls: "answer" }] : []),
    ];
    return el("li", { class: "passage", "data-passage-id": passage.id },
      el("div", { class: "passage-head" }, sourceLink(passage),
        el("span", { class: "para" }, t("passage.paragraph", { n: passage.source.paragraph }))),
      el("p", { class: "passage-text", title: t("passage.open") }, highlighted(passage.text, spans)),
      scores(passage));
  });
  return el("section", { class: "passages", "aria-labelledby": "passages-heading" },
    el("h2", { id: "passages-heading" }, t("passages.heading", { n: passages.length }),
      el("span", { class: "took" }, t("took", { ms: Math.round(took) }))),
    items.length ? el("ol", {}, ...items) : el("p", {}, t("passages.empty")));
}

function scores({ score, scores: { dense, lexical }, ranks }) {
  const value = (number, rank) => (number === null ? "—"
    : `${number.toFixed(3)}${rank ? ` (${t("scores.rank", { n: rank })})` : ""}`);
  const row = (label, text) => [el("dt", {}, label), el("dd", {}, text)];
  return el("details", { class: "scores" }, el("summary", {}, t("scores")),
    el("dl", {}, ...row(t("scores.fused"), value(score)), ...row(t("scores.dense"), value(dense, ranks.dense)),
      ...row(t("scores.lexical"), value(lexical, ranks.lexical))));
}
