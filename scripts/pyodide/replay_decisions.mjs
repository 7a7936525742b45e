// Replay engine decisions in the real Pyodide (from node_modules), through the JSON
// interface the checker's worker calls (engine.json_api.answer).
//
//   node scripts/pyodide/replay_decisions.mjs WHEEL STDLIB_ZIP CASES.json
//   node scripts/pyodide/replay_decisions.mjs --snapshot FILE STDLIB_ZIP CASES.json
//
// With a wheel: Pyodide starts and the wheel is unpacked onto sys.path, as the checker's
// worker does it (engine-worker.js; installing it as a package would need stdlib modules
// the trimmed stdlib leaves out). With --snapshot: Pyodide restores the
// memory snapshot made by make_snapshot.mjs (the checker's opt-in fast start) instead.
// CASES.json is a list of answer dicts. Prints, as JSON, one entry per case: the engine's
// result, or {"error": message} for answers the engine refuses. The Python test compares
// this with CPython's results for the same cases.
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const ENGINE_DIR = "/lib/connector-engine"; // as in engine-worker.js

const args = process.argv.slice(2);
const snapshot = args[0] === "--snapshot" ? args.splice(0, 2)[1] : null;
const [wheel, stdlib, casesFile] = snapshot ? [null, ...args] : args;
if (!casesFile) {
  console.error("usage: node replay_decisions.mjs (WHEEL | --snapshot FILE) STDLIB_ZIP CASES.json");
  process.exit(2);
}
const stdLibURL = stdlib === "stock" ? undefined : stdlib;
let pyodide;
if (snapshot) {
  pyodide = await loadPyodide({ stdLibURL, _loadSnapshot: readFileSync(snapshot) });
} else {
  pyodide = await loadPyodide({ stdLibURL });
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: ENGINE_DIR });
  pyodide.runPython(`import sys; sys.path.append(${JSON.stringify(ENGINE_DIR)})`);
}
pyodide.globals.set("cases_json", readFileSync(casesFile, "utf8"));
const output = pyodide.runPython(`
import json, sys
from engine.json_api import answer

results = []
for answers in json.loads(cases_json):
    reply = json.loads(answer(json.dumps(answers)))
    results.append(reply["result"] if "result" in reply else {"error": reply["error"]})
json.dumps({"python": sys.version.split()[0], "results": results})
`);
process.stdout.write(output + "\n");
