#!/usr/bin/env python3
"""Benchmark: site build and DocFX translation alone, over N copies of the seed article.

    .venv/bin/python scripts/bench_build.py [--copies 40] [--rounds 3]

Prints milliseconds per article for (a) the translation alone (parse + render, in process),
(b) a full `mkdocs build` of the N-copy site with the translation, and (c) a plain
mkdocs-material build of the same files without it, with the ratios measured in this run.
Machines here are noisy: compare the ratios, not the absolute numbers.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402

from translator import SiteIndex, TranslationSettings, parse_article, render_article  # noqa: E402

ARTICLE = (
    "mail-flow-best-practices/use-connectors-to-configure-mail-flow/"
    "use-connectors-to-configure-mail-flow.md"
)


def make_docs(target: Path, copies: int) -> list[str]:
    """docs/ with the home page, our media and `copies` copies of the article."""
    shutil.copytree(ROOT / "docs", target, ignore=shutil.ignore_patterns("mail-flow-*"))
    data = (ROOT / "docs" / ARTICLE).read_bytes()
    paths = []
    for n in range(copies):
        path = f"copy-{n:03d}/{ARTICLE}"
        (target / path).parent.mkdir(parents=True)
        (target / path).write_bytes(data)
        paths.append(path)
    return paths


def translate_all(docs: Path, paths: list[str]) -> None:
    parsed = [parse_article(p, (docs / p).read_bytes()) for p in paths]
    index = SiteIndex.build([p.page_info() for p in parsed], paths)
    for article in parsed:
        render_article(article, index, TranslationSettings())


def mkdocs_build(docs: Path, site: Path, with_translation: bool) -> None:
    config = load_config(
        config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site)
    )
    # The checker's plugin copies its runtime and is the same for both builds: leave it out.
    # (Plugins are switched off through their `enabled` option: popping one from the
    # collection would leave its event handlers registered.)
    config.plugins["connector-checker"].config.enabled = False
    config.plugins["docfx"].config.enabled = with_translation
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()


def best_of(rounds: int, work: Callable[[], None]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        docs, site = Path(tmp) / "docs", Path(tmp) / "site"
        paths = make_docs(docs, args.copies)
        n = len(paths)
        print(f"{n} copies of {Path(ARTICLE).name}, median of {args.rounds} rounds")
        translation = best_of(args.rounds, lambda: translate_all(docs, paths))
        # One untimed build of each first (imports, template compilation), then the two
        # kinds in turn, so drift on a noisy machine hits both alike.
        mkdocs_build(docs, site, True)
        mkdocs_build(docs, site, False)
        ours_runs, plain_runs = [], []
        for _ in range(args.rounds):
            ours_runs.append(best_of(1, lambda: mkdocs_build(docs, site, True)))
            plain_runs.append(best_of(1, lambda: mkdocs_build(docs, site, False)))
        ours, plain = statistics.median(ours_runs), statistics.median(plain_runs)
    print(f"translation alone:            {translation / n * 1000:8.2f} ms/article")
    print(f"site build with translation:  {ours / n * 1000:8.2f} ms/article")
    print(f"plain mkdocs-material build:  {plain / n * 1000:8.2f} ms/article")
    print(f"ratio translation / our build:    {translation / ours:5.2f}")
    print(f"ratio our build / plain build:    {ours / plain:5.2f}")


if __name__ == "__main__":
    main()
