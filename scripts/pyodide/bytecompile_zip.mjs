// Byte-compile the Python in a zip (Pyodide's stdlib, or a wheel) inside Pyodide itself,
// so the bytecode matches the Python that will run it (a host CPython would write
// bytecode for the wrong version).
//
//   node scripts/pyodide/bytecompile_zip.mjs IN.zip OUT.zip
//   node scripts/pyodide/bytecompile_zip.mjs --stdlib OUT.zip   (Pyodide's own stdlib)
//
// Every .py becomes an unchecked hash-based .pyc at the same place (sourceless import);
// other files are copied. A wheel's RECORD is rewritten to list what the zip now holds.
// Loading bytecode skips compiling modules at start-up in the browser.
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [input, output] = process.argv.slice(2);
if (!output) {
  console.error("usage: node bytecompile_zip.mjs (IN.zip | --stdlib) OUT.zip");
  process.exit(2);
}
const pyodide = await loadPyodide();
const [major, minor] = pyodide.runPython("import sys; sys.version_info[:2]").toJs();
const source = input === "--stdlib" ? `/lib/python${major}${minor}.zip` : "/tmp/in.zip";
if (input !== "--stdlib") pyodide.FS.writeFile(source, readFileSync(input));
pyodide.globals.set("SOURCE", source);
const compiled = pyodide.runPython(`
import base64, csv, hashlib, importlib.util, io, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def record_row(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [name, f"sha256={digest}", str(len(data))]

entries, compiled, record_name = [], 0, None
with zipfile.ZipFile(SOURCE) as zin:
    for info in zin.infolist():
        data = zin.read(info)
        if info.filename.endswith(".dist-info/RECORD"):
            record_name = info.filename
            continue
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True)
            data = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            entries.append((zipfile.ZipInfo(info.filename + "c", info.date_time), data))
            compiled += 1
        else:
            entries.append((info, data))
if record_name:
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\\n")
    for info, data in entries:
        if not info.is_dir():
            writer.writerow(record_row(info.filename, data))
    writer.writerow([record_name, "", ""])
    entries.append((zipfile.ZipInfo(record_name, entries[0][0].date_time), rows.getvalue().encode()))
with zipfile.ZipFile("/tmp/out.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
    for info, data in entries:
        zout.writestr(info, data, zipfile.ZIP_DEFLATED)
compiled
`);
const bytes = pyodide.FS.readFile("/tmp/out.zip");
writeFileSync(output, bytes);
console.log(`byte-compiled ${compiled} modules for Python ${major}.${minor}: ${output} (${bytes.length} bytes)`);
