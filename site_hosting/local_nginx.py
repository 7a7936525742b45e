"""Debian's nginx, in the foreground on a loopback port, running an archive's nginx.conf.sample.

Used by the hosting tests and the checker benchmark, so both measure the configuration an
intranet admin deploys. Only what a local run must change is changed: the port, the unpack
path, and the files a foreground nginx needs (pid, logs, temp dirs). When Debian's brotli
module (libnginx-mod-http-brotli-static) is installed, it is loaded and the sample's
`brotli_static` line switched on, as the hosting guide tells admins to do.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["BROTLI_MODULE", "free_loopback_port", "nginx_binary", "serve_archive"]

BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SAMPLE_ROOT = "/srv/exchange-docs"
SAMPLE_BROTLI = "# brotli_static on;"


def nginx_binary() -> Path | None:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return Path(found) if Path(found).exists() else None


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def local_server_conf(sample: str, unpacked: Path, port: int, extra: str = "") -> str:
    """The sample's server block, listening on loopback, serving `unpacked`."""
    conf = sample.replace("listen 80;", f"listen 127.0.0.1:{port};")
    conf = conf.replace(SAMPLE_ROOT, str(unpacked))
    if BROTLI_MODULE.exists():
        conf = conf.replace(SAMPLE_BROTLI, SAMPLE_BROTLI.removeprefix("# "))
    if extra:
        head, _, tail = conf.rpartition("}")  # before the server block's closing brace
        conf = f"{head}{extra}\n}}{tail}"
    return conf


@contextmanager
def serve_archive(unpacked: Path, tmp: Path, extra: str = "") -> Iterator[str]:
    """Serve the unpacked archive (its folder holding site/ and nginx.conf.sample).

    `extra` is added inside the server block (the benchmark's stock Pyodide location).
    Yields the site's base URL, under the sample's subpath.
    """
    nginx = nginx_binary()
    if nginx is None:
        raise RuntimeError("Debian's nginx is missing: run `make test` (it installs it)")
    port = free_loopback_port()
    sample = (unpacked / "nginx.conf.sample").read_text()
    (tmp / "site.conf").write_text(local_server_conf(sample, unpacked, port, extra))
    temp_paths = " ".join(
        f"{kind}_temp_path {tmp}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    load = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    (tmp / "nginx.conf").write_text(
        f"{load}worker_processes 1; daemon off; user root; pid {tmp}/nginx.pid;\n"
        f"error_log {tmp}/error.log warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{ access_log off; sendfile on; {temp_paths} include {tmp}/site.conf; }}\n"
    )
    process = subprocess.Popen([str(nginx), "-c", str(tmp / "nginx.conf")])
    try:
        _wait_for(port, process, tmp / "error.log")
        yield f"http://127.0.0.1:{port}{_subpath(sample)}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _subpath(sample: str) -> str:
    for line in sample.splitlines():
        words = line.split()
        if words[:1] == ["location"] and len(words) > 1 and words[1].startswith("/"):
            return words[1]
    return "/"


def _wait_for(port: int, process: subprocess.Popen[bytes], error_log: Path) -> None:
    for _ in range(200):
        if process.poll() is not None:
            log = error_log.read_text() if error_log.exists() else ""
            raise RuntimeError(f"nginx exited ({process.returncode}): {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port}")
