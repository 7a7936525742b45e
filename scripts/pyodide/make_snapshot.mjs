// Save Pyodide's memory right after the engine was imported (its model loaded), for the
// checker's opt-in fast start (mkdocs.yml: connector-checker memory_snapshot: true).
//
//   node scripts/pyodide/make_snapshot.mjs STDLIB_ZIP WHEEL OUT.snapshot
//
// The browser restores it with loadPyodide({_loadSnapshot}) and skips Python's start-up
// (~0.5 s here); it must be made by the very Pyodide files the site serves (same npm
// package) and restored with the same stdlib zip. The wheel is imported from its zip on
// sys.path rather than installed with loadPackage: a snapshot may hold no JavaScript
// objects, and loadPackage leaves some behind. Pyodide marks this API experimental.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [stdlib, wheel, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node make_snapshot.mjs STDLIB_ZIP WHEEL OUT.snapshot");
  process.exit(2);
}
const pyodide = await loadPyodide({ stdLibURL: stdlib, _makeSnapshot: true });
pyodide.FS.writeFile("/lib/connector_engine.whl", readFileSync(wheel));
pyodide.runPython(`
import sys
sys.path.insert(0, "/lib/connector_engine.whl")
import engine.json_api
`);
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(output, snapshot);
console.log(`memory snapshot: ${output} (${snapshot.length} bytes)`);
