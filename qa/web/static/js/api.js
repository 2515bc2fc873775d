// The public HTTP API, with a loading indicator for slow requests and errors turned into words.

import { t } from "./i18n.js";

const SLOW_MS = 200;
let pending = 0;
let timer = null;

/** An API error: HTTP status (0 when the server cannot be reached), the API's `error` and `detail`. */
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
    const known = [400, 404, 413, 422, 503].includes(this.status) ? `error.${this.status}` : "error.other";
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

async function request(path, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  };
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

export const ask = (question) => request("ask", { question });
export const summarize = (body) => request("summarize", body);
let listing = null;
/** The document list, fetched once per page load (retried after a failure). */
export function documents() {
  listing ??= request("documents").then((data) => data.documents).catch((error) => {
    listing = null;
    throw error;
  });
  return listing;
}
export const documentById = (id) => request(`documents/${encodeURIComponent(id)}`);
