// The worker's settings and the runtime's time limits (web/config.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { load } from "./bundle.mjs";

const CONTRACT = (await import("../../web/contract.json", { with: { type: "json" } })).default;
const BUILD = { pyodide: "assets/vendor/pyodide-0/", snapshot: true, version: "d1", build: "b1" };
const HERE = "https://example.org/course/assets/livecells/b1/";

async function config(lcTimeouts) {
  globalThis.document = {
    currentScript: { src: `${HERE}boot.js`, hasAttribute: () => true },
    documentElement: { lang: "nb" },
  };
  globalThis.lcTimeouts = lcTimeouts;
  return load("config.js", { __LC_CONFIG__: BUILD });
}

test("the worker is told where every file is, its language and the time limits", async () => {
  const { workerSettings, ROOT } = await config(undefined);
  const { url, name } = workerSettings();
  const told = JSON.parse(name);
  assert.equal(String(url), HERE + CONTRACT.files.worker);
  assert.equal(ROOT.href, "https://example.org/course/");
  assert.equal(told.pyodide, "https://example.org/course/assets/vendor/pyodide-0/");
  assert.equal(told.archive, HERE + CONTRACT.files.archive);
  assert.deepEqual(told.snapshot, { file: HERE + CONTRACT.files.snapshot, manifest: HERE + CONTRACT.files.manifest });
  assert.equal(told.lang, "nb");
  assert.deepEqual(told.timeouts, CONTRACT.timeouts);
});

test("a page may change the known time limits; anything else is ignored", async () => {
  const { timeouts } = await config({ stallMs: 2000, silentMs: -1, snapshotSetupMs: "5", other: 1 });
  assert.deepEqual(timeouts(), { ...CONTRACT.timeouts, stallMs: 2000 });
});
