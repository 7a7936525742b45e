"""Fixtures for the decision-engine tests.

The session starts by running the real compiler (`scripts/compile_model.py`) into a
temporary file, and checks that `engine/model.json` (which `make test` builds before the
tests, and the CLI tests read) is what it makes from data/ now.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from engine import Model, load_model

ROOT = Path(__file__).resolve().parents[2]
COMPILER = ROOT / "scripts" / "compile_model.py"


# What the compiler made from data/, once per process: mutmut forks each mutant's test
# session from a process that has already compiled and checked it (with no mutant active).
_COMPILED: dict[str, Any] = {}


@pytest.fixture(scope="session", autouse=True)
def compiled_model(tmp_path_factory: pytest.TempPathFactory, compiler: ModuleType) -> Path:
    """Compile data/*.yaml into a temporary folder and check that engine/model.json and
    engine/plan.json (made by `make`, read by the CLI tests) are those files: the tests
    never write into the work tree. The compiler runs in this process (its own command
    line has tests in test_engine_verify.py), once per process."""
    packaged = ROOT / "engine" / "model.json"
    if not _COMPILED:
        fresh = tmp_path_factory.mktemp("model") / "model.json"
        problems = compiler.compile_model(ROOT / "data", fresh, compiler.DEFAULT_ARTICLE)
        if problems:
            pytest.fail("compile_model.py failed:\n" + "\n".join(problems))
        for name in ("model.json", "plan.json"):
            built = ROOT / "engine" / name
            if not built.is_file() or built.read_bytes() != fresh.with_name(name).read_bytes():
                pytest.fail(f"engine/{name} is missing or not what data/*.yaml compiles to: "
                            "run `make test` (or python scripts/compile_model.py)")
        raw = json.loads(fresh.read_text("utf-8"))
        raw["plan"] = json.loads(fresh.with_name("plan.json").read_text("utf-8"))
        _COMPILED["raw"] = raw
    return packaged


@pytest.fixture(scope="session")
def compiler() -> ModuleType:
    """`scripts/compile_model.py` imported as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("compile_model", COMPILER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pristine_raw_model(compiled_model: Path) -> dict[str, Any]:
    """The raw model read from data/*.yaml (what the compiler wrote: the same dict)."""
    raw: dict[str, Any] = _COMPILED["raw"]
    return raw


@pytest.fixture
def raw_model(pristine_raw_model: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of the raw model from data/, free to break in a test."""
    return copy.deepcopy(pristine_raw_model)


@pytest.fixture(scope="session")
def model(pristine_raw_model: dict[str, Any]) -> Model:
    return load_model(pristine_raw_model)


@pytest.fixture(scope="session")
def article_anchors(compiler: ModuleType) -> set[str]:
    """The legacy anchors of the article source in docs/."""
    anchors: set[str] = compiler.article_anchors(compiler.DEFAULT_ARTICLE)
    return anchors


@dataclass(frozen=True)
class CliRun:
    """What `connector-check` did: its exit status and what it wrote."""

    returncode: int
    stdout: str
    stderr: str


class _Terminal(io.StringIO):
    """Typed-in lines that say they come from a terminal (the CLI then asks)."""

    def isatty(self) -> bool:
        return True


CliRunner = Callable[..., CliRun]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """Run the CLI in this process (`engine.cli.main(argv)`), as `connector-check ARGS`:
    `answers` become --answer options; `typed` is what a user types on a terminal (None:
    stdin is not a terminal, so nothing is asked). The real entry points (`python -m
    engine`, the installed script, a pty) keep their own subprocess tests."""
    from engine.cli import main

    def run(*args: str, answers: Sequence[str] = (), typed: str | None = None) -> CliRun:
        argv = [*args]
        for answer in answers:
            argv += ["--answer", answer]
        stdin = io.StringIO("") if typed is None else _Terminal(typed)
        monkeypatch.setattr(sys, "stdin", stdin)
        capsys.readouterr()
        try:
            returncode = main(argv)
        except SystemExit as exit_:  # argparse's own usage errors
            returncode = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return CliRun(returncode, captured.out, captured.err)

    return run
