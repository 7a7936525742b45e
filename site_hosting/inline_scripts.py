"""Move inline ``<script>`` code into files, so pages pass ``script-src 'self'``.

Material writes a few small inline scripts into every page (storage helpers in <head>, the
colour-palette restore at the top of <body>). A strict Content-Security-Policy blocks
inline code, so each one becomes a file named by the hash of its code and is loaded with
``<script src>`` at the same place: a classic script without async/defer still runs right
there, before the rest of the page, as the inline one did. Data blocks such as
``<script type="application/json">`` are not code and stay inline.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["externalize_inline_scripts"]

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def externalize_inline_scripts(html: str, url_prefix: str) -> tuple[str, dict[str, str]]:
    """`html` with inline code replaced by ``<script src="{url_prefix}<hash>.js">``.

    Returns the new HTML and the files to write (file name -> code).
    """
    files: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        attrs, code = match.group("attrs"), match.group("code")
        type_match = _TYPE.search(attrs)
        script_type = type_match.group("type").lower() if type_match else ""
        if _SRC.search(attrs) or not code.strip() or script_type not in _JAVASCRIPT_TYPES:
            return match.group(0)
        name = hashlib.sha256(code.encode("utf-8")).hexdigest()[:16] + ".js"
        files[name] = code
        return f'<script{attrs} src="{url_prefix}{name}"></script>'

    return _SCRIPT.sub(replace, html), files
