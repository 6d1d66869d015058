// Make a Pyodide memory snapshot with clusterlab already imported, so the
// browser starts Python from it in well under a second (tools/build_site.py).
//
//   node tools/make_snapshot.mjs <pyodide dir> <python zip> <out .gz> <manifest.json> <archive digest>
//
// The manifest records what the snapshot was made from; the worker compares it
// with the Pyodide and clusterlab it is about to use and boots plainly if
// anything differs.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import { importLibrary, unpackLibrary } from "../web/python_setup.mjs";

const [pyodideDir, zipPath, outPath, manifestPath, archiveDigest] = process.argv.slice(2);
const { loadPyodide, version } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);

// The library goes where the worker puts it, and everything the contract
// names is imported (web/contract.json, web/python_setup.mjs).
const contract = JSON.parse(readFileSync(new URL("../web/contract.json", import.meta.url), "utf8"));
const py = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
unpackLibrary(py, contract, new Uint8Array(readFileSync(zipPath)));
importLibrary(py, contract, { everything: true });
const raw = py.makeMemorySnapshot();

// About half of the heap is pages of zeros.  They are left out: the file holds
// the other pages back to back, and the manifest's runs ([offset, length] in
// the heap) say where each stretch goes.  Unpacking then writes half as much.
const PAGE = 4096;
const zeroPage = (start) => raw.subarray(start, start + PAGE).every((b) => b === 0);
const runs = [];
for (let start = 0; start < raw.length; start += PAGE) {
  if (zeroPage(start)) continue;
  const length = Math.min(PAGE, raw.length - start);
  const last = runs.at(-1);
  if (last && last[0] + last[1] === start) last[1] += length;
  else runs.push([start, length]);
}
const kept = Buffer.concat(runs.map(([start, length]) => raw.subarray(start, start + length)));
const gz = gzipSync(kept, { level: 6 });
writeFileSync(outPath, gz);
const manifest = {
  pyodide: version,
  archive: archiveDigest,
  bytes: raw.length,
  runs,
  sha256: createHash("sha256").update(raw).digest("hex"),
};
writeFileSync(manifestPath, JSON.stringify(manifest));
console.log(
  `[build] snapshot: ${(raw.length / 1e6).toFixed(1)} MB heap, ${(kept.length / 1e6).toFixed(1)} MB without its ` +
    `zero pages (${runs.length} runs), ${(gz.length / 1e6).toFixed(1)} MB gzipped`,
);
