"""Front matter read by either of PyYAML's readers: libyaml's (when PyYAML was built with it,
as the pinned wheels are) or PyYAML's own Python one (the fallback, see front_matter.py).

The two differ in what they accept and in their words: libyaml reads a tab after a colon
(as YAML 1.2 allows), PyYAML's Python scanner does not; each names a stray backtick in its
own way. Whichever reads the block, what it reads is also what duplicate keys are looked
for in, and a broken line is reported on its own line with the reader's words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from translator import front_matter

from .fixture_site import translate_fixture
from .test_fixtures import report_lines

TABBED = "---\ntitle:\tTabbed title\narea: routing\narea: connectors\n---\n\nBody.\n"
BACKTICK = "---\ntitle: Kept title\nms.custom: `backticks`\nms.topic: article\n---\n\nBody.\n"


@pytest.fixture
def python_reader() -> Iterator[None]:
    """The front matter read as on a PyYAML built without libyaml."""
    kept = front_matter._SafeLoader
    front_matter._SafeLoader = yaml.SafeLoader
    try:
        yield
    finally:
        front_matter._SafeLoader = kept


def test_the_build_reads_front_matter_with_libyaml() -> None:
    # requirements.txt pins a PyYAML wheel built with libyaml; the messages below are its own
    assert yaml.__with_libyaml__ and front_matter._SafeLoader is yaml.CSafeLoader


def test_libyaml_reads_a_tab_after_a_colon_and_still_finds_a_key_given_twice() -> None:
    result = translate_fixture(TABBED)
    assert result.markdown == (
        "---\ntitle: Tabbed title\n"
        "public_url: https://learn.microsoft.com/exchange/area/topic/article\n"
        "area: connectors\n---\n")
    assert report_lines(result) == [
        "front-matter:4 warning: front matter key 'area' is given twice (lines 3 and 4); "
        "the value on line 4 is used, the other is ignored"]


def test_python_s_reader_skips_the_tabbed_line_and_still_finds_a_key_given_twice(
    python_reader: None,
) -> None:
    result = translate_fixture(TABBED)
    assert result.markdown == (
        "---\ntitle: Article\n"
        "public_url: https://learn.microsoft.com/exchange/area/topic/article\n"
        "area: connectors\n---\n")
    assert report_lines(result) == [
        "front-matter:2 warning: front matter is not valid YAML (found character '\\t' that "
        "cannot start any token); skipped line 2, read the other keys",
        "front-matter:4 warning: front matter key 'area' is given twice (lines 3 and 4); "
        "the value on line 4 is used, the other is ignored",
    ]


def test_libyaml_names_a_stray_backtick_with_its_context() -> None:
    result = translate_fixture(BACKTICK)
    assert report_lines(result) == [
        "front-matter:3 warning: front matter is not valid YAML (while scanning for the next "
        "token: found character that cannot start any token on line 3); skipped line 3, read "
        "the other keys"]
    assert result.meta["title"] == "Kept title" and result.meta["ms.topic"] == "article"


def test_python_s_reader_names_a_stray_backtick_on_its_line(python_reader: None) -> None:
    """PyYAML's Python scanner gives this error a context but no context mark: the line
    is the problem's."""
    result = translate_fixture(BACKTICK)
    assert report_lines(result) == [
        "front-matter:3 warning: front matter is not valid YAML (found character '`' that "
        "cannot start any token); skipped line 3, read the other keys"]
    assert result.meta["title"] == "Kept title" and result.meta["ms.topic"] == "article"
