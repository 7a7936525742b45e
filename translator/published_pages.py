"""Which Markdown files are pages: the files DocFX would publish, by DocFX's rule.

With a ``docfx.json`` (https://dotnet.github.io/docfx/reference/docfx-json-reference.html,
``build.content``): a file is published when, relative to a content group's ``src``
folder, it matches one of the group's ``files`` globs and none of its ``exclude`` globs.
Without one: every ``.md`` file, except those in an ``includes`` folder or whose front
matter says ``ms.topic: include`` (docs/docs/markdown.md, "Include Markdown Files":
included files are kept out of the build, usually in ``/includes``).

Whether another file includes it plays no part: an article included elsewhere is still a
page. Globs: ``*`` (within a folder), ``**`` (any folders), ``?``, ``{a,b}``; compared in
any case, as DocFX does on Windows where most docsets are written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

__all__ = ["ContentGroup", "content_groups", "glob_regex", "is_published"]


@dataclass(frozen=True)
class ContentGroup:
    src: str  # docs-relative folder ("" for docs/)
    files: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def publishes(self, src_path: str) -> bool:
        if self.src and not src_path.startswith(self.src + "/"):
            return False
        relative = src_path[len(self.src) + 1 :] if self.src else src_path
        return (any(glob_regex(g).fullmatch(relative) for g in self.files)
                and not any(glob_regex(g).fullmatch(relative) for g in self.exclude))


_STRING = re.compile(r'"(?:\\.|[^"\\])*"')


def content_groups(config_path: str, text: str) -> list[ContentGroup]:
    """The ``build.content`` groups of a docfx.json at `config_path` (docs-relative).

    Read with patterns, not ``json.loads``: real docfx.json files are not always strict JSON
    (trailing or missing commas) and DocFX still builds them (see docset.content_folders).
    """
    array = _bracketed(text, re.search(r'"content"\s*:\s*\[', text), "[]")
    config_dir = posixpath.dirname(config_path)
    groups = []
    for body in _objects(array):
        files = _strings(body, "files")
        if not files:
            continue
        src = _strings(body, "src")
        folder = posixpath.normpath(posixpath.join(config_dir, src[0] if src else "."))
        groups.append(ContentGroup("" if folder == "." else folder, tuple(files),
                                   tuple(_strings(body, "exclude"))))
    return groups


def _bracketed(text: str, start: re.Match[str] | None, pair: str) -> str:
    """The text from `start`'s end to its closing bracket (brackets in strings skipped)."""
    if start is None:
        return ""
    depth, index = 1, start.end()
    while index < len(text) and depth:
        string = _STRING.match(text, index)
        if string:
            index = string.end()
            continue
        depth += {pair[0]: 1, pair[1]: -1}.get(text[index], 0)
        index += 1
    return text[start.end() : index]


def _objects(array: str) -> list[str]:
    """The top-level ``{...}`` objects of an array's text."""
    found: list[tuple[str, int]] = []
    for start in re.finditer(r"\{", array):
        if found and start.start() < found[-1][1]:
            continue  # inside the previous object
        body = _bracketed(array, start, "{}")
        found.append((body, start.end() + len(body)))
    return [body for body, _ in found]


def _strings(body: str, key: str) -> list[str]:
    """The string or list of strings under `key` in one JSON object's text."""
    match = re.search(rf'"{key}"\s*:\s*(\[[^\]]*\]|"(?:\\.|[^"\\])*")', body)
    if match is None:
        return []
    return [s[1:-1].replace("\\\\", "\\").replace("\\/", "/")
            for s in _STRING.findall(match.group(1))]


@cache
def glob_regex(glob: str) -> re.Pattern[str]:
    """A DocFX file glob as a regular expression over a relative posix path."""
    out, index = [], 0
    glob = glob.lstrip("./") if glob.startswith("./") else glob
    while index < len(glob):
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            out.append(".*")
            index += 2
        elif glob[index] == "*":
            out.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            out.append("[^/]")
            index += 1
        elif glob[index] == "{" and "}" in glob[index:]:
            end = glob.index("}", index)
            out.append("(?:" + "|".join(re.escape(p) for p in glob[index + 1 : end].split(","))
                       + ")")
            index = end + 1
        else:
            out.append(re.escape(glob[index]))
            index += 1
    return re.compile("".join(out), re.I)


def is_published(
    src_path: str, meta: Mapping[str, object], groups: Iterable[ContentGroup] | None
) -> bool:
    """Whether DocFX publishes the Markdown file `src_path` (front matter `meta`);
    `groups`: the docset's docfx.json content groups, None when it has no docfx.json."""
    if groups is not None:
        return any(group.publishes(src_path) for group in groups)
    in_includes = any(part.lower() == "includes" for part in src_path.split("/")[:-1])
    topic = meta.get("ms.topic")
    return not in_includes and not (isinstance(topic, str) and topic.strip().lower() == "include")
