"""The shape of a decision result, declared once: the contract's JSON (`--json`, the page).

`decide` builds these; the CLI's text, the decision table and the page read them. They
are TypedDicts, so a result *is* its JSON (plain dicts and lists, nothing to convert).
Contract fields: `verdict`, `connectors[].from/to/need`, `explanation`, `links`,
`next_steps`, `ignored`, `assumed`; the rest is ours to shape.
"""

from __future__ import annotations

from typing import TypedDict

__all__ = [
    "Assumed",
    "ConnectorResult",
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "FiredRule",
    "Ignored",
    "LaterGuidance",
    "LinkResult",
    "MailPathResult",
    "Result",
    "RuleSource",
]


class LinkResult(TypedDict):
    """A link. `href` works anywhere (absolute); `site_path` is the page inside this site."""

    title: str
    href: str
    site_path: str | None
    section: str | None


# "from" is a Python keyword, hence the functional form of these two.
ConnectorResult = TypedDict(
    "ConnectorResult",
    {
        "id": str,
        "from": str,
        "to": str,
        "need": str,
        "name": str,
        "settings": dict[str, str],
        "purpose": str,
        "options": list[str],
        "set_up": LinkResult,
        "sources": list[str],
    },
)

MailPathResult = TypedDict(
    "MailPathResult",
    {
        "id": str,
        "from": str,
        "to": str,
        "via": list[str],
        "connector": str,
        "example": str,
        "description": str,
    },
)


class LaterGuidance(TypedDict):
    """A rule's source in Microsoft's later guidance, with its public page."""

    repository: str
    document: str
    commit: str
    lines: str
    title: str
    href: str


class RuleSource(TypedDict):
    section: str | None
    seed_lines: str | None
    detail: str
    href: str | None
    site_path: str | None
    later: LaterGuidance | None


class FiredRule(TypedDict):
    table: str
    rule: str
    because: str
    source: RuleSource


class Ignored(TypedDict):
    key: str
    value: str
    reason: str


class Assumed(TypedDict):
    """A relevant question left unanswered, and the default it took."""

    key: str
    value: str
    label: str
    question: str


class DiagramNode(TypedDict):
    id: str
    label: str
    sub: str
    slot: str


class DiagramEdge(TypedDict):
    """A line of the diagram. kind: required | optional | plain (no connector) | in-place."""

    source: str
    target: str
    kind: str
    both_ways: bool
    label: str
    description: str


class Diagram(TypedDict):
    nodes: list[DiagramNode]
    edges: list[DiagramEdge]
    summary: str


class Result(TypedDict):
    verdict: str
    headline: str
    answers: dict[str, str]
    assumed: list[Assumed]
    connectors: list[ConnectorResult]
    explanation: list[str]
    next_steps: list[str]
    links: list[LinkResult]
    mail_paths: list[MailPathResult]
    diagram: Diagram
    fired: list[FiredRule]
    ignored: list[Ignored]
