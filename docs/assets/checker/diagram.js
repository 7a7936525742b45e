// The mail-flow diagram of a checker result: renderDiagram(result.diagram) -> <svg>.
//
// The engine decides what the diagram shows (engine/diagram.py): boxes, each with a slot,
// and lines between them (connectors first, in the order of the result's connectors),
// each of a kind: required (solid), optional (dashed), plain
// (mail that flows with no connector) or in-place (connectors that already exist). This
// file only lays them out; it knows nothing of questions or answers. Lines between boxes
// that are not in a row or a column are drawn straight, clipped at the boxes' edges.
// Built with DOM calls only and styled through `cc-d-*` classes (checker.css): the site's
// CSP allows no inline styles. <title> and <desc> say in words what the picture shows.

const SVG_NS = "http://www.w3.org/2000/svg";
// 620 units wide, 13-unit text: on the ~590 px of a desktop content column the text is
// over 12 px; where the picture would get narrower than 572 px, checker.css shows the
// same diagram as a list instead.
const WIDTH = 620;
const BODY_HEIGHT = 400;
const ARROW_GAP = 22; // distance between two lines joining the same pair of boxes
const TEXT = 13;
// Boxes by slot: x, y, width, height, in viewBox units.
const SLOTS = {
  top: { x: 232, y: 10, w: 156, h: 48 },
  "upper-left": { x: 10, y: 100, w: 156, h: 60 },
  "upper-right": { x: 454, y: 100, w: 156, h: 60 },
  left: { x: 10, y: 220, w: 156, h: 64 },
  center: { x: 232, y: 220, w: 156, h: 64 },
  right: { x: 454, y: 220, w: 156, h: 64 },
  bottom: { x: 232, y: 330, w: 156, h: 60 },
};
const LEGEND = [
  ["required", "connector required"],
  ["optional", "connector optional"],
  ["in-place", "connectors already in place"],
  ["plain", "no connector"],
];

let diagramCount = 0;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
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

function textBlock(lines, x, y, { className, anchor = "middle", lineHeight = 15, size = TEXT }) {
  const text = svg("text", { x, y, class: className, "text-anchor": anchor, "font-size": size });
  const first = y - ((lines.length - 1) * lineHeight) / 2;
  lines.forEach((line, i) => text.append(svg("tspan", { x, y: first + i * lineHeight }, line)));
  return text;
}

function drawNode(node, box) {
  const { x, y, w, h } = box;
  const group = svg("g", { class: `cc-d-node cc-d-slot-${node.slot}` },
    svg("rect", { x, y, width: w, height: h, rx: 8, stroke: "currentColor" }));
  const label = wrap(node.label, 17);
  const lines = node.sub ? label.length + 1 : label.length;
  const top = y + h / 2 - ((lines - 1) * 15) / 2 + 5;
  group.append(textBlock(label, x + w / 2, top + ((label.length - 1) * 15) / 2,
    { className: "cc-d-node-label", size: 14 }));
  if (node.sub) {
    group.append(svg("text", { x: x + w / 2, y: top + label.length * 15, class: "cc-d-node-sub",
      "text-anchor": "middle", "font-size": TEXT }, node.sub));
  }
  return group;
}

// Where the ray from a box's centre towards (dx, dy) leaves the box.
function exitPoint(box, dx, dy) {
  const [cx, cy] = [box.x + box.w / 2, box.y + box.h / 2];
  const scale = Math.min(dx ? box.w / 2 / Math.abs(dx) : Infinity, dy ? box.h / 2 / Math.abs(dy) : Infinity);
  return [cx + dx * scale, cy + dy * scale];
}

// The line between two boxes' edges, shifted sideways by `offset` (for parallel lines).
function segment(a, b, offset) {
  const [dx, dy] = [b.x + b.w / 2 - (a.x + a.w / 2), b.y + b.h / 2 - (a.y + a.h / 2)];
  const length = Math.hypot(dx, dy) || 1;
  const [nx, ny] = [-dy / length, dx / length];
  const shift = (box) => ({ ...box, x: box.x + nx * offset, y: box.y + ny * offset });
  const [x1, y1] = exitPoint(shift(a), dx, dy);
  const [x2, y2] = exitPoint(shift(b), -dx, -dy);
  return [x1, y1, x2, y2];
}

// `along`: where on the line its label sits (0 = start, 1 = end), so that the labels of
// lines joining the same boxes do not sit on top of each other. A connector's label is
// its number in the result's list of connectors (a badge), so the picture stays legible
// however many there are; a line with no connector gets a short text.
function drawEdge(ids, points, edge, along, number) {
  const [x1, y1, x2, y2] = points;
  const group = svg("g", { class: `cc-d-link cc-d-${edge.kind}` }, svg("title", {}, edge.description));
  const line = svg("line", { x1, y1, x2, y2, class: "cc-d-line", stroke: "currentColor", "marker-end": `url(#${ids.marker}-${edge.kind})` });
  if (edge.kind === "optional") line.setAttribute("stroke-dasharray", "7 5");
  if (edge.kind === "plain") line.setAttribute("stroke-dasharray", "2 4");
  if (edge.both_ways) line.setAttribute("marker-start", `url(#${ids.marker}-${edge.kind})`);
  group.append(line);
  const [mx, my] = [x1 + (x2 - x1) * along, y1 + (y2 - y1) * along];
  if (number) {
    group.append(svg("circle", { cx: mx, cy: my, r: 11, class: "cc-d-badge" }),
      svg("text", { x: mx, y: my + 5, class: "cc-d-badge-text", "text-anchor": "middle", "font-size": 14 }, String(number)));
  } else {
    const vertical = Math.abs(x2 - x1) < Math.abs(y2 - y1);
    const lines = wrap(edge.label, 10);
    group.append(vertical
      ? textBlock(lines, mx + 8, my, { className: "cc-d-label", anchor: "start" })
      : textBlock(lines, mx, my - 8 - (lines.length - 1) * 8, { className: "cc-d-label" }));
  }
  return group;
}

function drawMarkers(ids) {
  const defs = svg("defs");
  for (const [kind] of LEGEND) {
    defs.append(svg("marker", { id: `${ids.marker}-${kind}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: "auto-start-reverse", class: `cc-d-head cc-d-${kind}` },
    svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "currentColor" })));
  }
  return defs;
}

// A legend entry for every kind of line the diagram draws, in rows that fit the width.
function drawLegend(kinds) {
  const legend = svg("g", { class: "cc-d-legend" });
  let [x, row] = [10, 0];
  for (const [kind, text] of LEGEND.filter(([k]) => kinds.has(k))) {
    const width = 44 + text.length * 7 + 16; // about 7 units a character at 13 units
    if (x + width > WIDTH && x > 10) [x, row] = [10, row + 1];
    const y = BODY_HEIGHT + 14 + row * 22;
    const line = svg("line", { x1: x, y1: y - 4, x2: x + 36, y2: y - 4, class: `cc-d-line cc-d-${kind}`, stroke: "currentColor" });
    if (kind === "optional") line.setAttribute("stroke-dasharray", "7 5");
    if (kind === "plain") line.setAttribute("stroke-dasharray", "2 4");
    legend.append(line, svg("text", { x: x + 44, y, class: "cc-d-legend-text", "font-size": TEXT }, text));
    x += width;
  }
  return [legend, row + 1];
}

export function renderDiagram(diagram) {
  const n = ++diagramCount;
  const ids = { title: `cc-diagram-${n}-title`, desc: `cc-diagram-${n}-desc`, marker: `cc-diagram-${n}-arrow` };
  const boxes = new Map(diagram.nodes.map((node) => [node.id, SLOTS[node.slot]]));
  const kinds = new Set(diagram.edges.map((edge) => edge.kind));
  const [legend, legendRows] = drawLegend(kinds);
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${BODY_HEIGHT + legendRows * 22 + 6}`, class: "cc-d", role: "img",
    "aria-labelledby": `${ids.title} ${ids.desc}`, "font-family": "inherit" },
  svg("title", { id: ids.title }, "Diagram of your mail flow and its connectors"),
  svg("desc", { id: ids.desc }, diagram.summary),
  drawMarkers(ids));
  // Connectors are numbered as in the result's list; lines joining the same two boxes
  // sit side by side.
  let connectorNumber = 0;
  const numbers = new Map(diagram.edges.map((edge) => [edge,
    edge.kind === "required" || edge.kind === "optional" ? ++connectorNumber : 0]));
  const pairs = new Map();
  for (const edge of diagram.edges) {
    const key = [edge.source, edge.target].sort().join("\u0000");
    pairs.set(key, [...(pairs.get(key) ?? []), edge]);
  }
  for (const list of pairs.values()) {
    list.forEach((edge, i) => {
      const offset = (i - (list.length - 1) / 2) * ARROW_GAP;
      const [first, second] = [edge.source, edge.target].sort();
      const [x1, y1, x2, y2] = segment(boxes.get(first), boxes.get(second), offset);
      const points = edge.source === first ? [x1, y1, x2, y2] : [x2, y2, x1, y1];
      const along = list.length > 1 ? 0.25 + (0.5 * i) / (list.length - 1) : 0.5;
      // `along` counts from `first`; the line itself runs from the edge's source.
      root.append(drawEdge(ids, points, edge, edge.source === first ? along : 1 - along, numbers.get(edge)));
    });
  }
  for (const node of diagram.nodes) root.append(drawNode(node, boxes.get(node.id)));
  root.append(legend);
  return root;
}
