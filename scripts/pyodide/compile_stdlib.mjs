// Byte-compile Pyodide's standard library inside Pyodide itself, so the bytecode matches
// the Python that runs it (a host CPython would write bytecode for the wrong version).
//
//   node scripts/pyodide/compile_stdlib.mjs OUT.zip
//
// Writes a sourceless zip (every .py replaced by an unchecked hash-based .pyc) that the
// checker passes to loadPyodide({stdLibURL}). Booting from bytecode skips compiling the
// modules Python imports at start-up.
import { writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const out = process.argv[2];
if (!out) {
  console.error("usage: node compile_stdlib.mjs OUT.zip");
  process.exit(2);
}
const pyodide = await loadPyodide();
const [major, minor] = pyodide.runPython("import sys; sys.version_info[:2]").toJs();
pyodide.runPython(`
import importlib.util, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

SOURCE = "/lib/python${major}${minor}.zip"
TARGET = "/tmp/stdlib-bytecode.zip"
compiled = 0
with zipfile.ZipFile(SOURCE) as zin, zipfile.ZipFile(TARGET, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for info in zin.infolist():
        data = zin.read(info)
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True)
            pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            zout.writestr(zipfile.ZipInfo(info.filename + "c", info.date_time), pyc, zipfile.ZIP_DEFLATED)
            compiled += 1
        else:
            zout.writestr(info, data)
`);
const bytes = pyodide.FS.readFile("/tmp/stdlib-bytecode.zip");
writeFileSync(out, bytes);
const compiled = pyodide.globals.get("compiled");
console.log(`compiled ${compiled} modules of Python ${major}.${minor} -> ${out} (${bytes.length} bytes)`);
