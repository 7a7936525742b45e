"""What the translation decided about one article, for the build report and the build log.

Every rewrite the translator makes is recorded as a `Decision`: the line of the source it
concerns, what kind of construct it was, and what was done. Warnings are decisions about
input the translator could not read as intended; the page is still built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

__all__ = ["Decision", "Level", "TranslationReport", "source_line"]

# "replaced": the source's text or address was replaced by ours (a retired address by its
# current page, an empty link text by a title); listed on the build report page.
Level = Literal["info", "replaced", "unresolved", "warning"]


@dataclass(frozen=True)
class Decision:
    """One thing the translator did, and why."""

    kind: str  # encoding, front-matter, alert, table, anchor, link, image, syntax
    line: int | None  # 1-based line in the source file, when known
    message: str
    level: Level = "info"

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    def located(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"


@dataclass
class TranslationReport:
    """All decisions made for one source file, in the order they were made."""

    path: str
    decisions: list[Decision] = field(default_factory=list)

    def add(self, kind: str, line: int | None, message: str, level: Level = "info") -> None:
        self.decisions.append(Decision(kind, line, message, level))

    def warn(self, kind: str, line: int | None, message: str) -> None:
        self.add(kind, line, message, "warning")

    def of_level(self, level: Level) -> list[Decision]:
        return [d for d in self.decisions if d.level == level]

    def counts(self) -> dict[str, int]:
        """Decisions per kind, e.g. ``{"link": 12, "table": 3}``."""
        return dict(Counter(d.kind for d in self.decisions))

    def summary(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts().items()))
        problems = len(self.of_level("warning"))
        unresolved = len(self.of_level("unresolved"))
        return (
            f"{self.path}: {counts or 'nothing to change'}"
            f"; {unresolved} unresolved; {problems} warnings"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "counts": self.counts(),
            "decisions": [d.to_json() for d in self.decisions],
        }


def source_line(first_line: int, map_: Sequence[int] | None) -> int | None:
    """The 1-based source line of a token whose `.map` is `map_`, in a body that starts at
    source line `first_line`; None for a token with no map (one a rule made)."""
    return first_line + map_[0] if map_ else None
