"""Typed reading of the raw model (parsed YAML/JSON) with errors that name the YAML path.

Every reader takes the raw value and `At`, the place it was read from, and raises
`ModelError` saying where, what was found and what is valid there, e.g.::

    tables.yaml: tables[1].rules[3].when.servers: 'exchange-2016' ...

Indexes count from 0, as in JSON paths.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import NoReturn

__all__ = [
    "At",
    "ModelError",
    "fail",
    "read_choice",
    "read_list",
    "read_mapping",
    "read_text",
    "read_texts",
]

# Why booleans get their own hint: PyYAML follows YAML 1.1, where an unquoted
# yes/no/on/off is a boolean, so `hybrid: yes` silently becomes True.
_BOOLEAN_HINT = 'YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans; quote it, e.g. "yes"'


class ModelError(ValueError):
    """The raw model is malformed; the message names the YAML path and what is valid."""


@dataclass(frozen=True)
class At:
    """A place in the raw model: the YAML file and the path inside it."""

    file: str
    steps: str = ""

    def key(self, name: str) -> At:
        """The place of mapping entry `name` under this one."""
        return At(self.file, f"{self.steps}.{name}" if self.steps else name)

    def index(self, position: int) -> At:
        """The place of list item `position` under this one."""
        return At(self.file, f"{self.steps}[{position}]")

    def __str__(self) -> str:
        return f"{self.file}: {self.steps}" if self.steps else self.file


def fail(at: At, problem: str) -> NoReturn:
    """Raise `ModelError` for `problem` found at `at`."""
    raise ModelError(f"{at}: {problem}")


def _found(value: object) -> str:
    if isinstance(value, bool):
        return f"the boolean {value} ({_BOOLEAN_HINT})"
    return f"{type(value).__name__} {value!r}"


def read_text(value: object, at: At) -> str:
    """Non-empty text; a boolean gets the YAML 1.1 hint."""
    if not isinstance(value, str) or not value.strip():
        fail(at, f"expected non-empty text, found {_found(value)}")
    return value


def read_texts(value: object, at: At) -> tuple[str, ...]:
    """A list of non-empty texts."""
    return tuple(read_text(item, at.index(i)) for i, item in enumerate(read_list(value, at)))


def read_choice(value: object, at: At, valid: Collection[str]) -> str:
    """Text that must be one of `valid`."""
    text = read_text(value, at)
    if text not in valid:
        fail(at, f"{text!r} is not valid here; valid: {', '.join(valid)}")
    return text


def read_list(value: object, at: At) -> list[object]:
    """A YAML sequence."""
    if not isinstance(value, list):
        fail(at, f"expected a list, found {_found(value)}")
    return value


def read_mapping(
    value: object,
    at: At,
    required: Collection[str] | None = None,
    optional: Collection[str] = (),
) -> Mapping[str, object]:
    """A mapping with text keys.

    With `required` given, the keys are fields: all of `required` must be there and
    nothing outside `required` + `optional` (so a misspelt field is caught, not ignored).
    Without it, the keys are ids and any text key is accepted.
    """
    if not isinstance(value, Mapping):
        fail(at, f"expected a mapping, found {_found(value)}")
    for key in value:
        if not isinstance(key, str):
            fail(at, f"key {key!r} is not text; found {_found(key)}")
    if required is not None:
        fields = [*required, *optional]
        for key in value:
            if key not in fields:
                fail(at.key(key), f"unknown field; valid fields: {', '.join(fields)}")
        for key in required:
            if key not in value:
                fail(at.key(key), "missing")
    return value
