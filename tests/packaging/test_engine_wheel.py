"""The engine's own wheel, as a user gets it: built the way `make` builds it
(`scripts/build_engine_wheel.py`: setuptools via `python -m build --wheel --no-isolation` on
`packaging/engine/pyproject.toml`), then `pip install`ed into a new venv outside the repo,
where `connector-check` answers as the engine in this tree does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "scripts" / "build_engine_wheel.py"
DIST_INFO = "connector_engine-0.1.0.dist-info/"
CLOUD_WITH_DEVICES = ["service=exchange-online", "servers=none", "devices=yes", "partners=no"]
SERVERS_WITHOUT_HYBRID = [
    "service=exchange-online", "servers=exchange-2010-or-later", "hybrid=no", "partners=no"
]


def makefile_wheel_name() -> str:
    """The name the Makefile, the lock file and the checker expect (WHEEL_NAME)."""
    found = re.search(r"^WHEEL_NAME := (\S+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found, "WHEEL_NAME is no longer set in the Makefile"
    return found.group(1)


def build_wheel(out_dir: Path) -> Path:
    run = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), str(out_dir)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    wheels = list(out_dir.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for name in ("model.json", "plan.json"):
        if not (ROOT / "engine" / name).is_file():
            pytest.fail(f"engine/{name} is missing: run `make checker-assets` (or make build)")
    return build_wheel(tmp_path_factory.mktemp("engine-dist"))


def test_wheel_has_the_name_the_checker_loads(wheel: Path) -> None:
    assert wheel.name == makefile_wheel_name()


def test_wheel_holds_every_engine_module_the_model_and_plan_and_nothing_else(wheel: Path) -> None:
    engine_files = [*sorted((ROOT / "engine").glob("*.py")),
                    ROOT / "engine" / "model.json", ROOT / "engine" / "plan.json"]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        package = {name: archive.read(name) for name in names if not name.startswith(DIST_INFO)}
        entry_points = archive.read(DIST_INFO + "entry_points.txt").decode()
    assert sorted(package) == sorted(f"engine/{path.name}" for path in engine_files)
    for path in engine_files:
        assert package[f"engine/{path.name}"] == path.read_bytes(), path.name
    assert {DIST_INFO + "METADATA", DIST_INFO + "WHEEL", DIST_INFO + "RECORD"} <= set(names)
    assert "connector-check = engine.cli:main" in entry_points.splitlines()


def test_same_engine_gives_the_same_bytes(wheel: Path, tmp_path: Path) -> None:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "1577836800"))  # the script's default
    with zipfile.ZipFile(wheel) as archive:
        stamps = {info.date_time for info in archive.infolist()}
    assert stamps == {time.gmtime(epoch)[:6]}
    again = build_wheel(tmp_path)
    assert again.read_bytes() == wheel.read_bytes()


def clean_env() -> dict[str, str]:
    """The environment without anything that would let the repo's engine be imported."""
    dropped = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    return {key: value for key, value in os.environ.items() if key not in dropped}


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=clean_env(), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, check=False, timeout=120,
    )


def answer_args(answers: list[str]) -> list[str]:
    return [part for answer in answers for part in ("--answer", answer)]


def test_pip_installed_wheel_gives_connector_check_anywhere(wheel: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert not elsewhere.is_relative_to(ROOT)
    venv = tmp_path / "venv"
    # A venv with no pip of its own (ensurepip takes ~10 s here): this environment's pip
    # installs into it with --python, from the wheel file only.
    made = run([sys.executable, "-m", "venv", "--without-pip", str(venv)], elsewhere)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    install = run([sys.executable, "-m", "pip", "--python", str(python), "install",
                   "--no-index", "--no-deps", str(wheel)], elsewhere)
    assert install.returncode == 0, install.stdout + install.stderr

    where = run([str(python), "-c", "import engine; print(engine.__file__)"], elsewhere)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    command = venv / "bin" / "connector-check"
    cloud = run([str(command), *answer_args(CLOUD_WITH_DEVICES), "--json"], elsewhere)
    assert cloud.returncode == 0, cloud.stderr
    result = json.loads(cloud.stdout)
    assert result["verdict"] == "optional"
    assert [c["id"] for c in result["connectors"]] == ["device-to-office-365"]

    servers = run([str(command), *answer_args(SERVERS_WITHOUT_HYBRID), "--json"], elsewhere)
    assert servers.returncode == 0, servers.stderr
    installed = json.loads(servers.stdout)
    assert installed["verdict"] == "required"
    # The same answer, field for field, as the engine in this tree gives.
    here = subprocess.run(
        [sys.executable, "-m", "engine", *answer_args(SERVERS_WITHOUT_HYBRID), "--json"],
        cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=True,
        timeout=60,
    )
    assert installed == json.loads(here.stdout)
