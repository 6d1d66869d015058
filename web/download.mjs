// No download in Python's start-up path waits forever.  The worker replaces
// its fetch with watchedFetch (web/worker.mjs), so Pyodide's own downloads
// (its WebAssembly, its standard library) are watched as well as ours.
//
// A download must start within `stallMs`, never go `stallMs` without a byte,
// and finish by a deadline that scales with the bytes it announced: `stallMs`
// plus the time they take at MIN_BYTES_PER_S.  Once JUDGE_AFTER_MS of it have
// been seen, a download whose observed rate cannot meet the deadline is
// abandoned at once rather than when the deadline passes.  `stallMs` is the
// worker's (web/contract.json, "timeouts"; web/config.js).  Either way the
// request is aborted and the reader of the body gets a DownloadError, whose
// message reads after "started without the snapshot, more slowly:" or "Python
// could not start:".
//
// WebAssembly is the exception: its reader gets the browser's own Response,
// and a copy of it (Response.clone) is what is watched.  Chromium keeps the
// compiled code of a WebAssembly file with the browser's Response, and a
// Response rebuilt around a watched stream lost it: a start compiled Pyodide
// again on every visit.  A failed download of it aborts the request, which
// errors the reader's body too; the DownloadError itself reaches the start
// through onFailure (web/worker.mjs).
import CONTRACT from "./contract.json";
import { judge, deadlineOf } from "./deadline.mjs";
import { statusDetail } from "./status_line.js";

// What each start-up file is: its key in the status line's words.
const NAMES = {
  [CONTRACT.files.snapshot]: "fileSnapshot",
  [CONTRACT.files.manifest]: "fileManifest",
  [CONTRACT.files.archive]: "fileLibrary",
  "pyodide.asm.wasm": "fileRuntime", // Pyodide's own
  "python_stdlib.zip": "fileStdlib",
};

export function describe(url) {
  const file = new URL(url, self.location.href).pathname.split("/").pop();
  return NAMES[file] ? statusDetail(NAMES[file]) : file;
}

export class DownloadError extends Error {
  // kind: "offline" (no network at all), "stalled", "slow", "cut" or "webPage"
  constructor(kind, message) {
    super(message);
    this.name = "DownloadError";
    this.kind = kind;
  }
}

const seconds = (ms) => Math.round(ms / 1000);
// The status line's words for each kind of failure (web/words.json).
const DETAIL = {
  offline: "downloadOffline",
  stalled: "downloadStalled",
  slow: "downloadSlow",
  cut: "downloadCut",
  webPage: "downloadWebPage",
};

// fetch(), watched: resolves to a Response whose body errors with a
// DownloadError when the download stalls or is too slow to finish in time.
// `plainFetch` is the fetch being watched (the global one, before it is
// replaced); `onFailure(error, url)` also hears of every DownloadError, for
// consumers that swallow errors (Pyodide's loading of its WebAssembly does).
// `stallMs`: how long a download may go without a byte.
export async function watchedFetch(plainFetch, input, init, onFailure, stallMs) {
  const url = input instanceof Request ? input.url : String(input);
  const what = describe(url);
  const failed = (kind, fields) => {
    const error = new DownloadError(kind, statusDetail(DETAIL[kind], { what, ...fields }));
    onFailure(error, url);
    return error;
  };
  const abort = new AbortController();
  init?.signal?.addEventListener("abort", () => abort.abort(init.signal.reason), { once: true });
  let failure = null;
  let body = null; // the watched body's controller, once there is one
  let timer = 0;
  const fail = (kind, fields) => {
    failure = failed(kind, fields);
    clearTimeout(timer);
    try {
      body?.error(failure);
    } catch {
      /* the reader has already gone */
    }
    abort.abort(failure);
  };
  let deadline = Infinity;
  let rate = 0;
  const stallAfter = (ms) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (performance.now() < deadline - 1) fail("stalled", { seconds: seconds(stallMs) });
      else fail("slow", { rate });
    }, ms);
  };
  stallAfter(stallMs);
  let response;
  try {
    response = await plainFetch(input, { ...init, signal: abort.signal });
  } catch (error) {
    clearTimeout(timer);
    if (failure) throw failure;
    if (error?.name === "AbortError" || init?.signal?.aborted) throw error;
    throw failed("offline", {});
  }
  // A login page of a hotel's or a train's network (a "captive portal") comes
  // back as HTML with status 200 in place of the file; nothing here is HTML.
  if (response.ok && /^text\/html/i.test(response.headers.get("Content-Type") ?? "")) {
    clearTimeout(timer);
    abort.abort();
    throw failed("webPage", {});
  }
  if (!response.body || !response.ok) {
    clearTimeout(timer);
    return response;
  }
  const expected = Number(response.headers.get("Content-Length")) || 0;
  const started = performance.now();
  deadline = deadlineOf(started, expected, stallMs);
  let seen = 0;
  stallAfter(Math.min(stallMs, deadline - started));
  const cutOff = () => {
    if (!failure && !init?.signal?.aborted) fail("cut", {});
  };
  // Counts a chunk that arrived; false once the download was given up as too slow.
  const arrived = (chunk) => {
    seen += chunk.byteLength;
    const now = performance.now();
    const verdict = judge({ started, now, seen, expected, deadline });
    rate = verdict.rate;
    if (verdict.tooSlow) {
      fail("slow", { rate });
      return false;
    }
    stallAfter(Math.min(stallMs, deadline - now));
    return true;
  };
  if (new URL(url, self.location.href).pathname.endsWith(".wasm")) {
    watchCopy(response.clone(), arrived, () => clearTimeout(timer)).catch(cutOff);
    return response;
  }
  const watched = new TransformStream({
    start(controller) {
      body = controller;
    },
    transform(chunk, controller) {
      if (arrived(chunk)) controller.enqueue(chunk);
    },
    flush() {
      clearTimeout(timer);
    },
  });
  // preventAbort: a connection cut mid-way reaches the reader as "cut off",
  // not as the network layer's bare TypeError.
  response.body.pipeTo(watched.writable, { preventAbort: true }).catch(cutOff);
  return new Response(watched.readable, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

// Reads a copy of a download to its end, telling arrived(chunk) of each chunk
// until it answers false; done() once it has all arrived.
async function watchCopy(copy, arrived, done) {
  const reader = copy.body.getReader();
  for (;;) {
    const { done: finished, value } = await reader.read();
    if (finished) return done();
    if (!arrived(value)) return reader.cancel();
  }
}

// `promise`, rejected with tooLate() if it has not settled within `ms`.
export function within(promise, ms, tooLate) {
  let timer = 0;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(tooLate()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

// import(url), given up after `ms` (a module's download shows no progress).
export function importWithin(url, ms) {
  const stalled = () =>
    new DownloadError("stalled", statusDetail(DETAIL.stalled, { what: describe(url), seconds: seconds(ms) }));
  return within(import(/* @vite-ignore */ url), ms, stalled);
}

// After a failed start: is the site out of reach altogether (a first visit
// without network), rather than one file broken?  `url` is any file of the site.
export async function siteUnreachable(plainFetch, url) {
  try {
    await plainFetch(url, { method: "HEAD", cache: "no-store" });
    return false;
  } catch {
    return true;
  }
}
