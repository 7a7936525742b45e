#!/usr/bin/env python3
"""Build the decision engine's wheel with setuptools, from a fresh copy of engine/.

    python scripts/build_engine_wheel.py OUT_DIR

The engine is a distribution of its own, declared in `packaging/engine/pyproject.toml`
(`connector-engine`: the `engine` package with its compiled `model.json`, and the
`connector-check` command). This script lays that project out in a new temporary folder
(the pyproject.toml, LICENSE, and `engine/` holding every `engine/*.py` plus
`engine/model.json`) and runs `python -m build --wheel --no-isolation` on it, which needs no
network: setuptools comes from the environment running this script (`requirements.txt`).

Why a fresh copy rather than pointing setuptools at ../../engine: setuptools builds in a
`build/lib` folder beside the pyproject.toml and keeps it between runs, so a module deleted
from engine/ would still be in the next wheel; a new folder holds exactly today's files.

`SOURCE_DATE_EPOCH` (2020-01-01 unless the environment sets it) fixes the timestamps in the
zip, so the same engine gives the same bytes, and the same SHA-256 in the checker's lock file.
The wheel is what `pip install` takes anywhere; `make` then byte-compiles it for Pyodide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "packaging" / "engine"
ENGINE = ROOT / "engine"
WHEEL_NAME = "connector_engine-0.1.0-py3-none-any.whl"
DEFAULT_SOURCE_DATE_EPOCH = "1577836800"  # 2020-01-01T00:00:00Z


def engine_files() -> list[Path]:
    """Every engine/*.py and the compiled model and plan recipes; exits naming a missing one."""
    compiled = [ENGINE / "model.json", ENGINE / "plan.json"]
    for path in compiled:
        if not path.is_file():
            sys.exit(f"error: {path} is missing: run `make build` (it compiles data/ first)")
    return [*sorted(ENGINE.glob("*.py")), *compiled]


def stage_project(stage: Path) -> None:
    """The engine's project as setuptools reads it: pyproject.toml, LICENSE, engine/."""
    shutil.copy2(PROJECT / "pyproject.toml", stage / "pyproject.toml")
    shutil.copy2(ROOT / "LICENSE", stage / "LICENSE")
    (stage / "engine").mkdir()
    for source in engine_files():
        shutil.copy2(source, stage / "engine" / source.name)


def build_wheel(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ}
    env.setdefault("SOURCE_DATE_EPOCH", DEFAULT_SOURCE_DATE_EPOCH)
    with tempfile.TemporaryDirectory(prefix="connector-engine-") as folder:
        stage = Path(folder)
        stage_project(stage)
        command = [sys.executable, "-m", "build", "--wheel", "--no-isolation",
                   "--outdir", str(out_dir.resolve()), str(stage)]
        run = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"error: `{' '.join(command[1:])}` failed:\n{run.stdout}{run.stderr}")
    wheel = out_dir / WHEEL_NAME
    if not wheel.is_file():
        sys.exit(f"error: the build did not write {WHEEL_NAME}:\n{run.stdout}")
    return wheel


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: build_engine_wheel.py OUT_DIR")
    wheel = build_wheel(Path(sys.argv[1]))
    print(f"built {wheel.relative_to(ROOT) if wheel.is_relative_to(ROOT) else wheel} "
          f"({wheel.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
