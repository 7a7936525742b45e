// Starts the checker's engine worker as early as possible, from <head>, on pages that host
// the checker (overrides/main.html). checker.js adopts the worker and the messages it has
// sent so far (window.__connectorCheckerEarly). A classic script on purpose: it runs while
// the page is parsed, long before module scripts do.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="connector-checker"]');
  if (!meta) return;
  if (location.protocol === "file:") {
    // Browsers refuse module scripts and workers from file://, so checker.js never runs:
    // say so here, where the widget is.
    document.addEventListener("DOMContentLoaded", explainFileProtocol);
    return;
  }
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return;
  function explainFileProtocol() {
    var containers = document.querySelectorAll("[data-connector-checker]");
    for (var i = 0; i < containers.length; i++) {
      var box = document.createElement("div");
      box.className = "admonition warning cc-fallback";
      var title = document.createElement("p");
      title.className = "admonition-title";
      title.textContent = "The checker needs a web server";
      var text = document.createElement("p");
      text.textContent = "These pages were opened as files, and browsers do not run the " +
        "checker that way. Serve the site with a web server, or read the answer for every " +
        "case in the ";
      var link = document.createElement("a");
      link.href = new URL(meta.dataset.decisionTable, document.baseURI).href;
      link.textContent = "full decision table";
      text.appendChild(link);
      text.appendChild(document.createTextNode("."));
      box.appendChild(title);
      box.appendChild(text);
      containers[i].replaceChildren(box);
    }
  }
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
      wheelIntegrity: meta.dataset.wheelIntegrity,
      lockInfo: JSON.parse(meta.dataset.lockInfo),
      snapshotURL: meta.dataset.snapshot ? absolute(meta.dataset.snapshot) : "",
    });
    window.__connectorCheckerEarly = early;
  } catch (error) {
    // checker.js starts the worker itself and reports what goes wrong
  }
})();
