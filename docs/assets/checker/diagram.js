// The mail-flow diagram of a checker result: renderDiagram(result) -> <svg>.
//
// Office 365 sits in the middle, the Internet above it, the reader's own servers (or their
// devices and apps) on the left and a partner organization on the right. Each connector of
// result.connectors is an arrow from its `from` node to its `to` node: solid when required,
// dashed when optional; two arrows between the same nodes are drawn side by side. The
// Office 365 <-> Internet path is a thin grey line (no connector). Built with DOM calls only
// and styled through `cc-d-*` classes (checker.css): the site's CSP allows no inline styles.
// The <title> and <desc> say in words what the picture shows.

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 720;
const HEIGHT = 360;
const ARROW_GAP = 22; // distance between two arrows joining the same pair of nodes
const SERVER_KINDS = {
  "exchange-2010-or-later": "Exchange 2010 or later",
  "exchange-2007-or-earlier": "Exchange 2007 or earlier",
  "other-smtp": "Other SMTP server",
};
// Boxes: x, y, width, height, in viewBox units.
const LAYOUT = {
  "office-365": { x: 280, y: 180, w: 160, h: 60 },
  internet: { x: 300, y: 20, w: 120, h: 48 },
  "your-servers": { x: 10, y: 180, w: 160, h: 60 },
  devices: { x: 10, y: 180, w: 160, h: 60 },
  partner: { x: 550, y: 180, w: 160, h: 60 },
};

let diagramCount = 0;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

// The nodes the reader's answers call for, with their labels.
function nodesFor(answers) {
  const nodes = {
    "office-365": { label: "Office 365", sub: answers.service === "eop" ? "Exchange Online Protection" : "Exchange Online" },
    internet: { label: "Internet", sub: "" },
  };
  if (answers.servers && answers.servers !== "none") {
    nodes["your-servers"] = { label: "Your mail servers", sub: SERVER_KINDS[answers.servers] ?? answers.servers };
  }
  if (answers.devices === "yes") nodes.devices = { label: "Devices and apps", sub: "printers, scanners, apps" };
  if (answers.partners === "yes") nodes.partner = { label: "Partner organization", sub: "" };
  return nodes;
}

// With no servers, a connector "from your servers" is sent by the devices and apps.
function endpoint(id, answers) {
  return id === "your-servers" && answers.servers === "none" ? "devices" : id;
}

function hasHybridConnectors(answers) {
  return answers.service === "exchange-online" && answers.servers === "exchange-2010-or-later" && answers.hybrid === "yes";
}

// Greedy word wrap, so labels fit between the boxes.
function wrap(text, maxChars) {
  const lines = [];
  for (const word of text.split(" ")) {
    const last = lines[lines.length - 1];
    if (last && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function textBlock(lines, x, y, { className, anchor = "middle", upward = false, lineHeight = 14 }) {
  const text = svg("text", { x, y, class: className, "text-anchor": anchor, "font-size": 12 });
  const first = upward ? y - (lines.length - 1) * lineHeight : y;
  lines.forEach((line, i) => text.append(svg("tspan", { x, y: first + i * lineHeight }, line)));
  return text;
}

function drawNode(id, node) {
  const { x, y, w, h } = LAYOUT[id];
  const group = svg("g", { class: `cc-d-node cc-d-node-${id}` },
    svg("rect", { x, y, width: w, height: h, rx: 8, fill: "none", stroke: "currentColor" }));
  const cx = x + w / 2;
  const cy = y + h / 2;
  group.append(svg("text", { x: cx, y: node.sub ? cy - 3 : cy + 5, class: "cc-d-node-label", "text-anchor": "middle", "font-size": 14 }, node.label));
  if (node.sub) group.append(svg("text", { x: cx, y: cy + 15, class: "cc-d-node-sub", "text-anchor": "middle", "font-size": 11 }, node.sub));
  return group;
}

// The two points where a straight line between the box centres leaves each box,
// shifted sideways by `offset` (positive: below a horizontal line, right of a vertical one).
function segment(fromId, toId, offset) {
  const [a, b] = [LAYOUT[fromId], LAYOUT[toId]];
  const horizontal = Math.abs(a.x - b.x) > Math.abs(a.y - b.y);
  if (horizontal) {
    const y = a.y + a.h / 2 + offset;
    return a.x < b.x ? [a.x + a.w, y, b.x, y] : [a.x, y, b.x + b.w, y];
  }
  const x = a.x + a.w / 2 + offset;
  return a.y < b.y ? [x, a.y + a.h, x, b.y] : [x, a.y, x, b.y + b.h];
}

function drawLink(ids, [x1, y1, x2, y2], { kind, lines, side, tooltip, both = false }) {
  const group = svg("g", { class: `cc-d-link cc-d-${kind}` });
  if (tooltip) group.append(svg("title", {}, tooltip));
  const line = svg("line", { x1, y1, x2, y2, class: "cc-d-line", stroke: "currentColor", "marker-end": `url(#${ids.marker}-${kind})` });
  if (kind === "optional") line.setAttribute("stroke-dasharray", "7 5");
  if (both) line.setAttribute("marker-start", `url(#${ids.marker}-${kind})`);
  group.append(line);
  const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
  if (y1 === y2) group.append(textBlock(lines, mx, side < 0 ? my - 8 : my + 18, { className: "cc-d-label", upward: side < 0 }));
  else group.append(textBlock(lines, mx + 8, my, { className: "cc-d-label", anchor: "start" }));
  return group;
}

function drawMarkers(ids) {
  const defs = svg("defs");
  for (const kind of ["required", "optional", "none", "hybrid"]) {
    defs.append(svg("marker", { id: `${ids.marker}-${kind}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: "auto-start-reverse", class: `cc-d-head cc-d-${kind}` },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "currentColor" })));
  }
  return defs;
}

function drawLegend() {
  const legend = svg("g", { class: "cc-d-legend" });
  [["required", "connector required"], ["optional", "connector optional"], ["none", "no connector needed"]].forEach(([kind, text], i) => {
    const x = 10 + i * 175;
    const line = svg("line", { x1: x, y1: 338, x2: x + 36, y2: 338, class: `cc-d-line cc-d-${kind}`, stroke: "currentColor" });
    if (kind === "optional") line.setAttribute("stroke-dasharray", "7 5");
    legend.append(line, svg("text", { x: x + 44, y: 342, class: "cc-d-legend-text", "font-size": 12 }, text));
  });
  return legend;
}

// The engine names the device connector "Only one connector needed": say what it is for.
function connectorLabel(connector, fromNode) {
  return /^connector /i.test(connector.name) ? connector.name : `Connector for ${fromNode.label.toLowerCase()}`;
}

function pathDescription(result, from, to) {
  return result.mail_paths?.find((p) => endpoint(p.from, result.answers) === from && p.to === to && !p.via)?.description;
}

// Connector arrows, grouped by the pair of nodes they join so that pairs sit side by side.
function drawConnectors(result, nodes, ids) {
  const pairs = new Map();
  for (const connector of result.connectors) {
    const [from, to] = [endpoint(connector.from, result.answers), endpoint(connector.to, result.answers)];
    if (!nodes[from] || !nodes[to]) continue;
    const key = [from, to].sort().join("|");
    pairs.set(key, [...(pairs.get(key) ?? []), { connector, from, to }]);
  }
  const drawn = [];
  for (const [key, list] of pairs) {
    const [first, second] = key.split("|");
    list.forEach(({ connector, from, to }, i) => {
      const offset = (i - (list.length - 1) / 2) * ARROW_GAP;
      const [ax1, ay1, ax2, ay2] = segment(first, second, offset);
      const points = from === first ? [ax1, ay1, ax2, ay2] : [ax2, ay2, ax1, ay1];
      drawn.push(drawLink(ids, points, { kind: connector.need, side: offset <= 0 ? -1 : 1,
        lines: [...wrap(connectorLabel(connector, nodes[from]), 18), connector.need], tooltip: pathDescription(result, from, to) }));
    });
  }
  return drawn;
}

function describe(result, nodes) {
  const name = (id) => (nodes[id].sub && id !== "office-365" ? `${nodes[id].label} (${nodes[id].sub})` : nodes[id].label);
  const sentences = [`Office 365 exchanges mail with the Internet without a connector.`];
  for (const c of result.connectors) {
    const [from, to] = [endpoint(c.from, result.answers), endpoint(c.to, result.answers)];
    if (nodes[from] && nodes[to]) sentences.push(`${connectorLabel(c, nodes[from])}, ${c.need}: from ${name(from)} to ${name(to)}.`);
  }
  if (hasHybridConnectors(result.answers)) {
    sentences.push(`${name("your-servers")} and Office 365 are joined by connectors the Hybrid Configuration wizard created.`);
  }
  for (const path of result.mail_paths ?? []) if (path.via) sentences.push(path.description);
  if (!result.connectors.length) sentences.push("There are no connectors to create.");
  return [...new Set(sentences)].join(" ");
}

export function renderDiagram(result) {
  const n = ++diagramCount;
  const ids = { title: `cc-diagram-${n}-title`, desc: `cc-diagram-${n}-desc`, marker: `cc-diagram-${n}-arrow` };
  const nodes = nodesFor(result.answers);
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: `cc-d cc-d-verdict-${result.verdict}`, role: "img",
    "aria-labelledby": `${ids.title} ${ids.desc}`, "font-family": "inherit" },
  svg("title", { id: ids.title }, "Diagram of your mail flow and its connectors"),
  svg("desc", { id: ids.desc }, describe(result, nodes)),
  drawMarkers(ids));
  root.append(drawLink(ids, segment("office-365", "internet", 0), { kind: "none", both: true,
    lines: ["no connector needed"], tooltip: pathDescription(result, "office-365", "internet") }));
  if (hasHybridConnectors(result.answers) && nodes["your-servers"]) {
    root.append(drawLink(ids, segment("your-servers", "office-365", 0), { kind: "hybrid", both: true, side: -1,
      lines: wrap("connectors created by the Hybrid Configuration wizard", 18) }));
  }
  root.append(...drawConnectors(result, nodes, ids));
  for (const [id, node] of Object.entries(nodes)) root.append(drawNode(id, node));
  root.append(drawLegend());
  return root;
}
