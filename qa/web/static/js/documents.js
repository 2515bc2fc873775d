// The documents view: every indexed document, with a filter box; with a write token (kept in sessionStorage
// only), upload files or paste a document, follow each write job's progress, replace and delete.

import * as api from "./api.js";
import { editHref, el, navigate, readerHref, showError, summaryHref } from "./dom.js";
import { t } from "./i18n.js";

const byId = (id) => document.getElementById(id);
const filter = byId("doc-filter");
const list = byId("doc-list");
const count = byId("doc-count");
const errorBox = byId("doc-error");
const panel = byId("write-panel");
const tokenInput = byId("write-token");
const addForms = byId("add-forms");
const uploadForm = byId("upload-form");
const fileInput = byId("upload-files");
const pasteForm = byId("paste-form");
const editForm = byId("edit-form");
const editConfirm = byId("edit-confirm");
const writeError = byId("write-error");
const writeStatus = byId("write-status");
const jobsSection = byId("jobs-section");
const jobsList = byId("jobs");

const ACTIVE = new Set(["sending", "queued", "running"]);
let all = [];
let confirming = null; // id of the listed document whose deletion awaits confirmation
let editing = null; // the document in the edit form
const entries = []; // this page's writes, newest first: {kind, name, job, error}

filter.addEventListener("input", render);

// ---------------------------------------------------------------- the token

tokenInput.value = api.getToken();
byId("token-form").addEventListener("submit", (event) => event.preventDefault()); // Enter keeps the token, no more
panel.open = Boolean(tokenInput.value);
tokenInput.addEventListener("input", () => {
  api.setToken(tokenInput.value);
  render();
});
byId("token-forget").addEventListener("click", () => {
  tokenInput.value = "";
  api.setToken("");
  render();
  tokenInput.focus();
});

// ---------------------------------------------------------------- writes and their progress

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Send a write; its entry joins the log, or (refused) leaves it with the error shown. */
async function submit(kind, name, send) {
  showError(writeError, null);
  const entry = { kind, name, job: null, error: null };
  entries.unshift(entry);
  renderJobs();
  try {
    entry.job = (await send()).job;
  } catch (error) {
    entries.splice(entries.indexOf(entry), 1);
    renderJobs();
    if (!(error instanceof api.ApiError)) throw error;
    showError(writeError, error);
    return null;
  }
  renderJobs();
  return entry;
}

/** Poll the entry's job until it is done or failed; then reload the documents. True when done. */
async function follow(entry) {
  let delay = 150;
  while (ACTIVE.has(entry.job.state)) {
    await sleep(delay);
    delay = Math.min(delay * 1.5, 1000);
    try {
      entry.job = (await api.job(entry.job.id)).job;
    } catch (error) {
      if (!(error instanceof api.ApiError)) throw error;
      entry.error = error;
      break;
    }
    renderJobs();
  }
  const done = !entry.error && entry.job.state === "done";
  if (done) {
    api.corpusChanged();
    await refresh();
  }
  renderJobs();
  writeStatus.textContent = `${jobName(entry)}: ${t(`job.state.${stateOf(entry)}`)}`;
  return done;
}

/** Disable a form's submit button while `work` sends. */
async function sending(form, work) {
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    return await work();
  } finally {
    button.disabled = false;
  }
}

const firstLine = (text) => text.trim().split("\n")[0].trim();
const short = (text) => (Array.from(text).length > 30 ? `${Array.from(text).slice(0, 30).join("")}…` : text);

uploadForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const files = [...fileInput.files];
  if (!files.length) {
    showError(writeError, new api.ApiError(null, "files", t("upload.none")));
    fileInput.focus();
    return;
  }
  const entry = await sending(uploadForm, () => submit("upload", files.map((f) => f.name).join(", "),
    () => api.uploadFiles(files)));
  if (!entry) return;
  uploadForm.reset();
  await follow(entry);
});

// Files dropped anywhere on the upload form go to the file input.
uploadForm.addEventListener("dragover", (event) => {
  event.preventDefault();
  uploadForm.classList.add("dragging");
});
uploadForm.addEventListener("dragleave", (event) => {
  if (!uploadForm.contains(event.relatedTarget)) uploadForm.classList.remove("dragging");
});
uploadForm.addEventListener("drop", (event) => {
  event.preventDefault();
  uploadForm.classList.remove("dragging");
  if (event.dataTransfer.files.length) fileInput.files = event.dataTransfer.files;
});

pasteForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const { title, id, text } = pasteForm.elements;
  const body = { text: text.value };
  if (title.value.trim()) body.title = title.value.trim();
  if (id.value.trim()) body.id = id.value.trim();
  const entry = await sending(pasteForm, () => submit("paste", short(body.title ?? firstLine(text.value)),
    () => api.addDocuments([body])));
  if (!entry) return;
  pasteForm.reset();
  await follow(entry);
});

editForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const doc = editing;
  const title = editForm.elements.title.value.trim();
  const text = editForm.elements.text.value;
  const body = { text };
  // A title read from the text's first line is left to be read again (so its subtitle stays); any other is sent.
  const derived = doc.subtitle && title === doc.title && firstLine(text) === title;
  if (title && !derived) body.title = title;
  for (const key of ["url", "date", "source"]) if (doc[key]) body[key] = doc[key];
  const entry = await sending(editForm, () => submit("replace", short(title || doc.title),
    () => api.replaceDocument(doc.id, body)));
  if (entry && await follow(entry)) {
    closeEdit();
    navigate(readerHref(doc.id));
  }
});

/** Delete a document (its deletion confirmed); true once it is gone. */
async function remove(doc) {
  const entry = await submit("delete", short(doc.title), () => api.deleteDocument(doc.id));
  return entry !== null && follow(entry);
}

function confirmBox(doc) {
  return el("div", { class: "confirm", role: "group", "aria-label": t("docs.delete.label", { title: doc.title }) },
    el("p", {}, t("delete.confirm", { title: doc.title })),
    el("div", { class: "row" },
      el("button", { type: "button", class: "danger", "data-delete-confirm": doc.id }, t("delete.yes")),
      el("button", { type: "button", "data-delete-cancel": doc.id }, t("delete.no"))));
}

list.addEventListener("click", async (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  const doc = all.find((d) => d.id === (button.dataset.delete ?? button.dataset.deleteConfirm
    ?? button.dataset.deleteCancel));
  if (!doc) return;
  if (button.dataset.delete !== undefined) {
    confirming = doc.id;
    render();
    list.querySelector("[data-delete-confirm]").focus();
  } else if (button.dataset.deleteCancel !== undefined) {
    confirming = null;
    render();
    list.querySelector(`[data-delete="${CSS.escape(doc.id)}"]`)?.focus();
  } else {
    button.disabled = true;
    confirming = null;
    await remove(doc);
    render();
  }
});

byId("edit-delete").addEventListener("click", () => {
  editConfirm.replaceChildren(confirmBox(editing));
  editConfirm.hidden = false;
  editConfirm.querySelector("[data-delete-confirm]").focus();
});

editConfirm.addEventListener("click", async (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  if (button.dataset.deleteCancel !== undefined) {
    editConfirm.hidden = true;
    byId("edit-delete").focus();
  } else if (button.dataset.deleteConfirm !== undefined) {
    button.disabled = true;
    if (await remove(editing)) {
      closeEdit();
      navigate("?view=documents");
    } else {
      button.disabled = false;
    }
  }
});

// ---------------------------------------------------------------- the view

async function refresh() {
  try {
    all = await api.documents();
    showError(errorBox, null);
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    showError(errorBox, error);
  }
  render();
}

async function openEdit(id) {
  addForms.hidden = true;
  panel.open = true;
  if (editing?.id === id) return; // already open (a language switch re-enters the view): keep what was typed
  let doc;
  try {
    doc = await api.documentById(id);
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    showError(writeError, error);
    closeEdit();
    return;
  }
  editing = doc;
  byId("edit-id").textContent = doc.id;
  editForm.elements.title.value = doc.title;
  editForm.elements.text.value = doc.text;
  editConfirm.hidden = true;
  editForm.hidden = false;
  editForm.elements.title.focus();
}

function closeEdit() {
  editing = null;
  editForm.hidden = true;
  editConfirm.hidden = true;
  addForms.hidden = false;
}

/** Show the list (fetched once until a write changes it); `?edit=ID` opens that document's edit form. */
export async function enter(params) {
  renderJobs();
  await refresh();
  if (params.has("edit")) await openEdit(params.get("edit"));
  else closeEdit();
}

function render() {
  const writable = Boolean(api.getToken());
  const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((d) => {
    const haystack = `${d.title} ${d.subtitle} ${d.byline} ${d.id}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  count.textContent = t("docs.count", { n: all.length, shown: shown.length });
  list.replaceChildren(...shown.map((d) => el("li", { class: "document", "data-doc-id": d.id },
    el("a", { class: "document-title", href: readerHref(d.id) }, d.title),
    d.subtitle ? el("p", { class: "subtitle" }, d.subtitle) : null,
    el("p", { class: "meta-line" }, [d.byline, d.outlet, t("docs.passages", { n: d.passages })].filter(Boolean)
      .join(" · "), " · ",
      el("a", { href: summaryHref(d.id) }, t("docs.summarize"))),
    writable ? el("p", { class: "doc-actions" },
      el("a", { href: editHref(d.id), "aria-label": t("docs.edit.label", { title: d.title }) }, t("docs.edit")),
      el("button", { type: "button", class: "link danger-link", "data-delete": d.id,
        "aria-label": t("docs.delete.label", { title: d.title }) }, t("docs.delete"))) : null,
    writable && confirming === d.id ? confirmBox(d) : null)));
  if (!shown.length && all.length) list.append(el("li", { class: "empty" }, t("docs.none")));
}

function stateOf(entry) {
  if (entry.error) return "failed";
  return entry.job ? entry.job.state : "sending";
}

const jobName = (entry) => t(`job.${entry.kind}`, { name: entry.name });

function renderJobs() {
  jobsSection.hidden = !entries.length;
  const titles = new Map(all.map((d) => [d.id, d.title]));
  jobsList.replaceChildren(...entries.map((entry) => {
    const state = stateOf(entry);
    const { passages_done: done = 0, passages_total: total = 0, documents = [] } = entry.job ?? {};
    let progress = null;
    if (ACTIVE.has(state)) {
      const bar = el("progress", { max: total || 1, "aria-label": t("job.progress.label") });
      if (total) bar.value = done; // without a value the bar shows work under way
      progress = el("p", { class: "job-progress" }, bar, total ? ` ${t("job.progress", { done, total })}` : null);
    }
    const named = state === "done" && entry.kind !== "delete" && documents.length
      ? el("p", { class: "job-docs" }, t("job.documents"), ...documents.flatMap((id, i) => [i ? "、" : "",
        titles.has(id) ? el("a", { href: readerHref(id) }, titles.get(id)) : id]))
      : null;
    const failure = state === "failed"
      ? el("p", { class: "error" }, entry.error ? entry.error.describe() : `${t("error.prefix")}: ${entry.job.error}`)
      : null;
    return el("li", { class: "job", "data-state": state },
      el("p", { class: "job-head" }, el("strong", {}, jobName(entry)), " ",
        el("span", { class: `job-state ${state}` }, t(`job.state.${state}`)),
        state === "done" && total ? el("span", { class: "hint" }, ` · ${t("job.embedded", { n: total })}`) : null),
      progress, named, failure);
  }));
}
