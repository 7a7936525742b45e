"""Mutation testing (`make mutation`): how many small changes to the code the tests notice.

Runs mutmut (pinned in requirements.txt) over each package named (default: all three) in
its own copy of the work tree, build/mutation/<package>/, so nothing is written into the
source tree and two packages can be run side by side (two `make mutation PACKAGES=...`).
Each package is tested by its own tests (PACKAGE_TESTS). Prints, per package, the score
(killed / mutants checked, and how many mutants there are), how many survivors
scripts/mutation_explained/<package>.yaml or <package>/<module>.yaml explains (a YAML
mapping `mutant name: why it is equivalent or harmless`) and its stale entries (mutants
that no longer exist or are now killed); writes the unexplained survivors to
build/mutation/<package>-survivors.txt (`mutmut show NAME`, run in
build/mutation/<package>/, shows a mutant's diff).

Not part of `make test`: over engine/ it runs for hours on two cores. Run again, it goes
on where it stopped: mutmut keeps each mutant's verdict until its function changes, not
when the tests change, so "no tests" verdicts are checked again on every run,
--retest-survivors checks the survivors again after tests were added (--retest-unexplained
only those scripts/mutation_explained/ does not explain), and --mutant NAME
(a name or glob, repeatable) checks the mutants named.

Speed: mutmut sets MUTANT_UNDER_TEST in the test process; the engine's hypothesis tests
then draw a tenth of their examples (tests/engine/hypothesis_budget.py), and the model is
compiled once per process, not once per mutant (tests/engine/conftest.py). A normal
`make test` run is unchanged.

Caveats of the score: mutmut maps a mutant to the tests that called its function *in
the test process*; code the tests reach only through a subprocess counts as "no tests"
(the CLI's tests therefore call its entry function in-process, keeping a few subprocess
tests of the real entry points), and so does code only other packages' tests reach.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Collection
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXPLAINED = ROOT / "scripts" / "mutation_explained"
OUT = ROOT / "build" / "mutation"
MUTMUT = Path(sys.executable).parent / "mutmut"
PACKAGE_TESTS = {
    "engine": "tests/engine/",
    "translator": "tests/translator/",
    "site_structure": "tests/site_structure/",
}
# Fails under mutmut even with no mutant active: it runs a copy of the package outside
# mutmut's tree in a subprocess, which inherits mutmut's environment.
DESELECTED = ["tests/engine/test_engine_cli.py::test_a_missing_compiled_model_says_how_to_build_it"]
# Files the tests read that git does not track (made by `make`).
BUILT_INPUTS = ["engine/model.json", "engine/plan.json"]
# Noticed by the tests. A mutant that makes them run past mutmut's time limit (an endless
# loop) counts as noticed, as in Stryker's score; the counts per status are printed too.
KILLED = {"killed", "caught by type check", "timeout"}
NOT_RUN = {"not checked", "skipped"}


def sync_work_tree(work: Path) -> list[str]:
    """Copy tracked files (and the built inputs) into `work`; unchanged files are left alone,
    so mutmut keeps its results for them. Returns the names copied."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    copied: list[str] = []
    for name in [n for n in tracked if n] + BUILT_INPUTS:
        source, target = ROOT / name, work / name
        if not source.is_file():
            continue
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        copied.append(name)
    return copied


def stats_outdated(changed: Collection[str], package: str) -> bool:
    """Whether mutmut's stats (which tests call which function) must be taken again.

    mutmut maps each function to the tests that called it when its stats were taken, and
    later takes stats of new tests only: a function added or renamed since would be mapped
    to the new tests alone, and its mutants would survive tests that never ran. So when
    the package's code or any test changed, all stats are taken again (one traced run)."""
    return any(name.startswith((f"{package}/", "tests/")) for name in changed)


def reset_results(work: Path, exit_codes: set[int], keep: Collection[str] = ()) -> int:
    """Forget mutmut's kept verdicts with these exit codes (except for the mutants in
    `keep`), so the next run checks those mutants again; returns how many. mutmut keeps a
    verdict until the mutated function changes, not when the tests change: "no tests"
    (33, 5) is reset before every run (new tests may reach the code; recording it again
    costs no test run), survivors (0) with --retest-survivors, or only the unexplained
    ones with --retest-unexplained (an explained survivor is equivalent: checking it
    again costs a run of every test that reaches it, and it survives again)."""
    count = 0
    for meta in (work / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text("utf-8"))
        codes = data["exit_code_by_key"]
        forget = [name for name, code in codes.items()
                  if code in exit_codes and (code != 0 or name not in keep)]
        for name in forget:
            codes[name] = None
        if forget:
            meta.write_text(json.dumps(data, indent=4), "utf-8")
            count += len(forget)
    return count


def write_config(work: Path, packages: list[str]) -> None:
    """mutmut's settings, in the work folder's setup.cfg (the copied pyproject.toml has
    no [tool.mutmut] table, so mutmut reads this file)."""
    others = [p + "/" for p in (*PACKAGE_TESTS, "checker_site", "site_hosting")
              if p not in packages]
    settings = {
        "source_paths": [p + "/" for p in packages],
        "pytest_add_cli_args_test_selection": [PACKAGE_TESTS[p] for p in packages],
        "pytest_add_cli_args": ["--deselect=" + test for test in DESELECTED],
        # mkdocs.yml and overrides/: the navigation-pruning tests load the site's configuration.
        "also_copy": ["data/", "scripts/", "docs/", "tests/", *others, "pyproject.toml",
                      "mkdocs.yml", "overrides/"],
    }
    (work / "setup.cfg").write_text("[mutmut]\n" + "".join(
        f"{key} =" + "".join(f"\n    {value}" for value in values) + "\n"
        for key, values in settings.items()
    ))


def statuses(work: Path) -> dict[str, str]:
    """Every mutant's status, from `mutmut results --all true`."""
    run = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=work, capture_output=True, text=True,
        check=True,
    )
    found = (re.fullmatch(r"\s+(\S+): (.+)", line) for line in run.stdout.splitlines())
    return {m.group(1): m.group(2) for m in found if m}


def read_explained(package: str) -> dict[str, str]:
    """scripts/mutation_explained/<package>.yaml, or one file per module in
    scripts/mutation_explained/<package>/: mutant name -> why it is equivalent or harmless
    (one entry per surviving mutant; none yet: empty)."""
    explained: dict[str, str] = {}
    folder = EXPLAINED / package
    paths = [EXPLAINED / f"{package}.yaml", *sorted(folder.glob("*.yaml"))]
    for path in (p for p in paths if p.is_file()):
        entries = yaml.safe_load(path.read_text("utf-8")) or {}
        if not isinstance(entries, dict) or not all(
            isinstance(name, str) and isinstance(why, str) and why.strip()
            for name, why in entries.items()
        ):
            sys.exit(f"{path.relative_to(ROOT)}: expected a mapping of mutant names to reasons")
        explained.update(entries)
    return explained


def report(package: str, found: dict[str, str]) -> list[str]:
    """Print the package's score and how its survivors are explained; returns the lines
    of the unexplained survivors ("name: status")."""
    counts = Counter(found.values())
    checked = {name: status for name, status in found.items() if status not in NOT_RUN}
    survivors = {name: status for name, status in checked.items() if status not in KILLED}
    killed = len(checked) - len(survivors)
    explained = read_explained(package)
    print(f"{package}: " + ", ".join(f"{status}: {n}" for status, n in sorted(counts.items())))
    if checked:
        print(f"mutation score ({package}): {killed}/{len(checked)} noticed = "
              f"{killed / len(checked):.1%} of the {len(found)} mutants, "
              f"{len(checked)} checked")
        reached = len(checked) - counts["no tests"]
        if reached and reached != len(checked):
            print(f"  of the mutants in code the tests call in their own process: {killed}/"
                  f"{reached} = {killed / reached:.1%}")
    print(f"  survivors explained in scripts/mutation_explained/{package}[.yaml|/]: "
          f"{len(survivors.keys() & explained.keys())} of {len(survivors)}")
    stale = sorted(name for name in explained
                   if name not in found or found[name] in KILLED)
    for name in stale:
        why = "no longer exists" if name not in found else "is now killed"
        print(f"  stale explanation: {name} {why}")
    return [f"{name}: {status}" for name, status in sorted(survivors.items())
            if name not in explained]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*",
                        help=f"packages to mutate, of {', '.join(PACKAGE_TESTS)} (default: all)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report-only", action="store_true",
                        help="no mutmut run: the score and survivors of the runs so far")
    parser.add_argument("--retest-survivors", action="store_true",
                        help="check the mutants that survived earlier runs again (after "
                        "tests were added)")
    parser.add_argument("--retest-unexplained", action="store_true",
                        help="check again only the survivors scripts/mutation_explained/ does "
                        "not explain (after tests were added for them)")
    parser.add_argument("--mutant", action="append", default=[], metavar="NAME",
                        help="check only this mutant (a name or glob as in the survivors "
                        "file; repeatable), even if it has a verdict already")
    args = parser.parse_args()
    args.packages = args.packages or list(PACKAGE_TESTS)
    unknown = set(args.packages) - set(PACKAGE_TESTS)
    if unknown:
        parser.error(f"no tests known for {', '.join(sorted(unknown))}; "
                     f"one of {', '.join(PACKAGE_TESTS)}")
    returncode = 0
    for package in args.packages:
        work = OUT / package
        if args.report_only and not (work / "mutants").is_dir():
            print(f"{package}: no mutation run yet (run without --report-only)")
            continue
        if not args.report_only:
            returncode = max(returncode, run_mutmut(work, package, args))
        found = statuses(work)
        unexplained = report(package, {name: status for name, status in found.items()
                                       if name.startswith(package + ".")})
        survivors = OUT / f"{package}-survivors.txt"
        survivors.write_text("".join(line + "\n" for line in sorted(unexplained)))
        print(f"{len(unexplained)} unexplained survivors in {survivors.relative_to(ROOT)}")
    return returncode


def run_mutmut(work: Path, package: str, args: argparse.Namespace) -> int:
    """One mutmut run over the package in its work folder; mutmut's exit code."""
    work.mkdir(parents=True, exist_ok=True)
    changed = sync_work_tree(work)
    stats = work / "mutants" / "mutmut-stats.json"
    if stats.is_file() and stats_outdated(changed, package):
        stats.unlink()
    write_config(work, [package])
    if (work / "mutants").is_dir():
        retest = args.retest_survivors or args.retest_unexplained
        keep = read_explained(package) if args.retest_unexplained else {}
        reset_results(work, {33, 5, 0} if retest else {33, 5}, keep)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    mutants = [name for name in args.mutant if name.startswith(package + ".")]
    if args.mutant and not mutants:
        return 0
    return subprocess.run(
        [str(MUTMUT), "run", "--max-children", str(args.max_children), *mutants],
        cwd=work, env=env, check=False,
    ).returncode


if __name__ == "__main__":
    sys.exit(main())
