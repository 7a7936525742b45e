"""Shared fixtures: real site builds in temporary directories."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
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
    """Debian's nginx running the archive's own nginx.conf.sample on a loopback port.

    Only what a test must change is changed: the port, the unpack path, and the files a
    foreground nginx needs (pid, logs, temp dirs). Yields the site's URL (a subpath).
    """
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("Debian's nginx is missing: run `make test` (it installs it)")
    tmp = tmp_path_factory.mktemp("nginx")
    port = free_loopback_port()
    sample = (dist_archive.unpacked / "nginx.conf.sample").read_text()
    server = (
        sample.replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("/srv/exchange-docs", str(dist_archive.unpacked))
    )
    (tmp / "site.conf").write_text(server)
    temp_paths = " ".join(
        f"{kind}_temp_path {tmp}/{kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                      "uwsgi", "scgi")
    )
    (tmp / "nginx.conf").write_text(
        f"worker_processes 1; daemon off; user root; pid {tmp}/nginx.pid;\n"
        f"error_log {tmp}/error.log warn;\nevents {{ worker_connections 64; }}\n"
        f"http {{ access_log off; {temp_paths} include {tmp}/site.conf; }}\n"
    )
    process = subprocess.Popen([nginx, "-c", str(tmp / "nginx.conf")])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/docs/exchange/"
    process.terminate()
    process.wait(timeout=10)
