// The in-page connector checker: a form generated from the decision model, answered by
// the engine running on Pyodide in a Web Worker (engine-worker.js).
//
// Loaded once (extra_javascript, type=module). Material's instant navigation keeps this
// module and its worker alive between pages; widgets are bound again on every page view
// (`document$`). Answers live in the URL query (?service=...&servers=...), so a shared
// link shows its result with no clicks. The result element carries data-verdict once the
// engine has answered.
//
// Nothing here knows a question, an answer or a connector: the questions, their
// relevance, defaults and impossible combinations come from checker.json (written by the
// build from the engine's model), and everything shown of a result, its diagram
// included, comes from the engine's reply.

const SPEC_URL = new URL("checker.json", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url);

let specPromise = null;
let engine = null; // {ready: Promise, onProgress, decide}
// The diagram module is only needed with the first result: load it after the engine boots.
let diagramModule = null;

function loadSpec() {
  specPromise ??= fetch(SPEC_URL).then((response) => {
    if (!response.ok) throw new Error(`${SPEC_URL} answered ${response.status}`);
    return response.json();
  });
  return specPromise;
}

function loadDiagram() {
  diagramModule ??= import("./diagram.js");
  return diagramModule;
}

// ---- the engine (one worker per browser tab, started as soon as a checker is on screen)

function whyItCannotRun() {
  if (location.protocol === "file:") {
    return "The checker needs the site to be served by a web server; it cannot run from files opened directly.";
  }
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    return "This browser cannot run the checker (it needs WebAssembly and Web Workers).";
  }
  return null;
}

function startEngine(spec) {
  if (engine) return engine;
  // exposed for tests and benchmarks: engine starts in this tab, and the boot's stages
  window.__connectorChecker = { boots: (window.__connectorChecker?.boots ?? 0) + 1 };
  const listeners = new Set();
  // The latest boot stage: a widget that binds later (instant navigation, or after the
  // early worker's buffered messages were replayed) shows it at once.
  let lastStage = null;
  const pending = new Map();
  const reason = whyItCannotRun();
  let worker = null;
  const ready = new Promise((resolve, reject) => {
    if (reason) return reject(new Error(reason));
    const timer = setTimeout(() => {
      worker?.terminate();
      reject(new Error(`The checker did not start within ${spec.bootTimeoutSeconds} seconds. ` +
        "The server may not allow WebAssembly (Content-Security-Policy 'wasm-unsafe-eval') " +
        "or may not serve .wasm files as application/wasm."));
    }, spec.bootTimeoutSeconds * 1000);
    const handle = (data) => {
      if (data.type === "progress") {
        lastStage = data.stage;
        // a listener answers false once its widget has left the page (instant navigation)
        for (const listener of [...listeners]) if (listener(data.stage) === false) listeners.delete(listener);
      }
      else if (data.type === "ready") {
        clearTimeout(timer);
        lastStage = null;
        // exposed for benchmarks and tests: how long each boot stage took in the worker
        window.__connectorChecker.bootStages = data.stages;
        resolve(data.bootMs);
      } else if (data.type === "failed") {
        clearTimeout(timer);
        reject(new Error(`The checker could not start: ${data.message}`));
      } else if (data.type === "result") {
        pending.get(data.id)?.(data);
        pending.delete(data.id);
      }
    };
    try {
      worker = adoptEarlyWorker(handle) ?? bootWorker(spec);
    } catch (error) {
      clearTimeout(timer);
      return reject(new Error(`The checker could not start: ${error.message}`));
    }
    worker.addEventListener("message", ({ data }) => handle(data));
    worker.addEventListener("error", (event) => handle({ type: "failed", message: event.message || "worker error" }));
  });
  ready.catch(() => {});
  let nextId = 0;
  engine = {
    ready,
    onProgress: (listener) => {
      if (lastStage === null || listener(lastStage) !== false) listeners.add(listener);
    },
    decide: async (answers) => {
      await ready;
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ type: "decide", id, answers });
      });
    },
  };
  return engine;
}

// The worker engine-boot.js started from <head>, with the messages it sent meanwhile.
function adoptEarlyWorker(handle) {
  const early = window.__connectorCheckerEarly;
  if (!early) return null;
  const buffered = early.messages;
  early.messages = null; // engine-boot.js stops buffering
  buffered.forEach(handle);
  return early.worker;
}

function bootWorker(spec) {
  const worker = new Worker(new URL("engine-worker.js", import.meta.url), { type: "module" });
  worker.postMessage({
    type: "boot",
    indexURL: new URL(spec.pyodide, SPEC_URL).href,
    stdLibURL: new URL(spec.stdlib, SPEC_URL).href,
    lockURL: new URL(spec.lock, SPEC_URL).href,
    packageName: spec.package,
    snapshotURL: spec.snapshot ? new URL(spec.snapshot, SPEC_URL).href : "",
  });
  return worker;
}

// ---- answers, relevance and the URL query

function isAsked(question, answers) {
  return Object.entries(question.asked_when).every(([key, values]) => values.includes(answers[key]));
}

// The answers to relevant questions, as given; a question with a default counts as
// answered with it for deciding what is relevant further on (the engine does the same).
function relevantAnswers(spec, answers) {
  const relevant = {};
  const effective = {};
  for (const question of spec.questions) {
    if (!isAsked(question, effective)) continue;
    if (answers[question.id] !== undefined) {
      relevant[question.id] = effective[question.id] = answers[question.id];
    } else if (question.default !== null) {
      effective[question.id] = question.default;
    }
  }
  return relevant;
}

function effectiveAnswers(spec, answers) {
  const effective = {};
  for (const question of spec.questions) {
    if (!isAsked(question, effective)) continue;
    const value = answers[question.id] ?? question.default;
    if (value !== null && value !== undefined) effective[question.id] = value;
  }
  return effective;
}

// Relevant questions that have neither an answer nor a default.
function missingQuestions(spec, answers) {
  const effective = effectiveAnswers(spec, answers);
  return spec.questions.filter((q) => isAsked(q, effective) && effective[q.id] === undefined);
}

// Options that cannot go with the answers to *earlier* questions (e.g. no servers with
// standalone EOP). Later answers never lock an earlier question: the reader can always
// change their mind from the top.
function blockedOptions(spec, answers, questionId) {
  const order = spec.questions.map((q) => q.id);
  const blocked = new Map();
  for (const combination of spec.invalid_combinations) {
    const own = combination.when[questionId];
    const others = Object.entries(combination.when).filter(([key]) => key !== questionId);
    const earlier = others.every(([key]) => order.indexOf(key) < order.indexOf(questionId));
    if (own && earlier && others.every(([key, values]) => values.includes(answers[key]))) {
      for (const value of own) blocked.set(value, combination.reason);
    }
  }
  return blocked;
}

function answersFromQuery(spec) {
  const params = new URLSearchParams(location.search);
  const answers = {};
  for (const question of spec.questions) {
    const value = params.get(question.id);
    if (value !== null) answers[question.id] = value;
  }
  return answers;
}

function writeQuery(spec, answers) {
  const params = new URLSearchParams(location.search);
  for (const question of spec.questions) params.delete(question.id);
  for (const [key, value] of Object.entries(answers)) params.set(key, value);
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}

// ---- the widget

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

let widgetCount = 0;

function buildForm(spec, widgetId) {
  const form = element("form", { class: "cc-form", "aria-label": "Connector checker questions" });
  for (const question of spec.questions) {
    const legendId = `${widgetId}-${question.id}-legend`;
    const fieldset = element("fieldset", { class: "cc-question", "data-question": question.id,
                                            "aria-describedby": `${widgetId}-${question.id}-help` },
      element("legend", { id: legendId }, question.label),
      element("p", { class: "cc-help", id: `${widgetId}-${question.id}-help` }, question.help));
    for (const option of question.options) {
      const inputId = `${widgetId}-${question.id}-${option.value}`;
      const input = element("input", { type: "radio", id: inputId, name: `${widgetId}-${question.id}`,
                                        value: option.value, "data-key": question.id });
      const label = element("label", { for: inputId }, option.label);
      const help = option.help ? element("span", { class: "cc-option-help" }, option.help) : null;
      fieldset.append(element("div", { class: "cc-option" }, input, label, help));
    }
    form.append(fieldset);
  }
  return form;
}

function bindWidget(container, spec) {
  const widgetId = `cc${++widgetCount}`;
  container.replaceChildren();
  const form = buildForm(spec, widgetId);
  const status = element("p", { class: "cc-status", role: "status" });
  const result = element("div", { class: "cc-result", "aria-live": "polite", "aria-atomic": "false",
                                   "data-verdict": "" });
  const copy = element("button", { type: "button", class: "md-button cc-copy" }, "Copy link to these answers");
  const reset = element("button", { type: "button", class: "md-button cc-reset" }, "Start over");
  const actions = element("div", { class: "cc-actions" }, copy, reset);
  container.append(element("h3", { class: "cc-title" }, "Connector checker"),
    element("p", { class: "cc-intro" }, spec.intro), form, actions, status, result);

  let answers = answersFromQuery(spec);
  let generation = 0;
  const eng = startEngine(spec);
  eng.onProgress((stage) => {
    if (!status.isConnected) return false;
    if (!result.dataset.verdict) status.textContent = `${stage}…`;
    return true;
  });

  const refresh = async () => {
    const current = ++generation;
    syncForm(form, spec, answers);
    const relevant = relevantAnswers(spec, answers);
    writeQuery(spec, relevant);
    const missing = missingQuestions(spec, relevant);
    if (missing.length) {
      result.dataset.verdict = "";
      result.replaceChildren();
      status.textContent = `${missing.length} question${missing.length > 1 ? "s" : ""} left: ${missing[0].label}`;
      return;
    }
    try {
      status.textContent = "Working out the answer…";
      const [reply, diagram] = await Promise.all([eng.decide(relevant), loadDiagram()]);
      if (current !== generation) return;
      if (reply.error) {
        result.dataset.verdict = "";
        result.replaceChildren(element("p", { class: "cc-error" }, reply.error));
        status.textContent = "";
        return;
      }
      renderResult(result, reply.result, diagram.renderDiagram, form);
      status.textContent = "";
    } catch (error) {
      if (current === generation) showFallback(result, status, spec, error);
    }
  };

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.dataset.key) {
      answers = { ...answers, [input.dataset.key]: input.value };
      refresh();
    }
  });
  reset.addEventListener("click", () => {
    answers = {};
    form.reset();
    refresh();
  });
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copy.textContent = "Link copied";
    } catch {
      copy.textContent = "Copy the address from the address bar";
    }
    setTimeout(() => { copy.textContent = "Copy link to these answers"; }, 2500);
  });
  eng.ready.catch((error) => showFallback(result, status, spec, error));
  refresh();
}

function syncForm(form, spec, answers) {
  const effective = effectiveAnswers(spec, answers);
  for (const question of spec.questions) {
    const fieldset = form.querySelector(`[data-question="${question.id}"]`);
    fieldset.hidden = !isAsked(question, effective);
    fieldset.classList.toggle("cc-assumed", answers[question.id] === undefined && question.default !== null);
    const blocked = blockedOptions(spec, answers, question.id);
    for (const input of fieldset.querySelectorAll("input")) {
      input.checked = answers[question.id] === input.value;
      input.disabled = blocked.has(input.value);
      input.title = blocked.get(input.value) ?? "";
    }
  }
}

function showFallback(result, status, spec, error) {
  result.dataset.verdict = "";
  status.textContent = "";
  const links = spec.fallback_links.map((link) =>
    element("li", {}, element("a", { href: siteHref(link.href) }, link.title)));
  result.replaceChildren(element("div", { class: "admonition warning cc-fallback" },
    element("p", { class: "admonition-title" }, "The checker cannot run here"),
    element("p", {}, error.message),
    element("p", {}, "The same answers are in the article's tables and in the full decision table:"),
    element("ul", {}, links)));
}

function siteHref(href) {
  if (/^[a-z]+:/i.test(href)) return href;
  const url = new URL(href, SITE_ROOT);
  return url.pathname === location.pathname ? url.hash : url.href;
}

// A link of the result: its page on this site when it has one, else its public address
// (marked as leaving the site).
function resultLink(link, text = link.title) {
  if (link.site_path) return element("a", { href: siteHref(link.site_path) }, text);
  return element("a", { href: link.href, class: "cc-external" }, text,
    element("span", { class: "cc-external-mark", "aria-label": "(public site)" }, " ↗"));
}

function sourceLinks(source) {
  const links = [];
  if (source.site_path) {
    const lines = source.seed_lines ? `, lines ${source.seed_lines}` : "";
    links.push(element("a", { href: siteHref(source.site_path), title: source.detail },
      `the article, #${source.section}${lines}`));
  }
  if (source.later) {
    links.push(element("span", { class: "cc-later" }, "Microsoft's later guidance: ",
      resultLink({ title: source.later.title, href: source.later.href, site_path: null }),
      ` (${source.later.document}, lines ${source.later.lines})`));
  }
  return links.flatMap((link, i) => (i ? ["; ", link] : [link]));
}

// Assumed answers, each with a button that shows its question in the form.
function assumedNote(result, form) {
  if (!result.assumed.length) return null;
  return element("div", { class: "cc-assumed-note" },
    element("p", {}, "Assumed, because not answered — change any that is not true:"),
    element("ul", {}, result.assumed.map((entry) => {
      const button = element("button", { type: "button", class: "cc-change" }, "Change");
      button.addEventListener("click", () => {
        const fieldset = form.querySelector(`[data-question="${entry.key}"]`);
        fieldset?.scrollIntoView({ block: "center" });
        fieldset?.querySelector("input")?.focus();
      });
      return element("li", {}, `${entry.question} `, element("strong", {}, entry.label), " ", button);
    })));
}

function renderResult(container, result, renderDiagram, form) {
  const connectors = result.connectors.map((c) => element("li", { class: `cc-connector cc-${c.need}` },
    element("strong", {}, c.name), " ", element("span", { class: "cc-need" }, c.need), element("br"),
    `From: ${c.settings.from} → To: ${c.settings.to}`,
    element("p", {}, c.purpose),
    c.options.length ? element("ul", {}, c.options.map((o) => element("li", {}, o))) : null,
    c.set_up ? element("p", {}, "How: ", resultLink(c.set_up)) : null,
    c.sources.length ? element("details", { class: "cc-sources" }, element("summary", {}, "Sources"),
      element("ul", {}, c.sources.map((source) => element("li", {}, source)))) : null));
  const sections = [
    element("p", { class: "cc-verdict" }, result.headline),
    assumedNote(result, form),
    connectors.length ? element("h4", {}, "Connectors to create") : null,
    // Numbered: the diagram labels each connector with its number in this list.
    connectors.length ? element("ol", { class: "cc-connectors" }, connectors) : null,
    element("figure", { class: "cc-diagram" }, renderDiagram(result.diagram),
      element("figcaption", {}, "Your mail flow, with the connectors it needs.")),
    element("h4", {}, "Why"),
    element("ul", { class: "cc-fired" }, result.fired.map((rule) => element("li", {},
      rule.because, " (", ...sourceLinks(rule.source), ")"))),
    ...result.explanation.map((text) => element("p", {}, text)),
    result.next_steps.length ? element("h4", {}, "Next steps") : null,
    result.next_steps.length ? element("ol", {}, result.next_steps.map((s) => element("li", {}, s))) : null,
    element("h4", {}, "Read more"),
    element("ul", {}, result.links.map((l) => element("li", {}, resultLink(l)))),
  ];
  if (result.ignored.length) {
    sections.push(element("p", { class: "cc-ignored" },
      `Not needed for this case, so ignored: ${result.ignored.map((i) => `${i.key}=${i.value}`).join(", ")}`));
  }
  container.replaceChildren(...sections.filter(Boolean));
  container.dataset.verdict = result.verdict;
}

// ---- binding on every page view

async function bindAll() {
  const containers = document.querySelectorAll("[data-connector-checker]");
  if (!containers.length) return;
  let spec;
  try {
    spec = await loadSpec();
  } catch (error) {
    for (const container of containers) {
      container.replaceChildren(element("p", { class: "cc-error" },
        `The checker could not load its questions (${error.message}).`));
    }
    return;
  }
  for (const container of containers) bindWidget(container, spec);
}

// A page that has a checker: fetch the questions right away (engine-boot.js has already
// started the engine from <head>).
if (document.querySelector('meta[name="connector-checker"]')) {
  loadSpec().then(startEngine).catch(() => {});
}

// Bind on every page view: Material's `document$` (instant navigation) once its bundle has
// run, which is before DOMContentLoaded; plain DOM loading without Material.
function bindOnEveryPageView() {
  if (typeof window.document$ !== "undefined") window.document$.subscribe(() => bindAll());
  else bindAll();
}
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", bindOnEveryPageView, { once: true });
} else {
  bindOnEveryPageView();
}
