// Write site/sw.js with Workbox: precache every file of the built site so that,
// after one visit, every page and every live cell work offline.
// Fails (exit 1) if Workbox skipped any file, e.g. one above the size limit.
import { generateSW } from "workbox-build";

const siteDir = process.argv[2] || "site";
const { count, size, warnings } = await generateSW({
  globDirectory: siteDir,
  globPatterns: ["**/*"],
  globIgnores: ["sw.js", "workbox-*.js", "**/*.map"],
  swDest: `${siteDir}/sw.js`,
  maximumFileSizeToCacheInBytes: 128 * 1024 * 1024,
  inlineWorkboxRuntime: true,
  clientsClaim: true,
  skipWaiting: false,
  directoryIndex: "index.html",
  // Files whose path already carries a version are fetched by their plain URL,
  // so the browser's HTTP cache (filled by the first start) answers the precache.
  dontCacheBustURLsMatching: /(pyodide-[\d.]+\/|snapshot-[0-9a-f]+|py-[0-9a-f]+\.zip)/,
  cleanupOutdatedCaches: true,
  sourcemap: false,
  mode: "production",
});
for (const w of warnings) console.error(`workbox: ${w}`);
if (warnings.length) process.exit(1);
console.log(`[build] service worker precaches ${count} files, ${(size / 1e6).toFixed(1)} MB`);
