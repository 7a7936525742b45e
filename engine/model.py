"""The decision model as frozen dataclasses.

`engine.loading.load_model` builds these from the raw model (the parsed `data/*.yaml`).
Every element keeps `where`, its YAML path, so the verifier's findings can point at it.
References between elements (question ids, outcome ids, link ids ...) stay plain strings
here; `engine.verify` reports the ones that lead nowhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ALWAYS",
    "Condition",
    "ConnectorSpec",
    "ConnectorUse",
    "InvalidCombination",
    "LaterSource",
    "Link",
    "MailPath",
    "Model",
    "NodeSpec",
    "Option",
    "Outcome",
    "Question",
    "Rule",
    "SourceRef",
    "Table",
]

Answers = Mapping[str, str]


@dataclass(frozen=True)
class Condition:
    """A conjunction of clauses "question's answer is one of these values".

    A question that is unanswered (or not asked) fails its clause. No clauses: always holds.
    """

    clauses: tuple[tuple[str, tuple[str, ...]], ...]

    def holds(self, answers: Answers) -> bool:
        """True when every clause holds for `answers`."""
        return all(answers.get(question) in values for question, values in self.clauses)

    @property
    def questions(self) -> tuple[str, ...]:
        """The question ids the condition reads."""
        return tuple(question for question, _ in self.clauses)

    def describe(self) -> str:
        """Plain text, e.g. ``service=exchange-online and servers=none``, or ``always``."""
        if not self.clauses:
            return "always"
        return " and ".join(f"{q}={' or '.join(values)}" for q, values in self.clauses)

    def as_dict(self) -> dict[str, list[str]]:
        """JSON shape: question id -> accepted answers (empty dict: always)."""
        return {question: list(values) for question, values in self.clauses}


ALWAYS = Condition(clauses=())


@dataclass(frozen=True)
class Option:
    """One answer to a question. `since_contract`: 2 for answers the first contract lacked."""

    value: str
    label: str
    help: str
    since_contract: int = 1


@dataclass(frozen=True)
class Question:
    """A question, asked when `asked_when` holds for the answers to earlier questions."""

    id: str
    label: str
    help: str
    options: tuple[Option, ...]
    asked_when: Condition
    sections: tuple[str, ...]
    where: str
    default: str | None = None
    short: str = ""  # a few words naming the question, for tables (else its label)

    @property
    def name(self) -> str:
        """The short name, or the label when there is none."""
        return self.short or self.label

    @property
    def values(self) -> tuple[str, ...]:
        """The valid answers, in order."""
        return tuple(option.value for option in self.options)

    def label_of(self, value: str) -> str:
        """The label of the option `value` (the value itself if it is not an option)."""
        return next((option.label for option in self.options if option.value == value), value)


@dataclass(frozen=True)
class InvalidCombination:
    """Answers that cannot go together (e.g. standalone EOP without servers)."""

    when: Condition
    reason: str
    where: str


@dataclass(frozen=True)
class LaterSource:
    """A rule's source in Microsoft's later guidance: a public repository's file and lines."""

    repository: str
    document: str
    commit: str
    lines: str
    link: str  # the id of the Link to its public page


@dataclass(frozen=True)
class SourceRef:
    """Where a rule comes from: the article (a legacy anchor and seed lines) or later guidance.

    At least one of `section` and `later` is set; `detail` names the row or sentence.
    """

    section: str | None
    detail: str
    seed_lines: str | None = None
    later: LaterSource | None = None


@dataclass(frozen=True)
class Rule:
    """A decision-table row: when `when` holds, the outcomes in `then` apply."""

    id: str
    when: Condition
    then: tuple[str, ...]
    because: str
    source: SourceRef
    where: str


@dataclass(frozen=True)
class Table:
    """A decision table, evaluated when `applies_when` holds."""

    id: str
    title: str
    hit_policy: str
    applies_when: Condition
    rules: tuple[Rule, ...]
    where: str

    def matching_rules(self, answers: Answers) -> list[Rule]:
        """The rules whose `when` holds for `answers` (applicability not checked)."""
        return [rule for rule in self.rules if rule.when.holds(answers)]


@dataclass(frozen=True)
class Link:
    """A link to a section of the article (`section` set) or to a public page.

    `href` is absolute (a section link: the article's public URL with the anchor);
    `site_path` is the page's path inside this site, for section links only.
    """

    title: str
    href: str
    section: str | None
    where: str
    site_path: str | None = None


@dataclass(frozen=True)
class NodeSpec:
    """A box of the result's diagram: a label, a line under it (fixed or by answer), a slot."""

    id: str
    label: str
    sub: str
    sub_by: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    slot: str
    where: str


@dataclass(frozen=True)
class ConnectorSpec:
    """A connector to create, with the From/To settings to pick in the connector wizard."""

    id: str
    from_end: str
    to_end: str
    name: str
    setting_from: str
    setting_to: str
    purpose: str
    options: tuple[str, ...]
    set_up: str
    where: str
    nodes: tuple[str, str] | None = None  # the diagram's boxes, when not from/to
    sources: tuple[str, ...] = ()  # where its From/To and options come from

    @property
    def drawn_between(self) -> tuple[str, str]:
        """The diagram nodes this connector joins."""
        return self.nodes if self.nodes is not None else (self.from_end, self.to_end)


@dataclass(frozen=True)
class ConnectorUse:
    """An outcome's use of a connector, with how much it is needed."""

    connector: str
    need: str


@dataclass(frozen=True)
class MailPath:
    """A path mail takes, and whether a connector carries it (for diagrams)."""

    id: str
    from_end: str
    to_end: str
    via: tuple[str, ...]
    connector: str
    example: str
    description: str
    where: str


@dataclass(frozen=True)
class Outcome:
    """What a fired rule adds to the result (found by its id, the key in Model.outcomes)."""

    connectors: tuple[ConnectorUse, ...]
    explanation: tuple[str, ...]
    next_steps: tuple[str, ...]
    links: tuple[str, ...]
    mail_paths: tuple[str, ...]
    where: str
    headline: str | None = None


@dataclass(frozen=True)
class Model:
    """The whole decision model. Mappings keep the order of the YAML files."""

    questions: Mapping[str, Question]
    invalid_combinations: tuple[InvalidCombination, ...]
    tables: tuple[Table, ...]
    prerequisite_for_connectors: str | None
    links: Mapping[str, Link]
    connectors: Mapping[str, ConnectorSpec]
    mail_paths: Mapping[str, MailPath]
    outcomes: Mapping[str, Outcome]
    article_path: str
    nodes: Mapping[str, NodeSpec]
    article_public_url: str
