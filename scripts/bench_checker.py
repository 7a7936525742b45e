#!/usr/bin/env python3
"""Benchmark: the checker's first verdict against a stock Pyodide boot, in one run.

    .venv/bin/python scripts/bench_checker.py [--rounds 5]      (after `make dist`)

Serves, on loopback, the intranet archive (dist/*.tar.gz) with Debian's nginx running the
archive's own nginx.conf.sample (gzip/brotli copies, caching, CSP), plus a minimal page that
boots the unmodified files of the npm package `pyodide` (node_modules/pyodide, with the
same precompressed copies), then drives Debian's Chromium:

- stock boot: navigation start -> `loadPyodide()` resolved and `runPython` answered;
- our checker: navigation start to a shared /checker/?... URL -> `data-verdict` set;
- each cold (new browser profile, empty cache) and warm (reload, HTTP cache);
- bytes on the wire for each; for a first visit to the article (to its inline verdict)
  and for a second page view after it (the checker page, a full load);
- our worker alone: a minimal page with only the checker's <meta> and engine-boot.js
  (added to the unpacked archive, same CSP), to show what the Material page around the
  checker costs;
- the same for the site built with the checker's opt-in memory snapshot
  (CHECKER_MEMORY_SNAPSHOT=true), served beside it;
- the time from an answer change to the new verdict.

Each round loads every variant once, in turn, so a slow spell of the machine hits them
alike. Prints medians, the cold range, and the ratios measured in this run (machines
here are noisy).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Playwright, Request, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_hosting.local_chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from site_hosting.local_nginx import BROTLI_MODULE, serve_archive  # noqa: E402
from site_hosting.precompressed import precompress  # noqa: E402

PYODIDE = ROOT / "node_modules" / "pyodide"
ARTICLE = ("mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
           "use-connectors-to-configure-mail-flow/")
SHARED_QUERY = "service=exchange-online&servers=exchange-2010-or-later&hybrid=no&partners=yes"
STOCK_PAGE = """<!doctype html><meta charset="utf-8"><title>stock</title>
<script type="module">
import { loadPyodide } from "./pyodide.mjs";
const pyodide = await loadPyodide();
pyodide.runPython("1 + 1");
window.__ready = performance.now();
document.documentElement.dataset.ready = "";
</script>"""
# Records when the checker's result first carries a verdict (ms since navigation start).
VERDICT_WATCH = """
new MutationObserver((_, observer) => {
  const result = document.querySelector(".cc-result[data-verdict]:not([data-verdict=''])");
  if (result && window.__ready === undefined) {
    window.__ready = performance.now();
    document.documentElement.dataset.ready = "";
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-verdict"],
                      childList: true});
"""


def progress(what: str) -> None:
    print(f"... {what}", file=sys.stderr, flush=True)


def stock_location(tmp: Path) -> str:
    """An nginx location serving the stock page and the npm package's unmodified files."""
    stock = tmp / "stock"
    stock.mkdir()
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json",
                 "python_stdlib.zip"):
        shutil.copy2(PYODIDE / name, stock / name)
    (stock / "index.html").write_text(STOCK_PAGE)
    return static_location("/__stock__/", stock)


# Our worker with nothing else on the page: what the checker costs without Material's page
# around it (same archive, same CSP; the page adopts the worker engine-boot.js started).
BARE_SCRIPT = """const early = window.__connectorCheckerEarly;
const result = document.querySelector(".cc-result");
const answers = Object.fromEntries(new URLSearchParams(location.search));
function handle(data) {
  if (data.type === "ready") early.worker.postMessage({ type: "decide", id: 1, answers });
  else if (data.type === "result") result.dataset.verdict = data.result.verdict;
}
early.messages.forEach(handle);
early.messages = null;
early.worker.addEventListener("message", ({ data }) => handle(data));
"""


def add_bare_worker_page(site: Path) -> str:
    """site/__bare__/: the checker page's <meta> and engine-boot.js, and no Material page."""
    checker_html = (site / "checker" / "index.html").read_text()
    start = checker_html.index('<meta name="connector-checker"')
    end = checker_html.index("</script>", start) + len("</script>")
    bare = site / "__bare__"
    bare.mkdir()
    (bare / "bare.js").write_text(BARE_SCRIPT)
    (bare / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>worker only</title>\n'
        f'{checker_html[start:end]}\n</head><body><div class="cc-result"></div>\n'
        '<script type="module" src="bare.js"></script></body></html>\n')
    return "__bare__/"


def snapshot_variant_location(tmp: Path) -> str:
    """The same site built with the opt-in memory snapshot, served at /snapshot-variant/."""
    site = tmp / "snapshot-variant"
    env = {**os.environ, "CHECKER_MEMORY_SNAPSHOT": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)
    return static_location("/snapshot-variant/", site)


def static_location(url_path: str, directory: Path) -> str:
    """`directory`, precompressed like the archive, served at `url_path` with the same
    compression and caching as the archive's versioned assets (no CSP: timing only)."""
    precompress(directory, cache=ROOT / "build" / "precompressed")
    brotli = "brotli_static on;" if BROTLI_MODULE.exists() else ""
    return (f"    location {url_path} {{ alias {directory}/; gzip_static on; {brotli}\n"
            '        add_header Cache-Control "public, max-age=31536000, immutable"; }')


def unpack_archive(tmp: Path) -> Path:
    archives = sorted((ROOT / "dist").glob("*.tar.gz"))
    if not archives:
        sys.exit("error: no dist/*.tar.gz: run `make dist` first")
    with tarfile.open(archives[-1]) as tar:
        tar.extractall(tmp / "unpacked", filter="data")
    (top,) = (tmp / "unpacked").iterdir()
    return top


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
    # a selector, not wait_for_function: the site's CSP forbids the eval() that one needs
    page.wait_for_selector("html[data-ready]", state="attached", timeout=120_000)
    return float(page.evaluate("window.__ready"))


def measure(playwright: Playwright, url: str, rounds: int,
            second_view: str | None = None) -> dict[str, list[float]]:
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
                profile, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
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
            if second_view:
                transferred.clear()
                page.goto(second_view, wait_until="load")
                page.wait_for_timeout(300)
                runs.setdefault("second_bytes", []).append(wire_bytes(transferred))
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
    args = parser.parse_args()
    median: Callable[[list[float]], float] = statistics.median
    with tempfile.TemporaryDirectory() as tmp:
        unpacked = unpack_archive(Path(tmp))
        bare_page = add_bare_worker_page(unpacked / "site")
        progress("building the memory-snapshot variant of the site")
        extra = stock_location(Path(tmp)) + "\n" + snapshot_variant_location(Path(tmp))
        with serve_archive(unpacked, Path(tmp), extra) as base, sync_playwright() as playwright:
            root = base.removesuffix(urlsplit(base).path) + "/"
            # One cold+warm load of each variant per round, in turn: a slow spell of this
            # noisy machine then hits every variant alike, not all rounds of one.
            loads = {
                "stock": (root + "__stock__/", None),
                "ours": (f"{base}checker/?{SHARED_QUERY}", None),
                "bare": (f"{base}{bare_page}?{SHARED_QUERY}", None),
                "snapshot": (f"{root}snapshot-variant/checker/?{SHARED_QUERY}", None),
                "article": (f"{base}{ARTICLE}?{SHARED_QUERY}", f"{base}checker/"),
            }
            results: dict[str, dict[str, list[float]]] = {name: {} for name in loads}
            for round_number in range(1, args.rounds + 1):
                progress(f"round {round_number} of {args.rounds}: " + ", ".join(loads))
                for name, (url, second_view) in loads.items():
                    for key, values in measure(playwright, url, 1, second_view).items():
                        results[name].setdefault(key, []).extend(values)
            stock, ours, bare, snapshot, article = (results[name] for name in loads)
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=CHROMIUM_ARGS)
            progress("answer changes")
            changes = answer_change_ms(browser, f"{base}checker/?{SHARED_QUERY}")
            browser.close()
    brotli = "gzip + brotli" if BROTLI_MODULE.exists() else "gzip"
    print(f"Chromium, loopback, the archive's nginx sample ({brotli}), median of "
          f"{args.rounds} rounds")
    for name, runs in (("stock Pyodide boot", stock), ("our first verdict", ours),
                       ("with memory_snapshot", snapshot)):
        print(f"{name:22s} cold {median(runs['cold']):7.0f} ms  warm {median(runs['warm']):7.0f} ms"
              f"  bytes cold {median(runs['cold_bytes']) / 1e6:5.2f} MB"
              f"  warm {median(runs['warm_bytes']) / 1e6:5.2f} MB"
              f"  (cold {min(runs['cold']):.0f}-{max(runs['cold']):.0f} ms)")
    stages = [k for k in ours if k.startswith("stage ")]
    if stages:
        print("our cold boot in the worker (ms after it started, median): " + ", ".join(
            f"{k.removeprefix('stage ')} {median(ours[k]):.0f}" for k in stages))
    print(f"article, first visit to its verdict: {median(article['cold_bytes']) / 1e6:.2f} MB "
          f"(target <= 4 MB); second page view: {median(article['second_bytes']) / 1e3:.0f} KB "
          "(target < 100 KB)")
    cold_ratio = median(ours["cold"]) / median(stock["cold"])
    # the stock boot and ours are timed one after the other in each round: the ratio per
    # round shows the spread
    rounds = [o / s for o, s in zip(ours["cold"], stock["cold"], strict=True)]
    print(f"ratio ours/stock, cold: {cold_ratio:5.2f}  (target <= 0.5; rounds "
          f"{min(rounds):.2f}-{max(rounds):.2f})")
    print(f"ratio ours/stock, warm: {median(ours['warm']) / median(stock['warm']):5.2f}")
    print(f"our worker alone on a minimal page (no Material): cold {median(bare['cold']):.0f} ms, "
          f"ratio {median(bare['cold']) / median(stock['cold']):5.2f}")
    snapshot_cold = median(snapshot["cold"]) / median(stock["cold"])
    snapshot_warm = median(snapshot["warm"]) / median(stock["warm"])
    print(f"with memory_snapshot (opt-in): cold {snapshot_cold:5.2f}, warm {snapshot_warm:5.2f}, "
          f"first visit {median(snapshot['cold_bytes']) / 1e6:.2f} MB")
    print(f"answer change -> new verdict: median {median(changes):.1f} ms, "
          f"max {max(changes):.1f} ms over {len(changes)} changes (target < 50 ms)")


if __name__ == "__main__":
    main()
