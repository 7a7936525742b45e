"""Build a `Model` from the raw model: ``{"questions": ..., "tables": ..., "outcomes": ...}``.

Each top-level entry is the content of the YAML file of the same name in `data/`, so an
error names the file and the path inside it (``tables.yaml: tables[1].rules[3].when``).
This checks shapes, types and allowed values; whether references lead anywhere is the
verifier's job (`engine.verify`), which reports every problem at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar

from engine.model import (
    ALWAYS,
    Condition,
    ConnectorSpec,
    ConnectorUse,
    InvalidCombination,
    LaterSource,
    Link,
    MailPath,
    Model,
    NodeSpec,
    Option,
    Outcome,
    Question,
    Rule,
    SourceRef,
    Table,
)
from engine.raw_reading import (
    At,
    fail,
    read_choice,
    read_list,
    read_mapping,
    read_text,
    read_texts,
)

__all__ = [
    "CONNECTOR_ENDS",
    "DIAGRAM_SLOTS",
    "HIT_POLICIES",
    "MAIL_PATH_CONNECTORS",
    "NEEDS",
    "load_model",
]

HIT_POLICIES = ("unique",)
NEEDS = ("required", "optional")
CONNECTOR_ENDS = ("your-servers", "office-365", "partner")
# needed | optional | none, or in-place: needed and already created (hybrid wizard).
MAIL_PATH_CONNECTORS = ("needed", "optional", "none", "in-place")
# Where the page may draw a diagram node (checker's diagram.js lays these out).
DIAGRAM_SLOTS = ("top", "upper-left", "upper-right", "left", "center", "right", "bottom")
DEFAULT_REPOSITORY = "MicrosoftDocs/OfficeDocs-Exchange"

_Item = TypeVar("_Item")
_ItemReader = Callable[[object, At], _Item]
_EntryReader = Callable[[object, At, str], _Item]


def load_model(raw: Mapping[str, object]) -> Model:
    """Load the raw model (parsed `data/*.yaml`, keyed by file stem) into a `Model`.

    Raises `ModelError` naming the YAML path, the bad value and what is valid.
    """
    questions_file, tables_file, outcomes_file = _read_files(raw)
    article_path, public_url, upstream_base = _read_article(outcomes_file["article"])
    prerequisite = tables_file.get("prerequisite_for_connectors")
    return Model(
        questions=_read_questions(questions_file["questions"]),
        invalid_combinations=_read_invalid_combinations(
            questions_file.get("invalid_combinations", [])
        ),
        tables=_read_tables(tables_file["tables"]),
        prerequisite_for_connectors=None
        if prerequisite is None
        else read_text(prerequisite, At("tables.yaml", "prerequisite_for_connectors")),
        links=_read_entries(
            outcomes_file["links"],
            At("outcomes.yaml", "links"),
            lambda raw, at, _id: _read_link(raw, at, article_path, public_url, upstream_base),
        ),
        connectors=_read_entries(
            outcomes_file["connectors"], At("outcomes.yaml", "connectors"), _read_connector
        ),
        mail_paths=_read_entries(
            outcomes_file.get("mail_paths", {}), At("outcomes.yaml", "mail_paths"), _read_mail_path
        ),
        outcomes=_read_entries(
            outcomes_file["outcomes"], At("outcomes.yaml", "outcomes"), _read_outcome
        ),
        article_path=article_path,
        nodes=_read_entries(
            outcomes_file.get("nodes", {}), At("outcomes.yaml", "nodes"), _read_node
        ),
        article_public_url=public_url,
    )


def _read_files(raw: Mapping[str, object]) -> tuple[Mapping[str, object], ...]:
    """The top level of each model file, with its fields checked."""
    top = read_mapping(
        raw, At("model"), required=("questions", "tables", "outcomes"), optional=("plan",)
    )
    fields = {
        "questions": (("questions",), ("invalid_combinations",)),
        "tables": (("tables",), ("prerequisite_for_connectors",)),
        "outcomes": (("article", "links", "connectors", "outcomes"), ("mail_paths", "nodes")),
    }
    return tuple(
        read_mapping(top[stem], At(f"{stem}.yaml"), required=required, optional=optional)
        for stem, (required, optional) in fields.items()
    )


def _read_article(raw: object) -> tuple[str, str, str]:
    """The article's site path, its public URL and the public base URL of other articles."""
    at = At("outcomes.yaml", "article")
    article = read_mapping(raw, at, required=("path", "public_url", "upstream_base"))
    return (
        read_text(article["path"], at.key("path")),
        read_text(article["public_url"], at.key("public_url")),
        read_text(article["upstream_base"], at.key("upstream_base")),
    )


def _read_list_of(raw: object, at: At, read_item: _ItemReader[_Item]) -> list[_Item]:
    return [read_item(item, at.index(i)) for i, item in enumerate(read_list(raw, at))]


def _read_entries(raw: object, at: At, read_entry: _EntryReader[_Item]) -> Mapping[str, _Item]:
    entries = read_mapping(raw, at)
    return MappingProxyType(
        {id_: read_entry(value, at.key(id_), id_) for id_, value in entries.items()}
    )


def _fail_on_duplicate(values: list[str], at: At, field: str, what: str) -> None:
    """Fail at the first repeated value; `at` is the list, `field` the item's id field."""
    for i, value in enumerate(values):
        if value in values[:i]:
            fail(at.index(i).key(field), f"duplicate {what} {value!r}")


def _read_condition(raw: object, at: At) -> Condition:
    """``always``, or a mapping question -> answer or list of answers (all must hold)."""
    if raw == "always":
        return ALWAYS
    clauses = read_mapping(raw, at)
    if not clauses:
        fail(at, "empty condition; write `always` to mean no condition")
    return Condition(
        tuple(
            (question, _read_answers(values, at.key(question)))
            for question, values in clauses.items()
        )
    )


def _read_answers(raw: object, at: At) -> tuple[str, ...]:
    return read_texts(raw, at) if isinstance(raw, list) else (read_text(raw, at),)


def _read_questions(raw: object) -> Mapping[str, Question]:
    at = At("questions.yaml", "questions")
    questions = _read_list_of(raw, at, _read_question)
    _fail_on_duplicate([question.id for question in questions], at, "id", "question id")
    return MappingProxyType({question.id: question for question in questions})


def _read_question(raw: object, at: At) -> Question:
    fields = read_mapping(
        raw,
        at,
        required=("id", "label", "options", "asked_when"),
        optional=("help", "sections", "default", "short"),
    )
    options = _read_list_of(fields["options"], at.key("options"), _read_option)
    _fail_on_duplicate([option.value for option in options], at.key("options"), "value", "option")
    default = None
    if "default" in fields:
        default = read_choice(
            fields["default"], at.key("default"), [option.value for option in options]
        )
    return Question(
        id=read_text(fields["id"], at.key("id")),
        label=read_text(fields["label"], at.key("label")),
        help=read_text(fields["help"], at.key("help")) if "help" in fields else "",
        options=tuple(options),
        asked_when=_read_condition(fields["asked_when"], at.key("asked_when")),
        sections=read_texts(fields.get("sections", []), at.key("sections")),
        where=str(at),
        default=default,
        short=read_text(fields["short"], at.key("short")) if "short" in fields else "",
    )


def _read_option(raw: object, at: At) -> Option:
    fields = read_mapping(raw, at, required=("value", "label"), optional=("help", "since_contract"))
    return Option(
        value=read_text(fields["value"], at.key("value")),
        label=read_text(fields["label"], at.key("label")),
        help=read_text(fields["help"], at.key("help")) if "help" in fields else "",
        since_contract=int(read_choice(str(fields.get("since_contract", 1)),
                                       at.key("since_contract"), ("1", "2"))),
    )


def _read_invalid_combinations(raw: object) -> tuple[InvalidCombination, ...]:
    return tuple(
        _read_list_of(raw, At("questions.yaml", "invalid_combinations"), _read_invalid_combination)
    )


def _read_invalid_combination(raw: object, at: At) -> InvalidCombination:
    fields = read_mapping(raw, at, required=("when", "reason"))
    return InvalidCombination(
        when=_read_condition(fields["when"], at.key("when")),
        reason=read_text(fields["reason"], at.key("reason")),
        where=str(at),
    )


def _read_tables(raw: object) -> tuple[Table, ...]:
    at = At("tables.yaml", "tables")
    tables = _read_list_of(raw, at, _read_table)
    _fail_on_duplicate([table.id for table in tables], at, "id", "table id")
    return tuple(tables)


def _read_table(raw: object, at: At) -> Table:
    fields = read_mapping(raw, at, required=("id", "title", "hit_policy", "applies_when", "rules"))
    rules = _read_list_of(fields["rules"], at.key("rules"), _read_rule)
    _fail_on_duplicate([rule.id for rule in rules], at.key("rules"), "id", "rule id")
    return Table(
        id=read_text(fields["id"], at.key("id")),
        title=read_text(fields["title"], at.key("title")),
        hit_policy=read_choice(fields["hit_policy"], at.key("hit_policy"), HIT_POLICIES),
        applies_when=_read_condition(fields["applies_when"], at.key("applies_when")),
        rules=tuple(rules),
        where=str(at),
    )


def _read_rule(raw: object, at: At) -> Rule:
    fields = read_mapping(raw, at, required=("id", "when", "then", "because", "source"))
    return Rule(
        id=read_text(fields["id"], at.key("id")),
        when=_read_condition(fields["when"], at.key("when")),
        then=read_texts(fields["then"], at.key("then")),
        because=read_text(fields["because"], at.key("because")),
        source=_read_source(fields["source"], at.key("source")),
        where=str(at),
    )


_LATER_FIELDS = ("document", "commit", "lines", "link")


def _read_source(raw: object, at: At) -> SourceRef:
    """The article (`section`, `seed_lines`), later guidance (`document` ...), or both."""
    source = read_mapping(
        raw,
        at,
        required=("detail",),
        optional=("section", "seed_lines", "repository", *_LATER_FIELDS),
    )
    given = [name for name in _LATER_FIELDS if name in source]
    if given and len(given) != len(_LATER_FIELDS):
        missing = ", ".join(name for name in _LATER_FIELDS if name not in source)
        fail(at, f"a source in later guidance needs {', '.join(_LATER_FIELDS)}; missing: {missing}")
    if not given and "section" not in source:
        fail(
            at,
            "give the article's `section` (and `seed_lines`), or later guidance's "
            f"{', '.join(_LATER_FIELDS)}",
        )
    later = None
    if given:
        later = LaterSource(
            repository=read_text(
                source.get("repository", DEFAULT_REPOSITORY), at.key("repository")
            ),
            document=read_text(source["document"], at.key("document")),
            commit=read_text(str(source["commit"]), at.key("commit")),
            lines=read_text(str(source["lines"]), at.key("lines")),
            link=read_text(source["link"], at.key("link")),
        )
    return SourceRef(
        section=read_text(source["section"], at.key("section")) if "section" in source else None,
        detail=read_text(source["detail"], at.key("detail")),
        seed_lines=read_text(str(source["seed_lines"]), at.key("seed_lines"))
        if "seed_lines" in source
        else None,
        later=later,
    )


def _read_link(
    raw: object, at: At, article_path: str, public_url: str, upstream_base: str
) -> Link:
    kinds = ("section", "upstream", "url")
    fields = read_mapping(raw, at, required=("title",), optional=kinds)
    if sum(kind in fields for kind in kinds) != 1:
        fail(
            at,
            "give exactly one of `section` (an anchor of the article), `upstream` (an "
            "Exchange article's path) or `url` (an https:// address)",
        )
    title = read_text(fields["title"], at.key("title"))
    if "section" in fields:
        section = read_text(fields["section"], at.key("section"))
        return Link(title, f"{public_url}#{section}", section, str(at), f"{article_path}#{section}")
    if "url" in fields:
        url = read_text(fields["url"], at.key("url"))
        if not url.startswith("https://"):
            fail(at.key("url"), f"{url!r} is not an https:// address")
        return Link(title, url, None, str(at))
    path = read_text(fields["upstream"], at.key("upstream"))
    return Link(title, upstream_base + path, None, str(at))


def _read_connector(raw: object, at: At, id_: str) -> ConnectorSpec:
    fields = read_mapping(
        raw,
        at,
        required=("from", "to", "name", "settings", "purpose", "set_up", "sources"),
        optional=("options", "nodes"),
    )
    settings = read_mapping(fields["settings"], at.key("settings"), required=("from", "to"))
    nodes = None
    if "nodes" in fields:
        pair = read_texts(fields["nodes"], at.key("nodes"))
        if len(pair) != 2:
            fail(at.key("nodes"), f"give two diagram nodes (from, to), found {len(pair)}")
        nodes = (pair[0], pair[1])
    return ConnectorSpec(
        id=id_,
        from_end=read_choice(fields["from"], at.key("from"), CONNECTOR_ENDS),
        to_end=read_choice(fields["to"], at.key("to"), CONNECTOR_ENDS),
        name=read_text(fields["name"], at.key("name")),
        setting_from=read_text(settings["from"], at.key("settings").key("from")),
        setting_to=read_text(settings["to"], at.key("settings").key("to")),
        purpose=read_text(fields["purpose"], at.key("purpose")),
        options=read_texts(fields.get("options", []), at.key("options")),
        set_up=read_text(fields["set_up"], at.key("set_up")),
        where=str(at),
        nodes=nodes,
        sources=read_texts(fields["sources"], at.key("sources")),
    )


def _read_node(raw: object, at: At, id_: str) -> NodeSpec:
    fields = read_mapping(raw, at, required=("label", "slot"), optional=("sub", "sub_by"))
    sub_by = read_mapping(fields.get("sub_by", {}), at.key("sub_by"))
    return NodeSpec(
        id=id_,
        label=read_text(fields["label"], at.key("label")),
        sub=read_text(fields["sub"], at.key("sub")) if "sub" in fields else "",
        sub_by=tuple(
            (
                question,
                tuple(
                    (value, read_text(text, at.key("sub_by").key(question).key(value)))
                    for value, text in read_mapping(
                        by_value, at.key("sub_by").key(question)
                    ).items()
                ),
            )
            for question, by_value in sub_by.items()
        ),
        slot=read_choice(fields["slot"], at.key("slot"), DIAGRAM_SLOTS),
        where=str(at),
    )


def _read_mail_path(raw: object, at: At, id_: str) -> MailPath:
    fields = read_mapping(
        raw, at, required=("from", "to", "connector", "example", "description"), optional=("via",)
    )
    return MailPath(
        id=id_,
        from_end=read_text(fields["from"], at.key("from")),
        to_end=read_text(fields["to"], at.key("to")),
        via=read_texts(fields.get("via", []), at.key("via")),
        connector=read_choice(fields["connector"], at.key("connector"), MAIL_PATH_CONNECTORS),
        example=read_text(fields["example"], at.key("example")),
        description=read_text(fields["description"], at.key("description")),
        where=str(at),
    )


def _read_outcome(raw: object, at: At, _id: str) -> Outcome:
    fields = read_mapping(
        raw,
        at,
        required=(),
        optional=("connectors", "explanation", "next_steps", "links", "mail_paths", "headline"),
    )
    return Outcome(
        connectors=tuple(
            _read_list_of(fields.get("connectors", []), at.key("connectors"), _read_use)
        ),
        explanation=read_texts(fields.get("explanation", []), at.key("explanation")),
        next_steps=read_texts(fields.get("next_steps", []), at.key("next_steps")),
        links=read_texts(fields.get("links", []), at.key("links")),
        mail_paths=read_texts(fields.get("mail_paths", []), at.key("mail_paths")),
        where=str(at),
        headline=read_text(fields["headline"], at.key("headline"))
        if "headline" in fields
        else None,
    )


def _read_use(raw: object, at: At) -> ConnectorUse:
    fields = read_mapping(raw, at, required=("connector", "need"))
    return ConnectorUse(
        connector=read_text(fields["connector"], at.key("connector")),
        need=read_choice(fields["need"], at.key("need"), NEEDS),
    )
