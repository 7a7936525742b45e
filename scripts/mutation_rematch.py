"""Keep scripts/mutation_explained/ true when the code changes (`make mutation` tooling).

mutmut names a mutant after its function and a number. When a function changes, mutmut
numbers its mutants again, so an explanation can end up on another mutant under the same
name, or on none. Before changing the code, `record` saves each mutant's changed lines
(build/mutation/<package>/changed-lines.json). After the next `scripts/mutation.py` run,
`apply` keeps an explanation where its name still makes the same change, moves it to the
survivor that makes that change in the same function where the name now means another
change, drops the rest, and lists the survivors left to explain by hand. It prints what
it would do; `--write` rewrites the explanation files.

    python scripts/mutation_rematch.py record translator
    (change the code, then: python scripts/mutation.py translator)
    python scripts/mutation_rematch.py apply translator --write
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import mutation  # the script beside this one

HEADER = ("# Surviving mutants of {source} judged equivalent (no input can tell them apart)\n"
          "# or harmless (no user-visible change), each with why. `mutmut show NAME` in\n"
          "# build/mutation/{package} shows a mutant's change.\n")
_MUTANT = "__mutmut_"
_DEF_NAME = re.compile(r"def\s+\S+?\(")


def changed_lines(module: str, mutated_source: str) -> dict[str, list[str]]:
    """The mutants in one module as mutmut rewrote it (`module`: its dotted name): mutant
    name -> the lines it changes in its function, as "-old" and "+new" (stripped; the
    function's own name left out of its def line, so a changed default shows)."""
    source_lines = mutated_source.splitlines()
    bodies: dict[str, list[str]] = {}
    for node in ast.walk(ast.parse(mutated_source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _MUTANT in node.name:
            first = node.lineno - 1  # decorators (mutmut adds none) would come before it
            lines = source_lines[first : node.end_lineno]
            bodies[node.name] = [_DEF_NAME.sub("def (", lines[0], count=1), *lines[1:]]
    found: dict[str, list[str]] = {}
    for name, body in bodies.items():
        function, _, number = name.rpartition(_MUTANT)
        original = bodies.get(f"{function}{_MUTANT}orig")
        if number == "orig" or original is None:
            continue
        found[f"{module}.{name}"] = [
            line[0] + line[1:].strip() for line in difflib.unified_diff(
                original, body, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
    return found


def package_changed_lines(package: str, work: Path) -> dict[str, list[str]]:
    """`changed_lines` of every module of `package` in its mutation work tree."""
    root = work / "mutants"
    found: dict[str, list[str]] = {}
    for path in sorted((root / package).rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        found.update(changed_lines(module, path.read_text("utf-8")))
    return found


@dataclass
class Rematch:
    kept: dict[str, str] = field(default_factory=dict)  # same name, same change
    moved: dict[str, str] = field(default_factory=dict)  # new name -> why, same change
    dropped: list[str] = field(default_factory=list)  # explained mutants gone or killed
    unexplained: list[str] = field(default_factory=list)  # survivors to explain by hand


def _function(name: str) -> str:
    return name.rpartition(_MUTANT)[0]


def rematch(before: dict[str, list[str]], after: dict[str, list[str]],
            explained: dict[str, str], survivors: set[str]) -> Rematch:
    """Where each explanation belongs now. `before`/`after`: mutant name -> changed lines
    when the explanations were written and now; `survivors`: the mutants alive now."""
    result = Rematch()
    by_change: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}
    for name, why in explained.items():
        if name in survivors and name in before and after.get(name) == before[name]:
            result.kept[name] = why
        elif name in before and (key := (_function(name), tuple(before[name]))) not in by_change:
            by_change[key] = (name, why)
        else:  # not recorded (its change is not known), or the same change explained twice
            result.dropped.append(name)  # not recorded: its change is not known
    used: set[str] = set()
    for name in sorted(survivors - result.kept.keys()):
        match = by_change.get((_function(name), tuple(after.get(name, ()))))
        if match is None:
            result.unexplained.append(name)
        else:
            result.moved[name] = match[1]
            used.add(match[0])
    result.dropped += sorted(old for old, _ in by_change.values()
                             if old not in used and old not in result.kept)
    return result


def write_explained(folder: Path, package: str, entries: dict[str, str]) -> list[Path]:
    """Rewrite the package's explanation files from `entries`: one file per module in
    `folder`/<package>/ if the package has that folder, else `folder`/<package>.yaml.
    Keeps each file's comment lines; a module left with no entry loses its file.
    Returns the files written or removed."""
    per_module = (folder / package).is_dir()
    groups: dict[Path, dict[str, str]] = {}
    for name, why in sorted(entries.items()):
        module = name.split(".")[1] if per_module else ""
        path = folder / package / f"{module}.yaml" if per_module else folder / f"{package}.yaml"
        groups.setdefault(path, {})[name] = why
    existing = set((folder / package).glob("*.yaml")) if per_module else {
        folder / f"{package}.yaml"}
    touched = []
    for path in sorted(existing - groups.keys()):
        if path.exists():
            path.unlink()
            touched.append(path)
    for path, group in groups.items():
        old = path.read_text("utf-8") if path.exists() else ""
        comments = "".join(line for line in old.splitlines(True) if line.startswith("#"))
        source = f"{package}/{path.stem}.py" if per_module else f"{package}/"
        header = comments or HEADER.format(source=source, package=package)
        text = header + yaml.safe_dump(group, sort_keys=False, width=100, allow_unicode=True)
        if text != old:
            path.write_text(text, "utf-8")
            touched.append(path)
    return touched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("record", "apply"))
    parser.add_argument("package", choices=sorted(mutation.PACKAGE_TESTS))
    parser.add_argument("--write", action="store_true", help="apply: rewrite the files")
    args = parser.parse_args()
    work = mutation.OUT / args.package
    recorded = work / "changed-lines.json"
    if not (work / "mutants").is_dir():
        sys.exit(f"no mutation run of {args.package} yet: run scripts/mutation.py first")
    now = package_changed_lines(args.package, work)
    if args.step == "record":
        recorded.write_text(json.dumps(now), "utf-8")
        print(f"recorded the changes of {len(now)} mutants in {recorded}")
        return 0
    if not recorded.is_file():
        sys.exit(f"{recorded} is missing: run `record` before changing the code")
    found = mutation.statuses(work)
    if any(status in mutation.NOT_RUN for status in found.values()):
        sys.exit(f"some mutants of {args.package} are not checked yet: run "
                 "scripts/mutation.py to the end first")
    survivors = {name for name, status in found.items() if status not in mutation.KILLED}
    result = rematch(json.loads(recorded.read_text("utf-8")), now,
                     mutation.read_explained(args.package), survivors)
    print(f"{len(result.kept)} kept, {len(result.moved)} moved to the mutant that now makes "
          f"their change, {len(result.dropped)} dropped")
    for name in result.unexplained:
        print(f"  to explain: {name}  {' | '.join(now.get(name, []))}")
    if args.write:
        for path in write_explained(mutation.EXPLAINED, args.package,
                                    {**result.kept, **result.moved}):
            print(f"  wrote {path.relative_to(mutation.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
