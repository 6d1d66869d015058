// Run quantize's stages (bench/bench_quantize.py) in Pyodide under Node: the npm package's
// WebAssembly, the same as Chromium's, with py/ mounted from this checkout, so an edit to
// the library is timed without rebuilding the site.
// Usage: node bench/quantize_pyodide.mjs <py dir> <rgba file> <width> <height> <runs> <code file>
// Prints one JSON object per run: {"wall": {stage: s}, "cpu": {stage: s}}.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [pyDir, rgba, width, height, runs, codeFile] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(path.join(root, "node_modules", "pyodide", "pyodide.mjs"));
// CPU seconds of the thread running Python (Linux); wasm compilation and GC run on other threads
const stat = `/proc/self/task/${process.pid}/schedstat`;
globalThis.benchThreadCpu = fs.existsSync(stat)
  ? () => Number(fs.readFileSync(stat, "utf8").split(" ")[0]) / 1e9
  : () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const py = await loadPyodide();
py.FS.mkdirTree("/bench/py");
py.FS.mount(py.FS.filesystems.NODEFS, { root: path.resolve(pyDir) }, "/bench/py");
py.FS.writeFile("/bench/photo.rgba", new Uint8Array(fs.readFileSync(rgba)));
py.runPython(`
import sys, types
sys.path.insert(0, "/bench/py")
from js import benchThreadCpu as cpu_clock
image = types.SimpleNamespace(data=open("/bench/photo.rgba", "rb").read(), width=${Number(width)}, height=${Number(height)})
`);
const code = fs.readFileSync(codeFile, "utf8");
for (let i = 0; i < Number(runs); i++) {
  py.runPython(code);
  console.log(py.runPython("import json; json.dumps({'wall': stages, 'cpu': stages_cpu})"));
}
