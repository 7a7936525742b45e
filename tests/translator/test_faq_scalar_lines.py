"""FAQ files: where the report puts what it finds in a quoted scalar, and text kept to its end.

A double-quoted scalar (``"...\\n..."``) is one line of the .yml however many lines of
Markdown its escapes make: each of them is reported on that line, in the title, a section
name and an answer alike (only a ``|`` or ``>`` block spreads over the following lines).
The Markdown written for each value keeps the value's text to its very end.
"""

from __future__ import annotations

from translator.faq_page import is_faq

from .test_faq_page import translate_faq

QUOTED = """\
### YamlMime:FAQ
title: "Connector questions\\n[!FOO] in the title"
sections:
  - name: "Routing\\n[!BAR] in the name"
    questions:
      - question: What is MX
        answer: "Read this.\\n\\n[!BAZ] in a quoted answer"
      - question: Run what?
        answer: |
          Run:

              Get-InboundConnector\x20\x20\x20
"""


def test_every_line_of_a_quoted_scalar_is_reported_on_the_scalar_s_line() -> None:
    html, _, result = translate_faq(QUOTED)
    assert [(d.kind, d.line, d.level, d.message) for d in result.report.decisions] == [
        ("syntax", 2, "warning", "DocFX syntax '[!FOO' is not supported; kept as text"),
        ("syntax", 4, "warning", "DocFX syntax '[!BAR' is not supported; kept as text"),
        ("syntax", 7, "warning", "DocFX syntax '[!BAZ' is not supported; kept as text"),
    ]
    # the question's last letter and the code line's trailing spaces are kept
    assert html == (
        '<h1 id="connector-questions">Connector questions<a class="headerlink" '
        'href="#connector-questions" title="Permanent link">&para;</a></h1>\n'
        "<p>[!FOO] in the title</p>\n"
        '<h2 id="routing">Routing<a class="headerlink" href="#routing" '
        'title="Permanent link">&para;</a></h2>\n'
        "<p>[!BAR] in the name</p>\n"
        '<h3 id="what-is-mx">What is MX<a class="headerlink" href="#what-is-mx" '
        'title="Permanent link">&para;</a></h3>\n'
        "<p>Read this.</p>\n"
        "<p>[!BAZ] in a quoted answer</p>\n"
        '<h3 id="run-what">Run what?<a class="headerlink" href="#run-what" '
        'title="Permanent link">&para;</a></h3>\n'
        "<p>Run:</p>\n"
        "<pre><code>Get-InboundConnector   \n</code></pre>\n"
    )


def test_only_the_marker_itself_makes_a_faq_file() -> None:
    assert not is_faq(b"X### YamlMime:FAQ\ntitle: x\n")
    assert not is_faq(b"XX### YamlMime:FAQ\ntitle: x\n")
    assert is_faq(b"### YamlMime:FAQ\ntitle: x\n")


def test_the_marker_is_read_after_any_number_of_blank_lines() -> None:
    """The marker's name is read whole wherever the first non-blank line starts."""
    for blank in (180, 185, 186, 199, 200, 300):
        assert is_faq(b"\n" * blank + b"### YamlMime:FAQ\ntitle: x\n"), blank
