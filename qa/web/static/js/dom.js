// Small DOM helpers shared by the views: element building, navigation, errors, highlighted text.

/** Build an element: `el("a", {href: "…", class: "x"}, "text", child…)`; null attributes and children are skipped. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** `text[start:end]` counted in Unicode code points, as the API's offsets are. */
export function slice(text, start, end) {
  return Array.from(text).slice(start, end).join("");
}

/** Go to a page state (a `?…` URL) without reloading; main.js routes on popstate. */
export function navigate(url) {
  const same = new URL(url, location.href).href === location.href;
  history[same ? "replaceState" : "pushState"](null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
}

/** The link to a document, with the span [start, end) of its text highlighted. */
export function readerHref(docId, start, end) {
  const params = new URLSearchParams({ doc: docId });
  if (start !== undefined) params.set("start", start);
  if (end !== undefined) params.set("end", end);
  return `?${params}`;
}

/** The link to the summary view with a document chosen. */
export function summaryHref(docId) {
  return `?${new URLSearchParams({ view: "summarize", doc: docId })}`;
}

/** The link to the documents view with a document's edit form open. */
export function editHref(docId) {
  return `?${new URLSearchParams({ view: "documents", edit: docId })}`;
}

/** Show an ApiError (or hide the box when `error` is null). */
export function showError(box, error) {
  box.hidden = !error;
  box.textContent = error ? error.describe() : "";
}

/**
 * Render `text` with highlighted spans. Offsets count Unicode code points, as the API's do.
 * Each span is {start, end, cls}; overlapping spans split the text into segments, each segment a
 * <mark> carrying the classes of every span that covers it.
 */
export function highlighted(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const { start, end } of spans) {
    cuts.add(Math.max(0, Math.min(start, chars.length)));
    cuts.add(Math.max(0, Math.min(end, chars.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = chars.slice(from, to).join("");
    const classes = spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.cls);
    fragment.append(classes.length ? el("mark", { class: [...new Set(classes)].join(" ") }, piece) : piece);
  }
  return fragment;
}

const QUESTION_WORDS = new Set(["多少", "什么", "哪里", "哪些", "哪个", "哪儿", "怎么", "怎样", "怎么样", "为什么",
  "如何", "是否", "是谁", "几个", "多久", "多大", "多长", "多高", "what", "when", "where", "which", "who", "how",
  "why"]);

const fold = (char) => char.normalize("NFKC").toLowerCase();

/**
 * Spans of `text` where the question's words occur: the longest runs of two or more characters that
 * also occur in the question (width and case folded; three for Latin letters), leaving out interrogatives
 * and punctuation.
 */
export function questionTermSpans(question, text) {
  const asked = Array.from(question).map(fold).join("");
  const chars = Array.from(text).map(fold);
  const spans = [];
  for (let i = 0; i < chars.length;) {
    let length = 0;
    while (i + length < chars.length && asked.includes(chars.slice(i, i + length + 1).join(""))) length++;
    const word = chars.slice(i, i + length).join("");
    const ascii = /^[\x00-\x7f]*$/.test(word);
    if (length >= (ascii ? 3 : 2) && /[\p{L}\p{N}]/u.test(word) && !QUESTION_WORDS.has(word.trim())) {
      spans.push({ start: i, end: i + length, cls: "term" });
      i += length;
    } else {
      i++;
    }
  }
  return spans;
}
