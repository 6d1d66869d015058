// The page's side of the Python worker (web/worker.mjs): one worker per tab,
// which outlives Material's instant navigation, a queue that runs cells one at
// a time, and which cells of which page (session) have run.  boot.js makes the
// one Runtime of the tab, window.__lcRuntime; the scripts bundled apart from it
// (cells.js, lab.js) use only its methods:
//   start(), stop()                          run(session, index, code), runAll(session, cells)
//   setVariable, getVariable, convert        state, onState(fn) -> off(), whenIdle(ms)
//   isStop(error)                            pageCells() (web/live_cell.js), build
// Every request resolves with the worker's value or rejects with its error
// (the protocol: web/worker.mjs); Stop and a crash reject with a StoppedError.
import { siteUnreachable } from "./download.mjs";
import { statusDetail } from "./status_line.js";

// A starting worker says it is alive every second (web/worker.mjs).  One that
// says nothing for `silentMs` has stopped: its start hung in the browser's
// engine, or its own file never arrived.  It is replaced once (its queued runs
// go to the new one), and if that one falls silent too the status line says so.
const RESTARTS_WHEN_SILENT = 1;
const CHECK_EVERY_MS = 1000;

export class StoppedError extends Error {
  constructor(active, crash = null) {
    super(crash ? "crashed" : "stopped");
    this.name = "StoppedError";
    this.active = active; // the run that was executing when Stop was pressed, or when Python crashed
    this.crash = crash; // why Python died, when it was not the reader's Stop
  }
}

export class Runtime {
  // workerSettings() gives the worker's {url, name}; show(state, detail) puts
  // the state on the page (web/status_line.js); build names the runtime's
  // files' folder (a page built for another reloads, web/cells.js); silentMs
  // (web/config.js, timeouts); cellsOf(runtime) gives the page's cells
  // (web/live_cell.js, pageCells).
  constructor({ workerSettings, show, build, silentMs, cellsOf }) {
    this.workerSettings = workerSettings;
    this.show = show;
    this.build = build;
    this.silentMs = silentMs;
    this.cellsOf = cellsOf;
    this.worker = null;
    this.state = "idle"; // idle | loading | ready | running | error
    this.detail = "";
    this.note = ""; // what the page could not keep (web/sw_register.js)
    this.nextId = 1;
    this.pending = new Map(); // run id -> {resolve, reject, message, transfer}
    this.sessionsRun = new Map(); // session -> Set of cell indices already run
    this.queue = Promise.resolve();
    this.stops = 0; // Stops so far: a job queued before a Stop does not run after it
    this.active = null; // {session, index} of the run in progress
    this.jobs = 0; // queued or in progress
    this.busyAt = 0; // when the last job ended
    this.listeners = new Set(); // called with (state, detail) on every change (onState)
    this.heardAt = 0; // when the worker last said anything
    this.silentRestarts = 0;
  }

  // Call fn(state, detail) on every change of state; returns what stops that.
  onState(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  // Whether `error` is a run's end by Stop or by a crash (a StoppedError).
  isStop(error) {
    return error instanceof StoppedError;
  }

  // The page's cells, {session, cells} (web/live_cell.js).
  pageCells() {
    return this.cellsOf(this);
  }

  supported() {
    return typeof WebAssembly === "object" && typeof Worker === "function";
  }

  setState(state, detail = "") {
    BENCH: if (state === "ready" && !window.__lcReadyAt) window.__lcReadyAt = performance.now();
    this.state = state;
    this.detail = detail;
    this.showStatus();
    for (const fn of this.listeners) fn(state, detail);
  }

  // Show the state again: a page reached by instant navigation has a new status line.
  showStatus() {
    this.show(this.state, [this.detail, this.note].filter(Boolean).join("; "));
  }

  // A lasting note of the page's own, shown after the worker's detail.
  addNote(note) {
    this.note = note;
    this.showStatus();
  }

  start() {
    if (this.worker) return;
    if (!this.supported()) {
      this.setState("error", statusDetail("unsupported"));
      return;
    }
    this.setState("loading", statusDetail("starting"));
    const { url, name } = this.workerSettings();
    const worker = new Worker(url, { type: "module", name });
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = async (event) => {
      event.preventDefault?.();
      this.failAll(new Error(statusDetail("runtimeFailed")));
      // The worker's own file out of reach: a first visit without network.
      const offline = await siteUnreachable(fetch, url);
      if (this.worker !== worker) return; // stopped meanwhile
      const reason = event.message || "unknown error";
      this.setState("error", offline ? statusDetail("needsOnlineVisit") : statusDetail("workerFailed", { reason }));
    };
    this.worker = worker;
    this.watchStart(worker);
  }

  // Replace `worker` if it falls silent while Python starts (silentMs).
  watchStart(worker) {
    this.heardAt = performance.now();
    let checkedAt = this.heardAt;
    const check = () => {
      if (this.worker !== worker || this.state !== "loading") return;
      const now = performance.now();
      // A page too busy to check (its timers late) may also have been too busy
      // to take the worker's messages: silence counts from here.
      if (now - checkedAt > 3 * CHECK_EVERY_MS) this.heardAt = now;
      checkedAt = now;
      if (now - this.heardAt < this.silentMs) return void setTimeout(check, CHECK_EVERY_MS);
      worker.terminate();
      this.worker = null;
      const seconds = Math.round(this.silentMs / 1000);
      if (this.silentRestarts++ < RESTARTS_WHEN_SILENT) {
        const waiting = [...this.pending.entries()];
        this.pending.clear();
        this.start();
        this.addNote(statusDetail("silentRestart", { seconds }));
        for (const [id, job] of waiting) this.repost(id, job);
      } else {
        const error = new Error(statusDetail("silentWorker", { seconds }));
        this.note = ""; // the first restart's note: the message says it all
        this.failAll(error);
        this.setState("error", error.message);
      }
    };
    setTimeout(check, CHECK_EVERY_MS);
  }

  // Post a job the silent worker never answered to its replacement (a buffer
  // handed over cannot be: it went with the old worker).
  repost(id, job) {
    if (job.transfer.length) return job.reject(new Error(statusDetail("silentLost")));
    this.pending.set(id, job);
    this.worker.postMessage({ ...job.message, id });
  }

  onMessage(msg) {
    this.heardAt = performance.now();
    if (msg.type === "alive") return;
    if (msg.type === "status") {
      BENCH: if (msg.state === "ready") window.__lcBootTimings = msg.timings;
      this.setState(msg.state, msg.detail || "");
      if (msg.state === "error") this.failAll(new Error(msg.detail));
    } else if (msg.type === "crashed") {
      this.replace(msg.reason);
    } else if (msg.type === "result") {
      // The one place a reply becomes a result: every request resolves with
      // the worker's value, or rejects with its error (web/worker.mjs).
      const job = this.pending.get(msg.id);
      if (!job) return;
      this.pending.delete(msg.id);
      if (msg.ok) job.resolve(msg.value);
      else job.reject(new Error(msg.error));
    }
  }

  failAll(error) {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }

  hasRun(session, index) {
    return this.sessionsRun.get(session)?.has(index) ?? false;
  }

  markRun(session, index) {
    if (!this.sessionsRun.has(session)) this.sessionsRun.set(session, new Set());
    this.sessionsRun.get(session).add(index);
  }

  // Queue `task`; tasks happen one at a time, in the order asked.  One still
  // waiting when Stop is pressed is cancelled with the run in progress.
  enqueue(task) {
    const stops = this.stops;
    this.jobs++;
    const job = this.queue.then(() => {
      if (this.stops !== stops) throw new StoppedError(null);
      return task();
    });
    this.queue = job.catch(() => {}).then(() => {
      this.jobs--;
      this.busyAt = performance.now();
    });
    return job;
  }

  // Resolves once Python has had nothing to do for `quiet` ms (counted from
  // now at the earliest): for work that can wait, such as the offline copy's
  // downloads, which would otherwise slow the reader's first runs.
  whenIdle(quiet) {
    const asked = performance.now();
    return new Promise((resolve) => {
      const check = () => {
        const wait = this.jobs ? quiet : Math.max(this.busyAt, asked) + quiet - performance.now();
        if (wait <= 0) resolve();
        else setTimeout(check, wait);
      };
      check();
    });
  }

  // Queue a run.
  run(session, index, code) {
    return this.runAll(session, [{ index, code }])[0];
  }

  // Queue runs of several cells of one session, in order: one promise per cell,
  // resolved with {html, raised} (raised: the exception's name, if the cell raised).
  // They go to the worker together, which runs them one after another, so no
  // run waits for the page in between (at the start the page is busy laying
  // itself out).  A cell's error is its output; the next cells still run.
  runAll(session, cells) {
    const done = cells.map(() => {
      const d = {};
      d.promise = new Promise((resolve, reject) => Object.assign(d, { resolve, reject }));
      d.promise.catch(() => {}); // each caller awaits its own
      return d;
    });
    const job = this.enqueue(() => {
      cells.forEach(({ index, code }, i) => {
        const next = cells[i + 1];
        this.send({ type: "run", session, index, code }).then((result) => {
          this.markRun(session, index);
          this.active = next ? { session, index: next.index } : null; // what a Stop now stops
          done[i].resolve(result);
        }, done[i].reject);
        if (i === 0) this.active = { session, index };
      });
      return Promise.all(done.map((d) => d.promise));
    });
    job.catch((error) => done.forEach((d) => d.reject(error))); // not started, or a Stop
    return done.map((d) => d.promise);
  }

  // Ask the worker for the page as a notebook or script (web/downloads.js);
  // queued like a run, resolves with its text.
  convert(args) {
    return this.request({ type: "convert", args });
  }

  // Hand a buffer to the page's Python session as a named variable (README.md,
  // "Handing a buffer to Python"): in Python, `name` is a livecells.runner.Buffer
  // with .data (a read-only memoryview), .width, .height and .channels.  The
  // ArrayBuffer is transferred, not copied: it is empty here afterwards.  Queued
  // like a run; Stop clears the session, so hand it over again after a Stop.
  setVariable(session, name, { data, width, height, channels = 4 }) {
    return this.request({ type: "set", session, name, width, height, channels, data }, [data]);
  }

  // Read a session's variable back: {value, data} with value its JSON (a
  // Buffer's {width, height, channels}) and data an ArrayBuffer of its bytes
  // (a Buffer or bytes) or null.
  getVariable(session, name) {
    return this.request({ type: "get", session, name });
  }

  // Post `message` to the worker now (starting it if need be); resolves with its result.
  send(message, transfer = []) {
    if (this.state === "error") throw new Error(this.detail);
    this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, message, transfer });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  request(message, transfer = []) {
    return this.enqueue(() => this.send(message, transfer));
  }

  // Stop: the only sure way to end a runaway loop is to replace the worker.
  stop() {
    this.replace(null);
  }

  // Replace the worker: on Stop (crash null), or because Python died (crash:
  // the reason); the runs asked for fail with a StoppedError that says which.
  replace(crash) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.stops++;
    this.failAll(new StoppedError(this.active, crash));
    this.active = null;
    this.queue = Promise.resolve();
    this.sessionsRun.clear();
    this.setState("idle");
    this.start();
  }
}
