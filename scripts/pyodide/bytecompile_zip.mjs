// Byte-compile the Python in a zip (Pyodide's stdlib, or a wheel) inside Pyodide itself,
// so the bytecode matches the Python that will run it (a host CPython would write
// bytecode for the wrong version).
//
//   node scripts/pyodide/bytecompile_zip.mjs IN.zip OUT.zip
//   node scripts/pyodide/bytecompile_zip.mjs --stdlib OUT.zip [--only-imported-by WHEEL
//                                            [--plan-extras EXTRAS.zip]
//                                            [--browser-wheel BROWSER.whl]]
//
// Every .py becomes an unchecked hash-based .pyc at the same place (sourceless import);
// other files are copied. A wheel's RECORD is rewritten to list what the zip now holds.
// Loading bytecode skips compiling modules at start-up in the browser.
//
// --only-imported-by WHEEL keeps only the stdlib modules that Pyodide's start-up, installing
// WHEEL and running the engine over every combination of answers actually import ("module
// removal by runtime detection"), without docstrings: 0.85 MB brotli on the wire instead of
// 4.5 MB.
//
// The wheel is unpacked onto sys.path as the checker's worker does it (engine-worker.js),
// not installed with loadPackage, whose installation imports importlib.metadata, tarfile
// and email (~60 KB brotli the browser would download for nothing).
//
// --plan-extras EXTRAS.zip moves what only the connector plan imports out of OUT.zip and
// the browser's wheel into EXTRAS.zip: stdlib modules (ipaddress, the idna codec ...), the
// engine's plan modules and its recipes (engine/plan.json). The worker fetches it only when
// a reader asks for a plan, so the first verdict does not download it.
// --browser-wheel BROWSER.whl writes the wheel the browser loads: WHEEL with only the engine
// modules the worker imports to decide, and the model (the CLI, the verifier, the decision
// tables stay out; JSON without indentation).
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

// Where the worker unpacks the engine's wheel (engine-worker.js: ENGINE_DIR).
const ENGINE_DIR = "/lib/connector-engine";

const args = process.argv.slice(2);
const only = args.indexOf("--only-imported-by");
const usedBy = only >= 0 ? args.splice(only, 2)[1] : null;
const extrasAt = args.indexOf("--plan-extras");
const extrasOut = extrasAt >= 0 ? args.splice(extrasAt, 2)[1] : null;
const pruneAt = args.indexOf("--browser-wheel");
const browserWheel = pruneAt >= 0 ? args.splice(pruneAt, 2)[1] : null;
const [input, output] = args;
if (!output || (usedBy && input !== "--stdlib")) {
  console.error("usage: node bytecompile_zip.mjs (IN.zip | --stdlib [--only-imported-by WHEEL]) OUT.zip");
  process.exit(2);
}
const pyodide = await loadPyodide();
const [major, minor] = pyodide.runPython("import sys; sys.version_info[:2]").toJs();
const source = input === "--stdlib" ? `/lib/python${major}${minor}.zip` : "/tmp/in.zip";
if (input !== "--stdlib") pyodide.FS.writeFile(source, readFileSync(input));
pyodide.globals.set("SOURCE", source);
pyodide.globals.set("KEEP", undefined);
let planOnly = null;
let engineBoot = null;
let enginePlanOnly = null;
if (usedBy) {
  // As the worker does: the wheel's files unpacked into a folder appended to sys.path.
  pyodide.unpackArchive(new Uint8Array(readFileSync(usedBy)), "zip", { extractDir: ENGINE_DIR });
  pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(ENGINE_DIR)})`);
  const [boot, all, engineAtBoot, engineAll] = pyodide.runPython(EXERCISE_ENGINE()).toJs();
  const bootSet = new Set(boot);
  planOnly = all.filter((name) => !bootSet.has(name));
  pyodide.globals.set("KEEP", extrasOut ? boot : all);
  const engineBootSet = new Set(engineAtBoot);
  engineBoot = extrasOut ? engineAtBoot : engineAll;
  enginePlanOnly = engineAll.filter((name) => !engineBootSet.has(name));
}
const compiled = compileInto("/tmp/out.zip");
const bytes = pyodide.FS.readFile("/tmp/out.zip");
writeFileSync(output, bytes);
console.log(`byte-compiled ${compiled} modules for Python ${major}.${minor}: ${output} (${bytes.length} bytes)`);
if (browserWheel) {
  // The wheel the browser loads: only the engine modules the worker imported (deciding and
  // making plans), the model and the wheel's metadata; the CLI, the verifier and the
  // decision tables stay in the pip-installable wheel.
  pyodide.FS.writeFile("/tmp/full.whl", readFileSync(usedBy));
  pyodide.globals.set("SOURCE", "/tmp/full.whl");
  pyodide.globals.set("ENGINE_FILES", engineBoot);
  const names = pyodide.runPython(`
import zipfile
kept = set(ENGINE_FILES) | {"engine/model.json"}
[n for n in zipfile.ZipFile(SOURCE).namelist() if n in kept or ".dist-info/" in n]
`).toJs();
  pyodide.globals.set("KEEP", names);
  const modules = compileInto("/tmp/browser.whl");
  const wheelBytes = pyodide.FS.readFile("/tmp/browser.whl");
  writeFileSync(browserWheel, wheelBytes);
  console.log(`browser wheel: ${names.filter((n) => n.startsWith("engine/")).length} files: ${browserWheel} (${wheelBytes.length} bytes)`);
}
if (extrasOut) {
  pyodide.FS.writeFile("/tmp/full.whl", readFileSync(usedBy));
  pyodide.globals.set("SOURCE", [source, "/tmp/full.whl"]);
  const extraNames = [...planOnly, ...enginePlanOnly, "engine/plan.json"];
  pyodide.globals.set("KEEP", extraNames);
  const extras = compileInto("/tmp/extras.zip");
  const extraBytes = pyodide.FS.readFile("/tmp/extras.zip");
  writeFileSync(extrasOut, extraBytes);
  console.log(`plan extras: ${extras} stdlib modules, then ${extraNames.slice(planOnly.length).join(", ")} (${planOnly.join(", ")}): ${extrasOut} (${extraBytes.length} bytes)`);
}

function compileInto(path) {
  pyodide.globals.set("OUT_PATH", path);
  return pyodide.runPython(`
import base64, csv, hashlib, importlib.util, io, json, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def record_row(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return [name, f"sha256={digest}", str(len(data))]

keep = None if KEEP is None else set(KEEP)

def OPTIMIZE(name):
    # The trimmed stdlib and the engine drop docstrings and asserts (-OO): ~20 % fewer
    # bytes (the engine has no assert and reads no docstring). Pyodide's own packages keep
    # theirs: they copy docstrings onto the JavaScript API.
    if name.startswith("engine/"):
        return 2
    if keep is None or name.startswith(("_pyodide/", "pyodide/")):
        return 0
    return 2
# Stored, not deflated: the web server's gzip/brotli then compresses the whole file at
# once (~25 % smaller on the wire), and imports skip inflating.
method = zipfile.ZIP_STORED
entries, compiled, record_name = [], 0, None
for source in [SOURCE] if isinstance(SOURCE, str) else SOURCE:
  with zipfile.ZipFile(source) as zin:
    for info in zin.infolist():
        if keep is not None and info.filename not in keep:
            continue
        data = zin.read(info)
        if info.filename.endswith(".dist-info/RECORD"):
            record_name = info.filename
            continue
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True, optimize=OPTIMIZE(info.filename))
            data = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
            entries.append((zipfile.ZipInfo(info.filename + "c", info.date_time), data))
            compiled += 1
        elif keep is not None and info.filename.startswith("engine/") and info.filename.endswith(".json"):
            # Machines read these in the browser: no indentation.
            data = json.dumps(json.loads(data), ensure_ascii=False, separators=(",", ":")).encode()
            entries.append((info, data))
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
with zipfile.ZipFile(OUT_PATH, "w", method) as zout:
    for info, data in entries:
        zout.writestr(info, data, method)
compiled
`);
}

// Python that imports what the checker's worker imports, runs the engine on every
// reachable set of answers and on refused ones (their error path imports too), makes the
// plan with good and refused values, and
// returns the stdlib zip entries of every module loaded, package __init__ files included,
// and the engine's files, each when deciding and when planning too.
function EXERCISE_ENGINE() {
  return `
import json, sys, traceback
from engine.json_api import answer  # what the worker calls

def loaded_engine():
    return {
        "engine/" + origin.rsplit("/engine/", 1)[1]
        for module in list(sys.modules.values())
        if "/engine/" in (origin := getattr(getattr(module, "__spec__", None), "origin", None) or "")
    }

# What enumerating the answers imports is this exercise's, not the worker's.
worker_only = loaded_engine()
from engine import load_packaged_model, reachable_answer_sets
exercise_only = loaded_engine() - worker_only

refused = [{}, {"service": "eop", "servers": "none", "partners": "no"},
           {"no-such-question": "x"}]
for answers in reachable_answer_sets(load_packaged_model()) + refused:
    answer(json.dumps(answers))
try:
    raise LookupError("a traceback, as Pyodide formats a Python error for JavaScript")
except LookupError:
    traceback.format_exc()
# Codecs looked up by name at run time rather than imported: keep the common ones.
for codec in ("ascii", "latin_1", "utf_8_sig", "unicode_escape"):
    __import__(f"encodings.{codec}")

stdlib = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip/"

def loaded_stdlib():
    kept = set()
    for module in list(sys.modules.values()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None) or ""
        if origin.startswith(stdlib):
            kept.add(origin[len(stdlib):])
    for name in list(kept):
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            kept.add("/".join(parts[:depth]) + "/__init__.py")
    return sorted(kept)

boot = loaded_stdlib()
engine_boot = sorted(loaded_engine() - exercise_only)
# The plan, with good, international and refused values (ipaddress, the idna codec ...).
plan_values = [{"domains": "contoso.com, b\u00fccher.example", "server_cert": "*.contoso.com",
                "server_ips": "203.0.113.0/28", "smart_hosts": "mail.contoso.com",
                "partner_domains": "contosobank.com", "partner_cert": "mail.contosobank.com",
                "partner_ips": "198.51.100.7", "device_ips": "203.0.113.9",
                "service_ips": "192.0.2.0/24"},
               {"server_ips": "10.0.0.0/8"}, {"domains": "x\u3002y"}]
for answers in reachable_answer_sets(load_packaged_model()):
    for values in plan_values:
        answer(json.dumps(answers), json.dumps(values))
[boot, loaded_stdlib(), engine_boot, sorted(loaded_engine() - exercise_only)]
`;
}
