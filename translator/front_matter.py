"""Front matter of a DocFX article: used, never shown.

DocFX articles open with a YAML block between ``---`` lines (``title``, ``description``,
``ms.date``, ``ms.assetid`` ...). We read it leniently: a line that breaks the YAML (upstream
has ``ms.author:jhendr``, with no space after the colon, above the ``title``) is reported and
skipped, and the rest is read again, so one typo does not cost the page its title and
description. If skipping a few lines does not help, the whole block is reported and ignored;
the page still builds and takes its title from its first heading.

A key given twice is valid YAML (the last value wins, in PyYAML as in DocFX's YAML reader)
but DocFX warns about it, since one of the two values is silently lost: so do we, naming
both lines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from .report import TranslationReport

__all__ = ["FrontMatter", "format_ms_date", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# libyaml's safe loader when PyYAML was built with it (about ten times faster), else Python's
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%m/%d/%y", "%Y/%m/%d")
# Beyond a few bad lines the block is more likely not YAML at all than a typo in it
_MAX_SKIPPED_LINES = 3


# A top-level key at the start of a line: ``ms.date: 6/23/2018`` -> ``ms.date``
_TOP_LEVEL_KEY = re.compile(r"(?P<key>[^\s#:'\"-][^:]*?)[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, object] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # 1-based line of the source where `body` starts
    # 1-based source line of each top-level key, so a bad value can be reported where it is
    key_lines: dict[str, int] = field(default_factory=dict)


def split_front_matter(text: str, report: TranslationReport) -> FrontMatter:
    """Separate the YAML front matter from the Markdown body."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, text)
    body_line = text[: match.end()].count("\n") + 1
    if match.end() == len(text) and not text.endswith("\n"):
        body_line -= 1
    source = match.group("yaml") or ""
    meta = _load_yaml(source, report)
    return FrontMatter(meta, text[match.end() :], body_line, _key_lines(source))


def _key_lines(source: str) -> dict[str, int]:
    """Top-level key -> its source line (the YAML block starts on line 2; the last of a
    repeated key wins, as in the parsed mapping)."""
    lines: dict[str, int] = {}
    for index, line in enumerate(source.split("\n")):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            lines[match.group("key")] = index + 2
    return lines


def _load_yaml(source: str, report: TranslationReport) -> dict[str, object]:
    lines = source.split("\n")
    skipped: list[tuple[int, str]] = []  # (source line, PyYAML's words) of each skipped line
    data: object = None
    while True:
        try:
            data = yaml.load("\n".join(lines), Loader=_SafeLoader)
            break
        except yaml.YAMLError as err:
            line, problem = _describe_yaml_error(err)
            skipped.append((line, problem))
            if len(skipped) > _MAX_SKIPPED_LINES or not 2 <= line < len(lines) + 2:
                break
            lines[line - 2] = ""  # keep the line count, so later marks still name source lines
    if skipped and (len(skipped) > _MAX_SKIPPED_LINES or not isinstance(data, dict)):
        line, problem = skipped[0]
        report.warn(
            "front-matter",
            line,
            f"front matter is not valid YAML ({problem}); ignored it, "
            "the title is taken from the first heading",
        )
        return {}
    for line, problem in skipped:
        report.warn(
            "front-matter",
            line,
            f"front matter is not valid YAML ({problem}); skipped line {line}, "
            "read the other keys",
        )
    if data is None:
        return {}
    _report_duplicate_keys("\n".join(lines), report)
    if not isinstance(data, dict):
        report.warn(
            "front-matter",
            2,
            f"front matter must be a mapping of keys to values, got a {type(data).__name__}; "
            "ignored it",
        )
        return {}
    return {str(key): _plain(value) for key, value in data.items()}


def _report_duplicate_keys(source: str, report: TranslationReport) -> None:
    """Warn about each key given twice in one mapping (at any depth)."""
    try:
        root = yaml.compose(source, Loader=_SafeLoader)
    except yaml.YAMLError:
        return  # already reported by the loader
    pending = [root] if root is not None else []
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        if not isinstance(node, yaml.MappingNode):
            continue
        seen: dict[str, int] = {}
        for key, value in node.value:
            pending.append(value)
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 2  # the YAML block starts on line 2 of the file
            if key.value in seen:
                report.warn(
                    "front-matter", line,
                    f"front matter key '{key.value}' is given twice (lines {seen[key.value]} "
                    f"and {line}); the value on line {line} is used, the other is ignored",
                )
            seen[key.value] = line


def _describe_yaml_error(err: yaml.YAMLError) -> tuple[int, str]:
    """The source line where the bad construct starts, and PyYAML's words for it.

    Mark lines are 0-based within the YAML block, which starts on line 2 of the file.
    """
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    problem_mark = getattr(err, "problem_mark", None)
    context_mark = getattr(err, "context_mark", None)
    context = getattr(err, "context", None)
    if context_mark is not None and context:
        where = f"line {problem_mark.line + 2}" if problem_mark is not None else "later"
        return context_mark.line + 2, f"{context}: {problem} on {where}"
    return (problem_mark.line + 2 if problem_mark is not None else 2), problem


def _plain(value: object) -> object:
    """Make YAML values JSON-friendly (dates become ISO strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def format_ms_date(value: object) -> str | None:
    """``6/23/2018`` (DocFX's usual ``ms.date``) -> ``June 23, 2018``; None if unreadable."""
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return f"{day:%B} {day.day}, {day.year}"
    return None
