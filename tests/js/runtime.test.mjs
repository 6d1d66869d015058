// The page's end of the worker protocol (web/worker_client.js), against a
// stand-in Worker: one shape of reply, one queue, Stop and a crash.
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import { load } from "./bundle.mjs";

class FakeWorker {
  static made = [];
  constructor(url, options) {
    Object.assign(this, { url, name: options.name, posted: [], terminated: false });
    FakeWorker.made.push(this);
  }
  postMessage(message) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  say(message) {
    this.onmessage({ data: message });
  }
}
globalThis.Worker = FakeWorker;
const { Runtime } = await load("worker_client.js");

const tick = () => new Promise((resolve) => setImmediate(resolve));
let shown;
let runtime;
beforeEach(() => {
  FakeWorker.made = [];
  shown = [];
  runtime = new Runtime({
    workerSettings: () => ({ url: "worker.mjs", name: "{}" }),
    show: (state, detail) => shown.push([state, detail]),
    build: "abc",
    silentMs: 60_000,
    cellsOf: (r) => ({ session: "/", cells: [], runtime: r }),
  });
});
// A runtime left "loading" checks every second that its worker still speaks:
// settle it, so that no timer outlives the test.
afterEach(() => runtime.setState("idle"));
const worker = () => FakeWorker.made.at(-1);

test("a reply resolves with the worker's value or rejects with its error", async () => {
  const run = runtime.run("/", 1, "1 + 1");
  const text = runtime.convert(["{}", "py"]);
  await tick();
  const [asked] = worker().posted;
  assert.deepEqual({ ...asked, id: 0 }, { type: "run", session: "/", index: 1, code: "1 + 1", id: 0 });
  worker().say({ type: "result", id: asked.id, ok: true, value: { html: "2", raised: null } });
  assert.deepEqual(await run, { html: "2", raised: null });
  await tick();
  const convert = worker().posted[1];
  worker().say({ type: "result", id: convert.id, ok: false, error: "KeyError: 'cells'" });
  await assert.rejects(text, { message: "KeyError: 'cells'" });
});

test("requests go to the worker one at a time, in the order asked", async () => {
  const first = runtime.run("/", 1, "a");
  const second = runtime.getVariable("/", "x");
  await tick();
  assert.equal(worker().posted.length, 1); // the second waits for the first's reply
  worker().say({ type: "result", id: worker().posted[0].id, ok: true, value: { html: "", raised: null } });
  await first;
  await tick();
  assert.equal(worker().posted[1].type, "get");
  worker().say({ type: "result", id: worker().posted[1].id, ok: true, value: { value: 3, data: null } });
  assert.deepEqual(await second, { value: 3, data: null });
});

test("Stop ends the run in progress and the queued ones, then starts a new worker", async () => {
  const running = runtime.run("/", 4, "while True: pass");
  const queued = runtime.run("/", 5, "print(1)");
  await tick();
  const old = worker();
  runtime.stop();
  const stopped = await running.catch((error) => error);
  assert.ok(runtime.isStop(stopped) && stopped.crash === null);
  assert.deepEqual(stopped.active, { session: "/", index: 4 });
  assert.ok(runtime.isStop(await queued.catch((error) => error)));
  assert.ok(old.terminated && worker() !== old && !worker().terminated);
  assert.equal(runtime.isStop(new Error("stopped")), false);
});

test("a worker whose Python died is replaced, and the run says why", async () => {
  const run = runtime.run("/", 2, "f()");
  await tick();
  const old = worker();
  old.say({ type: "crashed", reason: "Maximum call stack size exceeded" });
  const error = await run.catch((e) => e);
  assert.equal(error.crash, "Maximum call stack size exceeded");
  assert.ok(old.terminated && worker() !== old);
});

test("onState hears every change until the function it returns is called", () => {
  const heard = [];
  const off = runtime.onState((state, detail) => heard.push(state + (detail ? `: ${detail}` : "")));
  runtime.start();
  worker().say({ type: "status", state: "ready", detail: "" });
  off();
  worker().say({ type: "status", state: "running", detail: "" });
  assert.deepEqual(heard, ["loading: starting Python…", "ready"]);
  assert.equal(runtime.state, "running");
  assert.deepEqual(shown.at(-1), ["running", ""]);
});

test("the runtime's page cells and build come from what it was made with", () => {
  assert.equal(runtime.build, "abc");
  assert.equal(runtime.pageCells().runtime, runtime);
});

test("a status of error fails every request still waiting", async () => {
  const run = runtime.run("/", 1, "x");
  await tick();
  worker().say({ type: "status", state: "error", detail: "Python could not start: no network" });
  await assert.rejects(run, { message: "Python could not start: no network" });
});
