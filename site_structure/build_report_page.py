"""The build report as a page of the site: what could not be resolved, and where.

Made from the translator's per-article `TranslationReport`s and the navigation's
`StructureProblem`s: counts first, then, per article, every unresolved link, anchor and
asset and every warning with its source line; then what the TOC files asked for and did not
get; then every link the build replaced (a retired address, an empty link text).
Upstream articles' own broken links are reported here, never fatal. The page is plain
Markdown (escaped: messages quote source text), so it is searched like any other page.
"""

from __future__ import annotations

import html
import posixpath
from collections import Counter
from collections.abc import Collection, Sequence

from translator.report import Decision, TranslationReport

from .toc_entries import StructureProblem

__all__ = ["REPORT_PAGE_TITLE", "build_report_markdown"]

REPORT_PAGE_TITLE = "Build report"
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|"})


def build_report_markdown(
    report_page: str,
    reports: Sequence[TranslationReport],
    problems: Sequence[StructureProblem],
    pages: Collection[str],
    titles: dict[str, str] | None = None,
) -> str:
    """The page's Markdown. `report_page`: its docs-relative path (links are made from
    there); `pages`: the articles that are pages (others, such as redirect stubs, are
    named but not linked); `titles`: their titles."""
    flagged = [(r, _problems_of(r)) for r in sorted(reports, key=lambda r: r.path)]
    flagged = [(r, found) for r, found in flagged if found]
    lines = [
        "---", f"title: {REPORT_PAGE_TITLE}",
        "description: What the build could not resolve in the upstream articles, with the "
        "file and line.", "---", "", f"# {REPORT_PAGE_TITLE}", "",
        "What the translation of the upstream (DocFX) articles and of their tables of "
        "contents could not resolve, with the source file and line. None of it stops the "
        "build: a missing image is shown as a placeholder, a link to a missing anchor goes "
        "to the page, a TOC entry for a missing file is left out of the navigation. Every "
        "decision, resolved or not, is in the JSON reports next to this page "
        "(`build-report/<article>.json`).", "",
        *_counts(reports, flagged, problems), "",
    ]
    if not flagged and not problems:
        lines += ['!!! success "Nothing unresolved"', "",
                  f"    Every link, anchor, image and include of the {len(reports)} articles "
                  "was found, nothing needed a warning, and the navigation follows every TOC "
                  "entry.", ""]
    if flagged:
        lines += ["## Articles", ""]
    for report, found in flagged:
        lines += _article_section(report_page, report, found, pages, titles or {})
    if problems:
        lines += ["## Navigation (TOC files)", "", "| File | Line | What |", "| --- | --- | --- |"]
        lines += [f"| `{p.path}` | {p.line or ''} | {_text(p.message)} |" for p in problems]
        lines.append("")
    lines += _replaced_section(reports)
    return "\n".join(lines)


def _replaced_section(reports: Sequence[TranslationReport]) -> list[str]:
    """What the build wrote instead of the source: a retired address's current page, a
    title for an empty link text. Resolved, but a reader of the source should know."""
    rows = [
        f"| `{r.path}` | {d.line or ''} | {_text(d.message)} |"
        for r in sorted(reports, key=lambda r: r.path) for d in r.of_level("replaced")
    ]
    if not rows:
        return []
    return [
        "## Replaced", "",
        "Links the build changed: a retired address (TechNet, MSDN) replaced by its current "
        "public page, listed in `retired_links.yaml`; an empty link text replaced by the "
        "target's title.", "",
        "| Source | Line | What |", "| --- | ---: | --- |", *rows, "",
    ]


def _problems_of(report: TranslationReport) -> list[Decision]:
    return [d for d in report.decisions if d.level in ("unresolved", "warning")]


def _counts(
    reports: Sequence[TranslationReport],
    flagged: list[tuple[TranslationReport, list[Decision]]],
    problems: Sequence[StructureProblem],
) -> list[str]:
    found = [d for _, decisions in flagged for d in decisions]
    unresolved = Counter(d.kind for d in found if d.level == "unresolved")
    rows = [
        ("upstream files translated (redirect stubs included)", len(reports)),
        ("articles with something unresolved or a warning", len(flagged)),
        ("unresolved links and anchors", unresolved["link"]),
        ("unresolved images and other assets", sum(unresolved.values()) - unresolved["link"]),
        ("warnings", sum(1 for d in found if d.level == "warning")),
        ("links replaced (retired addresses, empty link texts)",
         sum(len(r.of_level("replaced")) for r in reports)),
        ("TOC entries left out of the navigation", len(problems)),
    ]
    return ["| | count |", "| --- | ---: |", *(f"| {name} | {n} |" for name, n in rows)]


def _article_section(
    report_page: str,
    report: TranslationReport,
    found: list[Decision],
    pages: Collection[str],
    titles: dict[str, str],
) -> list[str]:
    title = _text(titles.get(report.path, report.path))
    heading = f"### {title}"
    if report.path in pages:
        link = posixpath.relpath(report.path, posixpath.dirname(report_page) or ".")
        heading = f"### [{title}]({link})"
    return [
        heading, "", f"Source: `{report.path}`", "",
        "| Line | Kind | Level | What |", "| ---: | --- | --- | --- |",
        *(f"| {d.line or ''} | {d.kind} | {d.level} | {_text(d.message)} |" for d in found),
        "",
    ]


def _text(message: str) -> str:
    """Source text quoted in a message, shown as text (never as Markdown or HTML), on one
    line: a line break would end the table row."""
    one_line = " ".join(message.splitlines())
    return html.escape(one_line, quote=False).translate(_MARKDOWN_SPECIALS)
