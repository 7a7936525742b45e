"""What the checker's worker boots Pyodide with, besides URLs: the lock `info`, and the
engine wheel's Subresource Integrity.

The worker does not install the engine as a Pyodide package (installing imports
importlib.metadata, tarfile and email: ~60 KB brotli the browser would download for
nothing): it fetches the wheel while Pyodide starts and unpacks it onto `sys.path`. So
Pyodide's stock lock file (119 KB, ~300 packages this site does not ship) is replaced by
a lock with no packages, handed over as contents; Pyodide reads only its `info` (the ABI
it checks, the Python version). The wheel's SHA-256, which the lock file used to carry,
is checked by `fetch()` as Subresource Integrity.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

__all__ = ["lock_info", "subresource_integrity"]


def lock_info(pyodide_lock: dict[str, Any]) -> dict[str, Any]:
    """The `info` of Pyodide's own lock file (`abi_version`, `python`, ...)."""
    return dict(pyodide_lock["info"])


def subresource_integrity(path: Path) -> str:
    """`sha256-<base64>` of the file, as `fetch(url, {integrity})` checks it."""
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()
