"""Point a result's article links at a hosted copy of the site instead of the public article.

Section links in a result are absolute: the article's public URL with the anchor, so they
work wherever the result is read (a terminal, a ticket, a script's log). An organization
hosting this site can point them at its own copy (the CLI's ``--site-url``).
"""

from __future__ import annotations

from urllib.parse import urljoin

from engine.result import LinkResult, Result

__all__ = ["with_site_url"]


def with_site_url(result: Result, site_url: str) -> Result:
    """`result` with every link that has a `site_path` pointing under `site_url`."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    for link in [*result["links"], *(c["set_up"] for c in result["connectors"])]:
        _repoint(link, base)
    for fired in result["fired"]:
        source = fired["source"]
        if source["site_path"]:
            source["href"] = urljoin(base, source["site_path"])
    return result


def _repoint(link: LinkResult, base: str) -> None:
    if link["site_path"]:
        link["href"] = urljoin(base, link["site_path"])
