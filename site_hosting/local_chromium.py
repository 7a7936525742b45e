"""Debian's Chromium as the browser tests, the screenshots and the checker benchmark drive
it (through Playwright, never a downloaded browser), with the flags measured to work here.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = Path("/usr/bin/chromium")
# The background-networking, component-update and sync flags stop Chromium calling Google.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
