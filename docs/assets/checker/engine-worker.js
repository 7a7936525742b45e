// The connector decision engine on Pyodide, off the main thread (a module worker).
//
// Messages in:  {type: "boot", indexURL, stdLibURL, lockURL, packageName, snapshotURL?}
//               {type: "decide", id, answers, values?, planStdlibURL?}
//                 (values: the reader's plan values; planStdlibURL: the stdlib modules only
//                 the plan imports, fetched and unpacked the first time values come)
// Messages out: {type: "progress", stage}     while booting
//               {type: "ready", bootMs}       once the engine answers
//               {type: "failed", message}     if booting failed
//               {type: "result", id, result} | {type: "result", id, error}
//
// Pyodide's own module is imported from the URL the page hands over (our copy under
// assets/pyodide/<version>/): nothing is fetched from any other host.
let engine = null;
let pyodideInstance = null;
let planStdlib = null; // Promise: the plan's extra stdlib modules, once unpacked

async function boot({ indexURL, stdLibURL, lockURL, packageName, snapshotURL }) {
  const started = performance.now();
  const stages = {};
  const stage = (name) => { stages[name] = Math.round(performance.now() - started); };
  post({ type: "progress", stage: "Downloading the Python runtime" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  stage("pyodide.mjs");
  let pyodide = null;
  if (snapshotURL) {
    // Opt-in (connector-checker's memory_snapshot): Python's memory right after the engine
    // was imported, saved at build time by the same Pyodide; restoring it skips start-up.
    post({ type: "progress", stage: "Restoring Python with the decision engine" });
    try {
      const snapshot = fetch(snapshotURL).then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${snapshotURL}`);
        return response.arrayBuffer();
      });
      pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileURL: lockURL,
                                    _loadSnapshot: snapshot });
      stage("snapshot");
    } catch (error) {
      console.warn(`connector checker: memory snapshot not used (${error}); starting Python`);
      pyodide = null;
    }
  }
  if (pyodide === null) {
    post({ type: "progress", stage: "Starting Python and loading the decision engine" });
    // Our lock file lists only the engine's wheel: Pyodide downloads it (and checks its
    // SHA-256) while the interpreter starts, then installs it as loadPackage() does.
    pyodide = await loadPyodide({
      indexURL, stdLibURL, lockFileURL: lockURL, packages: [packageName],
    });
    stage("loadPyodide");
  }
  pyodideInstance = pyodide;
  engine = pyodide.pyimport("engine.json_api").answer;
  stage("engine");
  post({ type: "ready", bootMs: Math.round(performance.now() - started), stages });
}

// Sourceless .pyc files unpacked into a folder on sys.path; `encodings` is a package in
// the stdlib zip, so its extra codecs' folder is added to its __path__ as well.
function loadPlanStdlib(url) {
  planStdlib ??= fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${response.status} for ${url}`);
    return response.arrayBuffer();
  }).then((buffer) => {
    pyodideInstance.unpackArchive(buffer, "zip", { extractDir: "/lib/plan-stdlib" });
    pyodideInstance.runPython(
      "import sys, encodings\n" +
      "sys.path.append('/lib/plan-stdlib')\n" +
      "encodings.__path__.append('/lib/plan-stdlib/encodings')\n");
  });
  return planStdlib;
}

async function decideWithPlan(id, answers, values, planStdlibURL) {
  if (values && planStdlibURL) await loadPlanStdlib(planStdlibURL);
  decideFor(id, answers, values);
}

function decideFor(id, answers, values) {
  const reply = JSON.parse(engine(JSON.stringify(answers), values ? JSON.stringify(values) : ""));
  post({ type: "result", id, ...reply });
}

function post(message) {
  self.postMessage(message);
}

self.addEventListener("message", async ({ data }) => {
  try {
    if (data.type === "boot") await boot(data);
    else if (data.type === "decide") await decideWithPlan(data.id, data.answers, data.values, data.planStdlibURL);
  } catch (error) {
    post({ type: data.type === "boot" ? "failed" : "result", id: data.id,
           message: String(error), error: String(error) });
  }
});
