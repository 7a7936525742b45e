"""Shared fixtures: real site builds in temporary directories."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = (
    "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
    "use-connectors-to-configure-mail-flow.md"
)


@dataclass(frozen=True)
class Build:
    site: Path
    log: str
    port: int  # the loopback port its site_url names (Material's instant navigation needs it)

    def page(self, src_path: str) -> str:
        """The built HTML of the page made from docs/`src_path`."""
        stem = src_path.removesuffix(".md")
        target = self.site / "index.html" if stem == "index" else self.site / stem / "index.html"
        return target.read_text(encoding="utf-8")


def copy_project(destination: Path) -> Path:
    """The parts of the project a site build reads, copied so a test can add files."""
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, destination / name)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    for built in ("node_modules", "build"):  # the checker's runtime, made by `make`
        (destination / built).symlink_to(ROOT / built)
    return destination


def run_mkdocs_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "-d", str(site), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def config_for_port(directory: Path, port: int) -> Path:
    """mkdocs.yml with site_url on `port`: Material matches instant links by host *and* port."""
    config = directory / "mkdocs-test.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"site_url: http://127.0.0.1:{port}/\n"
    )
    return config


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own site, built with --strict (any warning fails the build)."""
    site = tmp_path_factory.mktemp("site")
    port = free_loopback_port()
    config = config_for_port(tmp_path_factory.mktemp("config"), port)
    result = run_mkdocs_build(ROOT, site, "--strict", "-f", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    return Build(site, result.stdout + result.stderr, port)
