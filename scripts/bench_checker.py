#!/usr/bin/env python3
"""Benchmark: the checker's first verdict against a stock Pyodide boot, in one run.

    .venv/bin/python scripts/bench_checker.py [--rounds 5]      (after `make build`)

Serves, on loopback, the built site (site/) and a minimal page that boots the unmodified
files of the npm package `pyodide` (node_modules/pyodide), then drives Debian's Chromium:

- stock boot: navigation start -> `loadPyodide()` resolved and `runPython` answered;
- our checker: navigation start to a shared /checker/?... URL -> `data-verdict` set;
- each cold (new browser context, empty cache) and warm (reload, HTTP cache);
- bytes on the wire for each, and the time from an answer change to the new verdict.

Prints medians and the ratios measured in this run (machines here are noisy).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SHARED_QUERY = "service=exchange-online&servers=exchange-2010-or-later&hybrid=no&partners=yes"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STOCK_PAGE = """<!doctype html><meta charset="utf-8"><title>stock</title>
<script type="module">
import { loadPyodide } from "./pyodide.mjs";
const pyodide = await loadPyodide();
pyodide.runPython("1 + 1");
window.__ready = performance.now();
</script>"""
# Records when the checker's result first carries a verdict (ms since navigation start).
VERDICT_WATCH = """
new MutationObserver((_, observer) => {
  const result = document.querySelector(".cc-result[data-verdict]:not([data-verdict=''])");
  if (result && window.__ready === undefined) { window.__ready = performance.now(); }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-verdict"],
                      childList: true});
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
    }

    def end_headers(self) -> None:
        # Same caching for the stock page and ours, as a web server would send for assets.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


NGINX_CONF = """
worker_processes 1;
daemon off;
user root;  # a loopback fixture reading the benchmark's private temp dir
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  types {{ text/javascript mjs; }}
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  sendfile on;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    add_header Cache-Control "max-age=3600";
  }}
}}
"""


def serve_with_nginx(root: Path, tmp: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """Real nginx in the foreground on a free loopback port (sendfile: little CPU)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port, root=root))
    process = subprocess.Popen([NGINX, "-c", str(conf)])
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return f"http://127.0.0.1:{port}/", process


def serve(root: Path) -> str:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def prepare(tmp: Path) -> Path:
    site = ROOT / "site"
    if not (site / "assets" / "checker" / "checker.json").is_file():
        sys.exit("error: site/ has no checker: run `make build` first")
    root = tmp / "root"
    shutil.copytree(site, root)
    stock = root / "__stock__"
    stock.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json",
                 "python_stdlib.zip"):
        shutil.copy2(PYODIDE / name, stock / name)
    (stock / "index.html").write_text(STOCK_PAGE)
    return root


def wire_bytes(requests: list[Request]) -> int:
    """Bytes received (headers + body as sent) for the requests a page load made."""
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    return total


def timed_load(page: Page, url: str, transferred: list[Request], reload: bool = False) -> float:
    transferred.clear()
    if reload:
        page.reload(wait_until="commit")
    else:
        page.goto(url, wait_until="commit")
    page.wait_for_function("window.__ready !== undefined", timeout=120_000)
    return float(page.evaluate("window.__ready"))


def measure(playwright: Playwright, url: str, rounds: int) -> dict[str, list[float]]:
    """Cold: a new browser profile (empty disk cache); warm: a reload in that profile.

    A persistent profile, as a reader's browser has: Playwright's throwaway contexts keep
    their cache in memory and do not keep a 9.6 MB wasm file, which would make "warm"
    runs cold again.
    """
    runs: dict[str, list[float]] = {"cold": [], "warm": [], "cold_bytes": [], "warm_bytes": []}
    stage_runs: list[dict[str, float]] = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context.add_init_script(VERDICT_WATCH)
            transferred: list[Request] = []
            page = context.pages[0] if context.pages else context.new_page()
            # only collect in the handler: calling the sync API inside it would deadlock
            def collect(request: Request, into: list[Request] = transferred) -> None:
                into.append(request)  # a plain function: Playwright cannot wrap a builtin

            page.on("requestfinished", collect)
            runs["cold"].append(timed_load(page, url, transferred))
            page.wait_for_timeout(300)  # let late requests finish before counting
            runs["cold_bytes"].append(wire_bytes(transferred))
            stages = page.evaluate("window.__connectorChecker?.bootStages ?? null")
            if stages:
                stage_runs.append(stages)
            runs["warm"].append(timed_load(page, url, transferred, reload=True))
            page.wait_for_timeout(300)
            runs["warm_bytes"].append(wire_bytes(transferred))
            context.close()
    for name in stage_runs[0] if stage_runs else []:
        runs[f"stage {name}"] = [stages[name] for stages in stage_runs]
    return runs


def answer_change_ms(browser: Browser, url: str, changes: int = 20) -> list[float]:
    """Milliseconds from a changed answer to the new verdict on screen (engine booted)."""
    page = browser.new_context().new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".cc-result[data-verdict='required']", timeout=120_000)
    # With partners=yes: hybrid=yes -> "optional" (partner connectors only), no -> "required".
    return list(page.evaluate("""async (changes) => {
      const result = document.querySelector(".cc-result");
      const times = [];
      for (let i = 0; i < changes; i++) {
        const [value, expected] = i % 2 ? ["no", "required"] : ["yes", "optional"];
        const input = document.querySelector(`[data-question=hybrid] input[value=${value}]`);
        const done = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (result.dataset.verdict === expected) { observer.disconnect(); resolve(); }
          });
          observer.observe(result, {attributes: true, attributeFilter: ["data-verdict"]});
        });
        const started = performance.now();
        input.checked = true;
        input.dispatchEvent(new Event("change", {bubbles: true}));
        await done;
        times.push(performance.now() - started);
      }
      return times;
    }""", changes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--server", choices=["nginx", "python"], default="nginx",
                        help="nginx (Debian's, as an intranet would host it; default) or "
                             "Python's http.server (CPU-hungry: it competes with the browser)")
    args = parser.parse_args()
    median: Callable[[list[float]], float] = statistics.median
    with tempfile.TemporaryDirectory() as tmp:
        root = prepare(Path(tmp))
        nginx = None
        if args.server == "nginx":
            base, nginx = serve_with_nginx(root, Path(tmp))
        else:
            base = serve(root)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 args=CHROMIUM_ARGS)
            stock = measure(playwright, base + "__stock__/", args.rounds)
            ours = measure(playwright, f"{base}checker/?{SHARED_QUERY}", args.rounds)
            changes = answer_change_ms(browser, f"{base}checker/?{SHARED_QUERY}")
            browser.close()
        if nginx is not None:
            nginx.terminate()
            nginx.wait()
    print(f"Chromium, loopback ({args.server}), median of {args.rounds} rounds")
    for name, runs in (("stock Pyodide boot", stock), ("our first verdict", ours)):
        print(f"{name:22s} cold {median(runs['cold']):7.0f} ms  warm {median(runs['warm']):7.0f} ms"
              f"  bytes cold {median(runs['cold_bytes']) / 1e6:5.2f} MB"
              f"  warm {median(runs['warm_bytes']) / 1e6:5.2f} MB")
    stages = [k for k in ours if k.startswith("stage ")]
    if stages:
        print("our cold boot in the worker (ms after it started, median): " + ", ".join(
            f"{k.removeprefix('stage ')} {median(ours[k]):.0f}" for k in stages))
    cold_ratio = median(ours["cold"]) / median(stock["cold"])
    print(f"ratio ours/stock, cold: {cold_ratio:5.2f}  (target <= 0.5)")
    print(f"ratio ours/stock, warm: {median(ours['warm']) / median(stock['warm']):5.2f}")
    print(f"answer change -> new verdict: median {median(changes):.1f} ms, "
          f"max {max(changes):.1f} ms over {len(changes)} changes (target < 50 ms)")


if __name__ == "__main__":
    main()
