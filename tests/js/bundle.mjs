// Import a module of web/ the way the site gets it: bundled by esbuild with
// its JSON and its imports (tools/build_site.py), so that Node's test runner
// can load modules that import web/words.json or web/contract.json.
import { build } from "esbuild";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WEB = fileURLToPath(new URL("../../web/", import.meta.url));

// The module web/<name>, with `define` as esbuild's (say, __LC_CONFIG__), and
// without the statements labelled BENCH (as the site ships it).
export async function load(name, define = {}) {
  const result = await build({
    entryPoints: [WEB + name],
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    logLevel: "warning",
    dropLabels: ["BENCH"],
    define: Object.fromEntries(Object.entries(define).map(([key, value]) => [key, JSON.stringify(value)])),
  });
  // A file of its own for each load: a module of its own, with readable stacks.
  const file = join(mkdtempSync(join(tmpdir(), "lc-js-test-")), name.replace(/\.js$/, ".mjs"));
  writeFileSync(file, result.outputFiles[0].text);
  return import(pathToFileURL(file).href);
}
