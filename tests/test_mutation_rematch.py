"""scripts/mutation_rematch.py keeps each explanation on the mutant it explains.

mutmut numbers a function's mutants again when the function changes; an explanation left
on its old name would then vouch for another mutant, and the "every survivor explained"
figure would be false. The module below is written the way mutmut rewrites one: the
original as ``x_<name>__mutmut_orig`` and each mutant as ``x_<name>__mutmut_<n>``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parent.parent

MUTATED = '''
def x_area__mutmut_orig(width, height=1):
    """Docstring."""
    return width * height


def x_area__mutmut_1(width, height=1):
    """Docstring."""
    return width / height


def x_area__mutmut_2(width, height=2):
    """Docstring."""
    return width * height


class Shape:
    def xǁShapeǁname__mutmut_orig(self):
        return "shape"

    def xǁShapeǁname__mutmut_1(self):
        return "XXshapeXX"
'''


def load_script() -> ModuleType:
    path = ROOT / "scripts" / "mutation_rematch.py"
    spec = importlib.util.spec_from_file_location("mutation_rematch", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_each_mutant_is_named_with_the_lines_it_changes_its_def_line_included() -> None:
    found = load_script().changed_lines("pkg.geometry", MUTATED)
    assert found == {
        "pkg.geometry.x_area__mutmut_1": ["-return width * height", "+return width / height"],
        "pkg.geometry.x_area__mutmut_2": ["-def (width, height=1):", "+def (width, height=2):"],
        "pkg.geometry.xǁShapeǁname__mutmut_1": ['-return "shape"', '+return "XXshapeXX"'],
    }


DIVIDE = ["-return a * b", "+return a / b"]
DEFAULT = ["-def (a, b=1):", "+def (a, b=2):"]
NONE = ["-return a * b", "+return None"]


def test_an_explanation_follows_its_change_to_the_mutant_that_now_makes_it() -> None:
    before = {"p.m.x_f__mutmut_1": DIVIDE, "p.m.x_f__mutmut_2": DEFAULT,
              "p.m.x_g__mutmut_1": DIVIDE}
    # f changed above the mutated lines: its mutants are numbered again
    after = {"p.m.x_f__mutmut_1": NONE, "p.m.x_f__mutmut_2": DIVIDE,
             "p.m.x_f__mutmut_3": DEFAULT, "p.m.x_g__mutmut_1": DIVIDE}
    explained = {"p.m.x_f__mutmut_1": "why divide", "p.m.x_f__mutmut_2": "why default",
                 "p.m.x_g__mutmut_1": "why g", "p.m.x_gone__mutmut_1": "why gone"}
    survivors = {"p.m.x_f__mutmut_1", "p.m.x_f__mutmut_2", "p.m.x_f__mutmut_3",
                 "p.m.x_g__mutmut_1"}
    result = load_script().rematch(before, after, explained, survivors)
    assert result.kept == {"p.m.x_g__mutmut_1": "why g"}
    assert result.moved == {"p.m.x_f__mutmut_2": "why divide",
                            "p.m.x_f__mutmut_3": "why default"}
    # the name that now makes another change is not vouched for by its old explanation
    assert result.unexplained == ["p.m.x_f__mutmut_1"]
    assert result.dropped == ["p.m.x_gone__mutmut_1"]


def test_a_change_is_matched_only_within_its_own_function_and_killed_ones_are_dropped() -> None:
    before = {"p.m.x_f__mutmut_1": DIVIDE, "p.m.x_f__mutmut_2": DEFAULT}
    after = {"p.m.x_f__mutmut_1": DIVIDE, "p.m.x_f__mutmut_2": DEFAULT,
             "p.m.x_h__mutmut_1": DIVIDE}
    explained = {"p.m.x_f__mutmut_1": "why divide", "p.m.x_f__mutmut_2": "why default"}
    # f's divide mutant is killed now (a test was added); h makes the same change
    result = load_script().rematch(before, after, explained,
                                   {"p.m.x_f__mutmut_2", "p.m.x_h__mutmut_1"})
    assert result.kept == {"p.m.x_f__mutmut_2": "why default"}
    assert result.moved == {}
    assert result.unexplained == ["p.m.x_h__mutmut_1"]
    assert result.dropped == ["p.m.x_f__mutmut_1"]


def test_files_are_written_per_module_keeping_their_comments(tmp_path: Path) -> None:
    folder = tmp_path / "explained"
    (folder / "pkg").mkdir(parents=True)
    (folder / "pkg" / "a.yaml").write_text("# about a\npkg.a.x_f__mutmut_1: old\n")
    (folder / "pkg" / "b.yaml").write_text("# about b\npkg.b.x_g__mutmut_1: gone\n")
    entries = {"pkg.a.x_f__mutmut_2": "moved here", "pkg.c.x_h__mutmut_1": "new module"}
    touched = load_script().write_explained(folder, "pkg", entries)
    assert sorted(p.name for p in touched) == ["a.yaml", "b.yaml", "c.yaml"]
    a_text = (folder / "pkg" / "a.yaml").read_text()
    assert a_text.startswith("# about a\n")
    assert yaml.safe_load(a_text) == {"pkg.a.x_f__mutmut_2": "moved here"}
    assert not (folder / "pkg" / "b.yaml").exists()
    c_text = (folder / "pkg" / "c.yaml").read_text()
    assert c_text.startswith("# Surviving mutants of pkg/c.py")
    assert yaml.safe_load(c_text) == {"pkg.c.x_h__mutmut_1": "new module"}


def test_a_package_with_one_file_keeps_one_file(tmp_path: Path) -> None:
    (tmp_path / "pkg.yaml").write_text("# all of pkg\npkg.a.x_f__mutmut_1: why\n")
    load_script().write_explained(tmp_path, "pkg", {"pkg.a.x_f__mutmut_3": "why",
                                                    "pkg.b.x_g__mutmut_1": "other"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg.yaml"]
    text = (tmp_path / "pkg.yaml").read_text()
    assert text.startswith("# all of pkg\n")
    assert yaml.safe_load(text) == {"pkg.a.x_f__mutmut_3": "why", "pkg.b.x_g__mutmut_1": "other"}
