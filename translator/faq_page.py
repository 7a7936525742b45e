"""Microsoft Learn's structured FAQ pages (``### YamlMime:FAQ`` ``.yml``) -> DocFX Markdown.

The format (a ``.yml`` file whose first line is ``### YamlMime:FAQ``; DocFX publishes it as a
page at the file's path without the extension, and TOC entries and links name it by its
``.yml`` path):

    ### YamlMime:FAQ
    metadata:                         <- the page's front matter (title, ms.date...)
      title: Connector questions
    title: Frequently asked questions <- the page's heading
    summary: |                        <- Markdown, before the questions
      Answers to common questions.
    sections:
      - name: Routing                 <- a heading over its questions (may be left out)
        questions:
          - question: Do I need a connector?   <- a heading
            answer: |                          <- Markdown
              Usually not.
    additionalContent: |              <- Markdown, after the questions

`faq_markdown` writes the same content as a DocFX article (front matter, ``#`` title,
``##`` sections, questions as headings one level below), which the translator then reads
like any article: questions become headings in the page outline, answers keep their
alerts, includes and links. Each Markdown line remembers the ``.yml`` line it came from,
so reports name the FAQ file's own lines. Invalid YAML, or a question without an answer,
is a warning with its line; the page shows what could be read.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

import yaml

from .report import Decision, TranslationReport

__all__ = ["FAQ_MARKER", "FaqMarkdown", "faq_markdown", "faq_page_path", "is_faq",
           "report_in_yml", "yaml_mime"]

FAQ_MARKER = "### YamlMime:FAQ"


@dataclass
class FaqMarkdown:
    markdown: str = ""
    source_lines: list[int | None] = field(default_factory=list)  # per Markdown line
    problems: list[tuple[int | None, str]] = field(default_factory=list)  # (yml line, why)

    def add(self, text: str, first_line: int | None, *, block: bool = False) -> None:
        """Append `text` (its first line at `first_line` of the .yml); `block`: each
        following line is the next line of the .yml (a ``|`` block)."""
        for offset, line in enumerate(text.rstrip("\n").split("\n")):
            self.markdown += line + "\n"
            where = first_line + offset if first_line and block else first_line
            self.source_lines.append(where)
        self.markdown += "\n"
        self.source_lines.append(None)

    def yml_line(self, markdown_line: int | None) -> int | None:
        """The .yml line a 1-based Markdown line came from."""
        if markdown_line is None or not 0 < markdown_line <= len(self.source_lines):
            return None
        return self.source_lines[markdown_line - 1]


def yaml_mime(data: bytes) -> str | None:
    """The ``### YamlMime:<Name>`` a .yml file declares on its first line, else None."""
    # the whole file: a marker after many blank lines is still read whole
    text = data.decode("utf-8", "replace").lstrip("\ufeff").lstrip()
    match = re.match(r"### YamlMime:(?P<name>[\w.-]+)", text)
    return match["name"] if match else None


def is_faq(data: bytes) -> bool:
    """Whether a file's first line (after a byte order mark and blank lines) is the marker."""
    return yaml_mime(data) == "FAQ"


def faq_page_path(yml_path: str) -> str:
    """The Markdown page a FAQ file becomes: ``a/faq.yml`` -> ``a/faq.md``."""
    return posixpath.splitext(yml_path)[0] + ".md"


def faq_markdown(text: str) -> FaqMarkdown:
    out = FaqMarkdown()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        # PyYAML's words for the problem, on one line (the report is a table of lines)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        out.problems.append((line, f"FAQ file is not valid YAML ({problem}); its questions "
                                   "cannot be read"))
        out.add("---\ntitle: Frequently asked questions\n---", None)
        out.add('<p class="docfx-missing-include">This FAQ could not be read.</p>', line)
        return out
    if not isinstance(root, yaml.MappingNode):
        out.problems.append((1, "FAQ file is not a mapping; nothing to show"))
        return out
    title_node = _child(root, "title")
    metadata = _child(root, "metadata")
    loaded = yaml.safe_load(yaml.serialize(metadata)) if metadata is not None else None
    meta = loaded if isinstance(loaded, dict) else {}
    title = _text(title_node) or str(meta.get("title") or "") or "Frequently asked questions"
    if title_node is None:
        used = "its metadata title" if meta.get("title") else f"'{title}'"
        out.problems.append((1, f"FAQ file has no title:; {used} is used"))
    front = {"title": title, **{k: v for k, v in meta.items() if k != "title"}}
    out.add("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---", None)
    out.add(f"# {title}", _line(title_node))
    _markdown(out, _child(root, "summary"))
    for section in _items(_child(root, "sections")):
        name = _text(_child(section, "name"))
        if name:
            out.add(f"## {name}", _line(_child(section, "name")))
        level = "###" if name else "##"
        for question in _items(_child(section, "questions")):
            _question(out, question, level)
    _markdown(out, _child(root, "additionalContent"))
    return out


def _question(out: FaqMarkdown, question: yaml.Node, level: str) -> None:
    asked = _child(question, "question")
    text = " ".join(_text(asked).split())
    if not text:
        out.problems.append((_line(question), "FAQ item without a question; skipped"))
        return
    out.add(f"{level} {text}", _line(asked))
    answer = _child(question, "answer")
    if not _text(answer):
        out.problems.append((_line(asked), f"FAQ question '{text}' has no answer"))
        return
    _markdown(out, answer)


def _markdown(out: FaqMarkdown, node: yaml.Node | None) -> None:
    if node is None or not _text(node).strip():
        return
    block = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
    first = _line(node)
    out.add(_text(node), first + 1 if block and first else first, block=block)


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _text(node: yaml.Node | None) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def report_in_yml(report: TranslationReport, faq: FaqMarkdown, yml_path: str) -> None:
    """Name the FAQ file and its lines in `report` (made for the generated Markdown), and
    add what reading the YAML found."""
    report.path = yml_path
    report.decisions = [
        *(Decision("faq", line, why, "warning") for line, why in faq.problems),
        *(Decision(d.kind, faq.yml_line(d.line), d.message, d.level) for d in report.decisions),
    ]
