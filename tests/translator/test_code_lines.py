"""Code block text as the fixtures cannot show it (their HTML is compared without trailing
spaces)."""

from __future__ import annotations

from translator.code_lines import code_tokens


def test_code_keeps_trailing_spaces_and_blank_first_lines_but_not_trailing_blank_lines() -> None:
    token, problem = code_tokens(["", "a = 1;  ", "", ""], "csharp")
    assert (token.type, token.info, token.content, problem) == (
        "fence", "csharp", "\na = 1;  \n", None)
