// The snapshot's manifest and its unpacking into the heap (web/snapshot.mjs),
// with fetch answered from memory.
import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { load } from "./bundle.mjs";

const { fillSnapshot, readManifest } = await load("snapshot.mjs");
const SHA = "a".repeat(64);
const cfg = { version: "v1", snapshot: { manifest: "snapshot.json", file: "snapshot.bin.gz" } };

// fetch(url) answered with `files[url]`: an object (JSON), bytes, or a status number.
function serve(files) {
  globalThis.fetch = async (url) => {
    const body = files[url];
    if (typeof body === "number") return new Response("", { status: body });
    if (body instanceof Uint8Array) return new Response(body, { headers: { "Content-Length": String(body.length) } });
    return Response.json(body);
  };
}

test("a manifest for this build, with runs in order inside the heap, is read", async () => {
  const manifest = { archive: "v1", bytes: 100, runs: [[0, 10], [40, 20]], sha256: SHA };
  serve({ "snapshot.json": manifest });
  assert.deepEqual(await readManifest(cfg), manifest);
});

test("a manifest that is missing, for another build or that does not fit the heap is refused", async () => {
  const cases = [
    [404, /its manifest is missing \(HTTP 404\)/],
    [{ archive: "v0", bytes: 100, runs: [[0, 10]], sha256: SHA }, /another version of clusterlab/],
    [{ archive: "v1", bytes: 100, runs: [[0, 10], [5, 10]], sha256: SHA }, /does not describe the heap/],
    [{ archive: "v1", bytes: 100, runs: [[90, 20]], sha256: SHA }, /does not describe the heap/],
    [{ archive: "v1", bytes: 100, runs: [[0, 10]], sha256: "not a digest" }, /does not describe the heap/],
  ];
  for (const [answer, message] of cases) {
    serve({ "snapshot.json": answer });
    await assert.rejects(readManifest(cfg), message);
  }
});

test("the snapshot's bytes go where the runs say, and the rest of the heap stays zero", async () => {
  const manifest = { runs: [[2, 3], [8, 2]] };
  serve({ "snapshot.bin.gz": gzipSync(Uint8Array.from([1, 2, 3, 4, 5])) });
  const heap = new Uint8Array(12);
  const shown = [];
  const kept = await fillSnapshot(cfg, Promise.resolve(null), manifest, heap, { onProgress: (p) => shown.push(p) });
  assert.equal(kept, false); // downloaded, not read from a kept copy
  assert.deepEqual([...heap], [0, 0, 1, 2, 3, 0, 0, 0, 4, 5, 0, 0]);
  assert.equal(shown.at(-1), 100);
});

test("a snapshot of the wrong size, damaged or missing is refused with the reason", async () => {
  const manifest = { runs: [[0, 4]] };
  const cases = [
    [gzipSync(Uint8Array.from([1, 2, 3])), /wrong size/],
    [gzipSync(Uint8Array.from([1, 2, 3, 4, 5])), /wrong size/],
    [Uint8Array.from([1, 2, 3, 4]), /not valid gzip/],
    [404, /could not be downloaded \(HTTP 404\)/],
  ];
  for (const [answer, message] of cases) {
    serve({ "snapshot.bin.gz": answer });
    const fill = fillSnapshot(cfg, Promise.resolve(null), manifest, new Uint8Array(8), { onProgress() {} });
    await assert.rejects(fill, message);
  }
});
