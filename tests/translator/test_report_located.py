"""How the build log names where a decision is: ``path:line: message``, or ``path: message``
when the decision concerns the whole file (a redirect stub, say) and has no line."""

from __future__ import annotations

from translator.report import Decision


def test_a_decision_with_a_line_is_located_at_it() -> None:
    assert Decision("link", 7, "why", "warning").located("a/b.md") == "a/b.md:7: why"


def test_a_decision_without_a_line_names_only_the_file() -> None:
    assert Decision("redirect", None, "why").located("a/b.md") == "a/b.md: why"
