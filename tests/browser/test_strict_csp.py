"""The built site under a subpath, served by Debian's nginx with a strict CSP."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext

from ..conftest import SEED_ARTICLE, Build
from .conftest import Traffic

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self'; img-src 'self' data:"
)
SUBPATH = "/docs/exchange/"
NGINX_CONF = """
worker_processes 1;
daemon off;
user root;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  types {{ text/javascript mjs; }}
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    add_header Content-Security-Policy "{csp}" always;
  }}
}}
"""
# Records every CSP violation the page reports.
WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile}`));
"""


@pytest.fixture(scope="module")
def nginx_url(built_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("Debian's nginx is missing: run `make test` (it installs it)")
    tmp = tmp_path_factory.mktemp("nginx")
    root = tmp / "root"
    shutil.copytree(built_site.site, root / SUBPATH.strip("/"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, root=root, csp=CSP))
    process = subprocess.Popen([nginx, "-c", str(conf)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}{SUBPATH}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def csp_watched(
    watched: tuple[BrowserContext, Traffic], nginx_url: str
) -> tuple[BrowserContext, Traffic]:
    context, traffic = watched
    traffic.origin = nginx_url.split(SUBPATH)[0]
    context.add_init_script(WATCH_CSP)
    return context, traffic


def test_pages_under_a_subpath_raise_no_csp_violation(
    built_site: Build, nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = csp_watched
    page = context.new_page()
    pages = sorted(built_site.site.rglob("index.html"))
    for html in pages:
        url = html.parent.relative_to(built_site.site).as_posix().removeprefix(".")
        response = page.goto(nginx_url + (url + "/" if url else ""), wait_until="networkidle")
        assert response is not None and response.ok, url
        assert response.headers["content-security-policy"] == CSP
        assert page.evaluate("window.__violations") == [], url
    assert len(pages) >= 4
    assert traffic.outside() == []


def test_checker_answers_a_shared_url_under_the_strict_csp(
    nginx_url: str, csp_watched: tuple[BrowserContext, Traffic]
) -> None:
    context, traffic = csp_watched
    page = context.new_page()
    article = SEED_ARTICLE.removesuffix(".md") + "/"
    page.goto(f"{nginx_url}{article}?service=eop&servers=other-smtp&partners=no")
    result = page.locator(".cc-result[data-verdict='required']")
    result.wait_for(timeout=60_000)
    assert page.evaluate("window.__violations") == []
    assert traffic.outside() == []
    assert traffic.errors == []
