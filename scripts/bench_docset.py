#!/usr/bin/env python3
"""Benchmark at docset scale: our site build against a plain mkdocs-material build.

    .venv/bin/python scripts/bench_docset.py [--sizes 500 3000] [--rounds 2]

For each size, a synthetic docset (`scripts/make_corpus.py`: nested TOC files, includes,
cross-links) is built with this project's mkdocs.yml (the connector checker left out: its
article is not in the docset) and with a plain mkdocs-material configuration (theme
`material`, MkDocs' default search plugin, nothing else), in turn, `--rounds` times each.
Each build runs in its own process; printed per size: the median build time of each and
their ratio, the peak resident memory of each build process (its own, from wait4) and their
ratio, and the size of the built pages' HTML (median and largest). Build time is given as
wall-clock time and as the build process's CPU time (user + system: on a shared machine,
other work inflates it far less than the wall clock). Machines here are noisy: compare the
ratios, measured in this one run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("ours", "plain")
GOALS = "goals at 3,000 articles: time <= 0.25x plain, memory <= 1.5x plain, page <= 100 KB"


@dataclass(frozen=True)
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the build process
    peak_mb: float
    page_kb: list[float]


def build_in_this_process(kind: str, docs: Path, site: Path) -> None:
    """One `mkdocs build` (called in the child process)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if kind == "ours":
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(docs),
                             site_dir=str(site))
        # Plugins are switched off through their option (popping one would leave its
        # handlers registered); the checker's article is not in this docset.
        config.plugins["connector-checker"].config.enabled = False
    else:
        plain = site.parent / "mkdocs-plain.yml"
        plain.write_text(f"site_name: Plain\ndocs_dir: {docs}\nsite_dir: {site}\n"
                         "theme:\n  name: material\n")
        config = load_config(config_file=str(plain))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()


def timed_build(kind: str, docs: Path, site: Path) -> Run:
    """A build in a child process: wall time, the child's own peak RSS, page sizes."""
    if site.exists():
        shutil.rmtree(site)
    command = [sys.executable, __file__, "--build-one", kind, str(docs), str(site)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"the {kind} build failed ({child.returncode})")
    pages = [p.stat().st_size / 1000 for p in site.rglob("index.html")]
    # ru_maxrss is in KB on Linux
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pages)


def prepare_docs(count: int, target: Path) -> Path:
    """The synthetic docset, with our stylesheets and scripts (both builds copy them)."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_corpus.py"), str(count),
                    str(target / "docs")], check=True)
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    # site-hosting finds the npm packages beside docs/, as in the project
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target / "docs"


def measure(count: int, rounds: int, work: Path) -> None:
    docs = prepare_docs(count, work / f"n{count}")
    runs: dict[str, list[Run]] = {kind: [] for kind in KINDS}
    for round_number in range(1, rounds + 1):
        for kind in KINDS:  # in turn: drift on a noisy machine hits both alike
            run = timed_build(kind, docs, work / f"n{count}" / f"site-{kind}")
            runs[kind].append(run)
            print(f"  {count} articles, round {round_number}/{rounds}, {kind:5}: "
                  f"{run.seconds:7.1f} s (CPU {run.cpu_seconds:7.1f} s), "
                  f"peak {run.peak_mb:6.0f} MB, "
                  f"{len(run.page_kb)} pages", flush=True)
    time_of = {k: statistics.median(r.seconds for r in runs[k]) for k in KINDS}
    cpu_of = {k: statistics.median(r.cpu_seconds for r in runs[k]) for k in KINDS}
    peak_of = {k: max(r.peak_mb for r in runs[k]) for k in KINDS}
    print(f"{count} articles (median of {rounds} rounds, peak memory: the highest):")
    for kind in KINDS:
        pages = runs[kind][-1].page_kb
        print(f"  {kind:5}  build {time_of[kind]:7.1f} s (CPU {cpu_of[kind]:7.1f} s)  peak "
              f"memory {peak_of[kind]:6.0f} MB  page HTML median "
              f"{statistics.median(pages):6.1f} KB, max {max(pages):6.1f} KB")
    print(f"  ratio ours/plain: build time {time_of['ours'] / time_of['plain']:.2f} "
          f"(CPU time {cpu_of['ours'] / cpu_of['plain']:.2f}), "
          f"peak memory {peak_of['ours'] / peak_of['plain']:.2f}", flush=True)


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--build-one":
        build_in_this_process(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 3000])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(GOALS, flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-docset-") as tmp:
        for count in args.sizes:
            measure(count, args.rounds, Path(tmp))


if __name__ == "__main__":
    main()
