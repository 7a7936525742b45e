"""``toc.yml`` / ``TOC.yml``: a YAML list of items, read with the line of each.

DocFX syntax (https://dotnet.github.io/docfx/docs/table-of-contents.html)::

    - name: Mail flow                  # a group: no href, only items
      items:
        - name: Connectors
          href: connectors.md          # a page (relative to this TOC file)
        - name: Reference
          href: reference/toc.yml      # a nested TOC (also "reference/": its toc.yml)
          topicHref: reference/index.md  # the group's own page
        - uid: connectors-overview     # the page whose front matter says uid: (its title
                                       # when there is no name; also topicUid, href: xref:)
    - name: Blog
      href: https://example.com/blog   # an external link

Invalid YAML, or an item that is not a mapping with a ``name``, is reported and skipped.
"""

from __future__ import annotations

import yaml

from .toc_entries import StructureProblem, TocEntry

__all__ = ["read_toc_yaml"]


def read_toc_yaml(path: str, text: str) -> tuple[list[TocEntry], list[StructureProblem]]:
    problems: list[StructureProblem] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        # PyYAML's words for the problem, on one line (the report is a table of lines)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        problems.append(StructureProblem(path, line, f"not valid YAML ({problem}); TOC ignored"))
        return [], problems
    if root is None:
        return [], problems
    if isinstance(root, yaml.MappingNode):  # DocFX v3 style: a mapping with `items`
        root = _child(root, "items") or root
    if not isinstance(root, yaml.SequenceNode):
        problems.append(StructureProblem(path, root.start_mark.line + 1,
                                         "a TOC is a list of items; TOC ignored"))
        return [], problems
    return _entries(root, path, problems), problems


def _entries(
    node: yaml.SequenceNode, path: str, problems: list[StructureProblem]
) -> list[TocEntry]:
    entries = []
    for item in node.value:
        line = item.start_mark.line + 1
        mapping = isinstance(item, yaml.MappingNode)
        name = _scalar(item, "name") if mapping else None
        uid = (_scalar(item, "uid") or _scalar(item, "topicUid")) if mapping else None
        if not name and not uid:
            problems.append(StructureProblem(path, line, "item without a name; skipped"))
            continue
        items = _child(item, "items")
        children = _entries(items, path, problems) if isinstance(items, yaml.SequenceNode) else []
        href = _scalar(item, "href")
        if href and href.startswith("xref:"):
            uid = href[len("xref:"):]
            href = None
        # no name: the page's own title, as DocFX names a uid entry (name "" until resolved)
        entries.append(TocEntry(name or "", href, _scalar(item, "topicHref"), children, line,
                                uid))
    return entries


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)


def _scalar(node: yaml.Node, key: str) -> str | None:
    value = _child(node, key)
    if isinstance(value, yaml.ScalarNode) and str(value.value).strip():
        return str(value.value).strip()
    return None
