// The connector decision engine on Pyodide, off the main thread (a module worker).
//
// Messages in:  {type: "boot", indexURL, stdLibURL, wheelURL, wheelIntegrity, lockInfo,
//                snapshotURL?}
//               {type: "decide", id, answers, values?, planStdlibURL?}
//                 (values: the reader's plan values; planStdlibURL: what only the plan
//                 imports, fetched and unpacked the first time values come)
// Messages out: {type: "progress", stage}     while booting
//               {type: "ready", bootMs}       once the engine answers
//               {type: "failed", message}     if booting failed
//               {type: "result", id, result} | {type: "result", id, error}
//
// Pyodide's own module is imported from the URL the page hands over (our copy under
// assets/pyodide/<version>/): nothing is fetched from any other host.
let engine = null;
let pyodideInstance = null;
let planStdlib = null; // Promise: what only the plan imports, once unpacked

// The engine's wheel is unpacked here and the folder put on sys.path (as
// scripts/pyodide/bytecompile_zip.mjs does when it finds what the engine imports).
const ENGINE_DIR = "/lib/connector-engine";
const PLAN_DIR = "/lib/plan-stdlib";

function fetchBytes(url, integrity) {
  // integrity: the Subresource Integrity of the file ("sha256-..."), checked by fetch(),
  // which then fails as a network error does
  return fetch(url, integrity ? { integrity } : {}).catch((error) => {
    const mismatch = integrity ? ", or it is not the file this page was built with" : "";
    throw new Error(`could not download ${url}${mismatch} (${error.message})`);
  }).then((response) => {
    if (!response.ok) throw new Error(`${response.status} for ${url}`);
    return response.arrayBuffer();
  });
}

async function boot({ indexURL, stdLibURL, wheelURL, wheelIntegrity, lockInfo, snapshotURL }) {
  const started = performance.now();
  const stages = {};
  const stage = (name) => { stages[name] = Math.round(performance.now() - started); };
  post({ type: "progress", stage: "Downloading the Python runtime" });
  // A lock file with no packages: the engine is not installed as a package (installing
  // imports modules the browser would download for nothing), and Pyodide reads only its
  // `info` (ABI, Python version) then. Passed as contents: one request fewer.
  const lockFileContents = { info: lockInfo, packages: {} };
  // The wheel downloads while Pyodide's JavaScript, wasm and stdlib load.
  const wheel = snapshotURL ? null : fetchBytes(wheelURL, wheelIntegrity);
  wheel?.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  stage("pyodide.mjs");
  let pyodide = null;
  if (snapshotURL) {
    // Opt-in (connector-checker's memory_snapshot): Python's memory right after the engine
    // was imported, saved at build time by the same Pyodide; restoring it skips start-up.
    post({ type: "progress", stage: "Restoring Python with the decision engine" });
    try {
      pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents,
                                    _loadSnapshot: fetchBytes(snapshotURL) });
      stage("snapshot");
    } catch (error) {
      console.warn(`connector checker: memory snapshot not used (${error}); starting Python`);
      pyodide = null;
    }
  }
  if (pyodide === null) {
    post({ type: "progress", stage: "Starting Python and loading the decision engine" });
    pyodide = await loadPyodide({ indexURL, stdLibURL, lockFileContents });
    stage("loadPyodide");
    pyodide.unpackArchive(await (wheel ?? fetchBytes(wheelURL, wheelIntegrity)), "zip",
                          { extractDir: ENGINE_DIR });
    pyodide.runPython(`import sys\nsys.path.append(${JSON.stringify(ENGINE_DIR)})`);
  }
  pyodideInstance = pyodide;
  engine = pyodide.pyimport("engine.json_api").answer;
  stage("engine");
  post({ type: "ready", bootMs: Math.round(performance.now() - started), stages });
}

// Sourceless .pyc files unpacked into a folder on sys.path: stdlib modules, and the
// engine's plan modules with their recipes under engine/ (added to the engine package's
// __path__); `encodings` is a package in the stdlib zip, so its extra codecs' folder is
// added to its __path__ as well.
function loadPlanStdlib(url) {
  planStdlib ??= fetchBytes(url).then((buffer) => {
    pyodideInstance.unpackArchive(buffer, "zip", { extractDir: PLAN_DIR });
    pyodideInstance.runPython(
      "import sys, encodings, engine\n" +
      `sys.path.append('${PLAN_DIR}')\n` +
      `encodings.__path__.append('${PLAN_DIR}/encodings')\n` +
      `engine.__path__.append('${PLAN_DIR}/engine')\n`);
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
