"""Links to retired Microsoft addresses: their current public page, or a report.

Older articles link TechNet and MSDN library pages (``technet.microsoft.com/library/...``).
Those hosts are retired: the pages moved to learn.microsoft.com under new paths, and the
old address of an article is not turned into its new one by any rule. So the known moves
are data, kept in ``retired_links.yaml`` beside this module (or a file named in
``mkdocs.yml``), each with where the current address was found:

    retired_hosts: [technet.microsoft.com, msdn.microsoft.com]
    links:
      - retired: http://technet.microsoft.com/library/<GUID>.aspx
        current: https://learn.microsoft.com/exchange/<path>
        source: where this move was read

A link to a retired address with a known move goes to the current page (reported as
"replaced"); one with none is kept as written and reported as unresolved, since the build
cannot vouch for where it leads. An address is matched without its scheme, case, language
segment (``/en-us/``) or TechNet version suffix (``(v=exchg.150)``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

__all__ = ["DEFAULT_RETIRED_LINKS_FILE", "RetiredLinks", "load_retired_links"]

DEFAULT_RETIRED_LINKS_FILE = Path(__file__).with_name("retired_links.yaml")
_LANGUAGE_SEGMENT = re.compile(r"^/[a-z]{2}-[a-z]{2}(?=/)")
_VERSION_SUFFIX = re.compile(r"\([^)/]*\)(?=\.aspx$)")


@dataclass(frozen=True)
class RetiredLinks:
    """Known moves (normalized retired address -> current URL) and the retired hosts."""

    moves: Mapping[str, str] = field(default_factory=dict)
    retired_hosts: frozenset[str] = frozenset()

    def current_url(self, href: str) -> str | None:
        """The current public URL of a retired address, when the move is known."""
        return self.moves.get(_normalized(href))

    def is_retired(self, href: str) -> bool:
        """Whether `href` is on a retired host (an address the build cannot vouch for)."""
        host = (urlsplit(href).hostname or "").lower()
        return host in self.retired_hosts


def load_retired_links(text: str, path: str) -> tuple[RetiredLinks, list[str]]:
    """The moves listed in a retired-links file, and a message per entry that was skipped.

    A bad entry is named by its position and skipped; the others are still used.
    """
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        return RetiredLinks(), [f"{path}: not valid YAML ({error}); no retired link replaced"]
    if not isinstance(data, dict):
        return RetiredLinks(), [f"{path}: expected a mapping with 'retired_hosts' and 'links'"]
    problems: list[str] = []
    hosts = frozenset(str(h).lower() for h in data.get("retired_hosts") or [])
    moves: dict[str, str] = {}
    for number, entry in enumerate(data.get("links") or [], start=1):
        retired = entry.get("retired") if isinstance(entry, dict) else None
        current = entry.get("current") if isinstance(entry, dict) else None
        if not (isinstance(retired, str) and isinstance(current, str)
                and current.startswith("https://")):
            problems.append(f"{path}: links entry {number} needs 'retired' (an address) and "
                            f"'current' (an https:// URL); skipped")
            continue
        moves[_normalized(retired)] = current
    return RetiredLinks(moves, hosts), problems


def _normalized(href: str) -> str:
    parts = urlsplit(href.strip())
    path = _VERSION_SUFFIX.sub("", _LANGUAGE_SEGMENT.sub("", parts.path.lower()))
    query = f"?{parts.query.lower()}" if parts.query else ""
    return f"{(parts.hostname or '').lower()}{path}{query}"
