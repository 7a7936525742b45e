"""The Pyodide lock file the checker boots with: Pyodide's own `info`, and the engine's wheel.

Pyodide's stock lock file (119 KB) describes ~300 packages that this site does not ship.
A lock listing only our wheel lets the worker ask for it by name while Pyodide boots
(`loadPyodide({lockFileURL, packages: [...]})` downloads it in parallel with the
interpreter's start-up, as `loadPackage` would afterwards) and checks its SHA-256.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

__all__ = ["ENGINE_PACKAGE", "engine_lock"]

ENGINE_PACKAGE = "connector-engine"


def engine_lock(pyodide_lock: dict[str, Any], wheel: Path) -> dict[str, Any]:
    """A lock file for `wheel`, taking `info` (ABI, Python version) from Pyodide's own."""
    version = wheel.name.split("-")[1]
    return {
        "info": pyodide_lock["info"],
        "packages": {
            ENGINE_PACKAGE: {
                "name": ENGINE_PACKAGE,
                "version": version,
                "file_name": wheel.name,  # relative to the lock file's folder
                "install_dir": "site",
                "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
                "package_type": "package",
                "imports": ["engine"],
                "depends": [],
            }
        },
    }
