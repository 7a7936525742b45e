"""scripts/mutation.py forgets the verdicts (and stats) a new run must take again, only those.

The script is not run by `make test` (it takes hours), but which mutants it sends back to
mutmut decides what a score means: a survivor kept after tests were added for it would be
reported as surviving; an explained one checked again only costs time.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_script", ROOT / "scripts" /
                                                  "mutation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


VERDICTS = {"m.killed": 1, "m.survived": 0, "m.explained": 0, "m.no_tests": 33,
            "m.skipped": 5, "m.unchecked": None, "m.timeout": -24}


def meta_after(tmp_path: Path, exit_codes: set[int], keep: set[str]) -> tuple[int, dict]:
    meta = tmp_path / "mutants" / "pkg" / "m.py.meta"
    meta.parent.mkdir(parents=True)
    meta.write_text(json.dumps({"exit_code_by_key": VERDICTS, "durations_by_key": {}}))
    count = load_script().reset_results(tmp_path, exit_codes, keep)
    data = json.loads(meta.read_text())
    assert data["durations_by_key"] == {}  # the rest of mutmut's file is kept
    return count, data["exit_code_by_key"]


def test_a_normal_run_checks_no_tests_verdicts_again(tmp_path: Path) -> None:
    count, codes = meta_after(tmp_path, {33, 5}, set())
    assert count == 2
    assert codes == {**VERDICTS, "m.no_tests": None, "m.skipped": None}


def test_retest_unexplained_keeps_the_explained_survivors(tmp_path: Path) -> None:
    count, codes = meta_after(tmp_path, {33, 5, 0}, {"m.explained", "m.killed"})
    assert count == 3
    assert codes == {**VERDICTS, "m.no_tests": None, "m.skipped": None, "m.survived": None}


def test_retest_survivors_checks_every_survivor(tmp_path: Path) -> None:
    count, codes = meta_after(tmp_path, {33, 5, 0}, set())
    assert count == 4
    assert codes == {**VERDICTS, "m.no_tests": None, "m.skipped": None, "m.survived": None,
                     "m.explained": None}


def test_stats_are_taken_again_when_the_package_or_a_test_changed() -> None:
    outdated = load_script().stats_outdated
    assert outdated(["translator/tabs.py"], "translator")
    assert outdated(["README.md", "tests/translator/fixtures/tabs.md"], "translator")
    assert not outdated(["README.md", "engine/loading.py", "translator_notes.md"], "translator")
    assert not outdated([], "engine")
