"""Every field of the model files, broken one at a time, is named by its YAML path.

The compiler prints `load_model`'s error to whoever edits data/*.yaml: the path must lead
to the value that is wrong (`outcomes.yaml: connectors.partner-to-office-365.purpose`),
for every field the loader reads, not only the few picked by hand in
test_engine_verify.py. The paths are worked out here from the raw model's own shape.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from engine import load_model
from engine.raw_reading import ModelError

FILES = ("questions", "tables", "outcomes")
# Mappings whose keys are ids or question names, not fields: the files' top-level
# collections, conditions, a node's sub_by and each of its questions.
ID_MAPPINGS = {"links", "connectors", "outcomes", "mail_paths", "nodes"}
CONDITIONS = {"when", "asked_when", "applies_when", "sub_by"}


def is_id_mapping(at: list[str | int]) -> bool:
    """Whether the mapping at `at` (steps below a file's top level) is keyed by ids."""
    return (len(at) == 1 and at[0] in ID_MAPPINGS) or at[-1] in CONDITIONS or (
        len(at) > 1 and at[-2] == "sub_by")


def place(file: str, steps: list[str | int]) -> str:
    """`file.yaml: a.b[0].c` for the steps below a file's top level."""
    text = ""
    for step in steps:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return f"{file}.yaml: {text}"


def leaves(value: Any, steps: list[str | int]) -> Iterator[tuple[Any, str | int, list[str | int]]]:
    """(container, key, steps) of every text or number in `value`."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, dict | list):
            yield from leaves(item, [*steps, key])
        else:
            yield value, key, [*steps, key]


Steps = list[str | int]


def fields(value: Any, steps: Steps) -> Iterator[tuple[dict[str, Any], Any, Steps]]:
    """(mapping, key, steps) of every mapping entry in `value`."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(value, dict):
            yield value, key, [*steps, key]
        if isinstance(item, dict | list):
            yield from fields(item, [*steps, key])


def load_error(raw: dict[str, Any]) -> str | None:
    try:
        load_model(raw)
    except ModelError as error:
        return str(error)
    return None


def one_of(file: str, steps: list[str | int], message: str) -> bool:
    """A link's `section`/`upstream`/`url` and a rule source's article or later-guidance
    fields are one-of groups: leaving one out is named at the entry, with the group."""
    entry = place(file, steps[:-1])
    key = steps[-1]
    return message in (
        f"{entry}: give exactly one of `section` (an anchor of the article), `upstream` (an "
        "Exchange article's path) or `url` (an https:// address)",
        f"{entry}: give the article's `section` (and `seed_lines`), or later guidance's "
        "document, commit, lines, link",
        f"{entry}: a source in later guidance needs document, commit, lines, link; missing: {key}",
    )


# The entries of each file (a question, a table, a link...), a test each: small tests run
# first under mutation testing, so a mutant of an error message is noticed in a moment.
SHIPPED = json.loads((Path(__file__).resolve().parents[2] / "engine" / "model.json").read_text(
    "utf-8"))


def entries() -> list[tuple[str, Steps]]:
    found: list[tuple[str, Steps]] = []
    for file in FILES:
        for key, value in SHIPPED[file].items():
            if isinstance(value, list):
                found += [(file, [key, i]) for i in range(len(value))]
            elif isinstance(value, dict):
                found += [(file, [key, name]) for name in value]
            else:
                found.append((file, [key]))
    return found


ENTRIES = entries()
ENTRY_IDS = [place(file, steps) for file, steps in ENTRIES]


def entry_at(raw: dict[str, Any], file: str, steps: Steps) -> tuple[Any, Any]:
    """The container holding the entry, and the entry's key in it."""
    parent: Any = raw[file]
    for step in steps[:-1]:
        parent = parent[step]
    return parent, steps[-1]


def test_the_entries_are_every_part_of_the_three_files() -> None:
    for file in FILES:
        assert {steps[0] for f, steps in ENTRIES if f == file} == set(SHIPPED[file])
    assert len(ENTRIES) > 100


@pytest.mark.parametrize(("file", "steps"), ENTRIES, ids=ENTRY_IDS)
def test_every_emptied_value_is_named_by_its_path(
    raw_model: dict[str, Any], file: str, steps: Steps
) -> None:
    parent, key = entry_at(raw_model, file, steps)
    value = parent[key]
    found = (list(leaves(value, steps)) if isinstance(value, dict | list)
             else [(parent, key, steps)])
    wrong = []
    for container, key, at in found:
        kept = container[key]
        container[key] = ""
        message = load_error(raw_model)
        container[key] = kept
        expected = f"{place(file, at)}: expected non-empty text, found str ''"
        # `always` emptied is no condition at all: read as a mapping.
        if kept == "always":
            expected = f"{place(file, at)}: expected a mapping, found str ''"
        if message != expected:
            wrong.append((expected, message))
    assert found
    assert wrong == []


@pytest.mark.parametrize(("file", "steps"), ENTRIES, ids=ENTRY_IDS)
def test_every_field_left_out_is_missing_or_optional(
    raw_model: dict[str, Any], file: str, steps: Steps
) -> None:
    """A required field left out is reported as missing at its path; an optional one loads."""
    parent, key = entry_at(raw_model, file, steps)
    if not isinstance(parent[key], dict | list):
        return
    wrong = []
    for mapping, field, at in list(fields(parent[key], steps)):
        if is_id_mapping(at[:-1]):
            continue
        order = list(mapping)
        kept = mapping.pop(field)
        try:
            message = load_error(raw_model)
        except Exception as error:  # a KeyError: a field read but never required
            message = f"{type(error).__name__}: {error}"
        mapping[field] = kept
        for name in order:  # the original order back (ids are listed in it)
            mapping[name] = mapping.pop(name)
        if message is not None and message != f"{place(file, at)}: missing" and not one_of(
            file, at, message
        ):
            wrong.append((place(file, at), message))
    assert wrong == []


def set_in(raw: dict[str, Any], file: str, steps: Steps, value: Any) -> None:
    parent, key = entry_at(raw, file, steps)
    parent[key] = value


@pytest.mark.parametrize(
    ("file", "steps", "value", "message"),
    [
        ("outcomes", ["links", 5], {"title": "x", "url": "https://x"},
         "outcomes.yaml: links: key 5 is not text; found int 5"),
        ("questions", ["questions", 0, "label"], True,
         "questions.yaml: questions[0].label: expected non-empty text, found the boolean True "
         "(YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans; quote it, e.g. "
         '"yes")'),
        ("questions", ["questions", 0, "options"], "yes",
         "questions.yaml: questions[0].options: expected a list, found str 'yes'"),
        ("outcomes", ["links"], ["a"],
         "outcomes.yaml: links: expected a mapping, found list ['a']"),
        ("questions", ["questions", 0, "options", 0, "since_contract"], 3,
         "questions.yaml: questions[0].options[0].since_contract: '3' is not valid here; "
         "valid: 1, 2"),
        ("outcomes", ["connectors", "device-to-office-365", "nodes"], ["a", "b", "c"],
         "outcomes.yaml: connectors.device-to-office-365.nodes: give two diagram nodes "
         "(from, to), found 3"),
        ("outcomes", ["links", "eop-overview", "url"], "http://x",
         "outcomes.yaml: links.eop-overview.url: 'http://x' is not an https:// address"),
        ("questions", ["questions", 0, "default"], "x",
         "questions.yaml: questions[0].default: 'x' is not valid here; valid: "
         "exchange-online, eop, neither"),
        ("tables", ["tables", 2, "id"], "where-mailboxes-live",
         "tables.yaml: tables[2].id: duplicate table id 'where-mailboxes-live'"),
        ("tables", ["tables", 2, "rules", 1, "id"], "mx-microsoft-365-cloud-only",
         "tables.yaml: tables[2].rules[1].id: duplicate rule id 'mx-microsoft-365-cloud-only'"),
        ("questions", ["questions", 0, "options", 1, "value"], "exchange-online",
         "questions.yaml: questions[0].options[1].value: duplicate option 'exchange-online'"),
    ],
    ids=["key-not-text", "boolean", "not-a-list", "not-a-mapping", "since-contract",
         "three-nodes", "not-https", "default-not-an-option", "duplicate-table",
         "duplicate-rule", "duplicate-option"],
)
def test_a_wrong_value_says_what_was_found_and_what_is_valid(
    raw_model: dict[str, Any], file: str, steps: Steps, value: Any, message: str
) -> None:
    set_in(raw_model, file, steps, value)
    assert load_error(raw_model) == message


def containers(value: Any, steps: Steps) -> Iterator[tuple[Any, Any, Steps]]:
    """(parent, key, steps) of every mapping or list inside `value`."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, dict | list):
            yield value, key, [*steps, key]
            yield from containers(item, [*steps, key])


@pytest.mark.parametrize(("file", "steps"), ENTRIES, ids=ENTRY_IDS)
def test_every_mapping_or_list_replaced_by_a_number_is_named_by_its_path(
    raw_model: dict[str, Any], file: str, steps: Steps
) -> None:
    parent, key = entry_at(raw_model, file, steps)
    found = [(parent, key, steps)] if isinstance(parent[key], dict | list) else []
    if found:
        found += list(containers(parent[key], steps))
    wrong = []
    for container, key, at in found:
        kept = container[key]
        container[key] = 5
        message = load_error(raw_model)
        container[key] = kept
        # "expected a mapping", "a list", or text (a condition's list of answers).
        if message is None or not message.startswith(f"{place(file, at)}: expected "):
            wrong.append((place(file, at), message))
    assert wrong == []


@pytest.mark.parametrize(("file", "steps"), ENTRIES, ids=ENTRY_IDS)
def test_an_unknown_field_anywhere_is_named_with_the_valid_ones(
    raw_model: dict[str, Any], file: str, steps: Steps
) -> None:
    parent, key = entry_at(raw_model, file, steps)
    value = parent[key]
    mappings = [(value, steps)] if isinstance(value, dict) else []
    if isinstance(value, dict | list):
        mappings += [(container[k], at) for container, k, at in containers(value, steps)
                     if isinstance(container[k], dict)]
    wrong = []
    for mapping, at in mappings:
        if is_id_mapping(at):
            continue
        mapping["colour"] = "blue"
        message = load_error(raw_model)
        del mapping["colour"]
        expected = f"{place(file, [*at, 'colour'])}: unknown field; valid fields: "
        if message is None or not message.startswith(expected):
            wrong.append((expected, message))
    assert wrong == []


def test_a_later_source_names_its_repository_or_takes_the_default(
    raw_model: dict[str, Any],
) -> None:
    from engine import decide

    source = raw_model["tables"]["tables"][5]["rules"][3]["source"]  # devices-smtp-relay
    answers = {"service": "exchange-online", "servers": "none", "devices": "yes",
               "device_method": "smtp-relay", "partners": "no"}

    def later() -> Any:
        from engine import load_model

        fired = decide(load_model(raw_model), answers)["fired"]
        return next(f for f in fired if f["rule"] == "devices-smtp-relay")["source"]["later"]

    assert later()["repository"] == "MicrosoftDocs/OfficeDocs-Exchange"
    source["repository"] = "MicrosoftDocs/office-docs-powershell"
    assert later()["repository"] == "MicrosoftDocs/office-docs-powershell"
    del source["commit"], source["lines"]
    assert load_error(raw_model) == (
        "tables.yaml: tables[5].rules[3].source: a source in later guidance needs document, "
        "commit, lines, link; missing: commit, lines"
    )
    source["commit"], source["lines"] = "0" * 40, "1-2"
    source["repository"] = ""
    assert load_error(raw_model) == (
        "tables.yaml: tables[5].rules[3].source.repository: expected non-empty text, "
        "found str ''"
    )


def test_each_optional_part_of_a_file_may_be_left_out(raw_model: dict[str, Any]) -> None:
    """A file without its optional parts loads them empty: nothing refused, nothing made up."""
    questions = raw_model["questions"]
    del questions["invalid_combinations"], raw_model["tables"]["prerequisite_for_connectors"]
    del raw_model["outcomes"]["mail_paths"], raw_model["outcomes"]["nodes"]
    first = questions["questions"][0]
    del first["help"]
    model = load_model(raw_model)
    assert model.invalid_combinations == ()
    assert model.prerequisite_for_connectors is None
    assert dict(model.mail_paths) == {} and dict(model.nodes) == {}
    assert model.questions[first["id"]].help == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.clear() or raw.update({"x": 1}),
         "model: x: unknown field; valid fields: questions, tables, outcomes, plan"),
        (lambda raw: raw.update({"questions": []}),
         "questions.yaml: expected a mapping, found list []"),
        (lambda raw: raw["outcomes"].update({"colour": "blue"}),
         "outcomes.yaml: colour: unknown field; valid fields: article, links, connectors, "
         "outcomes, mail_paths, nodes"),
        (lambda raw: raw["tables"].pop("tables"), "tables.yaml: tables: missing"),
        (lambda raw: raw["outcomes"]["article"].update({"colour": "blue"}),
         "outcomes.yaml: article.colour: unknown field; valid fields: path, public_url, "
         "upstream_base"),
        (lambda raw: raw["outcomes"]["article"].pop("public_url"),
         "outcomes.yaml: article.public_url: missing"),
        (lambda raw: raw["outcomes"].update({"article": "x"}),
         "outcomes.yaml: article: expected a mapping, found str 'x'"),
    ],
    ids=["model-field", "file-not-a-mapping", "file-field", "file-part-missing",
         "article-field", "article-part-missing", "article-not-a-mapping"],
)
def test_a_whole_file_or_its_article_is_named_by_its_place(
    raw_model: dict[str, Any], change: Any, message: str
) -> None:
    change(raw_model)
    assert load_error(raw_model) == message


def test_a_model_that_is_not_a_mapping_is_refused_by_name() -> None:
    assert load_error([]) == "model: expected a mapping, found list []"  # type: ignore[arg-type]
