// Putting the site's Python into a Pyodide, the same way at build time, for the
// memory snapshot (tools/make_snapshot.mjs, in Node), and in the browser
// (worker.mjs).  `contract` is web/contract.json: where the library goes in
// Pyodide's file system and what is imported before the first cell.

// Unpack py.zip (the files the contract's "archive" names) into the file system.
export function unpackLibrary(pyodide, contract, zip) {
  pyodide.FS.mkdirTree(contract.sitePackages);
  pyodide.unpackArchive(zip, "zip", { extractDir: contract.sitePackages });
}

// Make the library importable and import the cell runner.  With `everything`
// (the snapshot), also every module of the contract's "snapshotImports", so that
// a cell's imports cost nothing; a plain start imports those on demand.
export function importLibrary(pyodide, contract, { everything = false } = {}) {
  pyodide.runPython(`
import sys
sys.path.insert(0, ${JSON.stringify(contract.sitePackages)})
import ${contract.runner}
`);
  if (everything) {
    pyodide.runPython(`
def _import_all(packages):
    import importlib, pkgutil
    for name in packages:
        for module in pkgutil.iter_modules(importlib.import_module(name).__path__):
            importlib.import_module(f"{name}.{module.name}")
_import_all(${JSON.stringify(contract.snapshotImports)})
del _import_all
`);
  }
}
