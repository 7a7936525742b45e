// Starts the checker's engine worker as early as possible, from <head>, on pages that host
// the checker (overrides/main.html). checker.js adopts the worker and the messages it has
// sent so far (window.__connectorCheckerEarly). A classic script on purpose: it runs while
// the page is parsed, long before module scripts do.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="connector-checker"]');
  if (!meta || location.protocol === "file:") return;
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return;
  function absolute(url) {
    return new URL(url, document.baseURI).href;
  }
  try {
    var worker = new Worker(absolute(meta.dataset.worker), { type: "module" });
    var early = { worker: worker, messages: [], startedAt: performance.now() };
    // Buffer until checker.js adopts the worker (it then sets messages to null).
    worker.addEventListener("message", function (event) {
      if (early.messages) early.messages.push(event.data);
    });
    worker.addEventListener("error", function (event) {
      if (early.messages) early.messages.push({ type: "failed", message: event.message || "worker error" });
    });
    worker.postMessage({
      type: "boot",
      indexURL: absolute(meta.dataset.pyodide),
      stdLibURL: absolute(meta.dataset.stdlib),
      wheelURL: absolute(meta.dataset.wheel),
    });
    window.__connectorCheckerEarly = early;
  } catch (error) {
    // checker.js starts the worker itself and reports what goes wrong
  }
})();
