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

import { element, siteHref } from "./dom.js";

const SPEC_URL = new URL("checker.json", import.meta.url);

let specPromise = null;
let engine = null; // {ready: Promise, onProgress, decide}
// The result's view (and its diagram) is only needed with the first result: loaded then.
let resultViewModule = null;

function loadSpec() {
  specPromise ??= fetch(SPEC_URL).then((response) => {
    if (!response.ok) throw new Error(`${SPEC_URL} answered ${response.status}`);
    return response.json();
  });
  return specPromise;
}

function loadResultView() {
  resultViewModule ??= import("./result-view.js");
  return resultViewModule;
}

// "Make it your plan" is loaded only when the reader opens it.
let planViewModule = null;
function loadPlanView() {
  planViewModule ??= import("./plan-view.js");
  return planViewModule;
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
    decide: async (answers, values = null) => {
      await ready;
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        // The stdlib modules only the plan needs come with the first plan asked for.
        const planStdlibURL = values ? new URL(spec.stdlib_plan, SPEC_URL).href : "";
        worker.postMessage({ type: "decide", id, answers, values, planStdlibURL });
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
    wheelURL: new URL(spec.wheel, SPEC_URL).href,
    wheelIntegrity: spec.wheel_integrity,
    lockInfo: spec.lock_info,
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

// The reader's plan values live in the URL fragment (#domains=...), never the query: a
// fragment is not sent to any server, so the values stay out of every log.
function valuesFromFragment(spec) {
  const params = new URLSearchParams(location.hash.slice(1));
  const values = {};
  for (const key of spec.plan_keys) {
    const value = params.get(key);
    if (value !== null) values[key] = value;
  }
  return values;
}

function writeFragment(values) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const hash = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${location.search}${hash ? `#${hash}` : ""}`);
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

// The answers into the URL query. A change the reader made is a new history entry, so
// Back undoes the last answer (the page listens for popstate); anything else replaces it.
function writeQuery(spec, answers, { newEntry = false } = {}) {
  const params = new URLSearchParams(location.search);
  for (const question of spec.questions) params.delete(question.id);
  for (const [key, value] of Object.entries(answers)) params.set(key, value);
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (newEntry) history.pushState({ connectorChecker: true }, "", url);
  else history.replaceState(history.state, "", url);
}

// ---- the widget

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
  const result = element("div", { class: "cc-result", id: `${widgetId}-result`, "aria-live": "polite",
                                   "aria-atomic": "false", "data-verdict": "" });
  const copy = element("button", { type: "button", class: "md-button cc-copy" }, "Copy link to these answers");
  const reset = element("button", { type: "button", class: "md-button cc-reset" }, "Start over");
  const copyNote = element("p", { class: "cc-copy-note", hidden: true });
  const actions = element("div", { class: "cc-actions" }, copy, reset);
  // The verdict in one line where the reader is, while the result itself is out of view.
  // Not a live region (the result is): screen readers hear the answer once.
  const summary = element("button", { type: "button", class: "cc-summary", hidden: true });
  summary.addEventListener("click", () => {
    result.scrollIntoView({ block: "start" });
    summary.hidden = true;
  });
  container.append(element("h3", { class: "cc-title" }, "Connector checker"),
    element("p", { class: "cc-intro" }, spec.intro), form, actions, copyNote, status, result, summary);

  let answers = answersFromQuery(spec);
  let values = valuesFromFragment(spec);
  // The plan is asked for once the reader opens "Make it your plan" (or a link has values).
  let planWanted = Object.keys(values).length > 0;
  let focusKey = null;
  // The inline checker is folded under its section's first paragraph so the article reads
  // as written; a shared link with answers opens it.
  const fold = container.closest("details");
  if (fold && Object.keys(answers).length) fold.open = true;
  let generation = 0;
  let booted = false;
  const eng = startEngine(spec);
  eng.ready.then(() => { booted = true; }, () => {});
  let stage = "Starting the checker";
  eng.onProgress((latest) => {
    if (!status.isConnected) return false;
    stage = latest;
    if (!result.dataset.verdict) status.textContent = `${stage}…`;
    return true;
  });
  watchSummary(summary, result);

  const choose = (key, value) => {
    answers = { ...answers, [key]: value };
    refresh({ newEntry: true });
  };

  const refresh = async ({ newEntry = false } = {}) => {
    const current = ++generation;
    syncForm(form, spec, answers);
    const relevant = relevantAnswers(spec, answers);
    writeQuery(spec, relevant, { newEntry });
    const missing = missingQuestions(spec, relevant);
    if (missing.length) {
      result.dataset.verdict = "";
      result.replaceChildren();
      summary.hidden = true;
      status.textContent = `${missing.length} question${missing.length > 1 ? "s" : ""} left: ${missing[0].label}`;
      return;
    }
    try {
      // While Python starts, the boot stage stays in view; then the answer is worked out.
      status.textContent = booted ? "Working out the answer…" : `${stage}…`;
      const [reply, view] = await Promise.all([
        eng.decide(relevant, planWanted ? values : null), loadResultView()]);
      const planView = planWanted ? await loadPlanView() : null;
      if (current !== generation) return;
      if (reply.error) {
        view.renderRefusal(result, reply, { spec, choose });
        summary.hidden = true;
        status.textContent = "";
        return;
      }
      view.renderResult(result, reply.result, { form, spec });
      (planView ?? view).renderPlanSection(result, reply, {
        values,
        open: planWanted,
        onOpen: () => { planWanted = true; refresh(); },
        focusKey,
        onValues: (next, key) => {
          values = next;
          focusKey = key;
          writeFragment(values);
          refresh();
        },
      });
      summary.textContent = `${reply.result.headline} — see the answer`;
      summary.dataset.verdict = reply.result.verdict;
      showSummaryIfOutOfView(summary, result);
      status.textContent = "";
    } catch (error) {
      if (current === generation) showFallback(result, status, spec, error);
    }
  };

  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input.dataset.key) choose(input.dataset.key, input.value);
  });
  reset.addEventListener("click", () => {
    answers = {};
    form.reset();
    refresh({ newEntry: true });
  });
  // Back and Forward walk through the reader's answers.
  const onHistory = () => {
    if (!container.isConnected) return window.removeEventListener("popstate", onHistory);
    answers = answersFromQuery(spec);
    refresh();
  };
  window.addEventListener("popstate", onHistory);
  copy.addEventListener("click", () => copyLink(copy, copyNote));
  eng.ready.catch((error) => showFallback(result, status, spec, error));
  refresh();
}

// Copy the page's address. The clipboard API exists only in secure contexts (HTTPS or
// localhost); on a plain-HTTP intranet the address is put in a selected text field, copied
// with the older copy command where the browser allows it, and the reader is told.
async function copyLink(button, note) {
  const reset = () => setTimeout(() => { button.textContent = "Copy link to these answers"; }, 2500);
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(location.href);
      button.textContent = "Link copied";
      note.hidden = true;
      return reset();
    } catch { /* fall through to selecting the text */ }
  }
  const field = element("input", { type: "text", readonly: true, class: "cc-copy-field",
                                   "aria-label": "Link to these answers", value: location.href });
  note.replaceChildren(field, element("span", {}, ""));
  note.hidden = false;
  field.focus();
  field.select();
  let copied = false;
  try { copied = document.execCommand("copy"); } catch { copied = false; }
  note.lastChild.textContent = copied
    ? " Copied. (This page is not on HTTPS, so the link is also shown here.)"
    : " This page is not on HTTPS, so the browser cannot copy for you: the link is selected, press Ctrl+C (⌘C on a Mac).";
  button.textContent = copied ? "Link copied" : "Link selected";
  reset();
}

// The summary line shows while the result has an answer but is not on screen.
const summaryObservers = new WeakMap();
function watchSummary(summary, result) {
  if (typeof IntersectionObserver !== "function") return;
  const observer = new IntersectionObserver(([entry]) => {
    summary.hidden = !result.dataset.verdict || entry.isIntersecting;
  });
  observer.observe(result);
  summaryObservers.set(summary, observer);
}

function showSummaryIfOutOfView(summary, result) {
  const box = result.getBoundingClientRect();
  const inView = box.top < window.innerHeight && box.bottom > 0 && box.top + 40 < window.innerHeight;
  summary.hidden = inView;
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
      // A refused answer stays selectable-away: it is marked, not locked.
      input.disabled = blocked.has(input.value) && !input.checked;
      input.setAttribute("aria-invalid", String(blocked.has(input.value) && input.checked));
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
