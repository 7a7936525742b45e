"""Front matter that YAML splits into more lines than the file has.

YAML 1.1 (libyaml and PyYAML alike) also breaks lines at U+2028 (line separator), U+2029
and NEL; text pasted from a word processor brings them into a ``description``. An error
after such a break is marked on a line past the front matter's own lines: the block is
then ignored whole with a warning, never skipped line by line (there is no such line to
blank), and the page still builds. Known limit: the warning's line is YAML's count, so
it can name a line after the block.
"""

from __future__ import annotations

from .fixture_site import translate_fixture

# the messages are libyaml's: the pinned PyYAML wheel is built with it, and the build reads
# front matter with it (test_front_matter_yaml_readers checks libyaml is there)

# the error's line is the third YAML counts, one past the block's single line of text
JUST_PAST = ("---\ntitle: Kept\u2028ms.topic: article\u2028description: Learn how to: route\n"
             "---\n\nBody.\n")
SEPARATED = ("---\ntitle: Kept\u2028ms.topic: article\u2028x: \"never closed\n---\n\n"
             "Body.\n")


def test_an_error_after_a_line_separator_ignores_the_front_matter_with_a_warning() -> None:
    result = translate_fixture(SEPARATED)
    assert [(d.kind, d.level, d.message) for d in result.report.decisions] == [
        ("front-matter", "warning", "front matter is not valid YAML (while scanning a quoted "
         "scalar: found unexpected end of stream on line 5); ignored it, the title is taken "
         "from the first heading")]
    assert result.markdown == (
        "---\ntitle: Article\n"
        "public_url: https://learn.microsoft.com/exchange/area/topic/article\n---\n")
    assert result.html == "<p>Body.</p>\n"


def test_an_error_marked_just_past_the_block_ignores_the_front_matter_with_a_warning() -> None:
    result = translate_fixture(JUST_PAST)
    assert [(d.kind, d.level, d.message) for d in result.report.decisions] == [
        ("front-matter", "warning", "front matter is not valid YAML (mapping values are not "
         "allowed in this context); ignored it, the title is taken from the first heading")]
    assert result.markdown == (
        "---\ntitle: Article\n"
        "public_url: https://learn.microsoft.com/exchange/area/topic/article\n---\n")
    assert result.html == "<p>Body.</p>\n"
