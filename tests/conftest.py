"""Shared fixtures: real site builds in temporary directories, and a check that the tests
left the work tree as they found it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_hosting.local_nginx import free_loopback_port, nginx_binary, serve_archive

ROOT = Path(__file__).resolve().parent.parent
# Made by `make` (ignored by git) and read by the tests, which must never rewrite them.
# (build/mutation/ is scripts/mutation.py's, which may run beside the tests.)
BUILD_OUTPUTS = ("engine/model.json", "engine/plan.json", "build/checker", "build/wheel-source",
                 "site", "dist")
SEED_ARTICLE = (
    "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
    "use-connectors-to-configure-mail-flow.md"
)


def work_tree_state(root: Path = ROOT) -> dict[str, str]:
    """`git status` (tracked changes and untracked files, ignored ones aside) and the
    modification time and size of every file `make` builds there."""
    state: dict[str, str] = {}
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root,
                         capture_output=True, text=True, check=False).stdout.strip()
    # (a copy of the tree that is not a git work tree of its own: scripts/mutation.py's)
    if top and Path(top).resolve() == root.resolve():
        status = subprocess.run(
            ["git", "status", "--porcelain=v1", "--untracked-files=all"],
            cwd=root, capture_output=True, text=True, check=True,
        )
        state.update({line[3:]: line[:2] for line in status.stdout.splitlines()})
    for name in BUILD_OUTPUTS:
        path = root / name
        files = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for file in (f for f in files if f.is_file()):
            stat = file.stat()
            state[file.relative_to(root).as_posix()] = f"{stat.st_mtime_ns} {stat.st_size}"
    return state


@pytest.fixture(scope="session", autouse=True)
def work_tree_left_as_found() -> Iterator[None]:
    """Tests write only into temporary directories: after the session, `git status` and the
    files `make` built (BUILD_OUTPUTS) are as before, else the
    last test errors at teardown naming what changed."""
    before = work_tree_state()
    yield
    after = work_tree_state()
    changed = sorted(name for name in before.keys() | after.keys()
                     if before.get(name) != after.get(name))
    assert changed == [], f"the tests changed the work tree: {changed[:20]}"


# Markers by what a test needs (declared in pyproject.toml), so that `make test-fast`
# (-m "not browser and not slow") runs everything else, in seconds:
# - browser: every test under tests/browser/ drives Debian's Chromium;
# - slow: every test under tests/site/ builds a real site in a temporary directory, and
#   so does any test using one of these session fixtures (the site, its archive, nginx).
BROWSER_TESTS = ROOT / "tests" / "browser"
SITE_BUILD_TESTS = ROOT / "tests" / "site"
SITE_BUILD_FIXTURES = frozenset({"built_site", "dist_archive", "archive_server", "site_url"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folders = Path(item.path).parents
        if BROWSER_TESTS in folders:
            item.add_marker(pytest.mark.browser)
        if SITE_BUILD_TESTS in folders or SITE_BUILD_FIXTURES & set(
            getattr(item, "fixturenames", ())
        ):
            item.add_marker(pytest.mark.slow)


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


@dataclass(frozen=True)
class Archive:
    tarball: Path
    zipfile: Path
    unpacked: Path  # the archive's top folder: site/, nginx.conf.sample, HOSTING.md


@pytest.fixture(scope="session")
def dist_archive(built_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """`scripts/make_dist.py` run on the built site, and its tarball unpacked."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_dist.py"), "--site", str(built_site.site),
         "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (tarball,) = out.glob("*.tar.gz")
    (archive_zip,) = out.glob("*.zip")
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as tar:
        tar.extractall(unpacked, filter="data")
    (top,) = unpacked.iterdir()
    return Archive(tarball, archive_zip, top)


@pytest.fixture(scope="session")
def archive_server(
    dist_archive: Archive, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Debian's nginx running the archive's own nginx.conf.sample on a loopback port
    (site_hosting.local_nginx). Yields the site's URL (a subpath)."""
    if nginx_binary() is None:
        pytest.fail("Debian's nginx is missing: run `make test` (it installs it)")
    with serve_archive(dist_archive.unpacked, tmp_path_factory.mktemp("nginx")) as url:
        yield url
