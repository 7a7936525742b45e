// "Make it your plan": the reader's own values in, the wizard steps and PowerShell out.
//
// The fields are the ones the engine says this result needs (plan.fields); each is
// checked by the engine as the reader types, with its message at the field. Values live
// in the URL fragment (checker.js), never in a request. The script can be downloaded as a
// .ps1 file or copied; on a plain-HTTP intranet (no clipboard API) copying selects it.

import { element } from "./dom.js";

let fieldCount = 0;

function codeBlock(lines) {
  return element("pre", { class: "cc-plan-code" }, element("code", {}, lines.join("\n")));
}

function renderFields(plan, error, values, onValues) {
  const form = element("form", { class: "cc-plan-fields", "aria-label": "Your values" });
  let timer = null;
  for (const field of plan.fields) {
    const id = `cc-plan-${++fieldCount}`;
    const invalid = error && error.key === field.key;
    const input = element("input", { type: "text", id, name: field.key, value: values[field.key] ?? "",
      autocomplete: "off", spellcheck: "false", "aria-invalid": invalid ? "true" : "false",
      "aria-describedby": `${id}-help${invalid ? ` ${id}-error` : ""}` });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = {};
        for (const other of form.querySelectorAll("input")) if (other.value.trim()) next[other.name] = other.value;
        onValues(next, field.key);
      }, 300);
    });
    form.append(element("div", { class: "cc-plan-field" },
      element("label", { for: id }, field.label),
      input,
      element("span", { class: "cc-plan-help", id: `${id}-help` }, field.help),
      invalid ? element("span", { class: "cc-plan-error", id: `${id}-error`, role: "alert" }, error.message) : null));
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  return form;
}

function download(script) {
  const url = URL.createObjectURL(new Blob([script], { type: "text/plain" }));
  const link = element("a", { href: url, download: "connector-plan.ps1" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function copyScript(pre, note) {
  const script = pre.textContent;
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(script);
      note.textContent = "Script copied.";
      return;
    } catch { /* select it instead */ }
  }
  const range = document.createRange();
  range.selectNodeContents(pre);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  let copied = false;
  try { copied = document.execCommand("copy"); } catch { copied = false; }
  note.textContent = copied
    ? "Script copied. (This page is not on HTTPS, so the script is also selected.)"
    : "This page is not on HTTPS, so the browser cannot copy for you: the script is selected, press Ctrl+C (⌘C on a Mac).";
}

function renderPlan(plan) {
  const steps = plan.steps.map((step) => element("li", {},
    element("strong", {}, step.name),
    element("ol", { class: "cc-plan-wizard" }, step.admin_center.map((line) => element("li", {}, line))),
    step.powershell.length ? codeBlock(step.powershell) : null,
    ...step.notes.map((note) => element("p", { class: "cc-plan-note" }, note))));
  const script = codeBlock(plan.script.trimEnd().split("\n"));
  script.classList.add("cc-plan-script");
  const note = element("p", { class: "cc-plan-copy-note", role: "status" });
  const downloadButton = element("button", { type: "button", class: "md-button cc-plan-download" }, "Download .ps1");
  const copyButton = element("button", { type: "button", class: "md-button cc-plan-copy" }, "Copy the script");
  downloadButton.addEventListener("click", () => download(plan.script));
  copyButton.addEventListener("click", () => copyScript(script, note));
  return [
    element("h5", {}, "Before you start"),
    element("ul", {}, plan.prerequisites.map((item) => element("li", {}, item))),
    element("h5", {}, "Connectors: the wizard's choices, and the PowerShell that does the same"),
    element("ol", { class: "cc-plan-steps" }, steps),
    plan.missing_values.length ? element("div", { class: "cc-plan-missing" },
      element("h5", {}, "Values that would complete it"),
      element("ul", {}, plan.missing_values.map((m) => element("li", {}, element("strong", {}, m.key), `: ${m.why}`)))) : null,
    element("h5", {}, "Check"),
    element("ul", {}, plan.validation.map((item) => element("li", {}, item))),
    element("h5", {}, "The whole script"),
    element("p", { class: "cc-plan-actions" }, downloadButton, " ", copyButton),
    note,
    script,
  ];
}

// The section under a result with connectors; `reply` carries plan or plan_error once the
// reader has opened it.
export function renderPlanSection(container, reply, { values, open, onOpen, onValues, focusKey }) {
  if (!reply.result.connectors.length) return;
  const details = element("details", { class: "cc-plan" }, element("summary", {}, "Make it your plan"));
  if (open) details.open = true;
  details.addEventListener("toggle", () => { if (details.open && !reply.plan && !reply.plan_error) onOpen(); });
  const body = element("div", { class: "cc-plan-body" });
  if (reply.plan || reply.plan_error) {
    const plan = reply.plan ?? { fields: reply.plan_error.fields };
    if (reply.plan_error) {
      body.append(element("p", { class: "cc-plan-refused" },
        "Nothing is written from a value that is not valid: fix the field marked below."));
    }
    if (plan) {
      body.append(element("p", {}, "Your values stay in this page's address, after the #: they are never sent anywhere."),
        renderFields(plan, reply.plan_error, values, onValues));
      if (!reply.plan_error) body.append(...renderPlan(plan).filter(Boolean));
    }
  } else if (open) {
    body.append(element("p", { class: "cc-plan-status" }, "Preparing your plan…"));
  }
  details.append(body);
  container.append(details);
  // The section is drawn again after each change: the reader keeps typing where they were.
  const field = focusKey ? body.querySelector(`input[name="${focusKey}"]`) : null;
  if (field) {
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }
}
