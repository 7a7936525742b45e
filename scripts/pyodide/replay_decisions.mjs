// Replay engine decisions in the real Pyodide (from node_modules), with the built wheel.
//
//   node scripts/pyodide/replay_decisions.mjs WHEEL STDLIB_ZIP CASES.json
//
// CASES.json is a list of answer dicts. Prints, as JSON, one entry per case: the engine's
// result, or {"error": message} for answers the engine refuses. The Python test compares
// this with CPython's results for the same cases.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadPyodide } from "pyodide";

const [wheel, stdlib, casesFile] = process.argv.slice(2);
if (!casesFile) {
  console.error("usage: node replay_decisions.mjs WHEEL STDLIB_ZIP CASES.json");
  process.exit(2);
}
const pyodide = await loadPyodide({ stdLibURL: stdlib === "stock" ? undefined : stdlib });
await pyodide.loadPackage(pathToFileURL(wheel).href, { messageCallback: () => {} });
pyodide.globals.set("cases_json", readFileSync(casesFile, "utf8"));
const output = pyodide.runPython(`
import json, sys
from engine import AnswerError, decide, load_packaged_model

model = load_packaged_model()
results = []
for answers in json.loads(cases_json):
    try:
        results.append(decide(model, answers))
    except AnswerError as error:
        results.append({"error": str(error)})
json.dumps({"python": sys.version.split()[0], "results": results})
`);
process.stdout.write(output + "\n");
