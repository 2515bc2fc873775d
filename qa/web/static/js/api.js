// The public HTTP API, with a loading indicator for slow requests and errors turned into words.

import { t } from "./i18n.js";

const SLOW_MS = 200;
let pending = 0;
let timer = null;

/**
 * An API error: HTTP status (0 when the server cannot be reached, null for a request the page would not send),
 * the API's `error` and `detail`.
 */
export class ApiError extends Error {
  constructor(status, error, detail) {
    super(`${status} ${error}`);
    this.status = status;
    this.error = error;
    this.detail = detail;
  }

  /** The error in words, in the interface language, with the API's own detail. */
  describe() {
    if (this.status === 0) return t("error.network");
    if (this.status === null) return `${t("error.prefix")}: ${this.detail}`;
    // 401 and 403 are explained in the page's words: what to enter, or how the server enables writes.
    if (this.status === 401 || this.status === 403) {
      return `${t("error.prefix")} (${this.status} · ${t(`error.${this.status}`)}): ${t(`error.${this.status}.help`)}`;
    }
    const known = [400, 404, 413, 415, 422, 503].includes(this.status) ? `error.${this.status}` : "error.other";
    const detail = Array.isArray(this.detail)
      ? this.detail.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join("; ")
      : this.detail;
    return `${t("error.prefix")} (${this.status} · ${t(known)}): ${detail || this.error}`;
  }
}

function busy(delta) {
  pending += delta;
  const indicator = document.getElementById("loading");
  clearTimeout(timer);
  if (pending > 0) {
    timer = setTimeout(() => { indicator.hidden = false; }, SLOW_MS);
  } else {
    indicator.hidden = true;
  }
}

const TOKEN_KEY = "qa.token";

/** The write token entered in the page: kept in sessionStorage only (this tab, until it closes). */
export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

/** Keep the write token for this tab's session; an empty token forgets it. */
export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * One API request. `json` goes as a JSON body, `form` (FormData) as multipart; `write` adds the bearer token.
 * Resolves to the response body; rejects with an ApiError.
 */
async function request(path, { method = "GET", json, form, write = false } = {}) {
  const init = { method, headers: {} };
  if (json !== undefined) {
    init.headers["content-type"] = "application/json";
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form; // the browser sets multipart/form-data with its boundary
  }
  if (write) {
    const token = getToken().trim();
    // A header carries visible ASCII only; anything else cannot be the server's token.
    if (/[^\x21-\x7e]/.test(token)) throw new ApiError(null, "token", t("token.ascii"));
    if (token) init.headers.authorization = `Bearer ${token}`;
  }
  busy(+1);
  try {
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new ApiError(0, "network", "");
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, data?.error ?? response.statusText, data?.detail);
    return data;
  } finally {
    busy(-1);
  }
}

export const ask = (question) => request("ask", { method: "POST", json: { question } });
export const summarize = (body) => request("summarize", { method: "POST", json: body });
let listing = null;
/** The document list, fetched once until the corpus changes (retried after a failure). */
export function documents() {
  listing ??= request("documents").then((data) => data.documents).catch((error) => {
    listing = null;
    throw error;
  });
  return listing;
}
export const documentById = (id) => request(`documents/${encodeURIComponent(id)}`);

/** Forget what the page holds of the corpus after a write; views listen for `corpuschange` on window. */
export function corpusChanged() {
  listing = null;
  window.dispatchEvent(new Event("corpuschange"));
}

// Writes: each answers `{job}`. POST queues a job (poll `job(id)`); PUT and DELETE answer once the change is visible.
export const addDocuments = (documents) => request("documents", { method: "POST", json: { documents }, write: true });
export function uploadFiles(files) {
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  return request("documents", { method: "POST", form, write: true });
}
export const replaceDocument = (id, document) =>
  request(`documents/${encodeURIComponent(id)}`, { method: "PUT", json: document, write: true });
export const deleteDocument = (id) =>
  request(`documents/${encodeURIComponent(id)}`, { method: "DELETE", write: true });
export const job = (id) => request(`jobs/${encodeURIComponent(id)}`);
