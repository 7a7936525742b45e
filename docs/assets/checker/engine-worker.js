// The connector decision engine on Pyodide, off the main thread (a module worker).
//
// Messages in:  {type: "boot", indexURL, stdLibURL, lockURL, packageName, snapshotURL?}
//               {type: "decide", id, answers, values?}   (values: the reader's plan values)
// Messages out: {type: "progress", stage}     while booting
//               {type: "ready", bootMs}       once the engine answers
//               {type: "failed", message}     if booting failed
//               {type: "result", id, result} | {type: "result", id, error}
//
// Pyodide's own module is imported from the URL the page hands over (our copy under
// assets/pyodide/<version>/): nothing is fetched from any other host.
let engine = null;

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
  engine = pyodide.pyimport("engine.json_api").answer;
  stage("engine");
  post({ type: "ready", bootMs: Math.round(performance.now() - started), stages });
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
    else if (data.type === "decide") decideFor(data.id, data.answers, data.values);
  } catch (error) {
    post({ type: data.type === "boot" ? "failed" : "result", id: data.id,
           message: String(error), error: String(error) });
  }
});
