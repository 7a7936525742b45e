#!/usr/bin/env python3
"""Compile the decision model: data/*.yaml -> engine/model.json and engine/plan.json.

Reads the YAML strictly (an unquoted yes/no/on/off fails, naming the YAML path, instead
of silently becoming a boolean), loads it with `engine.load_model`, runs
`engine.verify_model` — with the anchors of the article source when it is there — and
writes the JSON the engine ships with: the decision model (questions, tables, outcomes) in
the output file, and the plan's recipes (data/plan.yaml, checked by `engine.plan_verify`)
in `plan.json` beside it, a file of their own because only a plan reads them (the
checker's browser fetches them with the first plan, not at start-up). Exit 1, printing
every problem, if any check fails.

    python scripts/compile_model.py [--data-dir data] [--output engine/model.json]
                                    [--article docs/.../use-connectors-to-configure-mail-flow.md]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a clone without installing the package

from engine import ModelError, load_model, referenced_anchors, verify_model  # noqa: E402
from engine.plan import PLAN_RESOURCE  # noqa: E402
from engine.plan_verify import verify_plan  # noqa: E402

MODEL_FILES = ("questions", "tables", "outcomes", "plan")
DEFAULT_ARTICLE = (
    ROOT
    / "docs/mail-flow-best-practices/use-connectors-to-configure-mail-flow"
    / "use-connectors-to-configure-mail-flow.md"
)
_BOOL_TAG = "tag:yaml.org,2002:bool"
# Legacy anchors (<a name="X">) and heading ids (id="X") in Markdown or built HTML.
_ANCHOR = re.compile(r"""\b(?:name|id)\s*=\s*["']([^"']+)["']""")


class CompileError(Exception):
    """A problem with the model files; the message says where."""


def yaml11_booleans(node: yaml.Node, where: str) -> Iterator[str]:
    """Places where an unquoted yes/no/on/off (not true/false) was read as a boolean."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _BOOL_TAG and node.value.lower() not in ("true", "false"):
            yield (
                f"{where} (line {node.start_mark.line + 1}): unquoted {node.value!r} is a "
                f'boolean in YAML 1.1; quote it: "{node.value}"'
            )
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from yaml11_booleans(item, f"{where}[{i}]")
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{where}.{key.value}" if not where.endswith(": ") else f"{where}{key.value}"
            yield from yaml11_booleans(key, f"{name} (the key)")
            yield from yaml11_booleans(value, name)


def read_yaml_file(path: Path) -> object:
    """Parse one model file, refusing YAML 1.1 booleans spelt yes/no/on/off."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        problems = [] if root is None else list(yaml11_booleans(root, f"{path.name}: "))
        if problems:
            raise CompileError("\n".join(problems))
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CompileError(f"{path.name}: not valid YAML: {error}") from error


def read_raw_model(data_dir: Path) -> dict[str, object]:
    """The raw model: each file's content under its stem, as `engine.load_model` expects."""
    # plan.yaml is optional: a model without it decides, and makes no plan.
    return {
        stem: read_yaml_file(data_dir / f"{stem}.yaml")
        for stem in MODEL_FILES
        if stem != "plan" or (data_dir / f"{stem}.yaml").is_file()
    }


def article_anchors(article: Path) -> set[str]:
    """The anchors (`<a name>` and `id`) in an article source or built page.

    A name used again is reached as ``Name-2``, ``Name-3`` ... in the built page: the
    translation renames repeats that way (translator/anchors.py), and the build checks
    the model's anchors against the built page once more.
    """
    names = _ANCHOR.findall(article.read_text(encoding="utf-8"))
    anchors: set[str] = set()
    for i, name in enumerate(names):
        repeat = names[:i].count(name)
        anchors.add(f"{name}-{repeat + 1}" if repeat else name)
    return anchors


def write_json_atomically(value: object, output: Path) -> None:
    """Write `value` as JSON so that a reader never sees half a file."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=output.parent, suffix=".tmp", delete=False
    ) as temporary:
        json.dump(value, temporary, ensure_ascii=False, indent=1)
        temporary.write("\n")
    os.replace(temporary.name, output)


def compile_model(data_dir: Path, output: Path, article: Path | None) -> list[str]:
    """Compile and write the model; return the problems found (nothing written if any)."""
    try:
        raw = read_raw_model(data_dir)
        model = load_model(raw)
    except (CompileError, ModelError, OSError) as error:
        return str(error).splitlines()
    known = article_anchors(article) if article is not None and article.is_file() else None
    findings = verify_model(model, known_anchors=known)
    if findings:
        return [str(finding) for finding in findings]
    plan_problems = verify_plan(raw["plan"], model.connectors) if "plan" in raw else []
    if plan_problems:
        return plan_problems
    write_json_atomically({stem: raw[stem] for stem in raw if stem != "plan"}, output)
    plan_output = output.with_name(PLAN_RESOURCE)
    if "plan" in raw:
        write_json_atomically(raw["plan"], plan_output)
    else:
        plan_output.unlink(missing_ok=True)  # no recipes: no plan from an earlier compile
    anchors = ", ".join(referenced_anchors(model))
    checked = f"checked against {article}" if known is not None else "not checked (no article)"
    print(
        f"compiled {output} ({len(model.questions)} questions, {len(model.tables)} tables); "
        f"anchors {anchors}: {checked}"
    )
    return []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "data")
    parser.add_argument("--output", type=Path, default=ROOT / "engine" / "model.json")
    parser.add_argument(
        "--article",
        type=Path,
        default=DEFAULT_ARTICLE,
        help="article source or built page whose anchors the model's links must exist in",
    )
    args = parser.parse_args()
    problems = compile_model(args.data_dir, args.output, args.article)
    for problem in problems:
        print(f"compile_model: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
