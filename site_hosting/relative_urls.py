"""No absolute URL to ourselves: the built site works on any host name, port and subpath.

MkDocs writes `site_url` into each page's canonical link and into sitemap.xml. An
intranet copy is served elsewhere, so the canonical link becomes relative to the page and
the sitemap's <loc> relative to the site's root (assets/hosting/sitemap-any-host.js
resolves them in the browser for Material's instant navigation).
"""

from __future__ import annotations

import re

__all__ = ["relative_canonical_link", "relative_sitemap"]

_CANONICAL = re.compile(r'(<link\s+rel="canonical"\s+href=")[^"]*(")')
_LOC = re.compile(r"(<loc>)\s*([^<]*?)\s*(</loc>)")


def relative_canonical_link(html: str, page_url: str) -> str:
    """Point the canonical link at the page itself, relatively (`page_url` as MkDocs has it)."""
    own = page_url.rsplit("/", 1)[-1] or "./"
    return _CANONICAL.sub(lambda m: f"{m.group(1)}{own}{m.group(2)}", html, count=1)


def relative_sitemap(xml: str, site_url: str) -> str:
    """Each <loc> under `site_url` made relative to it ("" for the home page -> "./")."""
    root = site_url if site_url.endswith("/") else site_url + "/"

    def relative(match: re.Match[str]) -> str:
        loc = match.group(2)
        if not loc.startswith(root):
            return match.group(0)
        return f"{match.group(1)}{loc[len(root):] or './'}{match.group(3)}"

    return _LOC.sub(relative, xml)
