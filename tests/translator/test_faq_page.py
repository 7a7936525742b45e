"""``### YamlMime:FAQ`` files: a page with the questions as headings, reports in the .yml's lines.

The format is Microsoft Learn's structured FAQ (metadata, title, summary, sections of
questions with Markdown answers, additionalContent); see translator/faq_page.py.
"""

from __future__ import annotations

from translator import SiteIndex, parse_article, render_article
from translator.article import TranslatedArticle
from translator.faq_page import faq_markdown, faq_page_path, is_faq, report_in_yml, yaml_mime

from .fixture_site import INCLUDED, OTHER_PAGES, SETTINGS

FAQ = """\
### YamlMime:FAQ
metadata:
  title: Connector questions
  ms.date: 06/23/2018
title: Frequently asked questions about connectors
summary: |
  Answers to common questions.
sections:
  - name: Routing
    questions:
      - question: |
          Do I need a
          connector?
        answer: |
          Usually not. See [the sibling](../topic/sibling.md).

          > [!NOTE]
          > Hybrid is different.
      - question: What about partners?
        answer: Read [the gone article](gone.md#x).
  - questions:
      - question: Is there an answer here?
additionalContent: |
  More at the end.
"""


def translate_faq(text: str) -> tuple[str, list[str], TranslatedArticle]:
    faq = faq_markdown(text)
    parsed = parse_article(faq_page_path("area/faq/faq.yml"), faq.markdown.encode(),
                           INCLUDED.get)
    index = SiteIndex.build([parsed.page_info(), *OTHER_PAGES], [])
    result = render_article(parsed, index, SETTINGS)
    report_in_yml(result.report, faq, "area/faq/faq.yml")
    lines = [f"{d.kind}:{d.line} {d.level}" for d in result.report.decisions]
    return result.html, lines, result


def test_questions_become_headings_under_their_sections_with_the_answers_read_as_docfx() -> None:
    html, lines, result = translate_faq(FAQ)
    assert is_faq(FAQ.encode()) and not is_faq(b"- name: toc\n")
    assert [(h.level, h.title) for h in result.headings] == [
        (1, "Frequently asked questions about connectors"),
        (2, "Routing"),
        (3, "Do I need a connector?"),
        (3, "What about partners?"),
        (2, "Is there an answer here?"),
    ]
    assert "<p>Answers to common questions.</p>" in html
    assert '<a href="../../topic/sibling/">the sibling</a>' in html
    assert '<div class="admonition note">' in html
    assert html.rstrip().endswith("<p>More at the end.</p>")
    assert result.meta["title"] == "Frequently asked questions about connectors"
    assert result.meta["revision_date"]
    # lines of the .yml: the question without an answer (22), the note (17), the link (20)
    assert lines == ["faq:22 warning", "alert:17 info", "link:20 info"]
    assert result.report.path == "area/faq/faq.yml"


def test_invalid_faq_yaml_is_a_warning_with_its_line_and_a_visible_note() -> None:
    html, lines, _ = translate_faq("### YamlMime:FAQ\ntitle: [unclosed\nsections: x\n")
    assert "This FAQ could not be read." in html
    assert lines == ["faq:3 warning"]


def test_the_yaml_mime_of_a_file_is_read_from_its_first_line() -> None:
    assert yaml_mime(b"\xef\xbb\xbf\n### YamlMime:FAQ\ntitle: x\n") == "FAQ"
    assert yaml_mime(b"### YamlMime:Landing\ntitle: x\n") == "Landing"
    assert yaml_mime(b"# YamlMime:FAQ\n") is None
    assert yaml_mime(b"- name: toc\n") is None


RICH_FAQ = """\
### YamlMime:FAQ
metadata:
  title: Questions
  zeta: a key before alpha
  alpha: Zürich
title: Ünïcode questions
summary: >
  Folded summary
  on two lines.
sections:
  - name: Routing
    questions:
      - answer: An item with no question.
      - question: Plain?
        answer: Yes.
      - question: Folded?
        answer: >
          First line
          second line.
  - questions:
      - question: Top level?
        answer: |
          Kept.
additionalContent: ""
"""


def test_the_whole_markdown_of_a_faq_and_the_yml_line_of_each_of_its_lines() -> None:
    """Front matter: the file's title first, then the metadata's other keys in their order,
    text as written (not escaped); each heading and answer line maps to its .yml line (a
    block scalar's text starts on the line after its key); a question-less item is skipped
    with a warning on its line; an empty additionalContent adds nothing."""
    faq = faq_markdown(RICH_FAQ)
    lines = faq.markdown.split("\n")
    assert list(zip(lines, faq.source_lines, strict=False)) == [
        ("---", None), ("title: Ünïcode questions", None), ("zeta: a key before alpha", None),
        ("alpha: Zürich", None), ("---", None), ("", None),
        ("# Ünïcode questions", 6), ("", None),
        ("Folded summary on two lines.", 8), ("", None),
        ("## Routing", 11), ("", None),
        ("### Plain?", 14), ("", None), ("Yes.", 15), ("", None),
        ("### Folded?", 16), ("", None), ("First line second line.", 18), ("", None),
        ("## Top level?", 21), ("", None), ("Kept.", 23), ("", None),
    ]
    assert lines[len(faq.source_lines):] == [""]
    assert faq.problems == [(13, "FAQ item without a question; skipped")]
    assert faq.yml_line(7) == 6 and faq.yml_line(24) is None
    assert faq.yml_line(0) is None and faq.yml_line(25) is None and faq.yml_line(None) is None


def test_the_title_comes_from_the_file_else_its_metadata_else_a_default_with_a_warning() -> None:
    from_metadata = faq_markdown("### YamlMime:FAQ\nmetadata:\n  title: From metadata\n")
    assert from_metadata.markdown == "---\ntitle: From metadata\n---\n\n# From metadata\n\n"
    assert from_metadata.problems == [
        (1, "FAQ file has no title:; its metadata title is used")]
    default = faq_markdown("### YamlMime:FAQ\nsections: []\n")
    assert default.markdown == (
        "---\ntitle: Frequently asked questions\n---\n\n# Frequently asked questions\n\n")
    assert default.problems == [
        (1, "FAQ file has no title:; 'Frequently asked questions' is used")]


def test_a_faq_that_is_not_a_mapping_shows_nothing_and_says_so() -> None:
    faq = faq_markdown("### YamlMime:FAQ\n- a\n- b\n")
    assert (faq.markdown, faq.problems) == ("", [(1, "FAQ file is not a mapping; nothing to show")])


def test_invalid_faq_yaml_gives_a_one_line_reason_and_a_note_on_its_line() -> None:
    faq = faq_markdown("### YamlMime:FAQ\ntitle: [unclosed\nsections: x\n")
    assert faq.problems == [(3, "FAQ file is not valid YAML (expected ',' or ']', but got "
                                "':'); its questions cannot be read")]
    assert faq.markdown == ("---\ntitle: Frequently asked questions\n---\n\n"
                            '<p class="docfx-missing-include">This FAQ could not be read.</p>'
                            "\n\n")
    assert faq.source_lines[4] == 3


def test_the_report_names_the_yml_lines_with_every_message_and_level() -> None:
    _, _, result = translate_faq(FAQ)
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("faq", 22, "warning", "FAQ question 'Is there an answer here?' has no answer"),
        ("alert", 17, "info", "[!NOTE] alert -> 'note' admonition"),
        ("link", 20, "info", "gone.md#x: article not in docs/ -> public URL "
                             "https://learn.microsoft.com/exchange/area/faq/gone#x"),
    ]


def test_a_faq_page_is_the_yml_path_as_markdown() -> None:
    assert faq_page_path("a/b/faq.yml") == "a/b/faq.md"
    assert faq_page_path("faq.yaml") == "faq.md"


def test_the_yaml_mime_marker_is_read_after_a_byte_order_mark_and_blank_lines() -> None:
    assert yaml_mime("\ufeff\n\n### YamlMime:FAQ\n".encode()) == "FAQ"
    assert yaml_mime(b"\xff\xfe### YamlMime:FAQ\n") is None  # not UTF-8: never a marker


def test_a_control_character_in_a_faq_is_invalid_yaml_without_a_line() -> None:
    faq = faq_markdown("### YamlMime:FAQ\ntitle: Bell\x07\n")
    assert faq.problems == [(None, "FAQ file is not valid YAML (unacceptable character "
                                   "#x0007: special characters are not allowed); its questions "
                                   "cannot be read")]
