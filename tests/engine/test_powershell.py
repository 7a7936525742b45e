"""PowerShell as the plan writes it (about_Quoting_Rules): every value one single-quoted
literal with its quotes doubled, lists comma-separated, booleans $true/$false, and text
that could end a literal (typographic quotes, control characters) refused outright."""

from __future__ import annotations

import pytest

from engine.powershell import HOSTILE_QUOTES, UnsafeText, command, literal


def test_a_quote_inside_a_literal_is_doubled() -> None:
    assert literal("O'Brien's relay") == "'O''Brien''s relay'"
    assert literal("") == "''"


@pytest.mark.parametrize("text", [f"a{quote}b" for quote in HOSTILE_QUOTES] + ["a\nb", "\x1b"])
def test_text_that_could_end_a_literal_is_refused(text: str) -> None:
    with pytest.raises(UnsafeText) as refusal:
        literal(text)
    assert str(refusal.value) == f"refusing to quote {text!r}"


def test_a_command_line_renders_each_kind_of_argument() -> None:
    assert command("New-OutboundConnector", [
        ("Name", "To 'partner'"), ("UseMXRecord", False), ("IsValidated", True),
        ("RecipientDomains", ["contoso.com", "fabrikam.com"]),
    ]) == (
        "New-OutboundConnector -Name 'To ''partner''' -UseMXRecord $false -IsValidated $true "
        "-RecipientDomains 'contoso.com','fabrikam.com'"
    )
