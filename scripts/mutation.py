"""Mutation testing (`make mutation`): how many small changes to the code the tests notice.

Runs mutmut (pinned in requirements.txt) over engine/ (or the packages named) in a copy of
the work tree under build/mutation/work, so nothing is written into the source tree. Each
package is tested by its own tests (PACKAGE_TESTS). Writes every mutant the tests did not
kill to build/mutation/survivors.txt (`mutmut show NAME`, run in the work folder, shows
its diff) and prints the score: killed / mutants checked.

Not part of `make test`: over engine/ it runs for hours on two cores. Run again, it goes
on where it stopped (mutmut keeps its results for unchanged files in the work folder).

Caveats of the score: mutmut maps a mutant to the tests that called its function *in
the test process*; code the tests reach only through a subprocess (the CLI, its text
report) counts as "no tests", and so does code only other packages' tests reach
(engine/site_links.py is used by the site build).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "mutation"
WORK = OUT / "work"
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
BUILT_INPUTS = ["engine/model.json"]
# Noticed by the tests. A mutant that makes them run past mutmut's time limit (an endless
# loop) counts as noticed, as in Stryker's score; the counts per status are printed too.
KILLED = {"killed", "caught by type check", "timeout"}
NOT_RUN = {"not checked", "skipped"}


def sync_work_tree() -> None:
    """Copy tracked files (and the built inputs) into WORK; unchanged files are left alone,
    so mutmut keeps its results for them."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode().split("\0")
    for name in [n for n in tracked if n] + BUILT_INPUTS:
        source, target = ROOT / name, WORK / name
        if not source.is_file():
            continue
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def reset_results(exit_codes: set[int]) -> int:
    """Forget mutmut's kept verdicts with these exit codes, so the next run checks those
    mutants again; returns how many. mutmut keeps a verdict until the mutated function
    changes, not when the tests change: "no tests" (33, 5) is reset before every run (new
    tests may reach the code; recording it again costs no test run), survivors (0) with
    --retest-survivors."""
    count = 0
    for meta in (WORK / "mutants").rglob("*.meta"):
        data = json.loads(meta.read_text("utf-8"))
        codes = data["exit_code_by_key"]
        forget = [name for name, code in codes.items() if code in exit_codes]
        for name in forget:
            codes[name] = None
        if forget:
            meta.write_text(json.dumps(data, indent=4), "utf-8")
            count += len(forget)
    return count


def write_config(packages: list[str]) -> None:
    """mutmut's settings, in the work folder's setup.cfg (the copied pyproject.toml has
    no [tool.mutmut] table, so mutmut reads this file)."""
    others = [p + "/" for p in (*PACKAGE_TESTS, "checker_site", "site_hosting")
              if p not in packages]
    settings = {
        "source_paths": [p + "/" for p in packages],
        "pytest_add_cli_args_test_selection": [PACKAGE_TESTS[p] for p in packages],
        "pytest_add_cli_args": ["--deselect=" + test for test in DESELECTED],
        "also_copy": ["data/", "scripts/", "docs/", "tests/", *others, "pyproject.toml"],
    }
    (WORK / "setup.cfg").write_text("[mutmut]\n" + "".join(
        f"{key} =" + "".join(f"\n    {value}" for value in values) + "\n"
        for key, values in settings.items()
    ))


def statuses() -> dict[str, str]:
    """Every mutant's status, from `mutmut results --all true`."""
    run = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=WORK, capture_output=True, text=True,
        check=True,
    )
    found = (re.fullmatch(r"\s+(\S+): (.+)", line) for line in run.stdout.splitlines())
    return {m.group(1): m.group(2) for m in found if m}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*",
                        help=f"packages to mutate, of {', '.join(PACKAGE_TESTS)} (default: engine)")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report-only", action="store_true",
                        help="no mutmut run: the score and survivors of the runs so far")
    parser.add_argument("--retest-survivors", action="store_true",
                        help="check the mutants that survived earlier runs again (after "
                        "tests were added)")
    parser.add_argument("--mutant", action="append", default=[], metavar="NAME",
                        help="check only this mutant (a name or glob as in survivors.txt; "
                        "repeatable), even if it has a verdict already")
    args = parser.parse_args()
    args.packages = args.packages or ["engine"]
    unknown = set(args.packages) - set(PACKAGE_TESTS)
    if unknown:
        parser.error(f"no tests known for {', '.join(sorted(unknown))}; "
                     f"one of {', '.join(PACKAGE_TESTS)}")
    if args.report_only and not (WORK / "mutants").is_dir():
        parser.error("no mutation run to report on yet: run without --report-only")
    returncode = 0
    if not args.report_only:
        WORK.mkdir(parents=True, exist_ok=True)
        sync_work_tree()
        write_config(args.packages)
        if (WORK / "mutants").is_dir():
            reset_results({33, 5, 0} if args.retest_survivors else {33, 5})
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        returncode = subprocess.run(
            [str(MUTMUT), "run", "--max-children", str(args.max_children), *args.mutant],
            cwd=WORK, env=env, check=False,
        ).returncode
    found = statuses()
    counts = Counter(found.values())
    checked = {name: status for name, status in found.items() if status not in NOT_RUN}
    survivors = sorted(f"{name}: {status}" for name, status in checked.items()
                       if status not in KILLED)
    (OUT / "survivors.txt").write_text("".join(line + "\n" for line in survivors))
    killed = sum(1 for status in checked.values() if status in KILLED)
    print(", ".join(f"{status}: {n}" for status, n in sorted(counts.items())))
    if checked:
        print(f"mutation score ({' '.join(args.packages)}): {killed}/{len(checked)} noticed "
              f"= {killed / len(checked):.1%}; survivors in build/mutation/survivors.txt")
        reached = len(checked) - counts["no tests"]
        if reached:
            print(f"of the mutants in code the tests call in their own process: {killed}/"
                  f"{reached} = {killed / reached:.1%}")
    return returncode


if __name__ == "__main__":
    sys.exit(main())
