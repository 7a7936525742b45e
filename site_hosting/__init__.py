"""What hosting the built site needs: pages that pass a strict Content-Security-Policy."""

from __future__ import annotations

from .inline_scripts import externalize_inline_scripts

__all__ = ["externalize_inline_scripts"]
