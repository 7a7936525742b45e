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
