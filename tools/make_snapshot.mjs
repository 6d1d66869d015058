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

const [pyodideDir, zipPath, outPath, manifestPath, archiveDigest] = process.argv.slice(2);
const { loadPyodide, version } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);

// Everything the snapshot pre-imports; kept in step with web/worker.mjs.
const SITE_PACKAGES = "/home/pyodide/lib";
const py = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
py.FS.mkdirTree(SITE_PACKAGES);
py.unpackArchive(new Uint8Array(readFileSync(zipPath)), "zip", { extractDir: SITE_PACKAGES });
py.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(SITE_PACKAGES)})
import importlib, pkgutil
import clusterlab, livecells.runner
for _m in pkgutil.iter_modules(clusterlab.__path__):
    importlib.import_module("clusterlab." + _m.name)
del importlib, pkgutil, _m
`);
const raw = py.makeMemorySnapshot();
const gz = gzipSync(raw, { level: 6 });
writeFileSync(outPath, gz);
const manifest = {
  pyodide: version,
  archive: archiveDigest,
  bytes: raw.length,
  sha256: createHash("sha256").update(raw).digest("hex"),
};
writeFileSync(manifestPath, JSON.stringify(manifest));
console.log(`[build] snapshot: ${(raw.length / 1e6).toFixed(1)} MB raw, ${(gz.length / 1e6).toFixed(1)} MB gzipped`);
