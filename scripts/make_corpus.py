#!/usr/bin/env python3
"""A synthetic DocFX docset of N articles, for measuring builds at docset scale.

    .venv/bin/python scripts/make_corpus.py N OUTDIR

Made only from this project's own test material: the article bodies of
`tests/fidelity_corpus/` and the inputs of the translator's fixture files
(`tests/translator/fixtures/*.md`), kept when the translator reads them with no warning and
nothing unresolved on their own (a block that links to files only the fixture site has
would fill the build report with noise no real docset has). Each article is a title, a
block include, an inline include, 40 blocks of that pool (~5 KB), and links to three other
articles (one to a heading, one an old TechNet link by ``ms.assetid``).

Layout, like a DocFX docset: ``TOC.yml`` at the root naming one nested ``toc.yml`` per area
(``area-NN/toc.yml``), each listing its topics with their articles (``items``); each area
has an ``includes/`` folder. ``index.md`` is the home page. The output depends only on N:
the same N gives the same files, byte for byte.
"""

from __future__ import annotations

import argparse
import posixpath
import shutil
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from markdown_it.utils import read_fixture_file  # noqa: E402

from translator import translate_article  # noqa: E402

FIDELITY_CORPUS = ROOT / "tests" / "fidelity_corpus"
FIXTURES = ROOT / "tests" / "translator" / "fixtures"
ARTICLES_PER_TOPIC = 12
TOPICS_PER_AREA = 10
BLOCKS_PER_ARTICLE = 40  # ~5 KB of Markdown per article (the seed article has 15 KB)
GUID_NAMESPACE = uuid.UUID("6f1d4c2e-0000-4000-8000-000000000000")

INCLUDES = {
    "before-you-begin.md": (
        "---\nms.topic: include\n---\n\n## Before you begin\n\n"
        "- You need an admin account in Exchange Online.\n"
        "- Keep the connector settings of your partner at hand.\n\n"
        "> [!TIP]\n> Test with a spare mailbox first.\n"
    ),
    "product-name.md": "Exchange Online Protection\n",
}


def block_pool() -> list[str]:
    """Markdown blocks that translate cleanly on their own, in a fixed order."""
    candidates = []
    for path in sorted(FIDELITY_CORPUS.rglob("*.md")):
        if "includes" not in path.parts:
            text = path.read_text(encoding="utf-8")
            candidates.append(text.split("\n---\n", 1)[1] if text.startswith("---\n") else text)
    for path in sorted(FIXTURES.glob("*.md")):
        candidates += [source for _, _, source, _ in read_fixture_file(path)]
    pool = []
    for source in candidates:
        if source.lstrip().startswith("---"):
            continue  # a fixture of front matter: one article has one
        report = translate_article("area/topic/article.md", source.encode()).report
        if not report.of_level("warning") and not report.of_level("unresolved"):
            pool.append(source.strip() + "\n")
    return pool


def article_path(n: int) -> str:
    area, rest = divmod(n, ARTICLES_PER_TOPIC * TOPICS_PER_AREA)
    topic = rest // ARTICLES_PER_TOPIC
    return f"area-{area + 1:02d}/topic-{topic + 1:02d}/article-{n + 1:05d}.md"


def assetid(n: int) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, str(n)))


def article_text(n: int, count: int, pool: list[str]) -> str:
    here = posixpath.dirname(article_path(n))
    others = [(n * 7 + 3) % count, (n + 1) % count, (n * 13 + 5) % count]

    def link(m: int) -> str:
        return posixpath.relpath(article_path(m), here)

    blocks = [pool[(n * BLOCKS_PER_ARTICLE + k * 5) % len(pool)]
              for k in range(BLOCKS_PER_ARTICLE)]
    return "\n".join([
        "---",
        f"title: Synthetic article {n + 1}",
        f"description: Article {n + 1} of a synthetic docset made from the project's fixtures.",
        f"ms.date: {n % 12 + 1}/{n % 28 + 1}/2021",
        f"ms.assetid: {assetid(n)}",
        "ms.topic: article",
        "---",
        "",
        f"# Synthetic article {n + 1}",
        "",
        f"This article is about [!INCLUDE [product](../includes/product-name.md)], part "
        f"{n + 1} of {count}.",
        "",
        "[!INCLUDE [Before you begin](../includes/before-you-begin.md)]",
        "",
        f"## Overview of article {n + 1}",
        "",
        *blocks,
        "## See also",
        "",
        f"- [The overview of article {others[0] + 1}]"
        f"({link(others[0])}#overview-of-article-{others[0] + 1})",
        f"- [The next article]({link(others[1])})",
        f"- [An old TechNet link](https://technet.microsoft.com/library/"
        f"{assetid(others[2])}.aspx)",
        "",
    ])


def toc_files(count: int) -> dict[str, str]:
    """TOC.yml naming each area's toc.yml; each lists its topics and their articles."""
    areas: dict[str, dict[str, list[int]]] = {}
    for n in range(count):
        area, topic, _ = article_path(n).split("/")
        areas.setdefault(area, {}).setdefault(topic, []).append(n)
    tocs = {"TOC.yml": "- name: Home\n  href: index.md\n" + "".join(
        f"- name: Area {area[5:]}\n  href: {area}/toc.yml\n" for area in areas)}
    for area, topics in areas.items():
        lines = []
        for topic, articles in topics.items():
            lines += [f"- name: Topic {topic[6:]}", "  items:"]
            for n in articles:
                lines += [f"    - name: Synthetic article {n + 1}",
                          f"      href: {posixpath.relpath(article_path(n), area)}"]
        tocs[f"{area}/toc.yml"] = "\n".join(lines) + "\n"
    return tocs


def write_corpus(count: int, out: Path) -> None:
    pool = block_pool()
    if out.exists():
        shutil.rmtree(out)
    files = {
        "index.md": f"# A synthetic docset\n\n{count} articles made from the project's "
                    "test fixtures, for build benchmarks.\n",
        **toc_files(count),
    }
    for n in range(count):
        files[article_path(n)] = article_text(n, count, pool)
    for area in sorted({path.split("/")[0] for path in files if path.startswith("area-")}):
        for name, text in INCLUDES.items():
            files[f"{area}/includes/{name}"] = text
    for path, text in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")
    size = sum(len(files[article_path(n)]) for n in range(count)) / count
    print(f"{count} articles ({len(pool)} blocks from the fixtures, {size / 1000:.1f} KB of "
          f"Markdown per article) in {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("count", type=int, metavar="N", help="how many articles")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="replaced if it exists")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")
    write_corpus(args.count, args.outdir)


if __name__ == "__main__":
    main()
