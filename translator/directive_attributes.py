"""The ``name="value"`` attributes of DocFX's ``:::`` directives and ``[!div ...]`` sections.

One reader for all of them, after DocFX's (``TripleColonBlockParser.TryMatchAttributes`` in
dotnet/docfx ``src/Docfx.MarkdigEngine.Extensions/TripleColon``):

    :::  zone  target="docs"   pivot=" a,b "
    :::image source="media/a.png" alt-text="A picture." border="false" lightbox="media/a.png":::
    > [!div class="op_single_selector" id="selector" data-linktype="relative-path"]

- attributes in any order, separated by any spaces (newlines too, for inline directives);
- a name is a letter then letters, digits or ``-``, read in lower case;
- ``name="value"`` with double quotes (spaces around ``=`` allowed), or a bare ``name``;
- DocFX rejects (and leaves the directive as text): a value not in double quotes, a value
  with no closing quote, a name given twice, anything that is not a name.

`read_attributes` returns the attributes or DocFX's reason to reject them; each directive
then checks which names it knows (`unknown_names`) and which it requires.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

__all__ = ["Attributes", "read_attributes", "unknown_names"]

_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")


@dataclass(frozen=True)
class Attributes:
    values: dict[str, str] = field(default_factory=dict)  # lower-case name -> value
    error: str | None = None  # why DocFX would not read the directive, None if it would

    def get(self, name: str) -> str:
        return self.values.get(name, "")


def read_attributes(text: str, *, single_quotes: bool = False) -> Attributes:
    """Read ``a="1" b = "2" c`` (`single_quotes`: also ``a='1'``, as HTML reads them)."""
    values: dict[str, str] = {}
    pos = _skip_spaces(text, 0)
    while pos < len(text):
        name_match = _NAME.match(text, pos)
        if name_match is None:
            return Attributes(values, f"'{text[pos:].strip()}' is not an attribute")
        name = name_match.group().lower()
        if name in values:
            return Attributes(values, f"attribute '{name}' is given twice")
        pos = _skip_spaces(text, name_match.end())
        value = ""
        if text.startswith("=", pos):
            pos = _skip_spaces(text, pos + 1)
            quote = text[pos : pos + 1]
            if quote != '"' and not (single_quotes and quote == "'"):
                return Attributes(values, f"the value of '{name}' is not in double quotes")
            end = text.find(quote, pos + 1)
            if end < 0:
                return Attributes(values, f"the value of '{name}' has no closing quote")
            value, pos = text[pos + 1 : end], end + 1
        values[name] = value
        pos = _skip_spaces(text, pos)
    return Attributes(values)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def unknown_names(attributes: Attributes, known: Collection[str]) -> list[str]:
    """The attribute names a directive does not know, in the order written."""
    return [name for name in attributes.values if name not in known]
