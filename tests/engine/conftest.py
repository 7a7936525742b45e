"""Fixtures for the decision-engine tests.

The session starts by running the real compiler (`scripts/compile_model.py`) into a
temporary file, and checks that `engine/model.json` (which `make test` builds before the
tests, and the CLI tests read) is what it makes from data/ now.
"""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from engine import Model, load_model

ROOT = Path(__file__).resolve().parents[2]
COMPILER = ROOT / "scripts" / "compile_model.py"


@pytest.fixture(scope="session", autouse=True)
def compiled_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Compile data/*.yaml into a temporary folder and check that engine/model.json and
    engine/plan.json (made by `make`, read by the CLI tests) are those files: the tests
    never write into the work tree."""
    fresh = tmp_path_factory.mktemp("model") / "model.json"
    run = subprocess.run(
        [sys.executable, str(COMPILER), "--output", str(fresh)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if run.returncode != 0:
        pytest.fail(f"compile_model.py failed:\n{run.stderr}")
    packaged = ROOT / "engine" / "model.json"
    for name in ("model.json", "plan.json"):
        built = ROOT / "engine" / name
        if not built.is_file() or built.read_bytes() != fresh.with_name(name).read_bytes():
            pytest.fail(f"engine/{name} is missing or not what data/*.yaml compiles to: run "
                        "`make test` (or python scripts/compile_model.py)")
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
def pristine_raw_model(compiler: ModuleType) -> dict[str, Any]:
    raw: dict[str, Any] = compiler.read_raw_model(ROOT / "data")
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
