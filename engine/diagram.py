"""What the result's diagram shows: boxes and the lines between them, from the result itself.

The page only lays these out (docs/assets/checker/diagram.js); it knows no question,
answer or connector. Lines come from two places:
- each connector of the result joins the two nodes it is drawn between (`nodes:` in
  outcomes.yaml, else its from/to), solid when required, dashed when optional;
- each hop of a mail path (from, via..., to) that no connector covers is a plain line:
  mail that flows with no connector (or through connectors that are already in place).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from engine.model import ConnectorSpec, MailPath, Model, NodeSpec
from engine.result import Diagram, DiagramEdge, DiagramNode

__all__ = ["build_diagram"]

_PLAIN_KIND = {"none": "plain", "in-place": "in-place"}


def build_diagram(
    model: Model,
    answers: Mapping[str, str],
    connectors: list[tuple[ConnectorSpec, str]],
    mail_paths: list[MailPath],
) -> Diagram:
    """The nodes and edges for `connectors` (with their need) and `mail_paths`."""
    edges: list[DiagramEdge] = []
    joined: set[frozenset[str]] = set()
    for spec, need in connectors:
        source, target = spec.drawn_between
        joined.add(frozenset((source, target)))
        edges.append(
            {
                "source": source,
                "target": target,
                "kind": need,
                "both_ways": False,
                "label": spec.name,
                "description": f"{spec.name} ({need}): {spec.purpose}",
            }
        )
    for path in mail_paths:
        ends = (path.from_end, *path.via, path.to_end)
        for source, target in pairwise(ends):
            pair = frozenset((source, target))
            if pair in joined or source == target:
                continue
            joined.add(pair)
            kind = _PLAIN_KIND.get(path.connector, "plain")
            edges.append(
                {
                    "source": source,
                    "target": target,
                    "kind": kind,
                    "both_ways": kind == "in-place" or _two_way(mail_paths, source, target),
                    "label": "connectors in place" if kind == "in-place" else "no connector",
                    "description": path.description,
                }
            )
    used = {end for edge in edges for end in (edge["source"], edge["target"])}
    nodes = [_node(spec, answers) for node_id, spec in model.nodes.items() if node_id in used]
    return {"nodes": nodes, "edges": edges, "summary": _summary(nodes, edges)}


def _two_way(paths: list[MailPath], source: str, target: str) -> bool:
    """True when some path also runs the hop the other way."""
    for path in paths:
        ends = (path.from_end, *path.via, path.to_end)
        if (target, source) in pairwise(ends):
            return True
    return False


def _node(spec: NodeSpec, answers: Mapping[str, str]) -> DiagramNode:
    sub = spec.sub
    for question, by_value in spec.sub_by:
        sub = dict(by_value).get(answers.get(question, ""), sub)
    return {"id": spec.id, "label": spec.label, "sub": sub, "slot": spec.slot}


def _summary(nodes: list[DiagramNode], edges: list[DiagramEdge]) -> str:
    """The diagram in words, for its <desc> and for readers who cannot see it."""
    names = {node["id"]: node["label"] for node in nodes}
    sentences = []
    for edge in edges:
        source, target = names[edge["source"]], names[edge["target"]]
        if edge["kind"] in ("required", "optional"):
            sentences.append(f"{edge['label']}, {edge['kind']}: from {source} to {target}.")
        elif edge["kind"] == "in-place":
            sentences.append(f"Between {source} and {target}: connectors already in place.")
        elif edge["both_ways"]:
            sentences.append(f"Between {source} and {target}: mail flows with no connector.")
        else:
            sentences.append(f"From {source} to {target}: mail flows with no connector.")
    return " ".join(sentences) if sentences else "No mail path to show."
