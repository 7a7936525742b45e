"""Exchange Online PowerShell, written safely: every value a single-quoted literal.

Only values that passed `engine.plan_values` (or the model's own text) reach here, and
each is still quoted: inside single quotes PowerShell expands nothing, and a quote is
doubled. PowerShell also ends a single-quoted string at the typographic quotes U+2018 to
U+201B and reads the double ones U+201C to U+201E as quotes (about_Quoting_Rules), so
`literal` refuses them outright rather than trusting any escaping of them.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["HOSTILE_QUOTES", "UnsafeText", "command", "literal"]

HOSTILE_QUOTES = "\u2018\u2019\u201a\u201b\u201c\u201d\u201e"
Argument = str | bool | Sequence[str]


class UnsafeText(ValueError):
    """Text that must never become part of a script (a bug upstream if it gets here)."""


def literal(text: str) -> str:
    """`text` as one single-quoted PowerShell string."""
    if any(ch in HOSTILE_QUOTES for ch in text) or any(ord(ch) < 32 for ch in text):
        raise UnsafeText(f"refusing to quote {text!r}")
    return "'" + text.replace("'", "''") + "'"


def command(cmdlet: str, arguments: Sequence[tuple[str, Argument]]) -> str:
    """One command line: ``Cmdlet -Name 'value' -Flag $true -List 'a','b'``."""
    parts = [cmdlet]
    for name, value in arguments:
        if isinstance(value, bool):
            parts.append(f"-{name} {'$true' if value else '$false'}")
        elif isinstance(value, str):
            parts.append(f"-{name} {literal(value)}")
        else:
            parts.append(f"-{name} {','.join(literal(item) for item in value)}")
    return " ".join(parts)
