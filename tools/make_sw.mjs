// Write site/sw.js: bundle web/sw.js with esbuild, then let Workbox inject the
// list of every file of the built site (with revisions) for precaching.
// Fails (exit 1) if Workbox skipped any file, e.g. one above the size limit.
import { build } from "esbuild";
import { injectManifest } from "workbox-build";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const siteDir = process.argv[2] || "site";
// Its name, where web/sw_register.js registers it (web/contract.json).
const CONTRACT = JSON.parse(readFileSync(new URL("../web/contract.json", import.meta.url), "utf8"));
const NAME = CONTRACT.files.serviceWorker;
const bundled = join(mkdtempSync(join(tmpdir(), "sw-")), NAME);
await build({
  entryPoints: [`web/${NAME}`],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  outfile: bundled,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
const { count, size, warnings } = await injectManifest({
  swSrc: bundled,
  swDest: `${siteDir}/${NAME}`,
  globDirectory: siteDir,
  globPatterns: ["**/*"],
  globIgnores: [NAME, "**/*.map"],
  maximumFileSizeToCacheInBytes: 128 * 1024 * 1024,
  // Files in folders named by a version are fetched by their plain URL, so the
  // browser's HTTP cache (filled by the first start) can answer the precache.
  dontCacheBustURLsMatching: /(pyodide-[\d.]+\/|livecells\/[0-9a-f]{12}\/)/,
});
for (const w of warnings) console.error(`workbox: ${w}`);
if (warnings.length) process.exit(1);
console.log(`[build] service worker precaches ${count} files, ${(size / 1e6).toFixed(1)} MB`);
