// What a checker result shows, loaded with the first result (not on the boot path).
//
// Everything comes from the engine's reply: the headline, the assumed answers, the
// connectors (numbered: the diagram's badges refer to them), the diagram and, for narrow
// screens, the same diagram as a list, the rules that decided with their sources, and a
// print-only record of the answers and the shared address.

import { renderDiagram } from "./diagram.js";
import { element, siteHref } from "./dom.js";

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

// The diagram in words, one line per line of the picture: what narrow screens show
// instead of the picture (its text would be too small there), and what prints beside it.
function diagramList(diagram) {
  const names = new Map(diagram.nodes.map((node) => [node.id, node.label]));
  let number = 0;
  return element("ul", { class: "cc-d-list" }, diagram.edges.map((edge) => {
    const route = `${names.get(edge.source)} → ${names.get(edge.target)}`;
    if (edge.kind === "required" || edge.kind === "optional") {
      return element("li", { class: `cc-d-list-${edge.kind}` },
        element("span", { class: "cc-d-list-badge" }, String(++number)), ` ${route}: ${edge.label} (${edge.kind})`);
    }
    const what = edge.kind === "in-place" ? "connectors already in place" : "no connector";
    return element("li", { class: `cc-d-list-${edge.kind}` }, `${edge.both_ways ? route.replace("→", "↔") : route}: ${what}`);
  }));
}

// For print: the answers as the reader gave them (labels), and the address to come back.
function printRecord(result, spec) {
  const rows = [];
  for (const question of spec.questions) {
    const value = result.answers[question.id];
    if (value === undefined) continue;
    const option = question.options.find((o) => o.value === value);
    const assumed = result.assumed.some((entry) => entry.key === question.id);
    rows.push(element("li", {}, `${question.label} `, element("strong", {}, option ? option.label : value),
      assumed ? " (assumed)" : ""));
  }
  return element("div", { class: "cc-record" },
    element("h4", {}, "Your answers"), element("ul", {}, rows),
    element("p", {}, "This result: ", element("span", { class: "cc-record-url" }, location.href)));
}

export function renderResult(container, result, { form, spec }) {
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
    printRecord(result, spec),
    assumedNote(result, form),
    connectors.length ? element("h4", {}, "Connectors to create") : null,
    // Numbered: the diagram labels each connector with its number in this list.
    connectors.length ? element("ol", { class: "cc-connectors" }, connectors) : null,
    element("figure", { class: "cc-diagram" }, renderDiagram(result.diagram), diagramList(result.diagram),
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

// A refusal, with one button per answer that would be accepted: one click fixes it.
export function renderRefusal(container, reply, { spec, choose }) {
  const question = spec.questions.find((q) => q.id === reply.key);
  const buttons = (question?.options ?? []).filter((o) => reply.valid.includes(o.value)).map((option) => {
    const button = element("button", { type: "button", class: "md-button cc-fix" }, option.label);
    button.addEventListener("click", () => choose(reply.key, option.value));
    return button;
  });
  container.dataset.verdict = "";
  container.replaceChildren(element("p", { class: "cc-error" }, reply.message ?? reply.error),
    buttons.length ? element("p", { class: "cc-fixes" }, ...buttons) : null);
}

// Before the reader opens "Make it your plan": the closed section (plan-view.js renders it
// once opened, with the fields and the plan).
export function renderPlanSection(container, reply, { onOpen }) {
  if (!reply.result.connectors.length) return;
  const details = element("details", { class: "cc-plan" }, element("summary", {}, "Make it your plan"),
    element("p", { class: "cc-plan-status" }, "Preparing your plan…"));
  details.addEventListener("toggle", () => { if (details.open) onOpen(); }, { once: true });
  container.append(details);
}
